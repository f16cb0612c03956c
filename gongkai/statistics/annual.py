"""The annual reports (年度报告) of each year: which report covers it, when it was published and whether
on time under Article 49 of the Regulations (before 31 January of the next year), and the checks of a
report against its frozen tables (:mod:`.frozen`).

A report is known by its frozen file, which names its year and its 索引号. The report list page, the
statistics year pages and ``gongkai check`` all read :func:`annual_reports`, so they cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..catalogue import Catalogue, Item
from ..problems import Problems
from ..text import Text
from .frozen import MARKERS
from .tables import FrozenReport, Statistics

ON_TIME, LATE, MISSING, NOT_DUE = "on-time", "late", "missing", "not-due"


def earliest(year: int) -> date:
    """The first day a report of ``year`` may carry: 1 January of the next year."""
    return date(year + 1, 1, 1)


def due(year: int) -> date:
    """Article 49's deadline for a department's report of ``year``: 31 January of the next year."""
    return date(year + 1, 1, 31)


@dataclass(frozen=True)
class AnnualReport:
    """One year's row of the report list."""

    year: int
    item: Item | None
    """The published report, or None."""
    status: str
    """:data:`ON_TIME`, :data:`LATE`, :data:`MISSING` (due and not published) or :data:`NOT_DUE`."""


#: How each status reads, with ``{due}`` the deadline.
STATUS = {
    ON_TIME: Text("按时（{due} 前）", "On time (by {due})"),
    LATE: Text("逾期（晚于 {due}）", "Late (after {due})"),
    MISSING: Text("未发布年度报告", "No report published"),
    NOT_DUE: Text("尚未到期（{due} 前发布）", "Not due yet (due by {due})"),
}


def status_text(report: AnnualReport, lang: str) -> str:
    return STATUS[report.status](lang).format(due=due(report.year).isoformat())


def report_item(catalogue: Catalogue, frozen: FrozenReport | None) -> Item | None:
    """The published report item a frozen file names, or None."""
    item = catalogue.find(frozen.report) if frozen is not None else None
    return item if item is not None and item.is_published(catalogue.today) else None


def annual_reports(catalogue: Catalogue, statistics: Statistics) -> list[AnnualReport]:
    """A row for every year with statistics or a report, newest first."""
    years = sorted({y.year for y in statistics.years} | set(statistics.reports), reverse=True)
    rows = []
    for year in years:
        item = report_item(catalogue, statistics.reports.get(year))
        if item is not None:
            status = ON_TIME if item.date_published <= due(year) else LATE
        else:
            status = NOT_DUE if catalogue.today <= due(year) else MISSING
        rows.append(AnnualReport(year, item, status))
    return rows


def check_reports(root: Path, catalogue: Catalogue, reports: dict[int, FrozenReport], problems: Problems) -> None:
    """Each frozen file names an existing report dated from 1 January of the next year (a warning naming
    Article 49 after 31 January), whose body has the three table markers once and no table of its own."""
    for year, frozen in sorted(reports.items()):
        item = catalogue.find(frozen.report)
        if item is None:
            problems.add(frozen.path, 1, "report-frozen",
                         Text(f"{frozen.path} 属于索引号为 {frozen.report} 的年度报告，但没有这个条目。",
                              f"{frozen.path} belongs to the annual report {frozen.report}, which does not exist."),
                         Text("恢复该报告条目，或删除此文件后重新运行 gongkai report。",
                              "Restore the report item, or delete this file and run gongkai report again."))
            continue
        _check_dates(year, item, problems)
        _check_body(root, item, problems)


def _check_dates(year: int, item: Item, problems: Problems) -> None:
    line = item.key_lines.get("date_published", 1)
    day = item.date_published
    if day < earliest(year):
        problems.add(item.path, line, "report-date",
                     Text(f"{year}年度报告的发布日期 {day} 早于 {earliest(year)}：年度还没有结束。",
                          f"the {year} annual report is dated {day}, before {earliest(year)}: the year is not over."),
                     key="date_published")
    elif day > due(year):
        problems.add(item.path, line, "report-late",
                     Text(f"{year}年度报告的发布日期 {day} 晚于 {due(year)}：《条例》第四十九条要求在每年1月31日前公布"
                          "本机关上一年度的政府信息公开工作年度报告。报告列表将其标为逾期。",
                          f"the {year} annual report is dated {day}, after {due(year)}: Article 49 of the Regulations "
                          "requires a department to publish its report on the previous year by 31 January. The "
                          "report list shows it as late."),
                     key="date_published", severity="warning")


def _check_body(root: Path, item: Item, problems: Problems) -> None:
    """The tables come from the frozen file only: each marker once, no ``<table`` typed in."""
    try:
        lines = (root / item.path).read_text(encoding="utf-8").split("\n")
    except OSError:
        return
    for marker in MARKERS:
        found = [n for n, line in enumerate(lines, start=1) if marker in line]
        if len(found) != 1:
            problems.add(item.path, found[1] if found else 1, "report-tables",
                         Text(f"年度报告正文须有且只有一处 {marker}（现有 {len(found)} 处）：表格由网站根据冻结的数字填入。",
                              f"the report body must hold {marker} exactly once (it has {len(found)}): the site fills "
                              "in the table from the frozen figures."))
    for n, line in enumerate(lines, start=1):
        if re.search(r"<table\b", line, re.I):
            problems.add(item.path, n, "report-tables",
                         Text("年度报告正文中不能手写表格：表二至表四由网站根据冻结的数字填入，修改请更正统计文件后重新生成。",
                              "an annual report's body may not contain a table of its own: Tables 2 to 4 are filled "
                              "in from the frozen figures; to change them, correct the statistics file and write the "
                              "report again."))
            break
