"""Reading an item's front matter through the field reader: keys, required keys and one reader per kind
of value (:class:`gongkai.schema.Kind`), each problem with its place, zh and en.

The shared machinery ("did you mean", dates, wrong types) is :mod:`gongkai.fields`; the checks of a whole
document (relations between values, the file's place, attachments, a translation against its original) are
:mod:`gongkai.validate`, the body's :mod:`gongkai.body_checks`.
"""

from __future__ import annotations

import re
from datetime import date

import yaml

from .catalogue import Change
from .fields import FieldReader, suggest
from .office import Config
from .problems import Problems, describe
from .layout import INDEX_NO_PATTERN
from .schema import FIELDS, FIELDS_BY_KEY, TRANSLATION_ONLY_FIELDS, Field, Kind
from .source import SourceDocument, Value
from .placeholders import PLACEHOLDER_PATTERN
from .text import Text

_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


_FRONT_MATTER = Text("文件头", "the front matter")


class ItemChecker(FieldReader):
    """Checks one document's front matter, remembering the file and collecting values."""

    def __init__(self, doc: SourceDocument, config: Config, problems: Problems):
        super().__init__(doc.path, problems)
        self.doc = doc
        self.config = config
        self.values: dict[str, object] = {}
        self.suggested: set[str] = set()
        """Keys an unknown key was taken for (their missing-key is then implied)."""
        self.placeholder_errors: set[int] = set()
        """Lines whose placeholder was reported as an error in a draft (dates, index numbers)."""

    def warning(self, line: int, code: str, zh: str, en: str, *, column: int = 1, hint: Text | None = None) -> None:
        """A problem that does not stop the build (the item stays valid)."""
        self.problems.add(self.doc.path, line, code, Text(zh, en), hint, key=None, column=column, severity="warning")

    @property
    def is_draft(self) -> bool:
        """``draft: true``: the item is being written and is never published."""
        draft = self.doc.meta.get("draft")
        return draft is not None and draft.value is True

    # -- keys ---------------------------------------------------------------
    def check_keys(self, allowed: frozenset[str] | set[str]) -> None:
        for key, value in self.doc.meta.items():
            if key in allowed:
                continue
            near = _nearest_key(key, allowed)
            if near and near not in self.doc.meta:
                self.suggested.add(near)
            listed = [f.key for f in FIELDS + TRANSLATION_ONLY_FIELDS if f.key in allowed]
            self.unknown_key(value.line, key, listed, _FRONT_MATTER, near,
                             FIELDS_BY_KEY[near].label.zh if near in FIELDS_BY_KEY else "")

    def check_required(self, fields: tuple[Field, ...]) -> None:
        for f in fields:
            if f.required and f.key not in self.doc.meta and f.key not in self.suggested:
                self.missing_key(1, f.key, _FRONT_MATTER, f.example, f.label)

    # -- values -------------------------------------------------------------
    def check_values(self, fields: tuple[Field, ...]) -> None:
        meta = self.doc.meta
        for f in fields:
            value = meta.get(f.key)
            if value is None:
                continue
            raw = value.value
            if raw is None or (isinstance(raw, (str, list)) and not raw):
                self.values[f.key] = None
                need = "必填字段，请填写" if f.required else "请填写，或删除这一行"
                self.error(value.line, "empty-value", f"“{f.key}”（{f.label.zh}）没有填写。",
                           f"'{f.key}' ({f.label.en}) has no value.", key=f.key, column=value.column,
                           hint=Text(f"{need}，例如：{f.key}: {f.example}",
                                     ("A required key: fill it in" if f.required else "Fill it in or delete the line")
                                     + f", e.g. {f.key}: {f.example}"))
                continue
            if isinstance(raw, str) and "【" in raw and PLACEHOLDER_PATTERN.search(raw):  # a placeholder has a 【
                self.values[f.key] = self.placeholder_value(f, value)
                continue
            self.values[f.key] = _CHECKS_BY_NAME[f.kind._name_](self, f, value)

    def placeholder_value(self, f: Field, value: Value) -> str | None:
        """The value of a key that still holds a template placeholder (reported by check_body).

        A draft is never published, so its texts and vocabulary keys may wait: the placeholder is kept
        and only warned about. Dates and index numbers cannot wait (an item needs them): an error.
        """
        if not self.is_draft:
            return None
        if f.kind in (Kind.TEXT, Kind.VOCAB):
            return str(value.value).strip()
        self.placeholder_errors.add(value.line)
        self.error(value.line, "placeholder", f"“{f.key}”（{f.label.zh}）还是模板占位文字：草稿也必须填写真实的值。",
                   f"'{f.key}' ({f.label.en}) is still a template placeholder: even a draft needs a real value.",
                   key=f.key, column=value.column,
                   hint=Text(f"例如：{f.key}: {f.example}", f"For example: {f.key}: {f.example}"))
        return None

    def text_value(self, f: Field, value: Value) -> str | None:
        raw = value.value
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and f.key == "doc_number":
            raw = str(raw)
        if isinstance(raw, (int, float, bool)):
            text = str(raw).lower() if isinstance(raw, bool) else str(raw)
            self.error(value.line, "wrong-type", f"“{f.key}” 应为一段文字，实际被读成 {describe(raw)}。",
                       f"'{f.key}' must be a text; it was read as {describe(raw, 'en')}.", key=f.key,
                       column=value.column, hint=Text(f"给值加上引号：{f.key}: \"{text}\"",
                                                      f'Put the value in quotes: {f.key}: "{text}"'))
            return None
        if not isinstance(raw, str):
            self.wrong_type(f.key, value, "一段文字", "a text", f.example)
            return None
        if not raw.strip():
            self.error(value.line, "empty-value", f"“{f.key}” 为空。", f"'{f.key}' is empty.", key=f.key)
            return None
        return raw.strip()

    def date_value(self, f: Field, value: Value) -> date | None:
        raw = value.value
        if isinstance(raw, int) and not isinstance(raw, bool) and _COMPACT_DATE.match(str(raw)):
            raw = str(raw)  # 20220301: a number to YAML, a date to the editor; said below
        if not isinstance(raw, str):
            self.wrong_type(f.key, value, "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)", f.example)
            return None
        return self.date_text(f.key, value, raw.strip())

    def vocab_value(self, f: Field, value: Value) -> str | None:
        raw = value.value
        if not isinstance(raw, str):
            self.wrong_type(f.key, value, "词表中的一个取值", "one vocabulary key", f.example)
            return None
        text, terms = raw.strip(), self.config.vocabulary(f.vocabulary or f.key).terms
        term = terms.get(text)
        if term is not None and term.key == text:
            return text  # what choose() answers at once for an allowed key
        return self.choose(f.key, value, text, terms.values())

    def text_list_value(self, f: Field, value: Value) -> tuple[str, ...] | None:
        raw = value.value
        if isinstance(raw, str) and f.key == "keywords":
            self.wrong_type(f.key, value, "列表（每行以“- ”开头）", "a list (one '- ' line per entry)", f.example)
            return None
        if not isinstance(raw, list) or not all(isinstance(x, (str, int)) and not isinstance(x, bool) for x in raw):
            self.wrong_type(f.key, value, "文本列表", "a list of texts", f.example)
            return None
        return tuple(str(x).strip() for x in raw if str(x).strip())

    def bool_value(self, f: Field, value: Value) -> bool | None:
        return self.boolean(f.key, value, f.example)

    def index_no_value(self, f: Field, value: Value) -> str | None:
        raw = value.value
        if not isinstance(raw, str):
            self.wrong_type(f.key, value, "索引号文本", "an index number text", f.example)
            return None
        match = INDEX_NO_PATTERN.match(raw.strip())
        prefix = self.config.index_prefix
        if not match or match.group("prefix") != prefix:
            self.error(value.line, "bad-index-no", f"“{f.key}” 的值 “{raw}” 不是有效的索引号。",
                       f"'{f.key}': '{raw}' is not a valid index number.", key=f.key, column=value.column,
                       hint=Text(f"格式为 {prefix}/<年份>-<五位序号>，例如 {prefix}/2022-00001。",
                                 f"The form is {prefix}/<year>-<5-digit number>, e.g. {prefix}/2022-00001."))
            return None
        return raw.strip()

    def attachments_value(self, f: Field, value: Value) -> tuple[dict, ...] | None:
        raw = value.value
        good = isinstance(raw, list) and all(
            isinstance(a, dict) and isinstance(a.get("file"), str) and isinstance(a.get("title"), str)
            and set(a) <= {"file", "title"} for a in raw)
        if not good:
            self.wrong_type(f.key, value, "附件列表，每项有 file 和 title", "a list of {file, title} entries", f.example)
            return None
        return tuple(raw)

    def index_list_value(self, f: Field, value: Value) -> tuple[str, ...] | None:
        raw = value.value
        if isinstance(raw, str):
            raw = [raw]  # one index number written without brackets
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            self.wrong_type(f.key, value, "索引号列表", "a list of index numbers", f.example)
            return None
        found = []
        for n, entry in enumerate(raw):
            line, column = entry_place(value, n, None)
            checked = self.index_no_value(f, Value(entry, line, column, value.node))
            if checked is not None and checked not in found:
                found.append(checked)
        return tuple(found) if len(found) == len(set(raw)) else None

    def changes_value(self, f: Field, value: Value) -> tuple[Change, ...] | None:
        raw = value.value
        good = isinstance(raw, list) and all(
            isinstance(c, dict) and isinstance(c.get("note"), str) and c["note"].strip() and "date" in c
            and set(c) <= {"date", "note", "note_en"} and isinstance(c.get("note_en", ""), str) for c in raw)
        if not good:
            self.wrong_type(f.key, value, "修订记录列表，每项有 date 和 note（可加 note_en）",
                            "a list of {date, note, note_en} entries (note_en optional)", f.example)
            return None
        changes = []
        for n, entry in enumerate(raw):
            line, column = entry_place(value, n, "date")
            day = self.date_text(f.key, Value(entry["date"], line, column, value.node), str(entry["date"]).strip())
            if day is not None:
                changes.append(Change(day, entry["note"].strip(), (entry.get("note_en") or "").strip() or None))
        if len(changes) != len(raw):
            return None
        return tuple(sorted(changes, key=lambda c: c.date))


def _nearest_key(key: str, allowed: frozenset[str] | set[str]) -> str | None:
    """The allowed key ``key`` was most likely meant to be: by Chinese label, case, or spelling."""
    by_label = {f.label.zh: f.key for f in FIELDS + TRANSLATION_ONLY_FIELDS if f.key in allowed}
    return suggest(key, sorted(allowed), labels=by_label, normalise=True)


_KIND_CHECKS = {
    Kind.TEXT: ItemChecker.text_value,
    Kind.DATE: ItemChecker.date_value,
    Kind.VOCAB: ItemChecker.vocab_value,
    Kind.TEXT_LIST: ItemChecker.text_list_value,
    Kind.BOOL: ItemChecker.bool_value,
    Kind.INDEX_NO: ItemChecker.index_no_value,
    Kind.ATTACHMENTS: ItemChecker.attachments_value,
    Kind.INDEX_LIST: ItemChecker.index_list_value,
    Kind.CHANGES: ItemChecker.changes_value,
}
#: The same by the kind's name: a member of an Enum is hashed in Python, its name in C (the check looks
#: one up for every value of every item).
_CHECKS_BY_NAME = {kind._name_: check for kind, check in _KIND_CHECKS.items()}


def entry_place(value: Value | None, n: int, key: str) -> tuple[int, int]:
    """Line and column of ``key`` in the ``n``-th entry of a list value, or of the entry itself when ``key``
    is None (the list's line if unknown)."""
    if value is None:
        return 1, 1
    if not isinstance(value.node, yaml.SequenceNode):  # not a list (one index number without brackets)
        return value.line, value.column
    try:
        entry = value.node.value[n]
        node = entry if key is None else next(v for k, v in entry.value if k.value == key)
    except (AttributeError, IndexError, StopIteration, TypeError):
        return value.line, value.column
    return value.line_of(node), node.start_mark.column + 1
