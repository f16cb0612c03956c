"""The field reader every statistics file shares: its YAML records read with their places, their keys
checked against a record schema (:mod:`.schema`), and their values read as dates, choices, whole
numbers, flags, ids, texts and amounts, each problem reported with file, line, key and fix.

Uses the core's reader (:func:`gongkai.source.decode`, :func:`~gongkai.source.parse_front_matter`) and the
shared machinery of :mod:`gongkai.fields`; nothing here raises on bad input. Longer than 300 lines
because each value reader is its own few lines of messages, zh and en.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import yaml

from ..fields import FieldReader
from ..personal import KINDS as PERSONAL_DATA_KINDS
from ..personal import find_personal_data
from ..problems import Problems, describe
from ..slips import NO_HINTS, KeyHints
from ..source import Value, decode, parse_front_matter, position
from ..text import Text
from . import vocabulary as v
from .privacy import CONTACT_PATTERNS, PERSONAL_KEYS, mask

#: Ids are short codes of the office's choosing: never a name or a number of the applicant.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,23}$")

_NESTED_FULLWIDTH_KEY = re.compile(r"^(?P<lead>\s+|\s*-\s+)(?P<key>[A-Za-z_][A-Za-z0-9_-]*)\s*(?P<bad>：)")


@dataclass(frozen=True)
class _Entry:
    """One ``key: value`` of a YAML mapping: the key as written, its nodes and its value."""

    key: str
    key_node: yaml.Node
    node: yaml.Node
    value: object


class _KeyConstructor(yaml.constructor.SafeConstructor):
    """Builds a mapping key as the core's reader does (dates stay text), to find the key's value."""


_KeyConstructor.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_scalar)


def _entries(node: yaml.MappingNode, data: dict) -> tuple[list[_Entry], list[tuple[_Entry, _Entry]]]:
    """The entries of a mapping, each value found in ``data`` by its key, never by position; and each key
    written again, with the key's first entry. A key is repeated when it is written the same way (the
    core's reader reports that as ``duplicate-key``) or is another spelling of the same YAML key, like
    ``1`` and ``0x1`` (only the caller can report that).

    YAML keeps the last value of a repeated key, so that is the entry kept, with its own node and line.
    """
    constructor = _KeyConstructor()
    first_by_key: dict[object, _Entry] = {}
    first_by_text: dict[str, _Entry] = {}
    last: dict[int, _Entry] = {}
    """The last entry of each key, by the ``id`` of the key's first entry."""
    repeated: list[tuple[_Entry, _Entry]] = []
    for key_node, value_node in node.value:
        try:
            key = constructor.construct_object(key_node, deep=True)
            hash(key)
        except Exception:  # noqa: BLE001 - YAML refused such a key already; never raise here
            key = None
        entry = _Entry(str(key_node.value), key_node, value_node, data.get(key))
        first = first_by_text.get(entry.key) or first_by_key.get(key)
        if first is None:
            first = first_by_text[entry.key] = first_by_key[key] = entry
        else:
            repeated.append((entry, first))
        last[id(first)] = entry
    return list(last.values()), repeated


def _same_key(entry: _Entry, first: _Entry) -> Text:
    """The message for a key YAML reads as an earlier one written another way."""
    line = first.key_node.start_mark.line + 1
    return Text(f"“{entry.key}” 与第 {line} 行的 “{first.key}” 在 YAML 中是同一个键，前一个的值会被丢弃。",
                f"'{entry.key}' is the same key to YAML as '{first.key}' on line {line}; the earlier value "
                "would be lost.")


class _Reader(FieldReader):
    """Reads one YAML statistics file, recording a problem for everything wrong."""

    CODES = {"wrong-type": "stats-wrong-type", "bad-date": "stats-bad-date", "unknown-key": "stats-unknown-key",
             "missing-key": "stats-missing-key", "unknown-value": "stats-unknown-value"}

    HINTS: KeyHints = NO_HINTS
    """The file's top-level keys, for the editor-slip diagnostics."""

    def __init__(self, rel: str, problems: Problems, today: date):
        super().__init__(rel, problems)
        self.today = today
        self._start = len(problems.items)

    @property
    def errors(self) -> int:
        """How many errors this file has had so far (warnings do not stop a file being read)."""
        return sum(1 for p in self.problems.items[self._start:] if p.severity == "error")

    # -- the file --------------------------------------------------------------
    def parse(self, data: bytes) -> tuple[str, dict[str, Value]] | None:
        text = decode(data, self.rel, self.problems)
        if text is None:
            return None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        fullwidth = False
        for number, raw in enumerate(text.split("\n"), start=1):
            match = _NESTED_FULLWIDTH_KEY.match(raw)
            if match and not raw.lstrip().startswith("#"):
                fullwidth = True
                self.error(number, "fullwidth-key", f"字段 “{match.group('key')}” 后面用了全角冒号“：”。",
                           f"key '{match.group('key')}' is followed by a full-width colon '：'.",
                           key=match.group("key"), column=match.start("bad") + 1)
        if fullwidth:
            return None
        meta = parse_front_matter(self.rel, text, 1, self.problems, self.HINTS)
        if meta is None:
            return None
        return text, meta

    def fields(self, node: yaml.Node, data: object, what: Text) -> dict[str, Value] | None:
        """The keys of a record (a YAML mapping) with their lines; None when it is not a mapping."""
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
            self.error(line, "stats-wrong-type", f"{what.zh}应为“字段: 值”的映射，实际是{describe(data, 'zh')}。",
                       f"{what.en} must be a mapping of keys to values; got {describe(data, 'en')}.",
                       hint=Text("每条记录以“- ”开头，其下每行写“字段: 值”，缩进对齐。",
                                 "Start each record with '- ' and write one 'key: value' per line, indented alike."))
            return None
        entries, repeated = _entries(node, data)
        for entry, first in repeated:  # the same text twice is reported by the core's reader (duplicate-key)
            if entry.key != first.key:
                self.problems.add(self.rel, entry.key_node.start_mark.line + 1, "stats-unknown-key",
                                  _same_key(entry, first), Text("删除其中一行。", "Delete one of the two lines."),
                                  key=entry.key, column=entry.key_node.start_mark.column + 1)
        if repeated:
            return None
        return {e.key: Value(e.value, e.key_node.start_mark.line + 1, e.node.start_mark.column + 1, e.node)
                for e in entries}

    def refused(self, key: str, value: Value, what: Text) -> bool:
        """A key naming personal data is never just unknown: statistics files hold none."""
        if key.lower() not in PERSONAL_KEYS:
            return False
        self.error(value.line, "stats-personal-data",
                   f"{what.zh}不得含有字段 “{key}”：统计文件不记录申请人的姓名、电话、证件号码等个人信息。",
                   f"{what.en} may not have the key '{key}': statistics files record no names, phone "
                   "numbers, ID numbers or other personal data of applicants.", key=key,
                   hint=Text("删除这一行；用 id 字段记录本机关自定的简短编号。",
                             "Delete the line; the id key holds the office's own short code."))
        return True

    # -- values ------------------------------------------------------------------
    def date(self, key: str, f: Value | None) -> date | None:
        if f is None:
            return None
        raw = f.value
        if not isinstance(raw, str):
            self.wrong_type(key, f, "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)", "2024-03-05")
            return None
        day = self.date_text(key, f, raw.strip())
        if day is not None and day > self.today:
            self.error(f.line, "stats-date-order", f"“{key}” 的日期 {day} 晚于今天（{self.today}）。",
                       f"'{key}': {day} is in the future (today is {self.today}).", key=key, column=f.column,
                       hint=Text("统计文件只记录已经发生的事；检查年份是否写错。",
                                 "Statistics record what has happened; check the year for a typo."))
            return None
        return day

    def choice(self, key: str, f: Value | None, terms: tuple[v.Term, ...], pending_hint: Text | None = None
               ) -> str | None:
        if f is None:
            return None
        raw = f.value
        keys = [t.key for t in terms]
        if isinstance(raw, str) and raw.strip() in keys:
            return raw.strip()
        hint = _allowed_hint(terms, raw.strip() if isinstance(raw, str) else "")
        if isinstance(raw, str) and raw.strip().lower() in ("pending", "none", "未办结", "尚未审结") and pending_hint:
            hint = pending_hint
        if not isinstance(raw, str):
            self.error(f.line, "stats-wrong-type", f"“{key}” 应为一个取值，实际是{describe(raw, 'zh')}。",
                       f"'{key}' must be one key; got {describe(raw, 'en')}.", key=key, column=f.column, hint=hint)
            return None
        text = raw.strip()
        group = text in (g.key for g in v.OUTCOME_GROUPS) and terms is v.OUTCOMES  # the hint lists its reasons
        return self.choose(key, f, text, terms, hint, ALIASES, cutoff=0.5, suggested=not group)

    def flag(self, key: str, f: Value | None) -> bool | None:
        if f is None:
            return False
        return self.boolean(key, f, "true")

    def ident(self, f: Value | None) -> str | None:
        if f is None:
            return None
        node = f.node
        raw = node.value if isinstance(node, yaml.ScalarNode) else None
        if raw is None or not ID_PATTERN.match(str(raw)):
            shown = describe(f.value, "zh") if raw is None else f"“{raw}”"
            shown_en = describe(f.value, "en") if raw is None else f"'{raw}'"
            self.error(f.line, "stats-id", f"id {shown} 不是简短编号。", f"id {shown_en} is not a short code.",
                       key="id", column=f.column)
            return None
        return str(raw)

    def fees(self, f: Value | None) -> Decimal | None:
        return self.amount("fees", f, Text("万元", "10,000 yuan"), 4)

    # -- personal data ------------------------------------------------------------
    def scan_personal_data(self, text: str) -> None:
        """Report anything that looks like personal data, masked: the numbers by the rules items are checked
        with (:func:`gongkai.personal.find_personal_data`), then :data:`CONTACT_PATTERNS`."""
        found = [(f.start, f.text, PERSONAL_DATA_KINDS[f.kind]) for f in find_personal_data(text)]
        taken = [(start, start + len(value)) for start, value, _ in found]
        found += [(m.start(), m.group(), what) for pattern, what in CONTACT_PATTERNS for m in pattern.finditer(text)
                  if not any(s < m.end() and m.start() < e for s, e in taken)]
        for start, value, what in sorted(found, key=lambda f: f[0]):
            (line, column), shown = position(text, start), mask(value)
            self.error(line, "stats-personal-data",
                       f"第 {line} 行第 {column} 列疑似{what.zh}（{shown}）。统计文件（包括注释）不得含有个人信息。",
                       f"line {line}, column {column} looks like personal data ({what.en}: {shown}). Statistics "
                       "files, comments included, must hold no personal data.", column=column)


#: Words editors are likely to write instead of a key.
ALIASES = {
    "company": "commercial-enterprise", "enterprise": "commercial-enterprise", "business": "commercial-enterprise",
    "person": "natural-person", "individual": "natural-person", "citizen": "natural-person",
    "university": "research-institution", "lawyer": "legal-services-organisation", "law-firm": "legal-services-organisation",
    "ngo": "social-welfare-organisation", "organisation": "other-organisation", "organization": "other-organisation",
    "lawsuit": "litigation-direct", "litigation": "litigation-direct", "maintained": "upheld", "overturned": "corrected",
}


def _allowed_hint(terms: tuple[v.Term, ...], text: str) -> Text:
    """The allowed values, narrowed to one group of Table 三 when the text names it."""
    if terms is not v.OUTCOMES:
        allowed = "; ".join(f"{t.key} ({t.label.zh})" for t in terms)
        return Text(f"允许的取值：{allowed}", f"Allowed values: {allowed}")
    group = next((g for g in v.OUTCOME_GROUPS if text.split("/")[0] == g.key), None)
    if group is not None:
        allowed = "; ".join(f"{r.key} ({r.label.zh})" for r in group.reasons)
        return Text(f"{group.label.zh}须写明具体情形：{allowed}", f"{group.label.en} needs its reason: {allowed}")
    groups = ", ".join(["disclosed", "partially-disclosed"] + [f"{g.key}/…" for g in v.OUTCOME_GROUPS])
    return Text(f"取值为 {groups}；全部取值及其在表三中的行见统计填报指南第四节。",
                f"Values are {groups}; every value and its row of Table 3 is listed in section 4 of the "
                "statistics guide.")
