"""The current, unfinished year: time limits judged as of the build date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import BUILD_DAY, write_item
from statistics_helpers import fixture_repo

from gongkai.loader import load_catalogue
from gongkai.statistics import load_statistics

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
