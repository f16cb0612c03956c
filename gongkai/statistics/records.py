"""Immutable records read from ``disclosures/statistics/<YYYY>.yml``.

A request is written in the file of the year it was received, an appeal in the
file of the year it was filed; a later answer or conclusion is written on the
same record. A request received in a year that has no statistics file and still
open on 1 January of the next recorded year is listed under ``carried_over`` in
that year's file. Records carry no personal data: only an id of the office's choosing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .workdays import Calendar


@dataclass(frozen=True)
class Place:
    """Where a record was written, for messages."""

    path: str
    line: int


@dataclass(frozen=True)
class Request:
    """One request for government information (or a batch of ``count`` identical ones)."""

    id: str
    """The office's own short code."""
    received: date
    """收到申请的日期."""
    applicant: str
    """One of :data:`~gongkai.statistics.vocabulary.APPLICANT_KEYS`."""
    count: int = 1
    """How many requests this record stands for (a batch); 1 for a single request."""
    outcome: str | None = None
    """One of :data:`~gongkai.statistics.vocabulary.OUTCOME_KEYS` once answered."""
    answered: date | None = None
    """The date of the answer (办结日期)."""
    extended: bool = False
    """True when the time limit was extended once (40 working days instead of 20)."""
    corrected: date | None = None
    """When the applicant was asked to correct the request: the date the corrected request arrived.
    The time limit runs from this date (条例 Art. 30)."""
    paused_days: int = 0
    """Working days that do not count toward the time limit: time spent consulting third parties or other
    bodies (条例 Art. 33 para 2), or the working days by which a reasonable later deadline fixed and notified
    under Art. 35 exceeds the normal limit. They lengthen the limit by as many working days."""
    correction_requested: date | None = None
    """The date the applicant was asked to correct the request (条例 Art. 30: within 7 working days of receipt)."""
    carried_into: int | None = None
    """For a record listed under ``carried_over``: the year of that file. Such a request was received
    in a year without a statistics file and counts only from this year on (never as new)."""
    place: Place = field(default=Place("", 0), compare=False)

    def counts_in(self, year: int) -> bool:
        """Whether the tables of ``year`` may count this request at all."""
        return self.received.year <= year and (self.carried_into is None or self.carried_into <= year)

    def answered_by(self, day: date) -> bool:
        """Whether the request had been answered on or before ``day``."""
        return self.answered is not None and self.answered <= day

    @property
    def limit(self) -> int:
        """The time limit in working days: 20, or 40 when extended (条例 Art. 33), plus :attr:`paused_days`."""
        return (40 if self.extended else 20) + self.paused_days

    @property
    def clock_start(self) -> date:
        """The day after which working days are counted."""
        return self.corrected or self.received


@dataclass(frozen=True)
class Appeal:
    """One administrative reconsideration or lawsuit about disclosure."""

    id: str
    kind: str
    """One of :data:`~gongkai.statistics.vocabulary.APPEAL_KIND_KEYS`."""
    filed: date
    result: str | None = None
    """upheld, corrected or other; None while pending."""
    concluded: date | None = None
    place: Place = field(default=Place("", 0), compare=False)


@dataclass(frozen=True)
class Article20:
    """A year's figures of Table 二 that are not items: decisions and fees."""

    licensing: int
    penalty: int
    compulsory: int
    fees: Decimal
    """行政事业性收费, in 万元 (10,000 yuan)."""


@dataclass(frozen=True)
class ProcessingFees:
    """A year's information processing fees (信息处理费, 国办函〔2020〕109号)."""

    notices: int
    """Fee notices sent."""
    collected: Decimal
    """The amount collected, in yuan."""


@dataclass(frozen=True)
class Records:
    """Everything the statistics files say, across all years."""

    requests: tuple[Request, ...] = ()
    appeals: tuple[Appeal, ...] = ()
    article20: dict[int, Article20] = field(default_factory=dict)
    """Per year, from the ``article20`` block of each year's file."""
    processing_fees: dict[int, ProcessingFees] = field(default_factory=dict)
    """Per year, from the optional ``processing_fees`` block; a year without one has not recorded them."""
    baseline: dict[int, dict[str, int]] = field(default_factory=dict)
    """Per year that gives one, the ``baseline`` block: documents in force on 1 January that are not in the
    catalogue, by Art. 20 genre key; it holds for later years until another file gives a new one."""
    years: frozenset[int] = frozenset()
    """The years that have a statistics file: only these have request and appeal figures."""
    calendar: Calendar = field(default_factory=Calendar)
    paths: dict[int, str] = field(default_factory=dict)
    """The file of each year, for messages."""
