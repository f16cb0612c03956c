"""Loading every item of a repository into a :class:`~gongkai.catalogue.Catalogue`.

``load_catalogue`` is the one entry point used by the CLI, the MkDocs hooks
and the tests: it reads catalogue.yml, then every ``disclosures/<YYYY>/*.md``,
validates each, then checks what concerns several files (unique index numbers,
translations and their originals). It never raises on bad input.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from . import clock
from .catalogue import Catalogue, Item, Translation
from .config import Config, load_config
from .problems import Problems
from .schema import ITEM_PATH_PATTERN
from .source import read_source
from .text import Text
from .validate import validate_original, validate_translation

CONTENT_DIR = "disclosures"


def item_paths(root: Path) -> list[Path]:
    """Every Markdown file under disclosures/ (except README.md), in a stable order."""
    base = root / CONTENT_DIR
    return sorted(p for p in base.rglob("*.md") if p.is_file() and p.relative_to(base).as_posix() != "README.md")


def load_catalogue(root: Path, today: date | None = None,
                   only: list[Path] | None = None) -> tuple[Catalogue | None, Problems]:
    """Load and validate the repository at ``root``.

    Returns the catalogue (None when there is any error) and every problem found.
    ``only`` restricts the per-file checks to some files; the cross-file checks still
    see every item, so a duplicate index number is found whichever file is named.
    """
    problems = Problems()
    config = load_config(root, problems)
    if config is None:
        return None, problems
    items = _load_items(root, config, problems, item_paths(root))
    if only is not None:
        wanted = {p.resolve().relative_to(root.resolve()).as_posix() for p in only}
        problems.items = [p for p in problems.items if p.path in wanted or p.path == "disclosures/catalogue.yml"]
    if problems.errors:
        return None, problems
    catalogue = Catalogue(config, tuple(sorted(items, key=lambda i: i.index_no)),
                          today if today is not None else clock.today())
    return catalogue, problems


def _load_items(root: Path, config: Config, problems: Problems, paths: list[Path]) -> list[Item]:
    originals: dict[str, Item] = {}
    translations: list[Path] = []
    places: dict[str, str] = {}
    for path in paths:
        rel = path.relative_to(root).as_posix()
        match = ITEM_PATH_PATTERN.match(rel.removeprefix(f"{CONTENT_DIR}/"))
        if not match:
            problems.add(rel, 0, "bad-path", Text(f"文件 {rel} 的位置或名称不符合 disclosures/<年份>/<五位序号>.md。",
                                                  f"{rel} is not named disclosures/<year>/<5-digit number>.md."))
            continue
        if match.group("lang"):
            translations.append(path)
            continue
        data = path.read_bytes()
        item = validate_original(read_source(root, path, problems), config, problems, root, data)
        places[rel] = f"{match.group('year')}/{match.group('number')}"
        if item is not None:
            originals[rel] = item
    _check_unique(originals.values(), problems)
    for path in translations:
        rel = path.relative_to(root).as_posix()
        original_rel = rel.removesuffix(".en.md") + ".md"
        original = originals.get(original_rel)
        doc = read_source(root, path, problems)
        if original is None and original_rel in places:
            continue  # the original has errors of its own, reported there
        translation = validate_translation(doc, original, config, problems)
        if translation is not None and original is not None:
            originals[original_rel] = _with_translation(original, translation)
    return list(originals.values())


def _with_translation(item: Item, translation: Translation) -> Item:
    return replace(item, translation=translation)


def _check_unique(items, problems: Problems) -> None:
    seen: dict[str, Item] = {}
    for item in sorted(items, key=lambda i: i.path):
        first = seen.setdefault(item.index_no, item)
        if first is not item:
            problems.add(item.path, 1, "duplicate-index-no",
                         Text(f"索引号 {item.index_no} 已被 {first.path} 使用。",
                              f"index number {item.index_no} is already used by {first.path}."), key="index_no")
            problems.add(first.path, 1, "duplicate-index-no",
                         Text(f"索引号 {item.index_no} 也被 {item.path} 使用。",
                              f"index number {item.index_no} is also used by {item.path}."), key="index_no")
