"""``gongkai check``: check every item (or the given files) and print every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..loader import load_catalogue
from ..statistics import check_statistics

NAME = "check"
HELP = "检查条目并列出全部问题 / check items and list every problem"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="只检查这些文件 / check only these files")
    parser.add_argument("--root", type=Path, default=Path("."), help="仓库根目录 / repository root")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="输出格式 / output format (github: pull-request annotations)")


def run(args: argparse.Namespace) -> int:
    catalogue, problems = load_catalogue(args.root, only=args.paths or None)
    check_statistics(args.root, catalogue, problems, args.paths or None)
    if args.format == "github":
        for problem in problems:
            print(problem.format_github())
    if problems or args.format == "text":
        print(problems.report() if problems else _clean(catalogue), file=sys.stderr if problems else sys.stdout)
    return 1 if problems.errors else 0


def _clean(catalogue) -> str:
    count = len(catalogue.items) if catalogue else 0
    return f"检查通过：{count} 个条目没有问题。 / All clear: {count} item(s) checked, no problems."
