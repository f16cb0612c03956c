"""The current, unfinished year: time limits judged as of the build date, and output that depends on the
sources only (never on the day of the build, unless that day publishes an item or ends the year)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import BUILD_DAY, BUILD_EPOCH, build_env, write_item
from statistics_helpers import fixture_repo

from gongkai.loader import load_catalogue
from gongkai.statistics import load_statistics
from gongkai.statistics.records import Appeal, Records, Request
from gongkai.statistics.tables import figures_as_of

#: 2026 is the year of BUILD_DAY (2026-11-27). 2025 has no file, hence ``carried_over: []``.
CURRENT = """\
article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}
carried_over: []
requests:
  - id: 2026-001                  # pending since September: past its 20 working days
    received: 2026-09-01
    applicant: natural-person
  - id: 2026-002                  # pending, received 3 days before the build: well within its limit
    received: 2026-11-24
    applicant: commercial-enterprise
  - id: 2026-003
    received: 2026-10-12
    applicant: natural-person
    outcome: disclosed
    answered: 2026-10-30
appeals:
  - id: F2026-1
    kind: reconsideration
    filed: 2026-11-02
"""


def current_repo(tmp_path: Path) -> Path:
    root = fixture_repo(tmp_path)
    (root / "disclosures" / "statistics" / "2026.yml").write_text(CURRENT, encoding="utf-8")
    write_item(root, "XMFAO/2026-00001", date_written="2026-11-10", date_published="2026-11-20")
    # Published after the build day: not a source of the figures (and not published at all).
    write_item(root, "XMFAO/2026-00002", date_written="2026-11-10", date_published="2026-12-15")
    return root


def _statistics(root: Path, day: date):
    catalogue, problems = load_catalogue(root, day)
    statistics = load_statistics(root, catalogue, problems, day)
    assert statistics is not None, problems.report()
    return statistics


def test_pending_requests_of_the_current_year_are_overdue_only_once_their_limit_has_passed(tmp_path):
    figures = _statistics(current_repo(tmp_path), BUILD_DAY).year(2026)
    assert not figures.complete
    t = figures.timeliness
    # pending: 2026-001, 2026-002 and the two requests still open since 2024 (2024.yml), long overdue
    assert (t.answered, t.on_time, t.pending) == (1, 1, 4)
    # 2026-002 was received on 2026-11-24: judged on 31 December it would be overdue, on the build day it is not.
    assert t.pending_overdue == 3


def test_a_completed_year_still_judges_pending_requests_on_31_december(tmp_path):
    """2024's fixture has requests pending at the end of the year; their count is unchanged (golden)."""
    statistics = _statistics(current_repo(tmp_path), BUILD_DAY)
    assert statistics.year(2024).timeliness.pending_overdue == 1


def test_as_of_is_the_newest_source_date_of_the_current_year_and_31_december_of_a_completed_one(tmp_path):
    statistics = _statistics(current_repo(tmp_path), BUILD_DAY)
    # newest of: 发布日期 2026-11-20 (00002 is not published yet), received 2026-11-24, answered 2026-10-30,
    # filed 2026-11-02
    assert statistics.year(2026).as_of == date(2026, 11, 24)
    assert statistics.year(2024).as_of == date(2024, 12, 31)
    assert statistics.year(2023).as_of == date(2023, 12, 31)


def test_as_of_counts_later_answers_and_conclusions_too(tmp_path):
    root = current_repo(tmp_path)
    catalogue, _ = load_catalogue(root, BUILD_DAY)
    old = Request("2024-x", date(2024, 12, 20), "natural-person", 1, "disclosed", date(2026, 11, 25))
    appeal = Appeal("F2025-1", "reconsideration", date(2025, 6, 1), "upheld", date(2026, 11, 26))
    assert figures_as_of(catalogue, Records(requests=(old,)), 2026) == date(2026, 11, 25)
    assert figures_as_of(catalogue, Records(requests=(old,), appeals=(appeal,)), 2026) == date(2026, 11, 26)
    # a year with nothing dated in it yet: 1 January, not the build day
    assert figures_as_of(catalogue, Records(), 2026) == date(2026, 11, 20)  # the published item
    assert figures_as_of(catalogue, Records(), 2027) == date(2027, 1, 1)


def test_pages_are_written_with_the_core_page_helpers(tmp_path):
    """Front matter and notices come from gongkai.pages (one implementation for every generated page)."""
    from gongkai.pages import front_matter, notice
    from gongkai.statistics.render import UI, statistics_pages

    root = current_repo(tmp_path)
    statistics = _statistics(root, BUILD_DAY)
    catalogue, _ = load_catalogue(root, BUILD_DAY)
    pages = {p.url: p.markdown for lang in ("zh", "en") for p in statistics_pages(statistics, catalogue, lang)}
    current = pages["en/statistics/2026/"]
    assert current.startswith(front_matter("Open government information statistics 2026") + "\n# ")
    assert notice("note", "The year is not over: provisional figures",
                  UI["incomplete"].en.format(year=2026, as_of="2026-11-24")) in current
    assert notice("info", "Unofficial translation", UI["unofficial"].en) + ' <a href="' in current
    assert pages["statistics/"].startswith(front_matter("政府信息公开统计") + "\n# ")


def _build(root: Path, site_dir: Path, day: date) -> None:
    epoch = int(BUILD_EPOCH) + (day - BUILD_DAY).days * 86400
    env = dict(build_env(), SOURCE_DATE_EPOCH=str(epoch))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    """The same sources built on 2026-11-27 and on 2026-11-28 (a day that publishes nothing and ends
    no year; no request passes its limit in between)."""
    root = current_repo(tmp_path_factory.mktemp("current"))
    first, second = root.parent / "site-27", root.parent / "site-28"
    _build(root, first, BUILD_DAY)
    _build(root, second, BUILD_DAY + timedelta(days=1))
    return first, second


def _statistics_files(site: Path) -> dict[str, bytes]:
    files = [p for p in site.rglob("*") if p.is_file() and "statistics" in p.relative_to(site).parts]
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in files}


def test_builds_on_two_days_give_byte_identical_statistics(two_builds):
    first, second = map(_statistics_files, two_builds)
    assert {"statistics/2026.json", "statistics/2026.csv", "statistics/2026/index.html",
            "en/statistics/2026/index.html", "statistics/index.html"} <= set(first)
    assert sorted(first) == sorted(second)
    for name in first:
        assert first[name] == second[name], name


def test_the_current_year_says_as_of_which_source_date(two_builds):
    site = two_builds[0]
    data = json.loads((site / "statistics" / "2026.json").read_text(encoding="utf-8"))
    assert (data["complete"], data["as_of"]) == (False, "2026-11-24")
    assert data["timeliness"]["pending_overdue"] == 3
    old = json.loads((site / "statistics" / "2024.json").read_text(encoding="utf-8"))
    assert (old["complete"], old["as_of"]) == (True, "2024-12-31")
    page = (site / "statistics" / "2026" / "index.html").read_text(encoding="utf-8")
    assert "以下数字是临时数字，截至 2026-11-24" in page and "其中已超过期限的（按生成网站当日计算）" in page
    assert "as of 2026-11-24" in (site / "en" / "statistics" / "2026" / "index.html").read_text(encoding="utf-8")
