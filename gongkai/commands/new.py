"""``gongkai new``: create a new item with the next free 索引号, today's dates and every required key.

Values come from options, or from questions when the command runs in a terminal.
What is not given is written as a placeholder (``【待填写：…】``), which
``gongkai check`` reports until the editor replaces it: a template is never published.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .. import clock
from . import office_config
from ..office import Config
from ..layout import year_folder
from ..schema import FIELDS, FIELDS_BY_KEY, Kind
from ..template import DEFAULTS, default_values, item_text, next_number

NAME = "new"
HELP = "新建条目（下一个空闲索引号）/ create a new item with the next free index number"

#: Keys asked for in a terminal, in the schema's order (:attr:`gongkai.schema.Field.asked`).
_ASKED = tuple(f.key for f in FIELDS if f.asked)
#: Options for their values: (option, key), e.g. ``("--doc-number", "doc_number")``.
_VALUE_OPTIONS = tuple((f"--{key.replace('_', '-')}", key) for key in _ASKED)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    for option, key in _VALUE_OPTIONS:
        f = FIELDS_BY_KEY[key]
        parser.add_argument(option, dest=key, metavar=f.kind.value.upper().replace("-", "_"),
                            help=f"{f.label.zh}：{f.help.zh} / {f.label.en}: {f.help.en}")
    parser.add_argument("--keyword", dest="keywords", action="append", metavar="WORD",
                        help="关键词，可重复 / a keyword (repeat for several)")
    parser.add_argument("--year", type=int, help="索引号年份，默认今年 / year of the index number (default: this year)")
    parser.add_argument("--draft", action="store_true", help="标记为草稿 / mark it as a draft")
    parser.add_argument("--root", type=Path, default=Path("."), help="仓库根目录 / repository root")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--interactive", action="store_true", default=None,
                      help="逐项提问（在终端中默认）/ ask for each value (the default in a terminal)")
    mode.add_argument("--no-input", dest="interactive", action="store_false",
                      help="不提问，未给出的值写成占位文字 / never ask; values not given become placeholders")


def run(args: argparse.Namespace) -> int:
    config = office_config(args.root)
    if config is None:
        return 1
    today = clock.today()
    interactive = args.interactive if args.interactive is not None else sys.stdin.isatty()
    values: dict[str, object] = {key: getattr(args, key) for _, key in _VALUE_OPTIONS if getattr(args, key)}
    if args.keywords:
        values["keywords"] = [w.strip() for w in args.keywords if w.strip()]
    if args.draft:
        values["draft"] = True
    if not interactive:
        values = {**default_values(config, today), **values}
    errors = [e for key, value in list(values.items()) if (e := _check(config, key, value, values))]
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 2
    if interactive:
        try:
            _ask(config, values, today)
        except EOFError:
            print("\n已取消。 / Cancelled.", file=sys.stderr)
            return 1
    year = args.year or today.year
    number = next_number(args.root, year)
    if number is None:
        print(f"错误：{year} 年的五位序号已用完。 / Error: no 5-digit number is left for {year}.", file=sys.stderr)
        return 1
    values["index_no"] = f"{config.index_prefix}/{year}-{number}"
    path = args.root / year_folder(year) / f"{number}.md"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as file:
            file.write(item_text(values))
    except OSError as exc:
        print(f"错误：无法创建 {path.as_posix()}：{exc.strerror}。请检查 {path.parent.as_posix()} 是可以写入的文件夹。\n"
              f"Error: cannot create {path.as_posix()}: {exc.strerror}. Check that {path.parent.as_posix()} is a "
              "folder you can write to.", file=sys.stderr)
        return 1
    rel = path.as_posix()
    print(f"已创建 {rel}（索引号 {values['index_no']}）。\n"
          f"请在文件中替换所有“【待填写：…】”（至少标题和正文），然后运行 gongkai check {rel}\n"
          f"Created {rel} (index number {values['index_no']}).\n"
          f"Replace every '【待填写：…】' placeholder in it (at least the title and the body), "
          f"then run: gongkai check {rel}")
    return 0


def _check(config: Config, key: str, value: object, values: dict[str, object]) -> str | None:
    """An error message for a bad option value, or None; dates are converted in ``values``."""
    f = FIELDS_BY_KEY[key]
    if f.kind is Kind.VOCAB:
        vocab = config.vocabulary(f.vocabulary or key)
        if value not in vocab.terms:
            allowed = ", ".join(f"{k} ({t.label.zh})" for k, t in vocab.terms.items())
            return (f"错误：--{key.replace('_', '-')} 的值 “{value}” 不在词表中；允许的取值：{allowed}\n"
                    f"Error: --{key.replace('_', '-')} '{value}' is not in the vocabulary; allowed: {allowed}")
    if f.kind is Kind.DATE and isinstance(value, str):
        try:
            values[key] = date.fromisoformat(value)
        except ValueError:
            return (f"错误：--{key.replace('_', '-')} 的值 “{value}” 不是 YYYY-MM-DD 格式的日期。\n"
                    f"Error: --{key.replace('_', '-')} '{value}' is not a date in the form YYYY-MM-DD.")
    return None


def _ask(config: Config, values: dict[str, object], today: date) -> None:
    """Ask in the terminal for each value not given as an option."""
    print("新建条目：逐项填写，直接回车使用 [方括号] 中的默认值。\n"
          "New item: answer each question; press Enter for the [default].")
    for key in _ASKED:
        if key in values:
            continue
        f = FIELDS_BY_KEY[key]
        if f.kind is Kind.VOCAB:
            values[key] = _choose(config, key)
        elif f.kind is Kind.DATE:
            while True:
                answer = input(f"{f.label.zh} / {f.label.en} (YYYY-MM-DD) [{today.isoformat()}]: ").strip()
                try:
                    values[key] = date.fromisoformat(answer) if answer else today
                    break
                except ValueError:
                    print("  请按 YYYY-MM-DD 填写，例如 2022-03-01。 / Use YYYY-MM-DD, e.g. 2022-03-01.")
        else:
            optional = "" if f.required else "（可留空 / optional）"
            answer = input(f"{f.label.zh} / {f.label.en}{optional}: ").strip()
            if answer:
                values[key] = answer


def _choose(config: Config, key: str) -> str:
    f = FIELDS_BY_KEY[key]
    vocab = config.vocabulary(f.vocabulary or key)
    keys = vocab.keys()
    default = DEFAULTS.get(key) if DEFAULTS.get(key) in vocab.terms else (keys[0] if len(keys) == 1 else None)
    print(f"{f.label.zh} / {f.label.en}:")
    for n, term in enumerate(vocab.terms.values(), 1):
        print(f"  {n:>2}) {term.key} — {term.label.zh} / {term.label.en}")
    while True:
        answer = input(f"  编号或取值 / number or value{f' [{default}]' if default else ''}: ").strip()
        if not answer and default:
            return default
        if answer.isdigit() and 1 <= int(answer) <= len(keys):
            return keys[int(answer) - 1]
        by_label = next((t.key for t in vocab.terms.values() if answer in (t.key, t.label.zh, t.label.en)), None)
        if by_label:
            return by_label
        print(f"  请输入 1–{len(keys)} 之间的编号或上面列出的取值。 / Enter a number from 1 to {len(keys)} "
              "or one of the values listed.")
