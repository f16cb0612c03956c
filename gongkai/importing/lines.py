"""What every reader gives: the plain lines of a document, each with its place in the file."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..text import Text


@dataclass(frozen=True)
class Place:
    """Where something is in an imported file: a line of a text file, a paragraph of a Word file,
    or a line on a page of a PDF."""

    line: int
    """1-based line (text), paragraph (Word) or line on its page (PDF)."""
    page: int | None = None
    """1-based page of a PDF; None for other files."""
    unit: str = "line"
    """``line`` or ``paragraph``."""

    def describe(self) -> Text:
        if self.page is not None:
            return Text(f"第 {self.page} 页第 {self.line} 行", f"page {self.page}, line {self.line}")
        if self.unit == "paragraph":
            return Text(f"第 {self.line} 段", f"paragraph {self.line}")
        return Text(f"第 {self.line} 行", f"line {self.line}")


@dataclass(frozen=True)
class Line:
    """One line or paragraph of a document, as its reader found it."""

    text: str
    place: Place
    continues: bool | None = None
    """Whether it continues the line before: True or False when the reader knows (a PDF's layout,
    a Word paragraph), None when only the text can tell (a text file, the first line of a PDF page)."""
    level: int | None = None
    """The heading level a Word style gives (1 for Heading 1), 0 for the Title style."""
    block: str | None = None
    """A finished Markdown block (a table), kept as it is."""

    def with_text(self, text: str) -> Line:
        return replace(self, text=text)


@dataclass(frozen=True)
class Reading:
    """A file read into lines."""

    lines: tuple[Line, ...]
    kind: Text
    """What was read, e.g. ``文本文件（UTF-8 编码）`` / ``text file (UTF-8)``."""
    notes: tuple[tuple[Place, Text], ...] = ()
    """What the reader left out and the editor must know, e.g. a PDF page without text."""


class Unreadable(Exception):
    """A file that cannot be imported, with what is wrong and what to do, in both languages."""

    def __init__(self, what: Text, fix: Text) -> None:
        super().__init__(what.en)
        self.what = what
        self.fix = fix


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text, a heading or a table, after the repairs; placed at its first line."""

    text: str
    place: Place
    level: int | None = None
    block: str | None = None
