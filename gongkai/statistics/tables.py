"""The figures of one year: proactive disclosures and Tables 二, 三 and 四 of the 30号 format.

Counting rules (also in the editors' statistics guide):

- new this year (一) = requests received this year;
- carried over (二) = received in an earlier year and not answered before 1 January; when the
  previous year has no statistics file, the year's file lists those requests under ``carried_over``
  (see :mod:`.carryover`): they count from that year on, never as new (一);
- results (三) = requests answered this year, by outcome;
- carried forward (四) = received by 31 December and not answered by then;
- appeals count in the year they were filed; pending when not concluded by 31 December;
- Table 二 第二十条第（一）项 counts published items whose genre has ``article20: regulation`` or
  ``article20: normative-document`` in catalogue.yml: issued this year by 成文日期, repealed this
  year by ``repealed_on``, in force at the end of the year (written by then, not repealed by then,
  and not marked expired), plus the ``baseline`` of documents in force that the catalogue lacks.

The format's cross-checks hold by construction and are asserted again by
:func:`check_table3` and :func:`check_table4`; a violation stops the build.
Longer than 300 lines: the counting rules and their cross-checks belong together.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..catalogue import Catalogue, Item
from ..layout import statistics_file
from ..office import EXPIRED
from ..problems import Problems
from ..text import Text
from . import vocabulary as v
from .records import Appeal, ProcessingFees, Records, Request
from .workdays import CalendarGap


@dataclass(frozen=True)
class Proactive:
    """Items published (发布日期) in the year."""

    total: int
    by_month: tuple[int, ...]
    """Twelve counts, January first."""
    by_category: dict[str, int]
    """Every category of catalogue.yml, in its order (zero where none)."""
    by_genre: dict[str, int]
    by_publisher: dict[str, int]


@dataclass(frozen=True)
class Table2:
    """Table 二. The Art. 20 (五)(六)(八) figures are None when the year has no statistics file."""

    item1: dict[str, tuple[int, int, int]]
    """``regulation`` and ``normative-document``: (issued, repealed, in force)."""
    licensing: int | None
    penalty: int | None
    compulsory: int | None
    fees: Decimal | None


@dataclass(frozen=True)
class Table3:
    """Table 三: for every row key, seven numbers (six applicant columns, then 总计)."""

    rows: dict[str, tuple[int, ...]]
    """Every key of :data:`~gongkai.statistics.vocabulary.TABLE3_ROW_KEYS`, plus the group keys
    (``not-disclosed``, ``unable-to-provide``, ``not-processed``, ``other``) with each group's total."""

    def cell(self, row: str, column: str) -> int:
        return self.rows[row][v.TABLE3_COLUMNS.index(column)]


@dataclass(frozen=True)
class Table4:
    """Table 四: for each appeal kind, (upheld, corrected, other, pending, total)."""

    rows: dict[str, tuple[int, ...]]

    def cell(self, kind: str, column: str) -> int:
        return self.rows[kind][v.TABLE4_COLUMN_KEYS.index(column)]


@dataclass(frozen=True)
class Timeliness:
    """Whether requests were answered within their limit (20 working days, 40 when extended)."""

    answered: int
    """Requests answered this year (Table 三（七）总计)."""
    on_time: int
    late: int
    extended: int
    """Of those answered, how many had their limit extended."""
    pending: int
    """Carried forward (Table 三 四)."""
    pending_overdue: int
    """Of those pending, how many had passed their limit on 31 December; for the current year, on the
    build date (a request received last week is not overdue yet, whatever 31 December will bring)."""


@dataclass(frozen=True)
class YearFigures:
    """Everything the statistics page, the data files and the report say about one year."""

    year: int
    recorded: bool
    """Whether the year has a statistics file; without one Tables 三 and 四 are not known."""
    complete: bool
    """False for the current year."""
    as_of: date
    """The date the figures are as of: 31 December of a completed year; for the current year the newest date
    of the year found in the sources (see :func:`figures_as_of`), never the date of the build."""
    proactive: Proactive
    table2: Table2
    table3: Table3 | None
    table4: Table4 | None
    timeliness: Timeliness | None
    processing_fees: ProcessingFees | None = None
    """信息处理费 of the year; None when the year's file does not record them."""
    baseline: dict[str, int] = field(default_factory=dict)
    """The documents in force the catalogue lacks, by Art. 20 genre, included in Table 二's 现行有效件数."""
    concluded_later: tuple[Appeal, ...] = ()
    """Appeals filed this year and concluded after 31 December: pending (尚未审结) in Table 四, as the format
    counts them, and counted in no other year; the page notes their results."""


@dataclass(frozen=True)
class FrozenReport:
    """The statutory tables of a year as its annual report publishes them, frozen by ``gongkai report``
    (``disclosures/statistics/reports/<YYYY>.json``): a later correction of the register changes the
    statistics page, never the report."""

    year: int
    report: str
    """The report item's 索引号."""
    frozen_on: date
    table2: Table2
    table3: Table3
    table4: Table4
    path: str


@dataclass(frozen=True)
class Statistics:
    """The figures of every year that has published items or a statistics file, oldest first."""

    years: tuple[YearFigures, ...]
    records: Records
    today: date
    reports: dict[int, FrozenReport] = field(default_factory=dict)
    """The frozen tables of each year that has an annual report."""

    def year(self, year: int) -> YearFigures | None:
        return next((y for y in self.years if y.year == year), None)

    def differs(self, year: int) -> bool:
        """Whether the register's tables of ``year`` now differ from those its report published."""
        frozen, figures = self.reports.get(year), self.year(year)
        if frozen is None or figures is None:
            return False
        return (frozen.table2, frozen.table3, frozen.table4) != (figures.table2, figures.table3, figures.table4)


# -- proactive and Table 二 ----------------------------------------------------------------

def proactive(catalogue: Catalogue, year: int) -> Proactive:
    items = catalogue.by_year.get(year, ())
    months = [0] * 12
    for item in items:
        months[item.date_published.month - 1] += 1

    def count(vocabulary: str, attr: str) -> dict[str, int]:
        found = Counter(getattr(i, attr) for i in items)
        return {key: found[key] for key in catalogue.config.vocabulary(vocabulary).keys()}

    return Proactive(len(items), tuple(months), count("category", "category"), count("genre", "genre"),
                     count("publisher", "publisher"))


def article20_genres(catalogue: Catalogue) -> dict[str, str]:
    """Genre key -> ``regulation`` / ``normative-document``, from catalogue.yml's ``article20`` attributes."""
    genres = catalogue.config.vocabulary("genre").terms
    return {key: str(term.extra["article20"]) for key, term in genres.items() if "article20" in term.extra}


def _in_force_at(item: Item, day: date) -> bool:
    if item.date_written > day:
        return False
    if item.repealed_on is not None:
        return item.repealed_on > day
    return item.validity != EXPIRED


def baseline(records: Records, year: int) -> dict[str, int]:
    """Documents in force that are not in the catalogue, by Art. 20 genre: the ``baseline`` of ``year``'s
    file, or of the latest earlier file that gives one; none before the first."""
    given = [y for y in records.baseline if y <= year]
    return records.baseline[max(given)] if given else {}


def table2(catalogue: Catalogue, records: Records, year: int) -> Table2:
    end = date(year, 12, 31)
    kinds = article20_genres(catalogue)
    before = baseline(records, year)
    item1 = {}
    by_kind: dict[str | None, list[Item]] = {}
    for i in catalogue.published:  # once, not once per kind (10,000 items)
        by_kind.setdefault(kinds.get(i.genre), []).append(i)
    for term in v.ARTICLE20_GENRES:
        items = by_kind.get(term.key, [])
        item1[term.key] = (
            sum(1 for i in items if i.date_written.year == year),
            sum(1 for i in items if i.repealed_on is not None and i.repealed_on.year == year),
            sum(1 for i in items if _in_force_at(i, end)) + before.get(term.key, 0),
        )
    figures = records.article20.get(year)
    if figures is None:
        return Table2(item1, None, None, None, None)
    return Table2(item1, figures.licensing, figures.penalty, figures.compulsory, figures.fees)


# -- Table 三 -------------------------------------------------------------------------------

def _row(requests: list[Request]) -> tuple[int, ...]:
    counts = [sum(r.count for r in requests if r.applicant == key) for key in v.APPLICANT_KEYS]
    return tuple(counts + [sum(counts)])


def known_requests(records: Records, year: int) -> list[Request]:
    """The requests the tables of ``year`` may count: received by 31 December, and for a ``carried_over``
    record, listed in the file of this year or an earlier one."""
    return [r for r in records.requests if r.counts_in(year)]


def table3(records: Records, year: int) -> Table3:
    start, end = date(year, 1, 1), date(year, 12, 31)
    known = known_requests(records, year)
    answered = [r for r in known if r.answered is not None and start <= r.answered <= end]
    rows: dict[str, tuple[int, ...]] = {
        v.NEW.key: _row([r for r in known if r.received.year == year and r.carried_into is None]),
        v.CARRIED_OVER.key: _row([r for r in known if r.received < start and not r.answered_by(date(year - 1, 12, 31))]),
    }
    for key in v.OUTCOME_KEYS:
        rows[key] = _row([r for r in answered if r.outcome == key])
    for group in v.OUTCOME_GROUPS:
        rows[group.key] = _row([r for r in answered if v.OUTCOME_GROUP_OF.get(r.outcome or "") == group.key])
    rows[v.RESULTS_TOTAL.key] = _row(answered)
    rows[v.CARRIED_FORWARD.key] = _row([r for r in known if not r.answered_by(end)])
    return Table3(rows)


def check_table3(table: Table3) -> list[Text]:
    """Every violation of the format's cross-checks (empty when the table adds up)."""
    found = []
    columns = v.TABLE3_COLUMNS
    for key, values in table.rows.items():
        if len(values) != len(columns) or sum(values[:-1]) != values[-1]:
            found.append(Text(f"表三“{key}”行：六类申请人之和 {sum(values[:-1])} ≠ 总计 {values[-1]}。",
                              f"Table 3, row '{key}': the six applicant columns add up to {sum(values[:-1])}, "
                              f"not the total {values[-1]}."))
    for index, column in enumerate(columns):
        def cell(row: str) -> int:
            return table.rows[row][index]

        left = cell(v.NEW.key) + cell(v.CARRIED_OVER.key)
        right = cell(v.RESULTS_TOTAL.key) + cell(v.CARRIED_FORWARD.key)
        if left != right:
            found.append(Text(f"表三“{column}”列：一 + 二 = {left}，三（七）+ 四 = {right}，两者不等。",
                              f"Table 3, column '{column}': I + II = {left} but III(7) + IV = {right}."))
        for group in v.OUTCOME_GROUPS:
            parts = sum(cell(r.key) for r in group.reasons)
            if parts != cell(group.key):
                found.append(Text(f"表三“{column}”列：{group.label.zh}各项之和 {parts} ≠ 小计 {cell(group.key)}。",
                                  f"Table 3, column '{column}': the rows of {group.label.en} add up to {parts}, "
                                  f"not {cell(group.key)}."))
        results = (cell(v.DISCLOSED.key) + cell(v.PARTIALLY_DISCLOSED.key) + sum(cell(g.key) for g in v.OUTCOME_GROUPS))
        if results != cell(v.RESULTS_TOTAL.key):
            found.append(Text(f"表三“{column}”列：（一）至（六）之和 {results} ≠ （七）总计 {cell(v.RESULTS_TOTAL.key)}。",
                              f"Table 3, column '{column}': rows (1) to (6) add up to {results}, "
                              f"not the total (7) {cell(v.RESULTS_TOTAL.key)}."))
    return found


# -- Table 四 -------------------------------------------------------------------------------

def table4(records: Records, year: int) -> Table4:
    end = date(year, 12, 31)
    rows = {}
    for kind in v.APPEAL_KIND_KEYS:
        cases: list[Appeal] = [a for a in records.appeals if a.kind == kind and a.filed.year == year]
        concluded = [a for a in cases if a.concluded is not None and a.concluded <= end]
        counts = [sum(1 for a in concluded if a.result == r) for r in v.APPEAL_RESULT_KEYS]
        counts.append(len(cases) - len(concluded))
        rows[kind] = tuple(counts + [sum(counts)])
    return Table4(rows)


def check_table4(table: Table4, cases: int) -> list[Text]:
    found = []
    for kind, values in table.rows.items():
        if sum(values[:-1]) != values[-1]:
            found.append(Text(f"表四“{kind}”：各结果之和 {sum(values[:-1])} ≠ 总计 {values[-1]}。",
                              f"Table 4, '{kind}': the results add up to {sum(values[:-1])}, not {values[-1]}."))
    if sum(values[-1] for values in table.rows.values()) != cases:
        found.append(Text(f"表四总计与本年立案的 {cases} 件不符。",
                          f"Table 4's totals do not match the {cases} case(s) filed this year."))
    return found


# -- time limits ----------------------------------------------------------------------------

def timeliness(records: Records, year: int, problems: Problems, today: date) -> Timeliness | None:
    """On-time figures for ``year``; None (with a problem per record) when the calendar lacks a year.

    Pending requests are judged on 31 December, or on ``today`` while the year is not over.
    """
    start, end = date(year, 1, 1), date(year, 12, 31)
    judged_on = min(end, today)
    calendar = records.calendar
    answered = on_time = extended = pending = overdue = 0
    gaps = False
    for r in known_requests(records, year):
        try:
            if r.answered is not None and start <= r.answered <= end:
                answered += r.count
                extended += r.count if r.extended else 0
                on_time += r.count if calendar.within(r.clock_start, r.answered, r.limit) else 0
            elif not r.answered_by(end):
                pending += r.count
                overdue += r.count if not calendar.within(r.clock_start, judged_on, r.limit) else 0
        except CalendarGap as gap:
            gaps = True
            problems.add(r.place.path, r.place.line, "stats-calendar",
                         Text(f"计算申请 “{r.id}” 的答复期限需要 {gap.year} 年的节假日安排，calendar.yml 中没有。",
                              f"the time limit of request '{r.id}' needs the holidays of {gap.year}, which "
                              "calendar.yml does not have."), key="id")
    if gaps:
        return None
    return Timeliness(answered, on_time, answered - on_time, extended, pending, overdue)


# -- all years ------------------------------------------------------------------------------

def figures_as_of(catalogue: Catalogue, records: Records, year: int) -> date:
    """31 December once ``year`` is over. Before that, the newest date of ``year`` in the sources: the
    发布日期 of a published item, or a request's received or answered date, or an appeal's filed or concluded
    date; 1 January while there is none. The same sources give the same date whatever day they are built on."""
    if year < catalogue.today.year:
        return date(year, 12, 31)
    days = [i.date_published for i in catalogue.published if i.date_published.year == year]
    days += [d for r in records.requests for d in (r.received, r.answered) if d is not None and d.year == year]
    days += [d for a in records.appeals for d in (a.filed, a.concluded) if d is not None and d.year == year]
    return max(days, default=date(year, 1, 1))


def statistics_years(catalogue: Catalogue, records: Records) -> list[int]:
    """Every year with published items (by 发布日期) or a statistics file, oldest first."""
    return sorted(set(catalogue.by_year) | set(records.years))


def build_statistics(catalogue: Catalogue, records: Records, problems: Problems) -> Statistics | None:
    """Compute every year and assert the format's cross-checks; None (with problems) on any violation."""
    errors_before = len(problems.errors)
    years = []
    for year in statistics_years(catalogue, records):
        recorded = year in records.years
        t3 = table3(records, year) if recorded else None
        t4 = table4(records, year) if recorded else None
        times = timeliness(records, year, problems, catalogue.today) if recorded else None
        path = records.paths.get(year, statistics_file(year))
        violations = (check_table3(t3) if t3 else []) + (
            check_table4(t4, sum(1 for a in records.appeals if a.filed.year == year)) if t4 else [])
        if t3 and times and (times.answered != t3.cell(v.RESULTS_TOTAL.key, v.TOTAL_KEY)
                             or times.pending != t3.cell(v.CARRIED_FORWARD.key, v.TOTAL_KEY)):
            violations.append(Text("答复时限统计与表三的办结数、结转数不符。",
                                   "The time-limit figures do not match Table 3's answered and carried-forward totals."))
        for message in violations:
            problems.add(path, 0, "stats-inconsistent", message)
        complete = year < catalogue.today.year
        later = tuple(sorted((a for a in records.appeals if a.filed.year == year and a.concluded is not None
                              and a.concluded.year > year), key=lambda a: (a.concluded, a.id)))
        years.append(YearFigures(year, recorded, complete, figures_as_of(catalogue, records, year),
                                 proactive(catalogue, year), table2(catalogue, records, year), t3, t4, times,
                                 records.processing_fees.get(year), baseline(records, year), later))
    if len(problems.errors) > errors_before:
        return None
    return Statistics(tuple(years), records, catalogue.today)
