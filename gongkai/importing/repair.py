"""Repairs of text extracted from PDFs (and copied out of them): page numbers, running headers,
paragraphs split by a page break, and text repeated across a page join.

Nothing is deleted silently: a fragment repeated across a join is kept, marked with
:data:`REPEAT_MARK` where the join is, and reported with its place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..text import Text
from .lines import Line, Paragraph, Place
from .officialdoc import ends_part, ends_sentence, is_structure

REPEAT_MARK = "\ue000"
"""Put at a join where the text repeats (a private-use character, removed from the input first)."""

#: Page numbers alone on a line: — 3 —, -3-, 第3页, 第3页 共5页, 3/5.
PAGE_NUMBER = re.compile(r"^(?:[—–―\-－~]+\s*\d{1,4}\s*[—–―\-－~]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                         r"|\d{1,4}\s*/\s*\d{1,4})$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
#: Letters, digits and punctuation of Chinese text (CJK, full-width forms, Chinese quotes and dashes).
_CJK = "\u2014\u2018\u2019\u201c\u201d\u2026\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
#: A space beside a Chinese character, unless a label follows (联系人：张三 电话：…): extraction puts those in.
_SPACE_BY_CJK = re.compile(rf"(?:(?<=[{_CJK}])[ \t\u3000]+(?=\S)|(?<=\S)[ \t\u3000]+(?=[{_CJK}]))"
                           r"(?![^\s:：]{1,6}[:：])")
#: Shortest and longest fragment taken for a repetition at a join.
_REPEAT_MIN, _REPEAT_MAX = 2, 16
#: A line this short is a part of its own (a name, a label), not a line of running text cut by a page.
_JOIN_MIN = 10


@dataclass(frozen=True)
class Repeat:
    """A fragment that ends the text before a join and starts the text after it."""

    fragment: str
    before: Place
    after: Place


@dataclass(frozen=True)
class Repairs:
    """What the repairs did, for the report."""

    dropped: tuple[tuple[Place, str, Text], ...]
    """Lines dropped: place, text, why (page number or running header)."""
    joins: tuple[Place, ...]
    """Where a paragraph split by a page break (or a break in copied text) was joined: the later line."""
    repeats: tuple[Repeat, ...]


def repair(lines: tuple[Line, ...]) -> tuple[list[Paragraph], Repairs]:
    """The paragraphs of ``lines``, with page furniture dropped and split paragraphs joined."""
    lines = tuple(line.with_text(tidy(line.text)) for line in lines if line.block or tidy(line.text))
    kept, dropped = drop_page_furniture(lines)
    paragraphs: list[Paragraph] = []
    joins: list[Place] = []
    repeats: list[Repeat] = []
    last: Line | None = None
    for line in kept:
        joined = paragraphs and last is not None and line.block is None and paragraphs[-1].block is None and (
            (line.continues is True and not is_structure(line.text))
            or (line.continues is None and can_join(paragraphs[-1].text, line.text)))
        if not joined:
            paragraphs.append(Paragraph(line.text, line.place, line.level, line.block))
        else:
            before = paragraphs[-1].text
            glue = ""
            if line.continues is None and (line.place.page is None or line.place.page != last.place.page):
                joins.append(line.place)
                fragment = repeated_fragment(before, line.text)
                if fragment:
                    repeats.append(Repeat(fragment, last.place, line.place))
                    glue = REPEAT_MARK
            elif re.match(r"[A-Za-z0-9]", line.text) and re.search(r"[A-Za-z0-9,.;:]$", before):
                glue = " "
            paragraphs[-1] = Paragraph(before + glue + line.text, paragraphs[-1].place, paragraphs[-1].level)
        last = line
    return paragraphs, Repairs(tuple(dropped), tuple(joins), tuple(repeats))


def tidy(text: str) -> str:
    """A line without the spaces that extraction puts beside Chinese characters (用好 APEC 商务 → 用好APEC商务)."""
    return _SPACE_BY_CJK.sub("", text.replace(REPEAT_MARK, "")).strip()


def can_join(before: str, after: str) -> bool:
    """Whether ``after`` continues the paragraph ``before``, which a page break (or copying) split: the
    paragraph stops mid-sentence and neither side is a part of its own (heading, signature, date…)."""
    return (len(before) >= _JOIN_MIN and not ends_sentence(before) and not ends_part(before)
            and not is_structure(after) and not PAGE_NUMBER.match(after))


def repeated_fragment(before: str, after: str) -> str | None:
    """The longest text (2–16 characters, not only punctuation) that ends ``before`` and starts ``after``."""
    for size in range(min(_REPEAT_MAX, len(before), len(after)), _REPEAT_MIN - 1, -1):
        if before.endswith(after[:size]) and re.search(r"\w", after[:size]):
            return after[:size]
    return None


def drop_page_furniture(lines: tuple[Line, ...]) -> tuple[list[Line], list[tuple[Place, str, Text]]]:
    """Drop page numbers anywhere, and running headers and footers: the same text first (or last) on
    every page of a PDF but perhaps the first. The first line left on a page may continue the page before."""
    dropped: list[tuple[Place, str, Text]] = []
    page_number = Text("页码", "page number")
    numbers = {i for i, line in enumerate(lines) if line.block is None and PAGE_NUMBER.match(line.text)}
    headers = _copied_headers(lines, numbers)
    kept = []
    for i, line in enumerate(lines):
        if i in numbers or i in headers:
            dropped.append((line.place, line.text, page_number if i in numbers else _HEADER))
        else:
            kept.append(line)
    pages = _pages(kept)
    if len(pages) > 1:
        for _ in range(2):  # a header, then a page number under it (or a footer above one)
            for end in (0, -1):
                kept = _drop_repeated(kept, pages, end, dropped, page_number)
                pages = _pages(kept)
    firsts = {id(p[0]) for p in pages.values() if p}
    return [replace(line, continues=None) if id(line) in firsts else line
            for line in kept], dropped


_HEADER = Text("页眉页脚（每页重复）", "running header or footer")


def _copied_headers(lines: tuple[Line, ...], numbers: set[int]) -> set[int]:
    """In text copied out of a PDF (no pages known), a line that stands beside page numbers at least twice,
    and nowhere else but at the very top, is a running header or footer."""
    beside = Counter(lines[j].text for i in numbers for j in (i - 1, i + 1)
                     if 0 <= j < len(lines) and j not in numbers and lines[j].place.page is None)
    found: set[int] = set()
    for text, count in beside.items():
        where = [j for j, line in enumerate(lines) if line.text == text]
        if count >= 2 and not is_structure(text) and all(j == 0 or {j - 1, j + 1} & numbers for j in where):
            found.update(where)
    return found


def _pages(lines: list[Line]) -> dict[int, list[Line]]:
    pages: dict[int, list[Line]] = {}
    for line in lines:
        if line.place.page is not None:
            pages.setdefault(line.place.page, []).append(line)
    return pages


def _drop_repeated(lines: list[Line], pages: dict[int, list[Line]], end: int,
                   dropped: list[tuple[Place, str, Text]], page_number: Text) -> list[Line]:
    edge = {n: p[end] for n, p in pages.items() if p}
    shapes = Counter(re.sub(r"\d+", "#", line.text) for line in edge.values())
    later = [n for n in sorted(edge) if n != min(edge)]
    drop = set()
    for n, line in edge.items():
        shape = re.sub(r"\d+", "#", line.text)
        if line.block is None and _BARE_NUMBER.match(line.text):
            drop.add(id(line))
            dropped.append((line.place, line.text, page_number))
        elif shapes[shape] >= 2 and all(re.sub(r"\d+", "#", edge[m].text) == shape for m in later):
            drop.add(id(line))
            dropped.append((line.place, line.text, _HEADER))
    return [line for line in lines if id(line) not in drop]
