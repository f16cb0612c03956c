"""The typed-field machinery every checker shares: record schemas, "did you mean", dates.

A :class:`RecordSchema` declares the fields of one kind of record an editor writes (a request or an
appeal of a statistics file, its ``article20`` figures…): each :class:`FieldSpec` names its key, its
:class:`Kind`, whether it is required, an example and what it means. The checkers read keys, required
keys and examples from it, and the guides' field tables are generated from it, so they cannot disagree.

:func:`suggest` is the one "did you mean" (by label, by a known alias, by case, by spelling) and
:func:`did_you_mean` its one wording; :func:`read_date` is the one reading of a date, ISO or written
another way. Values keep their place as :class:`gongkai.source.Value`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Iterable, Mapping

from .office import Term
from .text import Text


class Kind(Enum):
    """The type of a field's value."""

    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"
    """One key of a fixed list of :class:`~gongkai.office.Term`."""
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    LIST = "list"
    RECORD = "record"


@dataclass(frozen=True)
class FieldSpec:
    """One key of a record."""

    key: str
    kind: Kind
    required: bool = False
    example: str = ""
    """A valid value as YAML text, for hints and guides."""
    help: Text = Text("", "")
    """What the key means, for the guides."""
    required_when: Text | None = None
    """When an optional key becomes necessary (``答复后`` / ``once answered``), for the guides."""
    choices: tuple[Term, ...] = ()
    """For :attr:`Kind.CHOICE`: the allowed keys."""
    minimum: int | None = None
    """For :attr:`Kind.INTEGER`: the smallest value allowed."""


@dataclass(frozen=True)
class RecordSchema:
    """The fields of one kind of record, in the order the guides list them."""

    what: Text
    """How messages name a record of this kind (``申请记录`` / ``a request record``)."""
    fields: tuple[FieldSpec, ...]
    by_key: dict[str, FieldSpec] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_key", {f.key: f for f in self.fields})

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)

    @property
    def examples(self) -> dict[str, str]:
        return {f.key: f.example for f in self.fields}


def field_table(schema: RecordSchema, lang: str) -> str:
    """The guide's table of a record's keys, as Markdown: key, required, meaning."""
    yes, no = Text("是", "yes")(lang), Text("否", "no")(lang)
    head = Text("| 字段 | 必填 | 含义 |", "| Key | Required | Meaning |")(lang)
    rows = [f"| `{f.key}` | {yes if f.required else (f.required_when(lang) if f.required_when else no)} "
            f"| {f.help(lang)} |" for f in schema.fields]
    return "\n".join([head, "|---|---|---|", *rows]) + "\n"


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
