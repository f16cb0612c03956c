"""The YAML nodes of a plain front matter, composed without libyaml: its usual form, nothing more.

Most items' front matter is one key per line with a plain text (or date) after ``key: ``, and lists of
plain texts, one ``- `` line per entry. libyaml composes those well, but calls back into Python for every
node, mark and tag, and a loader is made per file: most of the check's time went there. :func:`compose`
reads exactly that form, line by line, and gives the same nodes libyaml would (tags, values, styles and
marks: tests/test_plain_yaml.py compares both on every form it takes and on many it must refuse). For
anything else (quotes, comments, flow lists, mappings below the top, numbers, booleans, empty values,
blank lines, a character YAML treats specially) it answers None, and libyaml reads the text as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

Resolve = Callable[[str], str]

_MARK = getattr(getattr(yaml, "_yaml", None), "Mark", None)
"""libyaml's marks; without libyaml, None (and :func:`compose` always answers None)."""
_NAME = "<unicode string>"
"""The stream name libyaml gives a text."""
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"

#: ``key: value`` (a plain key of at most 64 characters, which libyaml always reads as a key) or ``key:``.
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]{0,63}):(?:( +)(.*))?")
#: ``- value``: one entry of a block list, at any indentation.
_ENTRY_LINE = re.compile(r"( *)- (.*)")
#: First characters that make a value other than a plain scalar (YAML's indicators) or that YAML may fold.
_NOT_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")


def compose(text: str, resolve_plain: Resolve) -> yaml.MappingNode | None:
    """The mapping node of ``text`` as libyaml composes it, when ``text`` has only the plain form; else
    None. ``resolve_plain(value)`` is the tag the loader's resolver gives a plain scalar: only values of
    :data:`TEXT_TAGS` are composed here."""
    if _MARK is None or "#" in text or not text:
        return None
    lines = text.split("\n")
    pairs: list[tuple[yaml.Node, yaml.Node]] = []
    offset, n, count = 0, 0, len(lines)
    while n < count:
        line = lines[n]
        match = _KEY_LINE.fullmatch(line)
        if match is None or not line.isprintable() or line[-1] == " ":
            return None
        key_end = match.end(1)
        key = yaml.ScalarNode(resolve_plain(match.group(1)), match.group(1), _MARK(_NAME, offset, n, 0, None, None),
                              _MARK(_NAME, offset + key_end, n, key_end, None, None), "")
        if match.group(3) is not None:
            value = _scalar(match.group(3), offset, n, match.start(3), resolve_plain)
            offset, n = offset + len(line) + 1, n + 1
        else:
            offset, n, value = _sequence(lines, offset + len(line) + 1, n + 1, len(text), resolve_plain)
        if value is None:
            return None
        pairs.append((key, value))
    end = _MARK(_NAME, len(text), count, 0, None, None)
    return yaml.MappingNode("tag:yaml.org,2002:map", pairs, pairs[0][0].start_mark, end, False)


def _scalar(value: str, offset: int, line: int, column: int, resolve_plain: Resolve) -> yaml.ScalarNode | None:
    """The node of a plain scalar on one line (to the line's end), or None if it may be anything else."""
    if not value or value[0] in _NOT_PLAIN_FIRST or ": " in value or value[-1] == ":":
        return None
    tag = resolve_plain(value)
    if tag not in TEXT_TAGS:
        return None
    end = column + len(value)
    return yaml.ScalarNode(tag, value, _MARK(_NAME, offset + column, line, column, None, None),
                           _MARK(_NAME, offset + end, line, end, None, None), "")


#: The tags of plain scalars composed here: those whose value is the text itself (the loader keeps
#: timestamps as text).
TEXT_TAGS = frozenset({_STR_TAG, "tag:yaml.org,2002:timestamp"})


def _sequence(lines: list[str], offset: int, n: int, size: int,
              resolve_plain: Resolve) -> tuple[int, int, yaml.SequenceNode | None]:
    """The block list starting on line ``n`` (at ``offset``), each entry a plain scalar at one
    indentation: the offset and number of the line after it, and its node (None if it is anything else)."""
    entries: list[yaml.Node] = []
    indent = None
    first = offset, n
    while n < len(lines):
        line = lines[n]
        match = _ENTRY_LINE.fullmatch(line)
        if match is None:
            break
        if indent is None:
            indent = match.end(1)
        if match.end(1) != indent or not line.isprintable() or line[-1] == " ":
            return offset, n, None
        entry = _scalar(match.group(2), offset, n, indent + 2, resolve_plain)
        if entry is None:
            return offset, n, None
        entries.append(entry)
        offset, n = offset + len(line) + 1, n + 1
    if indent is None:
        return offset, n, None  # an empty value: null, left to libyaml
    start = _MARK(_NAME, first[0] + indent, first[1], indent, None, None)
    end = _MARK(_NAME, min(offset, size), n, 0, None, None)
    return offset, n, yaml.SequenceNode(_SEQ_TAG, entries, start, end, False)
