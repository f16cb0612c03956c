"""The check's shortcuts are exact: each cheap pre-test or rewritten pattern answers as the slower one
would, for every character there is."""

from __future__ import annotations

import re
import sys

from gongkai import personal, source

EVERY = [chr(c) for c in range(sys.maxunicode + 1)]


def test_every_control_character_is_unprintable():
    """source.control_characters skips its pattern when the text (tab and newlines aside) is printable."""
    assert [c for c in EVERY if source._XML_ILLEGAL.match(c) and c.isprintable()] == []
    assert source.control_characters("题\n\t\r目") == []
    assert source.control_characters("题\u3000目\x07") == [(1, 4, "U+0007")]


def test_wide_digits_are_the_digits_other_than_ascii():
    slow = re.compile(r"(?![0-9])\d")
    assert [c for c in EVERY if bool(slow.match(c)) != bool(personal._WIDE.match(c))] == []
    assert [c for c in EVERY if c.isascii() and personal._WIDE.match(c)] == []


def test_report_markers_and_wide_key_characters_are_what_the_pre_tests_assume():
    """body_findings.check skips a body without '<', '{' and '!!!' (every report marker has a '<'), and
    source reads an ASCII key without looking for a full-width colon or space."""
    from gongkai import body_findings, slips
    from gongkai.layout import REPORT_MARKERS

    assert all("<" in marker for marker in REPORT_MARKERS)
    assert [c for c in EVERY if c.isascii() and slips.FULLWIDTH_CHARS.match(c)] == []
    assert [c for c in EVERY if body_findings._MAY_LEAVE_THE_LIST.match(c) and c not in "<{"] == []
    assert body_findings._MAY_LEAVE_THE_LIST.fullmatch("!!!")


def test_the_closing_fence_is_the_first_fence_line_after_the_first():
    """source.parse_text finds the closing fence with one search instead of matching every line."""
    import random

    rng = random.Random(14)
    pool = ["---", "--- ", "---\t", "...", "... \t", "----", " ---", "-- -", "a: b", "", "正文", "---x", ".. .", "\t"]
    for _ in range(5000):
        text = "\n".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        lines = text.split("\n")
        slow = next((i for i in range(1, len(lines)) if source._FENCE.match(lines[i])), None)
        first_end = text.find("\n")
        found = source._CLOSING_FENCE.search(text, first_end) if first_end >= 0 else None
        assert (found and text.count("\n", 0, found.start()) + 1) == (slow or None), text
        if found:
            assert text[first_end + 1:found.start()] == "\n".join(lines[1:slow])
            assert text[found.end() + 1:] == "\n".join(lines[slow + 1:])


def test_a_placeholder_has_the_bracket_the_pre_tests_look_for():
    """item_fields and body_checks only search a text for placeholders when it has a '【'."""
    from gongkai.placeholders import PLACEHOLDER_PATTERN, placeholder

    assert PLACEHOLDER_PATTERN.pattern.startswith("【") and "|" not in PLACEHOLDER_PATTERN.pattern
    assert PLACEHOLDER_PATTERN.fullmatch(placeholder("标题", "title"))
