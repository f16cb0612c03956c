"""``gongkai check``: check every item (or the given files) and print every problem."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..loader import load_catalogue
from ..statistics import check_statistics

NAME = "check"
HELP = "检查条目并列出全部问题 / check items and list every problem"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path,
                        help="只报告这些文件或文件夹的问题 / report only the problems of these files or folders")
    parser.add_argument("--root", type=Path, default=Path("."), help="仓库根目录 / repository root")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="输出格式 / output format (github: pull-request annotations)")


def run(args: argparse.Namespace) -> int:
    root = args.root
    if not (root / "disclosures").is_dir():
        print(f"错误：{root} 下没有 disclosures 文件夹；请在仓库根目录运行，或用 --root 指定。\n"
              f"Error: there is no disclosures folder in {root}; run this in the repository's root or give --root.",
              file=sys.stderr)
        return 2
    for path in args.paths:
        inside = not os.path.relpath(path.resolve(), root.resolve()).startswith("..")
        if not path.exists() or not inside:
            why = ("不存在", "does not exist") if not path.exists() else ("不在仓库内", "is outside the repository")
            print(f"错误：{path} {why[0]}。\nError: {path} {why[1]}.", file=sys.stderr)
            return 2
    catalogue, problems = load_catalogue(root, only=args.paths or None)
    check_statistics(root, catalogue, problems, args.paths or None)
    if args.format == "github":
        for problem in problems:
            print(problem.format_github())
    if problems:
        print(problems.report(), file=sys.stderr)
    else:
        count = len(catalogue.items) if catalogue else 0
        print(f"检查通过：{count} 个条目没有问题。 / All clear: {count} item(s) checked, no problems.")
    return 1 if problems.errors else 0
