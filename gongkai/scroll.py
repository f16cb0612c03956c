"""Wide tables in their own scroll regions, so that no page ever scrolls sideways.

A table wider than the screen (the annual report's Tables 二–四 in an item's body, the editors'
reference tables) is put in a ``<div class="gk-scroll" role="region" tabindex="0" aria-label="…">``:
keyboard users can focus it and scroll it with the arrow keys, screen readers announce it by its
caption. The finished HTML of a page is parsed (never pattern-matched) to find the tables.
"""

from __future__ import annotations

from html.parser import HTMLParser
from itertools import accumulate

from .html import esc
from .text import Text

#: Tables that restack on phones instead of scrolling (listings, metadata).
RESTACKING = frozenset({"gk-list", "gk-meta"})
SCROLL_CLASS = "gk-scroll"
LABEL = Text("表格：{caption}", "Table: {caption}")
UNLABELLED = Text("表格 {number}", "Table {number}")


class _Tables(HTMLParser):
    """Finds the outermost tables outside a scroll region: their start and end offsets and captions."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0, *accumulate(len(line) + 1 for line in html.split("\n"))]
        self.found: list[tuple[int, int, str]] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, is a scroll region)
        self.depth = 0  # table nesting of the current table
        self.start = 0
        self.caption: list[str] | None = None
        self.caption_text = ""

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def inside_region(self) -> bool:
        return any(region for _, region in self.stack)

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "table":
            if self.depth == 0 and not self.inside_region() and not classes & RESTACKING:
                self.start, self.caption_text = self.position(), ""
                self.depth = 1
            elif self.depth:
                self.depth += 1
        elif tag == "caption" and self.depth == 1:
            self.caption = []
        if tag not in VOID:
            self.stack.append((tag, SCROLL_CLASS in classes))

    def handle_data(self, data):
        if self.caption is not None:
            self.caption.append(data)

    def handle_endtag(self, tag):
        if tag == "caption" and self.caption is not None:
            self.caption_text, self.caption = " ".join("".join(self.caption).split()), None
        if tag == "table" and self.depth:
            self.depth -= 1
            if self.depth == 0:
                end = self.html.index(">", self.position()) + 1
                self.found.append((self.start, end, self.caption_text))
        for index in range(len(self.stack) - 1, -1, -1):  # close up to the matching element
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                  "track", "wbr"})


def wrap_wide_tables(html: str, lang: str) -> str:
    """``html`` with each table that could be wider than the screen inside a labelled scroll region."""
    if "<table" not in html:
        return html
    parser = _Tables(html)
    parser.feed(html)
    parser.close()
    parts, last = [], 0
    for number, (start, end, caption) in enumerate(parser.found, start=1):
        label = LABEL(lang).format(caption=caption) if caption else UNLABELLED(lang).format(number=number)
        parts += [html[last:start], f'<div class="{SCROLL_CLASS}" role="region" tabindex="0" aria-label="{esc(label)}">',
                  html[start:end], "</div>"]
        last = end
    return "".join(parts + [html[last:]])
