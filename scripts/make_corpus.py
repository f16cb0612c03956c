#!/usr/bin/env python3
"""Generate a repository of N valid disclosure items, for benchmarks and load tests.

    python scripts/make_corpus.py 10000 /tmp/corpus

writes ``/tmp/corpus/disclosures/catalogue.yml`` and ``docs/assets/`` (copied from this repository)
and N items spread over ten years, about a third with an English translation
and one in fifty with a small attachment. The output depends only on N and
``--seed``: two runs give identical files.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
FIRST_YEAR = 2016
YEARS = 10

PARAGRAPHS = (
    "为贯彻落实《中华人民共和国政府信息公开条例》，进一步提高政府工作透明度，现将有关事项通知如下。",
    "市外办坚持以人民为中心的发展思想，持续深化“放管服”改革，优化外事政务服务，提升办事效率。",
    "各单位要高度重视，明确责任分工，加强统筹协调，确保各项工作任务按时保质完成。",
    "积极开展海外领保工作，配合驻外使领馆高效稳妥处置各类领保案件，维护公民和企业在海外的合法权益。",
    "严格执行重大行政决策程序，落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定等制度。",
    "本年度部门预算收支总额较上年有所减少，主要原因是严格落实过紧日子要求，压减一般性支出。",
    "联系单位：人秘处，联系电话：0592-2856077，地址：厦门市思明区白鹭洲路16号团结大厦7楼。",
    "依法依规做好政府信息公开工作，及时准确公开行政规范性文件、财政预决算和人事信息。",
)
ENGLISH = (
    "In accordance with the Regulations on Open Government Information, the relevant matters are notified as follows.",
    "The Office continued to deepen the reform to streamline administration and improve its services.",
    "Every unit shall attach great importance to this work and complete each task on time.",
    "The Office handled consular protection cases together with embassies and consulates abroad.",
)


def _vocabulary(name: str) -> list[str]:
    data = yaml.safe_load((REPO / "disclosures" / "catalogue.yml").read_text(encoding="utf-8"))
    return list(data["vocabularies"][name])


def item_text(rng: random.Random, index_no: str, year: int, categories: list[str], genres: list[str],
              attachment: str | None) -> str:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    lines = [
        "---",
        f"index_no: {index_no}",
        f"title: 厦门市人民政府外事办公室关于{year}年第{rng.randint(1, 99)}项工作情况的{rng.choice(['报告', '通知', '公告'])}",
        "publisher: xmfao",
        f"doc_number: 厦外〔{year}〕{rng.randint(1, 200)}号",
        f"date_written: {year}-{month:02d}-{day:02d}",
        f"date_published: {year}-{month:02d}-{min(day + rng.randint(0, 3), 28):02d}",
        f"category: {rng.choice(categories)}",
        f"genre: {rng.choice(genres)}",
        "disclosure: proactive",
        "validity: in-force",
        "keywords:",
        *(f"  - {w}" for w in rng.sample(["法治政府建设", "领事保护", "政府信息公开", "预算", "人事", "外事服务"], 3)),
        f"summary: 报告{year}年相关工作情况，并提出下一步工作安排。",
    ]
    if attachment:
        lines += ["attachments:", f"  - file: {attachment}", "    title: 附件一"]
    lines += ["---", ""]
    for n in range(rng.randint(4, 12)):
        if n % 4 == 0:
            lines += [f"## {'一二三四五六七八九十'[n // 4]}、工作情况", ""]
        lines += ["".join(rng.choice(PARAGRAPHS) for _ in range(rng.randint(1, 3))), ""]
    return "\n".join(lines)


def translation_text(rng: random.Random, year: int) -> str:
    body = "\n\n".join(rng.choice(ENGLISH) for _ in range(rng.randint(3, 8)))
    return f"---\ntitle: Report of the Foreign Affairs Office on its work in {year}\n---\n\n{body}\n"


def make_corpus(root: Path, count: int, seed: int = 2024) -> Path:
    """Write ``count`` valid items under ``root``; returns ``root``."""
    rng = random.Random(seed)
    content = root / "disclosures"
    content.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "disclosures" / "catalogue.yml", content / "catalogue.yml")
    # catalogue.yml's portal names images under docs/assets/, which the check looks for.
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets", dirs_exist_ok=True)
    categories, genres = _vocabulary("category"), _vocabulary("genre")
    prefix = yaml.safe_load((content / "catalogue.yml").read_text(encoding="utf-8"))["index_prefix"]
    for n in range(count):
        year = FIRST_YEAR + n % YEARS
        number = f"{n // YEARS + 1:05d}"
        folder = content / str(year)
        folder.mkdir(exist_ok=True)
        attachment = f"{number}-annex.pdf" if n % 50 == 0 else None
        if attachment:
            (folder / attachment).write_bytes(b"%PDF-1.4\n% gongkai corpus attachment\n%%EOF\n")
        text = item_text(rng, f"{prefix}/{year}-{number}", year, categories, genres, attachment)
        (folder / f"{number}.md").write_text(text, encoding="utf-8")
        if n % 3 == 0:
            (folder / f"{number}.en.md").write_text(translation_text(rng, year), encoding="utf-8")
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many items")
    parser.add_argument("dest", type=Path, help="the repository to create (must not exist or be empty)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    if args.dest.exists() and any(args.dest.iterdir()):
        print(f"{args.dest} is not empty", file=sys.stderr)
        return 2
    make_corpus(args.dest, args.count, args.seed)
    print(f"{args.count} items written to {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
