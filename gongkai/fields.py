"""The typed-field machinery every checker shares: the field reader, "did you mean", dates.

Records are declared in :mod:`gongkai.record_schema` (:class:`RecordSchema`, :class:`FieldSpec`); the
checkers read keys, required keys and examples from there through :meth:`FieldReader.check_record`.

:func:`suggest` is the one "did you mean" (by label, by a known alias, by case, by spelling) and
:func:`did_you_mean` its one wording; :func:`read_date` is the one reading of a date, ISO or written
another way. Values keep their place as :class:`gongkai.source.Value`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Iterable, Mapping

from .office import Term
from .problems import Problems, describe
from .record_schema import RecordSchema
from .text import Text


# -- did you mean ---------------------------------------------------------------------

def suggest(text: str, candidates: Iterable[str], *, labels: Mapping[str, str] | None = None,
            aliases: Mapping[str, str] | None = None, cutoff: float = 0.6, normalise: bool = False) -> str | None:
    """The candidate ``text`` was most likely meant to be, or None: a key whose label it is (``labels``:
    label → key), a known alias, the same key in other case or with ``-`` or spaces for ``_``
    (``normalise``), or the closest spelling."""
    options = list(candidates)
    if labels and text.strip() in labels:
        return labels[text.strip()]
    if aliases and text.lower() in aliases:
        return aliases[text.lower()]
    if normalise:
        folded = text.lower().replace("-", "_").replace(" ", "_")
        if folded in options:
            return folded
    near = difflib.get_close_matches(text, options, n=1, cutoff=cutoff)
    return near[0] if near else None


def did_you_mean(suggestion: str | None, label: str = "") -> Text:
    """``是否想写 “x”（标签）？`` / `` Did you mean 'x'?``; empty without a suggestion."""
    if not suggestion:
        return Text("", "")
    return Text(f"是否想写 “{suggestion}”{f'（{label}）' if label else ''}？", f" Did you mean '{suggestion}'?")


def term_labels(terms: Iterable[Term]) -> dict[str, str]:
    """Label → key, for a value written as its label: zh and en, and as the format numbers them
    (``（三）不予公开``, ``1.属于国家秘密`` or ``属于国家秘密``); the first term wins a label two share."""
    labels: dict[str, str] = {}
    for t in terms:
        for label in (t.label.zh, t.label.en, t.label.zh.split(".", 1)[-1], t.label.zh.lstrip("（一二三四五六七）")):
            labels.setdefault(label, t.key)
    return labels


# -- dates ----------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Dates written another way: 2024年3月5日, 2024/3/5, 2024.03.05, 2024-3-5, 20240305.
_OTHER_DATE = re.compile(r"^(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?$|^(\d{4})(\d{2})(\d{2})$")


@dataclass(frozen=True)
class DateReading:
    """What a date text says."""

    day: date | None = None
    """The date, when written as a real ISO date."""
    iso: str | None = None
    """The ISO form of a real date written another way (the fix to suggest)."""
    impossible: bool = False
    """Written like a date, but no such day exists (2024-02-30)."""


def read_date(raw: str) -> DateReading:
    """Read ``raw`` (stripped text) as a date; see :class:`DateReading`."""
    if _ISO_DATE.match(raw):
        try:
            return DateReading(day=date.fromisoformat(raw))
        except ValueError:
            return DateReading(impossible=True)
    match = _OTHER_DATE.match(raw)
    if not match:
        return DateReading()
    year, month, day = (int(g) for g in match.groups() if g is not None)
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        date.fromisoformat(iso)
    except ValueError:
        return DateReading(impossible=True)
    return DateReading(iso=iso)


# -- reading values -------------------------------------------------------------------

class FieldReader:
    """Reads the typed values of one file and reports each problem at its place, zh and en.

    The item checker (:mod:`gongkai.item_fields`) and the statistics reader (:mod:`gongkai.statistics.reader`)
    are both one: they share these readers and messages and differ only in the problem codes their editors
    see (:attr:`CODES`: ``wrong-type`` is ``stats-wrong-type`` in a statistics file).
    """

    CODES: dict[str, str] = {}
    """Generic problem name → the code this kind of file reports it under (the name itself by default)."""

    def __init__(self, rel: str, problems: Problems):
        self.rel = rel
        self.problems = problems
        self.ok = True

    def error(self, line: int, code: str, zh: str, en: str, *, key: str | None = None,
              hint: Text | None = None, column: int = 1) -> None:
        self.ok = False
        self.problems.add(self.rel, line, code, Text(zh, en), hint, key=key, column=column)

    def code(self, name: str) -> str:
        return self.CODES.get(name, name)

    def unknown_key(self, line: int, key: str, allowed: Iterable[str], what: Text, near: str | None = None,
                    label: str = "", where: str = "") -> None:
        """``key`` is none of ``allowed`` in ``what`` (``申请记录`` / ``a request record``): the message names the
        key most likely meant (``near``, with its Chinese ``label``), or the hint lists the allowed ones. The
        problem's key is ``where`` + ``key`` (``portal.icp.`` for a key inside a nested mapping)."""
        tip = did_you_mean(near, label)
        listed = ", ".join(allowed)
        hint = (Text(f"把 “{key}” 改为 “{near}”。", f"Rename '{key}' to '{near}'.") if near else
                Text(f"删除这一行，或改为允许的字段：{listed}", f"Delete the line, or use an allowed key: {listed}"))
        self.error(line, self.code("unknown-key"), f"{what.zh}中有未知字段 “{key}”。{tip.zh}",
                   f"{what.en} has an unknown key '{key}'.{tip.en}", key=where + key, hint=hint)

    def missing_key(self, line: int, key: str, what: Text, example: str, label: Text | None = None,
                    where: str = "") -> None:
        """``what`` lacks its required ``key``; the hint gives a line to add."""
        named = Text(f"（{label.zh}）", f" ({label.en})") if label else Text("", "")
        self.error(line, self.code("missing-key"), f"{what.zh}缺少必填字段 “{key}”{named.zh}。",
                   f"{what.en} lacks the required key '{key}'{named.en}.", key=where + key,
                   hint=Text(f"加一行，例如：{key}: {example}", f"Add a line, e.g. {key}: {example}"))

    def choose(self, key: str, value, text: str, terms: Iterable[Term], hint: Text | None = None,
               aliases: Mapping[str, str] | None = None, cutoff: float = 0.6, suggested: bool = True) -> str | None:
        """The key of ``terms`` the stripped ``text`` is, or None with the problem: the key meant (by label
        as the format writes it, alias or spelling; not when ``suggested`` is false) and, unless ``hint``
        says otherwise, the allowed keys with their labels."""
        terms = tuple(terms)
        keys = [t.key for t in terms]
        if text in keys:
            return text
        tip = did_you_mean(suggest(text, keys, labels=term_labels(terms), aliases=aliases, cutoff=cutoff)
                           if suggested else None)
        allowed = "; ".join(f"{t.key} ({t.label.zh})" for t in terms)
        self.error(value.line, self.code("unknown-value"), f"“{key}” 的值 “{text}” 不是允许的取值。{tip.zh}",
                   f"'{key}': '{text}' is not one of the allowed values.{tip.en}", key=key, column=value.column,
                   hint=hint or Text(f"允许的取值：{allowed}", f"Allowed values: {allowed}"))
        return None

    def wrong_type(self, key: str, value, zh: str, en: str, example: str) -> None:
        """``value`` (a :class:`gongkai.source.Value`) is not of the type ``key`` needs."""
        got = value.value
        self.error(value.line, self.code("wrong-type"), f"“{key}” 应为{zh}，实际是 {describe(got, 'zh')}。",
                   f"'{key}' must be {en}; got {describe(got, 'en')}.", key=key, column=value.column,
                   hint=Text(f"例如：{key}: {example}", f"For example: {key}: {example}"))

    def date_text(self, key: str, value, raw: str) -> date | None:
        """The date ``raw`` (stripped text) says, or None with the problem: no such day, a date written
        another way (the ISO form is the fix), or no date at all."""
        reading = read_date(raw)
        if reading.day is not None:
            return reading.day
        code = self.code("bad-date")
        if reading.impossible:
            self.error(value.line, code, f"“{key}” 的日期 {raw} 不存在。",
                       f"'{key}': {raw} is not a real date.", key=key, column=value.column,
                       hint=Text("检查月份和日期（例如 2 月没有 30 日）。",
                                 "Check the month and day (February has no 30th, for example)."))
        elif reading.iso is not None:
            self.error(value.line, code, f"“{key}” 的日期 “{raw}” 须写成 ISO 格式 {reading.iso}。",
                       f"'{key}': write the date '{raw}' in ISO form: {reading.iso}.", key=key, column=value.column,
                       hint=Text(f"改为：{key}: {reading.iso}", f"Change it to: {key}: {reading.iso}"))
        else:
            self.error(value.line, code, f"“{key}” 的值 “{raw}” 不是 YYYY-MM-DD 格式的日期。",
                       f"'{key}': '{raw}' is not a date in the form YYYY-MM-DD.", key=key, column=value.column)
        return None

    def boolean(self, key: str, value, example: str) -> bool | None:
        if not isinstance(value.value, bool):
            self.wrong_type(key, value, " true 或 false", "true or false", example)
            return None
        return value.value

    def integer(self, key: str, value, minimum: int | None = None, example: str = "0",
                hint: Text | None = None) -> int | None:
        """A whole number of at least ``minimum``; None when absent or (with the problem) wrong."""
        if value is None:
            return None
        raw = value.value
        if isinstance(raw, bool) or not isinstance(raw, int):
            self.wrong_type(key, value, "整数", "a whole number", example)
            return None
        if minimum is not None and raw < minimum:
            self.error(value.line, self.code("wrong-type"), f"“{key}” 应不小于 {minimum}，实际是 {raw}。",
                       f"'{key}' must be at least {minimum}; got {raw}.", key=key, column=value.column, hint=hint)
            return None
        return raw

    def text(self, key: str, value, example: str = "申请人撤回申请") -> str | None:
        """A text (a number YAML read is taken as written); None when absent or (with the problem) not a text."""
        if value is None:
            return None
        if isinstance(value.value, bool) or not isinstance(value.value, (str, int, float)):
            self.wrong_type(key, value, "一段文字", "a text", example)
            return None
        return str(value.value).strip()

    def amount(self, key: str, value, unit: Text, decimals: int) -> Decimal | None:
        """An amount of money of at least 0 with at most ``decimals`` decimals, in ``unit``."""
        if value is None:
            return None
        raw = value.value
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            self.wrong_type(key, value, f"数字（单位：{unit.zh}）", f"a number (in {unit.en})", "0")
            return None
        try:
            amount = Decimal(str(raw))
        except InvalidOperation:  # pragma: no cover - YAML numbers are finite or inf/nan
            amount = Decimal("NaN")
        if not amount.is_finite() or amount < 0 or amount.as_tuple().exponent < -decimals:  # type: ignore[operator]
            zh, en = _DECIMALS[decimals]
            self.error(value.line, self.code("wrong-type"),
                       f"“{key}” 应为不小于 0、最多{zh}位小数的金额（{unit.zh}），实际是 {raw}。",
                       f"'{key}' must be an amount of at least 0 with at most {en} decimals ({unit.en}); got {raw}.",
                       key=key, column=value.column)
            return None
        return amount

    # -- records ----------------------------------------------------------------
    def check_record(self, fields: Mapping[str, object], schema: RecordSchema, line: int,
                     what: Text | None = None, where: str = "") -> None:
        """The keys of one record (``key → Value``) against its schema: each unknown key (unless
        :meth:`refused` says why not) with the key most likely meant, then each missing required key with
        its example. ``what`` names the record when the schema's name is not enough (``2024 年的 notice``);
        ``where`` prefixes the problems' keys (``portal.icp.``)."""
        what = what or schema.what
        for key, value in fields.items():
            if key not in schema.by_key and not self.refused(key, value, what):
                self.unknown_key(value.line, key, schema.keys, what, suggest(key, schema.keys),  # type: ignore[attr-defined]
                                 where=where)
        for key in schema.required:
            if key not in fields:
                self.missing_key(line, key, what, schema.by_key[key].example, where=where)

    def refused(self, key: str, value, what: Text) -> bool:
        """Whether a key no schema allows is reported as something worse than unknown (and so, here, is)."""
        return False


#: How many decimals an amount may have, in words.
_DECIMALS = {2: ("两", "two"), 4: ("四", "four")}
