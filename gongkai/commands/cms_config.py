"""``gongkai cms-config``: write the web editing page's configuration (admin/config.yml, admin/gk-schema.js)
from the item schema and catalogue.yml; ``--check`` says whether the committed files are current."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cms import ADMIN_DIR, generated_files, stale_files
from . import office_config

NAME = "cms-config"
HELP = "生成网页编辑页面的配置 / generate the web editing page's configuration (admin/)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="仓库根目录 / repository root")
    parser.add_argument("--check", action="store_true",
                        help="只检查已提交的文件是否最新，不写入 / only check that the committed files are current")


def run(args: argparse.Namespace) -> int:
    config = office_config(args.root)
    if config is None:
        return 1
    stale = stale_files(args.root, config)
    if args.check:
        if stale:
            print(f"过时：{', '.join(stale)}。请运行 .venv/bin/gongkai cms-config 并提交结果。\n"
                  f"Stale: {', '.join(stale)}. Run .venv/bin/gongkai cms-config and commit the result.",
                  file=sys.stderr)
            return 1
        print("编辑页面的配置是最新的。 / The editing page's configuration is current.")
        return 0
    folder = args.root / ADMIN_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in generated_files(config).items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
    written = ", ".join(stale) if stale else "—"
    print(f"已更新 / updated: {written}")
    return 0
