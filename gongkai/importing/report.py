"""The import report: what was found, repaired and guessed in a file, and what the editor must still do."""

from __future__ import annotations

from dataclasses import dataclass

from ..text import Text
from .lines import Place

#: The report's sections, in order: kind → heading.
SECTIONS: dict[str, Text] = {
    "found": Text("找到", "Found"),
    "repaired": Text("已修复", "Repaired"),
    "guessed": Text("推测（请核对）", "Guessed (check them)"),
    "missing": Text("待填写", "Still to fill in"),
    "check": Text("待核对", "To check"),
}


@dataclass(frozen=True)
class Note:
    """One line of the report."""

    kind: str
    """A key of :data:`SECTIONS`."""
    message: Text
    place: Place | None = None
    """Where in the imported file; None for the whole file."""
    key: str | None = None
    """The front-matter key concerned."""
    fix: Text | None = None
    item_line: int | None = None
    """The line of the written item concerned (a placeholder's line)."""
    marker: str | None = None
    """The placeholder the note put in the body, by which its line in the item is found."""


def location(source: str, place: Place | None, item: str | None = None, item_line: int | None = None) -> str:
    """``file:line`` for a text file; the page and line, or the paragraph, for other files;
    ``item:line`` when the note is about a line of the written item."""
    item_place = f"{item}:{item_line}" if item is not None and item_line is not None else None
    if place is None:
        return item_place or source
    if item_place:
        return f"{location(source, place)} → {item_place}"
    if place.page is None and place.unit == "line":
        return f"{source}:{place.line}"
    return f"{source}（{place.describe().zh} / {place.describe().en}）"


def format_report(source: str, item: str | None, header: list[str], notes: list[Note]) -> str:
    """The whole report of one file, section by section, each note in both languages."""
    out = list(header)
    for kind, title in SECTIONS.items():
        wanted = [n for n in notes if n.kind == kind]
        if not wanted:
            continue
        out.append(f"{title.zh} / {title.en}:")
        for n in wanted:
            key = f" [{n.key}]" if n.key else ""
            out.append(f"  {location(source, n.place, item, n.item_line)}:{key} {n.message.zh}")
            out.append(f"      {n.message.en}")
            if n.fix is not None:
                out.append(f"      修改方法: {n.fix.zh}")
                out.append(f"      How to fix: {n.fix.en}")
    return "\n".join(out)
