"""``gongkai check``: check every item (or the given files) and print every problem."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from ..layout import CONTENT_DIR
from ..history import check_changes
from ..loader import is_checked, load_catalogue, restrict
from ..problems import Problems
from ..statistics import check_statistics
from ..text import Text

NAME = "check"
HELP = "检查条目并列出全部问题 / check items and list every problem"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path,
                        help="只报告这些文件或文件夹的问题 / report only the problems of these files or folders")
    parser.add_argument("--root", type=Path, default=Path("."), help="仓库根目录 / repository root")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="输出格式 / output format (github: pull-request annotations)")


def run(args: argparse.Namespace) -> int:
    enabled = gc.isenabled()
    gc.disable()  # the check keeps every item to the end and makes almost no cyclic garbage: the collector
    try:          # would only walk the items again and again (5 % of the time at 10,000 items)
        return _run(args)
    finally:
        if enabled:
            gc.enable()


def _run(args: argparse.Namespace) -> int:
    root = args.root
    if not (root / CONTENT_DIR).is_dir():
        print(f"错误：{root} 下没有 disclosures 文件夹；请在仓库根目录运行，或用 --root 指定。\n"
              f"Error: there is no disclosures folder in {root}; run this in the repository's root or give --root.",
              file=sys.stderr)
        return 2
    for path in args.paths:
        refusal = _refusal(root, path)
        if refusal:
            print(f"错误：{path} {refusal.zh}\nError: {path} {refusal.en}", file=sys.stderr)
            return 2
    catalogue, problems = load_catalogue(root, only=args.paths or None)
    check_statistics(root, catalogue, problems, args.paths or None)
    if catalogue is not None:
        history = Problems()
        check_changes(catalogue, root, history)
        if args.paths:
            restrict(history, root, args.paths)
        problems.extend(history.items)
    if args.format == "github":
        for problem in problems:
            print(problem.format_github())
    if problems:
        print(problems.report(), file=sys.stderr)
    elif args.paths:
        print(f"检查通过：所列的 {len(args.paths)} 个文件或文件夹没有问题。"
              f" / All clear: no problems in the {len(args.paths)} file(s) or folder(s) given.")
    else:
        count = len(catalogue.items) if catalogue else 0
        print(f"检查通过：{count} 个条目没有问题。 / All clear: {count} item(s) checked, no problems.")
    return 1 if problems.errors else 0


def _refusal(root: Path, path: Path) -> Text | None:
    """Why ``path`` cannot be checked, or None: it must exist, be in the repository and hold items."""
    rel = os.path.relpath(path.resolve(), root.resolve()).replace(os.sep, "/")
    if not path.exists():
        return Text("不存在。", "does not exist.")
    if rel.startswith(".."):
        return Text("不在仓库内。", "is outside the repository.")
    if path.is_file() and not is_checked(rel):
        return Text("不是条目文件：gongkai check 检查 disclosures/ 中的条目（<年份>/<五位序号>.md 和 .en.md 译文）、"
                    "catalogue.yml 和统计文件。",
                    "is not an item file: gongkai check checks the items under disclosures/ (<year>/<5-digit "
                    "number>.md and .en.md translations), catalogue.yml and the statistics files.")
    return None
