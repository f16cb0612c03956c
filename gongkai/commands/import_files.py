"""``gongkai import FILE...``: make items of an office's existing documents (.txt, .docx, .pdf).

Each file becomes one item with the next free 索引号, written like ``gongkai new``'s template;
the report says, per file, what was found, repaired and guessed and what is still to be filled in.
An existing item is never overwritten; a file that cannot be read is reported and the others are
still imported; the exit code is 1 when any file failed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .. import clock
from . import office_config
from ..config import Config
from ..importing.conversion import Imported, convert
from ..importing.lines import Reading, Unreadable
from ..importing.readers import read_file
from ..importing.report import Note, format_report
from ..loader import CONTENT_DIR
from ..template import next_number
from ..text import Text

NAME = "import"
HELP = "导入已有文件（.txt、.docx、.pdf）为条目 / import existing documents (.txt, .docx, .pdf) as items"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="要导入的文件 / the files to import")
    parser.add_argument("--year", type=int, help="索引号年份，默认取成文日期的年份 / year of the index numbers "
                                                 "(default: the year each document was written)")
    parser.add_argument("--dry-run", action="store_true", help="只显示将写入的内容，不写文件 / show what would be "
                                                               "written, write nothing")
    parser.add_argument("--root", type=Path, default=Path("."), help="仓库根目录 / repository root")


def run(args: argparse.Namespace) -> int:
    config = office_config(args.root)
    if config is None:
        return 2
    if args.year is not None and not 1900 <= args.year <= 2999:
        print(f"错误：--year {args.year} 不是四位数的年份。\nError: --year {args.year} is not a four-digit year.",
              file=sys.stderr)
        return 2
    taken: dict[int, int] = {}  # year → the last number given in this run
    titles = _titles(args.root)
    failed = 0
    for path in args.files:
        ok = _import_one(path, args, config, taken, titles)
        failed += not ok
        print()
    done = len(args.files) - failed
    verb = Text("可导入", "could be imported") if args.dry_run else Text("已导入", "imported")
    print(f"{verb.zh} {done} 个文件，失败 {failed} 个。 / {done} file(s) {verb.en}, {failed} failed.")
    return 1 if failed else 0


def _import_one(path: Path, args: argparse.Namespace, config: Config, taken: dict[int, int],
                titles: dict[str, str]) -> bool:
    """Import one file and print its report; False (with the reason printed) when it failed."""
    source = path.as_posix()
    try:
        reading = read_file(path)
    except Unreadable as exc:
        return _fail(source, exc.what, exc.fix)
    imported = convert(reading, config)
    year = _year(args, imported)
    number = _number(args.root, year, taken)
    if number is None:
        return _fail(source, Text(f"{year} 年的五位序号已用完。", f"no 5-digit number is left for {year}."),
                     Text("用 --year 指定另一年份。", "Give another year with --year."))
    rel = f"{CONTENT_DIR}/{year}/{number}.md"
    _note_same_title(imported, titles, rel)
    text = imported.text(f"{config.index_prefix}/{year}-{number}")
    if not args.dry_run and not _write(args.root, rel, text, source):
        return False
    print(format_report(source, rel, _header(source, rel, reading, args.dry_run),
                        imported.notes + [_closing(imported, rel, args.dry_run)]))
    if args.dry_run:
        print(f"--- {rel} ---\n{text}", end="")
    return True


def _header(source: str, rel: str, reading: Reading, dry_run: bool) -> list[str]:
    unit = (Text("段", "paragraph(s)") if reading.lines[:1] and reading.lines[0].place.unit == "paragraph"
            else Text("行文字", "line(s) of text"))
    count = len(reading.lines)
    return [f"导入 / Import: {source} → {rel}{'（试运行，未写入 / dry run, not written）' if dry_run else ''}",
            f"读取 / Read: {reading.kind.zh}，{count} {unit.zh} / {reading.kind.en}, {count} {unit.en}"]


def _note_same_title(imported: Imported, titles: dict[str, str], rel: str) -> None:
    """Note an item with the same title (already there, or imported earlier in this run)."""
    title = imported.values.get("title")
    if not isinstance(title, str):
        return
    if title in titles:
        place = imported.document.title.place if imported.document and imported.document.title else None
        imported.notes.append(Note("check", Text(f"{titles[title]} 已有同样标题的条目：是否重复导入？",
                                                 f"{titles[title]} has the same title: imported twice?"), place,
                                   "title", Text("是同一份文件时删去新条目。",
                                                 "If it is the same document, delete the new item.")))
    titles.setdefault(title, rel)


def _year(args: argparse.Namespace, imported: Imported) -> int:
    if args.year:
        return args.year
    if imported.year:
        return imported.year
    year = clock.today().year
    imported.notes.append(Note("guessed", Text(f"原件没有日期，索引号用今年 {year}", f"the document has no date; the "
                                               f"index number uses this year, {year}"), key="index_no",
                               fix=Text("需要别的年份时删去该条目，用 --year 重新导入。",
                                        "For another year, delete the item and import again with --year.")))
    return year


def _number(root: Path, year: int, taken: dict[int, int]) -> str | None:
    """The next free number of ``year``, after those this run has given already (also in a dry run)."""
    free = next_number(root, year)
    if free is None:
        return None
    number = max(int(free), taken.get(year, 0) + 1)
    if number > 99999:
        return None
    taken[year] = number
    return f"{number:05d}"


def _titles(root: Path) -> dict[str, str]:
    """The title of each item already in the repository → its path (to notice a file imported twice)."""
    found: dict[str, str] = {}
    for path in sorted((root / CONTENT_DIR).glob("[0-9][0-9][0-9][0-9]/[0-9][0-9][0-9][0-9][0-9].md")):
        try:
            head = path.read_text(encoding="utf-8-sig")[:4000]
        except (OSError, UnicodeDecodeError):
            continue
        match = re.search(r"^title:[ \t]*(.+?)[ \t]*$", head, re.M)
        if match:
            found.setdefault(match.group(1).strip("\"'"), path.relative_to(root).as_posix())
    return found


def _write(root: Path, rel: str, text: str, source: str) -> bool:
    """Write a new item; an existing file is never overwritten (``x`` mode fails instead)."""
    path = root / rel
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        return _fail(source, Text(f"{rel} 已经存在，不会被覆盖。", f"{rel} exists already and is never overwritten."),
                     Text("再运行一次 gongkai import：它会取下一个空闲序号。",
                          "Run gongkai import again: it takes the next free number."))
    except OSError as exc:
        return _fail(source, Text(f"无法创建 {rel}：{exc.strerror}。", f"cannot create {rel}: {exc.strerror}."),
                     Text(f"检查 {path.parent.as_posix()} 是可以写入的文件夹。",
                          f"Check that {path.parent.as_posix()} is a folder you can write to."))
    return True


def _closing(imported: Imported, rel: str, dry_run: bool) -> Note:
    todo = sum(n.kind in ("missing", "check") for n in imported.notes)
    guesses = sum(n.kind == "guessed" for n in imported.notes)
    return Note("check", Text(f"{'将写入' if dry_run else '已写入'} {rel}：{guesses} 项推测、{todo} 项待填写或核对。",
                              f"{'would write' if dry_run else 'wrote'} {rel}: {guesses} guess(es), {todo} thing(s) "
                              "to fill in or check."),
                fix=Text(f"处理上面各项后运行 gongkai check {rel}", f"Deal with each of the above, then run: gongkai "
                         f"check {rel}"))


def _fail(source: str, what: Text, fix: Text) -> bool:
    print(f"{source}: 错误 error: {what.zh}\n    {what.en}\n    修改方法: {fix.zh}\n    How to fix: {fix.en}\n"
          f"    未导入该文件；其余文件照常导入。 / This file was not imported; the others are.", file=sys.stderr)
    return False
