"""Hand-written Chinese pages: a line break inside a paragraph renders as a stray space between
Chinese characters (Markdown joins wrapped lines with a space), so paragraphs stay on one line."""

from __future__ import annotations

import re

import pytest

from conftest import REPO

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》【】]")
STRUCTURE = re.compile(r"^\s*([-*+]\s|\d+\.\s|#|```|~~~|\||<|>|!!!|---|\.\.\.)")

PAGES = sorted(p for p in (REPO / "docs").glob("*.md") if not p.name.endswith(".en.md"))


def wrapped_lines(text: str) -> list[int]:
    """Line numbers that continue the previous line of a paragraph across two CJK characters."""
    found, fenced, front = [], False, text.startswith("---\n")
    lines = text.split("\n")
    for number, (previous, line) in enumerate(zip(lines, lines[1:]), start=2):
        if front:
            front = line != "---"
            continue
        if re.match(r"^\s*(```|~~~)", previous):
            fenced = not fenced
        if fenced or not line.strip() or STRUCTURE.match(line) or not previous.strip():
            continue
        if STRUCTURE.match(previous) and not re.match(r"^\s*([-*+]\s|\d+\.\s)", previous):
            continue
        if CJK.match(previous.rstrip()[-1:]) and CJK.match(line.strip()[:1]):
            found.append(number)
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_chinese_paragraphs_are_not_hard_wrapped(page):
    assert wrapped_lines(page.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_wrapped_paragraph():
    assert wrapped_lines("---\ntitle: x\n---\n\n第一行的文字，\n第二行的文字。\n\n- 列表\n  续行文字\n") == [6, 9]
