"""Every problem code's full message, exactly: ``path:line:col: code [key]``, the message and the fix, in
Chinese and English, for every bad input of the fixtures, compared whole with ``tests/golden/problems.txt``.

The golden file was recorded from the checkers before they were restructured (issue 9) and read through
by hand; a deliberate change of wording is made by editing it. Every code of :data:`gongkai.codes.CODES`
must appear in it: the list of codes is derived, never written out.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from conftest import BUILD_DAY, make_repo, write_item
from test_editor_commands import git
from statistics_helpers import fixture_repo
from test_bad_input import BAD, _install
from test_statistics_errors import BROKEN

from gongkai.codes import CODES
from gongkai.history import check_changes
from gongkai.loader import load_catalogue
from gongkai.problems import Problems
from gongkai.statistics import load_statistics, tables
from gongkai.statistics.loading import load_records
from gongkai.statistics.tables import Table3

GOLDEN = Path(__file__).resolve().parent / "golden" / "problems.txt"

CALENDAR = ("years:\n  2024:\n    notice: {number: 【待填写：文号 / notice number】, date: 2023-10-25}\n    holidays:\n      - 2024-02-17..2024-02-10\n      - 2024-13-01\n"
            "    workdays:\n      - 2024-02-05\n")


def _folder(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir()
    return tmp_path / name


def _items(tmp_path: Path) -> Problems:
    root = make_repo(_folder(tmp_path, "items"))
    for case in sorted(p.name for p in BAD.iterdir() if not p.name.startswith("catalogue-config")):
        _install(case, root / "disclosures")
    return load_catalogue(root, BUILD_DAY)[1]


def _catalogue(tmp_path: Path, case: str) -> Problems:
    root = make_repo(_folder(tmp_path, case))
    (root / "disclosures" / "catalogue.yml").write_bytes((BAD / case / "catalogue.yml").read_bytes())
    return load_catalogue(root, BUILD_DAY)[1]


def _statistics(tmp_path: Path) -> Problems:
    root = fixture_repo(_folder(tmp_path, "statistics"), years=())
    stats = root / "disclosures" / "statistics"
    (stats / "2024.yml").write_text(BROKEN, encoding="utf-8")
    (stats / "2024.yaml").write_text("requests: []\n", encoding="utf-8")
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    load_statistics(root, catalogue, problems)
    return problems


def _calendar(tmp_path: Path) -> Problems:
    stats = tmp_path / "calendar" / "disclosures" / "statistics"
    stats.mkdir(parents=True)
    (stats / "calendar.yml").write_text(CALENDAR, encoding="utf-8")
    problems = Problems()
    load_records(stats.parents[1], problems, date(2026, 11, 27))
    return problems


def _reports(tmp_path: Path) -> Problems:
    """Annual reports: one late with a table typed in and a marker lost, one dated before its year was over,
    a frozen file that cannot be read, one edited by hand, and a correction requested too late."""
    import contextlib
    import io
    from gongkai.cli import main

    root = fixture_repo(_folder(tmp_path, "reports"))
    stats = root / "disclosures" / "statistics"
    (stats / "2025.yml").write_text("article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}\nrequests: []\n"
                                    "appeals: []\n", encoding="utf-8")
    for year, rel, day in ((2023, "2024/00008.md", "2024-01-15"), (2024, "2025/00001.md", "2025-03-15"),
                           (2025, "2026/00001.md", "2026-01-10")):
        with contextlib.redirect_stderr(io.StringIO()):
            assert main(["report", str(year), "--root", str(root), "-o", str(root / "disclosures" / rel),
                         "--date", day]) == 0
    late = root / "disclosures/2025/00001.md"
    late.write_text(late.read_text(encoding="utf-8").replace("<!-- gongkai-report:table3 -->", "<table></table>"),
                    encoding="utf-8")
    early = root / "disclosures/2024/00008.md"
    early.write_text(early.read_text(encoding="utf-8").replace("2024-01-15", "2023-12-30"), encoding="utf-8")
    frozen = stats / "reports" / "2025.json"
    frozen.write_text(frozen.read_text(encoding="utf-8").replace('"licensing": 0', '"licensing": 5'), encoding="utf-8")
    (stats / "reports" / "2022.json").write_text("{}", encoding="utf-8")
    year = stats / "2024.yml"
    year.write_text(year.read_text(encoding="utf-8").replace(
        "    corrected: 2024-06-24\n", "    correction_requested: 2024-06-14\n    corrected: 2024-06-24\n"),
        encoding="utf-8")
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    load_statistics(root, catalogue, problems)
    return Problems([p for p in problems.items if p.code != "placeholder"])


def _inconsistent(tmp_path: Path, monkeypatch) -> Problems:
    """The cross-checks of Table 三 cannot fail on real data: a broken counting rule stands in for a bug."""
    root = fixture_repo(_folder(tmp_path, "inconsistent"), years=("2023",))
    real = tables.table3

    def broken(records, year):
        rows = dict(real(records, year).rows)
        rows["total"] = rows["total"][:-1] + (rows["total"][-1] + 1,)
        return Table3(rows)

    monkeypatch.setattr(tables, "table3", broken)
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    load_statistics(root, catalogue, problems)
    return problems


def _history(tmp_path: Path) -> Problems:
    """A published item whose body changed in a commit without a change entry. Only the item is committed,
    so the commit's hash (in the message) depends on nothing but the item, the dates and the author."""
    root = make_repo(_folder(tmp_path, "history"))
    write_item(root, "XMFAO/2025-00001", date_written="2025-01-10", date_published="2025-01-10", body="第一版。\n")
    git(root, "init", "-q")
    git(root, "add", "disclosures/2025/00001.md")
    git(root, "commit", "-qm", "publish", when="2025-01-10T09:00:00+08:00")
    write_item(root, "XMFAO/2025-00001", date_written="2025-01-10", date_published="2025-01-10", body="第二版。\n")
    git(root, "commit", "-qam", "change", when="2025-02-01T09:00:00+08:00")
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    check_changes(catalogue, root, problems)
    return problems


def rendered(tmp_path: Path, monkeypatch) -> str:
    """Every scenario's report, one after the other."""
    scenarios = [("items", _items(tmp_path)), ("catalogue-config", _catalogue(tmp_path, "catalogue-config")),
                 ("catalogue-config-keys", _catalogue(tmp_path, "catalogue-config-keys")),
                 ("statistics", _statistics(tmp_path)), ("calendar", _calendar(tmp_path)),
                 ("reports", _reports(tmp_path)),
                 ("inconsistent", _inconsistent(tmp_path, monkeypatch)), ("history", _history(tmp_path))]
    return "".join(f"## {name}\n{problems.report()}\n\n" for name, problems in scenarios)


def test_every_message_is_exactly_the_golden_one(tmp_path, monkeypatch):
    assert rendered(tmp_path, monkeypatch) == GOLDEN.read_text(encoding="utf-8")


def test_the_golden_file_has_every_code():
    codes = set(re.findall(r"^\S+:\d+:\d+: ([a-z0-9-]+)", GOLDEN.read_text(encoding="utf-8"), re.M))
    assert codes == set(CODES)
