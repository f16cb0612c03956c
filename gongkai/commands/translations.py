"""``gongkai translations``: what to translate next, and recording what a translation was made from."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..loader import load_catalogue
from ..layout import place_of
from ..translation_status import STATES, record_source_hash, translation_statuses

NAME = "translations"
HELP = "列出缺少或过时的英文译文 / list items whose English translation is missing or out of date"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="仓库根目录 / repository root")
    parser.add_argument("--all", action="store_true", help="也列出最新的译文 / also list up-to-date translations")
    parser.add_argument("--record", type=Path, metavar="PATH",
                        help="把原文当前的哈希写入该条目的译文（翻译或校对完成后）/ write the original's current "
                             "hash into this item's translation (after translating or checking it)")


def run(args: argparse.Namespace) -> int:
    if args.record is not None:
        return _record(args.root, args.record)
    catalogue, problems = load_catalogue(args.root, partial=True)
    if catalogue is None:
        print(problems.report(), file=sys.stderr)
        return 1
    if problems.errors:
        files = len({p.path for p in problems.errors})
        print(f"注意：{files} 个文件有错误，未列入下表；运行 gongkai check 查看。\n"
              f"Note: {files} file(s) with errors are not listed; run gongkai check to see them.", file=sys.stderr)
    statuses = translation_statuses(catalogue, args.root)
    shown = [s for s in statuses if args.all or s.state != "current"]
    for state, label in STATES.items():
        group = [s for s in shown if s.state == state]
        if not group:
            continue
        print(f"== {label.zh} / {label.en}: {len(group)}")
        for status in group:
            how = f" ({status.how})" if status.how else ""
            print(f"{status.item.path}\t{status.item.date_published}\t{status.item.title}{how}")
    counts = {state: sum(1 for s in statuses if s.state == state) for state in STATES}
    print(f"共 {len(statuses)} 个主动公开条目：{counts['current']} 个译文最新，{counts['outdated']} 个需更新，"
          f"{counts['missing']} 个没有译文，{counts['unknown']} 个无法判断。\n"
          f"{len(statuses)} proactive item(s): {counts['current']} up to date, {counts['outdated']} outdated, "
          f"{counts['missing']} not translated, {counts['unknown']} unknown.")
    if counts["unknown"]:
        print("提示：译文校对后运行 gongkai translations --record <译文路径> 记录原文哈希。\n"
              "Tip: after checking a translation, run gongkai translations --record <path> to record the original's hash.")
    return 0


def _record(root: Path, path: Path) -> int:
    rel = os.path.relpath(path.resolve(), root.resolve()).replace(os.sep, "/")
    place = place_of(rel)
    if place is None:
        print(f"错误：{path} 不是 disclosures/<年份>/<五位序号>.md 或 .en.md。\n"
              f"Error: {path} is not disclosures/<year>/<5-digit number>.md or .en.md.", file=sys.stderr)
        return 2
    original = root / place.original
    translation = original.with_name(f"{place.number}.en.md")
    for needed, zh, en in ((original, "中文原文", "Chinese original"), (translation, "英文译文", "English translation")):
        if not needed.is_file():
            print(f"错误：找不到{zh} {needed}。\nError: the {en} {needed} does not exist.", file=sys.stderr)
            return 1
    try:
        digest = record_source_hash(original, translation)
    except (ValueError, UnicodeDecodeError) as error:
        print(f"错误：无法写入 {translation}：译文须为 UTF-8 并有完整的文件头（{error}）。\n"
              f"Error: cannot write {translation}: it must be UTF-8 with a complete front matter ({error}).",
              file=sys.stderr)
        return 1
    print(f"已在 {translation} 中记录原文哈希 source_sha256: {digest}\n"
          f"Recorded the original's hash in {translation}: source_sha256: {digest}")
    return 0
