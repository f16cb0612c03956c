"""``gongkai report <YYYY>``: write a draft annual report (Chinese Markdown, the 30号 format)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .. import clock
from ..loader import load_catalogue
from ..layout import place_of
from ..statistics import load_statistics
from ..statistics.report import CATEGORY, GENRE, draft_report
from ..template import next_number

NAME = "report"
HELP = "生成政府信息公开工作年度报告草稿 / draft the annual report on open government information"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("year", type=int, help="报告年度 / the year reported on, e.g. 2024")
    parser.add_argument("--root", type=Path, default=Path("."), help="仓库根目录 / repository root")
    parser.add_argument("-o", "--output", type=Path,
                        help="保存到此文件，例如 disclosures/2025/00003.md / save to this file (default: print)")
    parser.add_argument("--date", type=date.fromisoformat, default=None,
                        help="成文和发布日期 YYYY-MM-DD（默认今天）/ date written and published (default: today)")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")


def _fail(zh: str, en: str) -> int:
    print(f"{zh}\n{en}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    if args.output is not None and args.output.exists() and not args.force:
        return _fail(f"{args.output} 已存在；如需覆盖请加 --force。", f"{args.output} exists; add --force to overwrite it.")
    catalogue, problems = load_catalogue(root)
    statistics = load_statistics(root, catalogue, problems)
    if catalogue is None or statistics is None:
        print(problems.report(), file=sys.stderr)
        return 1
    vocab = catalogue.config.vocabularies
    if GENRE not in vocab["genre"].terms or CATEGORY not in vocab["category"].terms:
        return _fail(f"catalogue.yml 须有体裁 “{GENRE}” 和主题分类 “{CATEGORY}”。",
                     f"catalogue.yml needs the genre '{GENRE}' and the category '{CATEGORY}'.")
    figures = statistics.year(args.year)
    if figures is None or not figures.recorded:
        return _fail(f"{args.year}年没有统计文件 disclosures/statistics/{args.year}.yml，无法填写表三、表四。"
                     "请先按统计填报指南建立该文件（确实没有申请的，写 requests: [] 和 appeals: []；"
                     "上一年也没有统计文件的，还要用 carried_over 列出 1 月 1 日仍未答复的申请）。",
                     f"{args.year} has no statistics file (disclosures/statistics/{args.year}.yml), so Tables 3 and "
                     "4 cannot be filled in. Create it first as the statistics guide explains (with no requests at "
                     "all, write requests: [] and appeals: []; if the previous year has no file either, list the "
                     "requests still open on 1 January under carried_over).")
    day = args.date or clock.today()
    index_no = None
    if args.output is not None:
        try:
            rel = args.output.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = ""
        place = place_of(rel)
        if place and not place.translation:
            index_no = place.index_no(catalogue.config.index_prefix)
    if index_no is None:
        number = next_number(root, day.year)
        if number is None:
            return _fail(f"错误：{day.year} 年的五位序号已用完。", f"Error: no 5-digit number is left for {day.year}.")
        index_no = f"{catalogue.config.index_prefix}/{day.year}-{number}"
    text = draft_report(catalogue, figures, index_no, day)
    if not figures.complete:
        print(f"注意：{args.year}年尚未结束，数字截至 {figures.as_of}。"
              f" / Note: {args.year} is not over; the figures are as of {figures.as_of}.", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(text)
        number = index_no.rsplit("-", 1)[1]
        print(f"可保存为 disclosures/{day.year}/{number}.md：gongkai report {args.year} -o disclosures/{day.year}/"
              f"{number}.md / Save it as an item with -o disclosures/{day.year}/{number}.md", file=sys.stderr)
        return 0
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        return _fail(f"无法写入 {args.output}：{exc.strerror}。请检查路径：其中的文件夹不能是已有的文件。",
                     f"cannot write {args.output}: {exc.strerror}. Check the path: none of its folders may be an "
                     "existing file.")
    print(f"已写入年度报告草稿 {args.output}（索引号 {index_no}）。请替换全部【待填写：…】，删除 draft: true 后再提交。\n"
          f"Draft annual report written to {args.output} (index number {index_no}). Replace every 【待填写：…】 and "
          "delete draft: true before submitting it.", file=sys.stderr)
    return 0
