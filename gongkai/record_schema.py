"""Record schemas: the declared fields of each kind of record an editor writes that is not an item (a
request or an appeal of a statistics file, its ``article20`` figures, calendar.yml's years, catalogue.yml's
mappings…).

Each :class:`FieldSpec` names its key, its :class:`Kind`, whether it is required, an example and what it
means. The field reader (:mod:`gongkai.fields`) reads keys, required keys and examples from it, and the
guides' field tables are generated from it (:func:`field_table`), so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

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
