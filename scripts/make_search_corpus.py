#!/usr/bin/env python3
"""Generate a repository of N realistic disclosures, for measuring the site search.

    python scripts/make_search_corpus.py 1000 /tmp/search-corpus

writes ``/tmp/search-corpus/disclosures/``: catalogue.yml (copied from this
repository), the real seed item ``2022/00001`` (+ ``.en.md``), and N - 1 items
made from the seed's own text: its sections shuffled, a random subset kept and
renumbered, years, counts, dates, titles and document numbers changed, and
every other item with an English translation built the same way from the
seed's translation. Search cares about realistic text (real vocabulary, real
lengths, both scripts), which a lorem-ipsum corpus would not give.

With ``--site`` it also copies the site files (mkdocs.yml, docs/, hooks/,
overrides/) so that ``mkdocs build`` runs in the output folder. The output
depends only on N and ``--seed``: two runs give identical files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "disclosures" / "2022" / "00001.md"
SITE_FILES = ("mkdocs.yml", "docs", "hooks", "overrides")
FIRST_YEAR = 2016
YEARS = 10
ZH_NUMERALS = "一二三四五六七八九十"

#: (zh topic, en topic, category, genre, zh keyword) — what a foreign affairs office publishes.
TOPICS = (
    ("法治政府建设工作情况", "building a law-based government", "rule-of-law", "report", "法治政府建设"),
    ("政府信息公开工作", "open government information", "open-government", "annual-report", "政府信息公开"),
    ("领事保护与协助工作", "consular protection and assistance", "consular-protection", "summary", "领事保护"),
    ("因公出国（境）管理工作", "the management of official travel abroad", "services", "notice", "因公出国"),
    ("部门预算", "the departmental budget", "budgets", "budget", "部门预算"),
    ("部门决算", "the departmental final accounts", "budgets", "budget", "部门决算"),
    ("友好城市交流合作", "exchanges with sister cities", "plans-and-reports", "plan", "友好城市"),
    ("APEC商务旅行卡办理", "APEC business travel cards", "services", "announcement", "APEC商务旅行卡"),
    ("外国人来华邀请审核", "invitations for foreign visitors", "services", "notice", "邀请外国人来华"),
    ("国际会议审批管理", "the approval of international conferences", "policy-documents", "normative-document",
     "国际会议"),
    ("公开招聘工作人员", "the recruitment of staff", "personnel", "announcement", "公开招聘"),
    ("重大行政决策事项", "major administrative decisions", "notices", "notice", "重大行政决策"),
)
TITLE_FORMS = (
    ("厦门市人民政府外事办公室关于{year}年{topic}的报告", "Report of the Xiamen Foreign Affairs Office on {topic} in {year}"),
    ("厦门市外办{year}年{topic}总结", "Summary of {topic} of the Xiamen Foreign Affairs Office for {year}"),
    ("关于做好{year}年{topic}的通知", "Notice on {topic} in {year}"),
    ("厦门市人民政府外事办公室{year}年{topic}情况公告", "Announcement on {topic} in {year}"),
)


def _split(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return front, body.strip()


def _blocks(body: str) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """The seed body as (opening paragraphs, [(heading text, section text)], closing paragraphs)."""
    parts = re.split(r"^## (.+)$", body, flags=re.M)
    opening = [p for p in parts[0].split("\n\n") if p.strip()]
    sections = []
    closing: list[str] = []
    for n in range(1, len(parts), 2):
        heading, text = parts[n], parts[n + 1].strip()
        paragraphs = text.split("\n\n")
        if n == len(parts) - 2:  # the last section is followed by the closing paragraphs
            paragraphs, closing = paragraphs[:1], paragraphs[1:]
        heading = re.sub(r"^(?:[一二三四五六七八九十]+、|\d+\. )", "", heading)
        sections.append((heading, "\n\n".join(paragraphs)))
    return opening, sections, closing


def _vary(text: str, year: int, numbers: dict[str, int]) -> str:
    """Move the seed's years to ``year`` and change its counts, so items differ in more than order."""
    for word, value in numbers.items():
        text = re.sub(rf"(?<!\d){word}(?!\d)", str(value), text)
    text = text.replace("2022", str(year)).replace("2021", str(year - 1))
    text = text.replace("十九大和十九届", "二十大和二十届" if year >= 2023 else "十九大和十九届")
    return text


def make_item(rng: random.Random, year: int, number: int, zh: tuple, en: tuple | None) -> tuple[str, str | None]:
    """The text of one item (and of its translation when ``en`` is given)."""
    topic_zh, topic_en, category, genre, keyword = rng.choice(TOPICS)
    form_zh, form_en = rng.choice(TITLE_FORMS)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    written = f"{year}-{month:02d}-{day:02d}"
    published = f"{year}-{month:02d}-{min(28, day + rng.randint(0, 5)):02d}"
    keep = sorted(rng.sample(range(len(zh[1])), rng.randint(3, len(zh[1]))), key=lambda _: rng.random())
    numbers = {"31": rng.randint(5, 90), "267": rng.randint(100, 900), "20": rng.randint(3, 60)}

    def body(parts: tuple, heading: str) -> str:
        opening, sections, closing = parts
        lines = [_vary(p, year, numbers) for p in opening]
        for n, index in enumerate(keep):
            title, text = sections[index]
            lines += [f"## {heading.format(n=n + 1, zh=ZH_NUMERALS[n])}{title}", _vary(text, year, numbers)]
        return "\n\n".join(lines + [_vary(p, year, numbers) for p in closing]) + "\n"

    keywords = sorted({keyword, *rng.sample(["法治政府建设", "领事保护", "政府信息公开", "放管服", "普法责任制",
                                              "宪法宣传", "外事服务"], 2)})
    text = "\n".join([
        "---",
        f"index_no: XMFAO/{year}-{number:05d}",
        f"title: {form_zh.format(year=year - 1, topic=topic_zh)}",
        "publisher: xmfao",
        f"doc_number: 厦外办〔{year}〕{rng.randint(1, 120)}号",
        f"date_written: {written}",
        f"date_published: {published}",
        f"category: {category}",
        f"genre: {genre}",
        "disclosure: proactive",
        "validity: in-force",
        "keywords:",
        *(f"  - {k}" for k in keywords),
        f"summary: 厦门市人民政府外事办公室通报{year - 1}年{topic_zh}，并提出{year}年工作安排。",
        "---",
        "",
        body(zh, "{zh}、"),
    ])
    if en is None:
        return text, None
    title_en = form_en.format(year=year - 1, topic=topic_en)
    translation = "\n".join([
        "---",
        f"title: {title_en}",
        f"summary: The Xiamen Foreign Affairs Office reports on {topic_en} in {year - 1} and sets out its plans "
        f"for {year}.",
        "---",
        "",
        body(en, "{n}. "),
    ])
    return text, translation


def make_corpus(count: int, out: Path, seed: int = 1, site: bool = False) -> int:
    """Write ``count`` items (the real seed item among them) under ``out``; returns how many have a translation."""
    rng = random.Random(seed)
    disclosures = out / "disclosures"
    if disclosures.exists():
        shutil.rmtree(disclosures)
    disclosures.mkdir(parents=True)
    shutil.copy2(REPO / "disclosures" / "catalogue.yml", disclosures / "catalogue.yml")
    (disclosures / "2022").mkdir()
    shutil.copy2(SEED, disclosures / "2022" / "00001.md")
    shutil.copy2(SEED.with_suffix(".en.md"), disclosures / "2022" / "00001.en.md")
    zh = _blocks(_split(SEED)[1])
    en = _blocks(_split(SEED.with_suffix(".en.md"))[1])
    translated = 1
    per_year = -(-count // YEARS)
    made = 1
    for n in range(per_year * YEARS):
        if made >= count:
            break
        year, number = FIRST_YEAR + n % YEARS, 1 + n // YEARS
        if (year, number) == (2022, 1):
            number = per_year + 1
        text, translation = make_item(rng, year, number, zh, en if made % 2 == 0 else None)
        path = disclosures / str(year) / f"{number:05d}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if translation is not None:
            path.with_suffix(".en.md").write_text(translation, encoding="utf-8")
            translated += 1
        made += 1
    if site:
        for name in SITE_FILES:
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            (shutil.copytree if (REPO / name).is_dir() else shutil.copy2)(REPO / name, target)
    return translated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many items, the seed item included")
    parser.add_argument("out", type=Path, help="the repository folder to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--site", action="store_true", help="also copy mkdocs.yml, docs/, hooks/, overrides/")
    args = parser.parse_args(argv)
    translated = make_corpus(args.count, args.out, args.seed, args.site)
    print(f"{args.count} items ({translated} with an English translation) in {args.out / 'disclosures'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
