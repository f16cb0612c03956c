"""Carried over (Table 三, row 二) when the previous year has no statistics file: `carried_over`.

Without the previous year's file the requests still open on 1 January are unknown; the year's own file lists
them under `carried_over`, or the build stops (never an invented 0). Expected values are counted by hand.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import BUILD_DAY, BUILD_EPOCH, build, build_env
from statistics_helpers import body_cells, fixture_repo, line_of, table

from gongkai.cli import main
from gongkai.loader import load_catalogue
from gongkai.problems import Problems
from gongkai.statistics import load_statistics
from gongkai.statistics import vocabulary as v
from gongkai.statistics.loading import load_records
from gongkai.statistics.records import Records, Request
from gongkai.statistics.tables import table3

ARTICLE20 = "article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}\n"

FIRST_YEAR = ARTICLE20 + """\
requests:
  - id: 2024-001
    received: 2024-03-04
    applicant: natural-person
    outcome: disclosed
    answered: 2024-03-08
appeals: []
# 2024 is the first year with a file: the requests still open on 1 January 2024.
carried_over:
  - id: 2023-050                  # answered in 2024 (14 working days)
    received: 2023-12-20
    applicant: research-institution
    outcome: not-processed/repeated
    answered: 2024-01-10
  - id: 2023-051                  # a batch of three, still open at the end of 2024 and of 2025
    received: 2023-11-02
    applicant: natural-person
    count: 3
  - id: 2023-052                  # answered in 2025, late
    received: 2023-12-28
    applicant: other-organisation
    outcome: disclosed
    answered: 2025-01-15
"""
NEXT_YEAR = ARTICLE20 + "requests: []\nappeals: []\n"

#: Hand-computed rows (six applicant columns, then the total); rows not listed are all zero.
#: Columns: natural-person, commercial-enterprise, research-institution, social-welfare, legal-services, other.
EXPECTED = {
    2024: {"new": [1, 0, 0, 0, 0, 0, 1], "carried-over": [3, 0, 1, 0, 0, 1, 5],
           "disclosed": [1, 0, 0, 0, 0, 0, 1], "not-processed/repeated": [0, 0, 1, 0, 0, 0, 1],
           "total": [1, 0, 1, 0, 0, 0, 2], "carried-forward": [3, 0, 0, 0, 0, 1, 4]},
    2025: {"new": [0] * 7, "carried-over": [3, 0, 0, 0, 0, 1, 4], "disclosed": [0, 0, 0, 0, 0, 1, 1],
           "total": [0, 0, 0, 0, 0, 1, 1], "carried-forward": [3, 0, 0, 0, 0, 0, 3]},
}
SUBTOTALS = {2024: {"not-processed": [0, 0, 1, 0, 0, 0, 1]}, 2025: {}}


def _rows(year: int) -> dict[str, list[int]]:
    return {key: EXPECTED[year].get(key, [0] * 7) for key in v.TABLE3_ROW_KEYS}


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    """The fixture items (2023 and 2024) and the real calendar, with these statistics files."""
    root = fixture_repo(tmp_path, years=())
    for name, text in files.items():
        (root / "disclosures" / "statistics" / name).write_text(text, encoding="utf-8")
    return root


def _problems(root: Path) -> list[tuple[str, int, str, str | None]]:
    problems = Problems()
    assert load_records(root, problems, BUILD_DAY) is None
    return sorted((p.path, p.line, p.code, p.key) for p in problems)


# -- records under carried_over are counted -------------------------------------------------------

@pytest.fixture(scope="module")
def first_year(tmp_path_factory) -> Path:
    return _repo(tmp_path_factory.mktemp("carried"), {"2024.yml": FIRST_YEAR, "2025.yml": NEXT_YEAR})


@pytest.fixture(scope="module")
def statistics(first_year):
    catalogue, problems = load_catalogue(first_year, BUILD_DAY)
    result = load_statistics(first_year, catalogue, problems)
    assert not problems, problems.report()
    return result


@pytest.mark.parametrize("year", [2024, 2025])
def test_carried_over_records_count_in_II_results_and_IV(statistics, year):
    t = statistics.year(year).table3
    for key, values in _rows(year).items():
        assert list(t.rows[key]) == values, key
    for group in v.OUTCOME_GROUPS:
        assert list(t.rows[group.key]) == SUBTOTALS[year].get(group.key, [0] * 7), group.key


def test_carried_over_records_are_on_time_or_late_like_any_other(statistics):
    t2024, t2025 = statistics.year(2024).timeliness, statistics.year(2025).timeliness
    assert (t2024.answered, t2024.on_time, t2024.late, t2024.pending, t2024.pending_overdue) == (2, 2, 0, 4, 4)
    assert (t2025.answered, t2025.on_time, t2025.late, t2025.pending, t2025.pending_overdue) == (1, 0, 1, 3, 3)


def test_the_year_before_stays_not_recorded(statistics):
    y2023 = statistics.year(2023)  # it has items, but no statistics file
    assert (y2023.recorded, y2023.table3, y2023.table4, y2023.timeliness) == (False, None, None, None)
    carried = [r for r in statistics.records.requests if r.received.year == 2023]
    assert {r.carried_into for r in carried} == {2024}


def test_a_carried_over_record_never_counts_before_its_file_nor_as_new():
    record = Request("c", date(2022, 12, 1), "natural-person", 2, carried_into=2024)
    records = Records(requests=(record,), years=frozenset({2022, 2023, 2024}))
    assert all(n == 0 for values in table3(records, 2022).rows.values() for n in values)
    assert all(n == 0 for values in table3(records, 2023).rows.values() for n in values)
    t2024 = table3(records, 2024)
    assert (t2024.cell("new", "total"), t2024.cell("carried-over", "total"),
            t2024.cell("carried-forward", "total")) == (0, 2, 2)


def test_the_built_pages_show_the_carried_over_figures(first_year):
    result = build(first_year)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    site = first_year / "site"
    for year in (2024, 2025):
        cells = body_cells(table(site / "statistics" / str(year) / "index.html", "gk-table3"))
        assert cells == [[str(n) for n in values] for values in _rows(year).values()], year
    unrecorded = body_cells(table(site / "statistics" / "2023" / "index.html", "gk-table3"))
    assert all(row == ["—"] * 7 for row in unrecorded)


def test_the_draft_report_states_the_carried_over_figure(first_year, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    assert main(["report", "2024", "--root", str(first_year), "--date", "2025-01-20"]) == 0
    out = capsys.readouterr().out
    assert "新收政府信息公开申请 1 件，上年结转 5 件，办结 2 件，结转下年度继续办理 4 件" in out


# -- without carried_over or a previous file, the build stops -----------------------------------------

@pytest.fixture(scope="module")
def missing(tmp_path_factory) -> Path:
    return fixture_repo(tmp_path_factory.mktemp("missing"), years=("2024",))  # no 2023.yml


def test_a_first_year_without_carried_over_is_an_error(missing):
    problems = Problems()
    assert load_records(missing, problems, BUILD_DAY) is None
    (problem,) = list(problems)
    assert (problem.path, problem.line, problem.code, problem.key) == (
        "disclosures/statistics/2024.yml", 1, "stats-carried-over", "carried_over")
    assert problem.message.zh.startswith("上年结转无法计算")
    assert "disclosures/statistics/2023.yml" in problem.hint.zh and "carried_over: []" in problem.hint.zh
    assert "create disclosures/statistics/2023.yml" in problem.hint.en
    assert "write carried_over: [] if there were none" in problem.hint.en


def test_gongkai_check_stops_with_file_and_line(missing):
    result = subprocess.run([sys.executable, "-m", "gongkai.cli", "check", "--root", str(missing)],
                            capture_output=True, text=True, env=build_env(), timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    line = next(l for l in result.stderr.split("\n") if l.startswith("disclosures/statistics/2024.yml:1:"))
    assert "stats-carried-over" in line and "上年结转无法计算" in line
    assert "carried_over: []" in result.stderr


def test_the_build_stops_with_file_and_line(missing):
    result = build(missing)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "disclosures/statistics/2024.yml:1:" in result.stderr and "stats-carried-over" in result.stderr
    assert not (missing / "site").exists()


# -- misplaced carried_over ------------------------------------------------------------------------------

def test_carried_over_when_the_previous_year_has_a_file(tmp_path):
    root = fixture_repo(tmp_path)
    path = root / "disclosures" / "statistics" / "2024.yml"
    text = path.read_text(encoding="utf-8") + "carried_over: []\n"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    assert load_records(root, problems, BUILD_DAY) is None
    (problem,) = list(problems)
    assert (problem.path, problem.line, problem.code, problem.key) == (
        "disclosures/statistics/2024.yml", line_of(text, "carried_over: []"), "stats-carried-over", "carried_over")
    for lang in ("zh", "en"):
        assert "disclosures/statistics/2023.yml" in problem.message(lang)
        assert "disclosures/statistics/2024.yml" in problem.message(lang)


RECORD = "  - id: {id}\n    received: {received}\n    applicant: natural-person\n"


@pytest.mark.parametrize("record, needle, code, key", [
    (RECORD.format(id="c1", received="2024-01-02"), "2024-01-02", "stats-wrong-year", "received"),
    (RECORD.format(id="c1", received="2024-12-30"), "2024-12-30", "stats-wrong-year", "received"),
    (RECORD.format(id="c1", received="2023-12-01") + "    outcome: disclosed\n    answered: 2023-12-29\n",
     "answered: 2023-12-29", "stats-carried-over", "answered"),
    (RECORD.format(id="c1", received="2023-12-01") + "    name: 张三\n", "name: 张三", "stats-personal-data", "name"),
    (RECORD.format(id="c1", received="2023-12-01") + "    count: 0\n", "count: 0", "stats-wrong-type", "count"),
    (RECORD.format(id="c1", received="2023-12-01") + "    outcome: not-disclosed\n    answered: 2024-01-05\n",
     "outcome: not-disclosed", "stats-unknown-value", "outcome"),
    (RECORD.format(id="c1", received="2023-12-01") + "    outcome: disclosed\n",
     "outcome: disclosed", "stats-incomplete", "answered"),
    (RECORD.format(id="2024-001", received="2023-12-01"), "id: 2024-001", "stats-duplicate-id", "id"),
])
def test_carried_over_records_get_every_check_of_requests(tmp_path, record, needle, code, key):
    text = (ARTICLE20 + "requests:\n" + RECORD.format(id="2024-001", received="2024-02-01")
            + "appeals: []\ncarried_over:\n" + record)
    root = _repo(tmp_path, {"2024.yml": text})
    line = max(n for n, content in enumerate(text.split("\n"), start=1) if needle in content)  # in carried_over
    assert _problems(root) == [("disclosures/statistics/2024.yml", line, code, key)]


# -- a gap between two recorded years ------------------------------------------------------------------

GAP_2022 = ARTICLE20 + """\
requests:
  - id: 2022-001                  # open until February 2024
    received: 2022-06-01
    applicant: natural-person
    outcome: disclosed
    answered: 2024-02-01
appeals: []
carried_over: []
"""
GAP_2024 = ARTICLE20 + """\
requests: []
appeals: []
carried_over:                     # 2023 has no file: its requests still open on 1 January 2024
  - id: 2023-001
    received: 2023-05-01
    applicant: commercial-enterprise
"""


def test_after_a_gap_earlier_files_still_count_and_carried_over_adds_the_gap_year(tmp_path):
    root = _repo(tmp_path, {"2022.yml": GAP_2022, "2024.yml": GAP_2024})
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    statistics = load_statistics(root, catalogue, problems)
    assert not problems, problems.report()
    t2022, t2024 = statistics.year(2022).table3, statistics.year(2024).table3
    assert (t2022.rows["new"], t2022.rows["carried-forward"]) == ((1, 0, 0, 0, 0, 0, 1),) * 2
    assert t2022.rows["carried-over"] == (0,) * 7
    assert statistics.year(2023).table3 is None
    assert t2024.rows["new"] == (0,) * 7
    assert t2024.rows["carried-over"] == (1, 1, 0, 0, 0, 0, 2)  # 2022-001 from 2022.yml, 2023-001 from carried_over
    assert t2024.rows["disclosed"] == (1, 0, 0, 0, 0, 0, 1)
    assert t2024.rows["carried-forward"] == (0, 1, 0, 0, 0, 0, 1)


@pytest.mark.parametrize("received, where", [("2022-03-01", "requests"), ("2021-12-01", "carried_over")])
def test_carried_over_may_not_repeat_what_an_earlier_file_records(tmp_path, received, where):
    text = GAP_2024 + RECORD.format(id="old", received=received)
    root = _repo(tmp_path, {"2022.yml": GAP_2022, "2024.yml": text})
    problems = Problems()
    assert load_records(root, problems, BUILD_DAY) is None
    (problem,) = list(problems)
    assert (problem.path, problem.line, problem.code, problem.key) == (
        "disclosures/statistics/2024.yml", line_of(text, "id: old"), "stats-wrong-year", "received")
    assert f"belongs under {where} in disclosures/statistics/2022.yml" in problem.message.en
    assert f"应写在 disclosures/statistics/2022.yml 的 {where} 中" in problem.message.zh
    assert problem.hint.en.startswith(f"Move this record under {where} in disclosures/statistics/2022.yml")
