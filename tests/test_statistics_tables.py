"""Tables 二, 三 and 四 of the fixture years against hand-computed golden values, cell by cell."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import BUILD_DAY, REPO
from statistics_helpers import expected, fixture_repo

from gongkai.loader import load_catalogue
from gongkai.problems import Problems
from gongkai.statistics import load_statistics, tables
from gongkai.statistics import vocabulary as v
from gongkai.statistics.records import Records, Request
from gongkai.statistics.tables import Table3, check_table3, table3


@pytest.fixture(scope="module")
def statistics(tmp_path_factory):
    root = fixture_repo(tmp_path_factory.mktemp("tables"))
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    result = load_statistics(root, catalogue, problems)
    assert not problems, problems.report()
    return result


YEARS = (2023, 2024)


def test_years_are_those_with_items_or_a_statistics_file(statistics):
    assert [y.year for y in statistics.years] == [2023, 2024]
    assert all(y.recorded and y.complete for y in statistics.years)


@pytest.mark.parametrize("year", YEARS)
def test_golden_files_cover_every_row_of_the_format(year):
    assert list(expected(year)["table3"]) == list(v.TABLE3_ROW_KEYS)
    assert len(v.TABLE3_ROW_KEYS) == 25 and len(v.TABLE3_COLUMNS) == 7


@pytest.mark.parametrize("year", YEARS)
def test_table3_every_cell(statistics, year):
    figures = statistics.year(year)
    want = expected(year)
    for row in v.TABLE3_ROW_KEYS:
        assert list(figures.table3.rows[row]) == want["table3"][row], row
    for group, values in want["table3_subtotals"].items():
        assert list(figures.table3.rows[group]) == values, group


@pytest.mark.parametrize("year", YEARS)
def test_table4_every_cell(statistics, year):
    figures = statistics.year(year)
    for kind, values in expected(year)["table4"].items():
        assert list(figures.table4.rows[kind]) == values, kind
    assert list(figures.table4.rows) == list(v.APPEAL_KIND_KEYS)


@pytest.mark.parametrize("year", YEARS)
def test_table2_every_cell(statistics, year):
    t2, want = statistics.year(year).table2, expected(year)["table2"]
    assert list(t2.item1["regulation"]) == want["regulation"]
    assert list(t2.item1["normative-document"]) == want["normative-document"]
    assert (t2.licensing, t2.penalty, t2.compulsory, t2.fees) == (
        want["licensing"], want["penalty"], want["compulsory"], want["fees"])


@pytest.mark.parametrize("year", YEARS)
def test_proactive_figures(statistics, year):
    p, want = statistics.year(year).proactive, expected(year)["proactive"]
    assert p.total == want["total"]
    assert list(p.by_month) == want["by_month"]
    for name in ("by_category", "by_genre", "by_publisher"):
        got = getattr(p, name)
        assert {k: n for k, n in got.items() if n} == want[name], name
        assert sum(got.values()) == want["total"]


@pytest.mark.parametrize("year", YEARS)
def test_timeliness(statistics, year):
    t = statistics.year(year).timeliness
    assert {key: getattr(t, key) for key in expected(year)["timeliness"]} == expected(year)["timeliness"]


def test_every_outcome_row_is_used_by_the_fixtures(statistics):
    used = {r.outcome for r in statistics.records.requests if r.outcome}
    assert used == set(v.OUTCOME_KEYS)
    assert {r.applicant for r in statistics.records.requests} == set(v.APPLICANT_KEYS)


def test_a_request_received_in_one_year_and_answered_in_the_next(statistics):
    request = next(r for r in statistics.records.requests if r.id == "2023-013")
    assert (request.received.year, request.answered.year, request.extended) == (2023, 2024, True)
    y2023, y2024 = statistics.year(2023).table3, statistics.year(2024).table3
    assert y2023.cell("carried-forward", "commercial-enterprise") == 1
    assert y2024.cell("carried-over", "commercial-enterprise") == 1
    assert y2024.cell("disclosed", "commercial-enterprise") == 1


def test_the_format_cross_checks_hold(statistics):
    for figures in statistics.years:
        t = figures.table3
        assert check_table3(t) == []
        for index in range(7):
            assert t.rows["new"][index] + t.rows["carried-over"][index] == (
                t.rows["total"][index] + t.rows["carried-forward"][index])


# -- the counting rules at their boundaries --------------------------------------------------

def _records(*requests: Request) -> Records:
    return Records(requests=requests, years=frozenset({2023, 2024}))


def test_carried_over_means_not_answered_before_1_january():
    answered_31 = Request("a", date(2023, 12, 1), "natural-person", 1, "disclosed", date(2023, 12, 31))
    answered_01 = Request("b", date(2023, 12, 1), "natural-person", 1, "disclosed", date(2024, 1, 1))
    t = table3(_records(answered_31, answered_01), 2024)
    assert t.cell("carried-over", "total") == 1
    assert t.cell("disclosed", "total") == 1
    assert t.cell("new", "total") == 0
    t2023 = table3(_records(answered_31, answered_01), 2023)
    assert (t2023.cell("new", "total"), t2023.cell("total", "total"), t2023.cell("carried-forward", "total")) == (2, 1, 1)


def test_a_batch_counts_count_times():
    batch = Request("b", date(2024, 5, 6), "legal-services-organisation", 4, "other/other", date(2024, 5, 7))
    t = table3(_records(batch), 2024)
    assert t.rows["new"] == (0, 0, 0, 0, 4, 0, 4)
    assert t.rows["other/other"] == (0, 0, 0, 0, 4, 0, 4)
    assert t.rows["other"] == (0, 0, 0, 0, 4, 0, 4)


def test_cross_check_violations_are_found():
    rows = {key: (0,) * 7 for key in v.TABLE3_ROW_KEYS + tuple(g.key for g in v.OUTCOME_GROUPS)}
    rows["new"] = (1, 0, 0, 0, 0, 0, 1)                       # nothing answered or carried forward
    rows["not-disclosed/state-secret"] = (0, 2, 0, 0, 0, 0, 3)  # row does not add up, subtotal missing
    messages = [m.en for m in check_table3(Table3(rows))]
    assert any("row 'not-disclosed/state-secret'" in m for m in messages)
    assert any("column 'natural-person': I + II = 1 but III(7) + IV = 0" in m for m in messages)
    assert any("rows of (3) Not disclosed add up to 2, not 0" in m for m in messages)


def test_a_violation_stops_loading_with_stats_inconsistent(tmp_path, monkeypatch):
    root = fixture_repo(tmp_path, years=("2023",))
    real = tables.table3

    def broken(records, year):
        t = real(records, year)
        rows = dict(t.rows)
        rows["total"] = rows["total"][:-1] + (rows["total"][-1] + 1,)
        return Table3(rows)

    monkeypatch.setattr(tables, "table3", broken)
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    assert load_statistics(root, catalogue, problems) is None
    found = [p for p in problems if p.code == "stats-inconsistent"]
    assert found and all(p.path == "disclosures/statistics/2023.yml" for p in found)
    assert any("row 'total'" in p.message.en for p in found)


def test_the_real_repository_has_2022_without_request_data():
    catalogue, problems = load_catalogue(REPO, BUILD_DAY)
    statistics = load_statistics(REPO, catalogue, problems)
    assert not problems.errors, problems.report()  # its warnings: test_statistics_workdays.py
    (y2022,) = statistics.years
    assert (y2022.year, y2022.recorded, y2022.table3, y2022.table4, y2022.timeliness) == (2022, False, None, None, None)
    assert y2022.table2.item1 == {"regulation": (0, 0, 0), "normative-document": (0, 0, 0)}
    assert y2022.table2.licensing is None and y2022.table2.fees is None
    assert y2022.proactive.total == 1 and y2022.proactive.by_month[2] == 1


def test_a_request_whose_limit_needs_a_missing_calendar_year(tmp_path):
    root = fixture_repo(tmp_path, years=())
    stats = root / "disclosures" / "statistics"
    (stats / "2026.yml").write_text(
        "article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}\n"
        "requests:\n"
        "  - id: 2026-001\n"
        "    received: 2026-12-21\n"
        "    applicant: natural-person\n"
        "    outcome: disclosed\n"
        "    answered: 2027-01-20\n"
        "appeals: []\n"
        "carried_over: []\n", encoding="utf-8")
    catalogue, problems = load_catalogue(root, date(2027, 6, 1))
    assert load_statistics(root, catalogue, problems) is not None  # no 2027 figure yet: no 2027 holidays needed
    (stats / "2027.yml").write_text("article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}\n"
                                    "requests: []\nappeals: []\n", encoding="utf-8")
    catalogue, problems = load_catalogue(root, date(2027, 6, 1))
    assert load_statistics(root, catalogue, problems) is None
    (problem,) = list(problems)
    assert (problem.path, problem.line, problem.code) == ("disclosures/statistics/2026.yml", 3, "stats-calendar")
    assert "2027" in problem.message.zh and "2027" in problem.message.en


def test_fees_keep_their_decimals(tmp_path):
    root = fixture_repo(tmp_path, years=())
    (root / "disclosures" / "statistics" / "2024.yml").write_text(
        "article20:\n  licensing: 0\n  penalty: 0\n  compulsory: 0\n  fees: 1.25\nrequests: []\nappeals: []\n"
        "carried_over: []\n",
        encoding="utf-8")
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    statistics = load_statistics(root, catalogue, problems)
    assert not problems, problems.report()
    assert str(statistics.year(2024).table2.fees) == "1.25"
    assert statistics.year(2024).table3.cell("new", "total") == 0


def test_output_is_deterministic(tmp_path):
    from gongkai.site import Site
    from gongkai.statistics import export
    root = fixture_repo(tmp_path)
    runs = []
    for _ in range(2):
        catalogue, problems = load_catalogue(root, BUILD_DAY)
        site = Site(catalogue, root, statistics=load_statistics(root, catalogue, Problems()))
        runs.append((export.files(site.statistics, catalogue),
                     {k: p.markdown for k, p in site.pages.items() if k.startswith("statistics/")}))
    assert runs[0] == runs[1]


# -- paused_days: time that does not count toward the limit ---------------------------------

def _real_calendar():
    from gongkai.statistics.loading import load_records
    problems = Problems()
    records = load_records(REPO, problems, BUILD_DAY)
    assert not problems.errors, problems.report()  # its warnings: test_statistics_workdays.py
    return records.calendar


@pytest.mark.parametrize("paused, on_time", [(0, 0), (3, 0), (4, 1)])
def test_paused_days_extend_the_limit(paused, on_time):
    """Received Mon 2024-03-04; the 20th working day is 04-01. Answered 04-08, the 24th working day counted by
    hand (04-02, 04-03, Sunday 04-07 worked after Qingming 04-04..06, 04-08): late by the calendar, on time when
    four working days were spent consulting a third party (条例 Art. 33 para 2)."""
    request = Request("p", date(2024, 3, 4), "natural-person", 1, "disclosed", date(2024, 4, 8), paused_days=paused)
    records = Records(requests=(request,), years=frozenset({2024}), calendar=_real_calendar())
    problems = Problems()
    t = tables.timeliness(records, 2024, problems, BUILD_DAY)
    assert not problems
    assert (t.answered, t.on_time, t.late) == (1, on_time, 1 - on_time)
    assert request.limit == 20 + paused


def test_paused_days_add_to_an_extended_limit():
    request = Request("p", date(2024, 3, 4), "natural-person", extended=True, paused_days=5)
    assert request.limit == 45


def test_paused_days_are_read_from_the_file(tmp_path):
    root = fixture_repo(tmp_path, years=("2023",))
    (root / "disclosures" / "statistics" / "2024.yml").write_text(
        "article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}\n"
        "requests:\n"
        "  - id: 2024-001\n"
        "    received: 2024-03-04\n"
        "    applicant: natural-person\n"
        "    paused_days: 4           # consulted a third party\n"
        "    outcome: disclosed\n"
        "    answered: 2024-04-08\n"
        "  - id: 2024-002\n"
        "    received: 2024-03-04\n"
        "    applicant: natural-person\n"
        "    outcome: disclosed\n"
        "    answered: 2024-04-08\n"
        "appeals: []\n", encoding="utf-8")
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    statistics = load_statistics(root, catalogue, problems)
    assert not problems, problems.report()
    assert [r.paused_days for r in statistics.records.requests if r.received.year == 2024] == [4, 0]
    t = statistics.year(2024).timeliness
    # 2023-013 and 2023-014 (from 2023.yml, answered in 2024) are on time too.
    assert (t.answered, t.on_time, t.late) == (4, 3, 1)
