"""The top-level values of a plain front matter, read without libyaml: its usual form, nothing more.

Most items' front matter is one key per line with a plain text (or date) after ``key: ``, and lists of
plain texts, one ``- `` line per entry. libyaml reads those well, but a loader is made per file and it calls
back into Python for every node, mark and tag: most of the check's time went there. :func:`entries` reads
exactly that form with one pattern and gives each key, its line, and the value's node as libyaml composes
it (tag, value, style and marks: tests/test_plain_yaml.py compares both on every form it takes and on many
it must refuse). For anything else (quotes, comments, flow lists, mappings below the top, numbers,
booleans, empty values, blank lines, a character YAML treats specially) it answers None, and libyaml reads
the text as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

Resolve = Callable[[str], str]
"""The tag the loader's resolver gives a plain scalar (:func:`gongkai.source.plain_tag`)."""
Entry = tuple[str, int, yaml.Node, object]
"""A key, its 0-based line, its value's node and the value (a text or a list of texts)."""

_MARK = getattr(getattr(yaml, "_yaml", None), "Mark", None)
"""libyaml's marks; without libyaml, None (and :func:`entries` always answers None)."""
_NAME = "<unicode string>"
"""The stream name libyaml gives a text."""

#: The tags of the plain scalars read here: those whose value is the text itself (the loader keeps
#: timestamps as text).
TEXT_TAGS = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"})

#: A plain scalar that ends at the line's end: none of YAML's indicators first, no ": " in it, no ":" or
#: space last (a "#" anywhere, a tab or any other special character keeps the whole text from being read here).
_VALUE = r"""[^-?:,\[\]{}#&*!|>'"%@`\ \n][^:\n]*(?::+[^:\ \n][^:\n]*)*(?<!\ )"""
#: One line: ``key: value`` or ``key:`` (a plain key of at most 64 characters, which libyaml always reads
#: as a key), or ``- value`` (a list's entry, at any indentation).
_LINE = re.compile(rf"(?m)^(?:([A-Za-z_][A-Za-z0-9_]{{0,63}}):(?:(\ +)({_VALUE}))?|(\ *)-\ ({_VALUE}))$")


def entries(text: str, resolve: Resolve) -> list[Entry] | None:
    """The top-level keys of ``text`` (a front matter without its fences), as libyaml reads them, when
    ``text`` has only the plain form; else None."""
    if _MARK is None or not text or "#" in text or not text.replace("\n", " ").isprintable():
        return None
    reader = _Reader(resolve)
    for match in _LINE.finditer(text):
        if match.start() != reader.offset or not reader.take(match):
            return None
    if reader.offset != len(text) + 1 or not reader.end_list(len(text)):
        return None
    return reader.read


class _Reader:
    """Reads a text's lines in order: the entries so far, the pending ``key:`` and its list."""

    def __init__(self, resolve: Resolve):
        self.resolve = resolve
        self.offset = self.line = 0
        """Where the next line starts, and its number."""
        self.read: list[Entry] = []
        self.key: tuple[str, int] | None = None
        self.list: list[yaml.ScalarNode] = []
        self.list_start: tuple[int, int, int] = (0, 0, 0)

    def take(self, match: re.Match) -> bool:
        """Read the line ``match`` matched; False if it is not what libyaml would read as it seems."""
        key, spaces, value, indent, entry = match.groups()
        if key is not None:
            if not self.end_list(self.offset):
                return False
            if value is None:
                self.key = key, self.line
            else:
                node = self._scalar(value, len(key) + 1 + len(spaces))
                if node is None:
                    return False
                self.read.append((key, self.line, node, value))
        else:
            if self.key is None or (self.list and len(indent) != self.list_start[2]):
                return False  # a list without its key, or entries at two indentations
            if not self.list:
                self.list_start = (self.offset + len(indent), self.line, len(indent))
            node = self._scalar(entry, len(indent) + 2)
            if node is None:
                return False
            self.list.append(node)
        self.offset, self.line = match.end() + 1, self.line + 1
        return True

    def end_list(self, index: int) -> bool:
        """Close the pending key's list at ``index``, the start of the current line (or the text's end);
        False if the key has no list (an empty value: null, left to libyaml)."""
        if self.key is None:
            return True
        if not self.list:
            return False
        start = _MARK(_NAME, *self.list_start, None, None)
        end = _MARK(_NAME, index, self.line, 0, None, None)
        node = yaml.SequenceNode("tag:yaml.org,2002:seq", self.list, start, end, False)
        self.read.append((*self.key, node, [n.value for n in self.list]))
        self.key, self.list = None, []
        return True

    def _scalar(self, value: str, column: int) -> yaml.ScalarNode | None:
        tag = self.resolve(value)
        if tag not in TEXT_TAGS:
            return None
        end = column + len(value)
        return yaml.ScalarNode(tag, value, _MARK(_NAME, self.offset + column, self.line, column, None, None),
                               _MARK(_NAME, self.offset + end, self.line, end, None, None), "")
