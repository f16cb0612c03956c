"""``gongkai report <YYYY>``: write a draft annual report (Chinese Markdown, the 30号 format)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .. import clock
from ..loader import load_catalogue
from ..layout import frozen_file, place_of
from ..statistics import load_statistics
from ..statistics.annual import due, earliest
from ..statistics.frozen import frozen_json
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
                        help="成文和发布日期 YYYY-MM-DD（默认今天，不早于次年1月1日）/ date written and published "
                             "(default: today, never before 1 January of the next year)")
    parser.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")


def _fail(zh: str, en: str) -> int:
    print(f"{zh}\n{en}", file=sys.stderr)
    return 1


def _report_day(year: int, day: date) -> date:
    """成文日期 and 发布日期: ``day``, but never before 1 January of the next year; a warning naming
    Article 49 when it is past 31 January."""
    if day < earliest(year):
        print(f"注意：{year}年度报告的日期不能早于 {earliest(year)}，已改为 {earliest(year)}。"
              f" / Note: a report on {year} cannot be dated before {earliest(year)}; it is dated {earliest(year)}.",
              file=sys.stderr)
        return earliest(year)
    if day > due(year):
        print(f"警告：{day} 晚于 {due(year)}。《条例》第四十九条要求在每年1月31日前公布上一年度的年度报告；"
              "报告列表将把它标为逾期。\n"
              f"Warning: {day} is after {due(year)}. Article 49 of the Regulations requires the report on the previous "
              "year by 31 January; the report list will show it as late.", file=sys.stderr)
    return day


def _index_no(root: Path, output: Path | None, prefix: str, day: date) -> str | None:
    """The 索引号: from ``output``'s place when it names an item file, else the next free number; always of
    the publishing year. None when there is none (the year is full, or ``output`` is in another year)."""
    if output is not None:
        try:
            place = place_of(output.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            place = None
        if place and not place.translation:
            return place.index_no(prefix) if int(place.year) == day.year else None
    number = next_number(root, day.year)
    return f"{prefix}/{day.year}-{number}" if number is not None else None


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    if args.output is not None and args.output.exists() and not args.force:
        return _fail(f"{args.output} 已存在；如需覆盖请加 --force。", f"{args.output} exists; add --force to overwrite it.")
    if (root / frozen_file(args.year)).exists() and not args.force:
        return _fail(f"{frozen_file(args.year)} 已存在：{args.year}年度报告已经生成过。如需重新生成（例如更正了统计文件），"
                     "请加 --force。",
                     f"{frozen_file(args.year)} exists: the {args.year} report has been written before. Add --force to "
                     "write it again (after correcting the statistics file, for example).")
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
    day = _report_day(args.year, args.date or clock.today())
    index_no = _index_no(root, args.output, catalogue.config.index_prefix, day)
    if index_no is None:
        return _fail(f"错误：{day.year} 年的五位序号已用完，或 -o 所指的文件不在 disclosures/{day.year}/ 中"
                     f"（索引号取发布年份 {day.year}）。",
                     f"Error: no 5-digit number is left for {day.year}, or -o names a file outside "
                     f"disclosures/{day.year}/ (the index number takes the year of publication, {day.year}).")
    text = draft_report(catalogue, figures, index_no, day)
    frozen = frozen_json(figures, index_no, day)
    if not figures.complete:
        print(f"注意：{args.year}年尚未结束，数字截至 {figures.as_of}。"
              f" / Note: {args.year} is not over; the figures are as of {figures.as_of}.", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(text)
        print("（未保存：表二至表四的冻结数字只在用 -o 保存报告时写入。）/ (Not saved: the frozen figures of "
              "Tables 2 to 4 are written only when the report is saved with -o.)", file=sys.stderr)
        number = index_no.rsplit("-", 1)[1]
        print(f"可保存为 disclosures/{day.year}/{number}.md：gongkai report {args.year} -o disclosures/{day.year}/"
              f"{number}.md / Save it as an item with -o disclosures/{day.year}/{number}.md", file=sys.stderr)
        return 0
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        (root / frozen_file(args.year)).parent.mkdir(parents=True, exist_ok=True)
        (root / frozen_file(args.year)).write_bytes(frozen)
    except OSError as exc:
        return _fail(f"无法写入 {args.output}：{exc.strerror}。请检查路径：其中的文件夹不能是已有的文件。",
                     f"cannot write {args.output}: {exc.strerror}. Check the path: none of its folders may be an "
                     "existing file.")
    print(f"已写入年度报告草稿 {args.output}（索引号 {index_no}）和表二至表四的冻结数字 {frozen_file(args.year)}。"
          "请替换全部【待填写：…】，删除 draft: true 后把两个文件一起提交。\n"
          f"Draft annual report written to {args.output} (index number {index_no}), and the frozen figures of Tables "
          f"2 to 4 to {frozen_file(args.year)}. Replace every 【待填写：…】, delete draft: true and submit both files.",
          file=sys.stderr)
    return 0
