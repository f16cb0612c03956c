"""Malformed or inconsistent statistics files stop `gongkai check` and `mkdocs build` with file, line and hint."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from conftest import BUILD_DAY, build, build_env
from statistics_helpers import fixture_repo, line_of

from gongkai.loader import load_catalogue
from gongkai.problems import Problems
from gongkai.statistics import load_statistics
from gongkai.statistics.loading import load_records

BROKEN = """\
# 2024 statistics with one mistake per record, and no carried_over although there is no 2023.yml
article20:
  licensing: 3
  penalty: 0
  compulsory: zero
  fees: 0
requests:
  - id: 2024-001
    received: 2024-02-30
    applicant: natural-person
  - id: 2024-002
    received: 2024-03-01
    applicant: natural-person
    outcome: not-disclosed/secret
    answered: 2024-03-05
  - id: 2024-003
    received: 2024-03-10
    applicant: natural-person
    outcome: disclosed
    answered: 2024-03-01
  - id: 2024-004
    received: 2024-04-01
    applicant: natural-person
    name: 张三
  - id: 2024-005
    received: 2024-04-02
    applicant: natural-person
    note: 申请人电话 13812345678
  - id: 2024-006
    received: 2024-04-03
    applicant: company
  - id: 2024-007
    received: 2024-04-03
    applicant: natural-person
    extended: 是
  - id: 2024-008
    received: 2023-12-30
    applicant: natural-person
  - id: 2024-009
    received: 2024-05-01
    applicant: natural-person
    outcome: partially-disclosed
  - id: 2024-010
    received: 2024/05/02
    applicant: natural-person
  - id: 2024-001
    received: 2024-05-03
    applicant: natural-person
  - id: 王小明
    received: 2024-05-04
    applicant: natural-person
  - id: 2024-013
    received: 2024-05-05
    applicant: natural-person
    outcome: not-disclosed
    answered: 2024-05-06
  - id: 2024-014
    received: 2024-05-06
    applicant: natural-person
    count: two
  - id: 2024-015
    recieved: 2024-05-07
    applicant: natural-person
  - id: 2024-016
    received: 2024-05-08
    applicant: natural-person
    paused_days: -2
  - id: 2024-017
    received: 2024-05-09
    applicant: natural-person
    paused_days: 三天
appeals:
  - id: F1
    kind: reconsideration
    filed: 2024-01-05
    result: pending
"""

#: (substring of the offending line, code, key) for every mistake above.
MISTAKES = [
    ("# 2024 statistics", "stats-carried-over", "carried_over"),  # no 2023.yml and no carried_over
    ("compulsory: zero", "stats-wrong-type", "compulsory"),
    ("2024-02-30", "stats-bad-date", "received"),
    ("not-disclosed/secret", "stats-unknown-value", "outcome"),
    ("answered: 2024-03-01", "stats-date-order", "answered"),
    ("name: 张三", "stats-personal-data", "name"),
    ("13812345678", "stats-personal-data", None),
    ("applicant: company", "stats-unknown-value", "applicant"),
    ("extended: 是", "stats-wrong-type", "extended"),
    ("received: 2023-12-30", "stats-wrong-year", "received"),
    ("outcome: partially-disclosed", "stats-incomplete", "answered"),
    ("2024/05/02", "stats-bad-date", "received"),
    ("received: 2024-05-03", "stats-duplicate-id", "id"),
    ("id: 王小明", "stats-id", "id"),
    ("outcome: not-disclosed\n", "stats-unknown-value", "outcome"),
    ("count: two", "stats-wrong-type", "count"),
    ("recieved: 2024-05-07", "stats-unknown-key", "recieved"),
    ("id: 2024-015", "stats-missing-key", "received"),
    ("paused_days: -2", "stats-wrong-type", "paused_days"),
    ("paused_days: 三天", "stats-wrong-type", "paused_days"),
    ("result: pending", "stats-unknown-value", "result"),
]


def _line(text: str, needle: str) -> int:
    if needle.endswith("\n"):  # a whole line
        return next(n for n, line in enumerate(text.split("\n"), 1) if line.strip() == needle.strip())
    return line_of(text, needle)


def _expected_lines(text: str) -> set[tuple[int, str]]:
    result = set()
    for needle, code, _ in MISTAKES:
        line = _line(text, needle)
        if code == "stats-duplicate-id":
            line -= 1  # reported on the record's first line (its '- id:')
        result.add((line, code))
    return result


@pytest.fixture(scope="module")
def broken_repo(tmp_path_factory):
    root = fixture_repo(tmp_path_factory.mktemp("broken"), years=())
    (root / "disclosures" / "statistics" / "2024.yml").write_text(BROKEN, encoding="utf-8")
    return root


def test_every_mistake_is_reported_with_its_line_and_code(broken_repo):
    problems = Problems()
    assert load_records(broken_repo, problems, BUILD_DAY) is None
    found = {(p.line, p.code) for p in problems}
    assert found == _expected_lines(BROKEN), sorted(found ^ _expected_lines(BROKEN))
    assert all(p.path == "disclosures/statistics/2024.yml" for p in problems)
    keyed = {(p.line, p.key) for p in problems}
    for needle, code, key in MISTAKES:
        if key and code not in ("stats-duplicate-id",):
            assert (_line(BROKEN, needle), key) in keyed, (needle, key)


def test_messages_name_expected_and_received_in_both_languages(broken_repo):
    problems = Problems()
    load_records(broken_repo, problems, BUILD_DAY)
    by_line = {p.line: p for p in problems}
    unknown = by_line[line_of(BROKEN, "not-disclosed/secret")]
    assert "not-disclosed/secret" in unknown.message.zh and "not-disclosed/secret" in unknown.message.en
    assert "not-disclosed/state-secret" in unknown.hint.en  # the allowed values are listed
    applicant = by_line[line_of(BROKEN, "applicant: company")]
    assert "commercial-enterprise (商业企业)" in applicant.hint.zh
    date_ = by_line[line_of(BROKEN, "2024/05/02")]
    assert "2024-05-02" in date_.message.zh and "2024-05-02" in date_.hint.en
    wrong_year = by_line[line_of(BROKEN, "received: 2023-12-30")]
    assert "2023.yml" in wrong_year.message.en
    pending = by_line[line_of(BROKEN, "result: pending")]
    assert "result" in pending.hint.en and "concluded" in pending.hint.en
    group = by_line[_line(BROKEN, "outcome: not-disclosed\n")]
    assert "Did you mean" not in group.message.en
    assert group.hint.en.startswith("(3) Not disclosed needs its reason: not-disclosed/state-secret")
    assert "Did you mean 'commercial-enterprise'?" in applicant.message.en
    typo = by_line[line_of(BROKEN, "recieved")]
    assert "Did you mean 'received'?" in typo.message.en


def test_personal_data_is_never_repeated_in_full(broken_repo):
    problems = Problems()
    load_records(broken_repo, problems, BUILD_DAY)
    report = problems.report()
    assert "13812345678" not in report
    assert "138******78" in report


@pytest.mark.parametrize("text, needle, code", [
    ("requests:\n  - id: a\n    received: 2024-01-02\n    applicant: natural-person\n    "
     "note: 身份证 11010519491231002X\n", "11010519491231002X", "stats-personal-data"),
    ("# 联系人 张先生\nrequests: []\n", "张先生", "stats-personal-data"),
    ("requests: []\n# mail someone@example.com\n", "example.com", "stats-personal-data"),
    ("requests:\n  - id: a\n    received：2024-01-02\n", "received：", "fullwidth-key"),
    ("requests:\n  - id: a\n   received: 2024-01-02\n", "   received", "yaml-syntax"),
    ("requests: 3\n", "requests: 3", "stats-wrong-type"),
    ("requests:\n  - just a line\n", "just a line", "stats-wrong-type"),
    ("requests: []\nappeal: []\n", "appeal: []", "stats-unknown-key"),
])
def test_more_mistakes(tmp_path, text, needle, code):
    stats = tmp_path / "disclosures" / "statistics"
    stats.mkdir(parents=True)
    (stats / "2024.yml").write_text(text, encoding="utf-8")
    problems = Problems()
    assert load_records(tmp_path, problems, BUILD_DAY) is None
    assert (line_of(text, needle), code) in {(p.line, p.code) for p in problems}, problems.report()


SAME_KEY = """\
article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}
carried_over: []
appeals: []
requests:
  - id: 2024-001
    1: a
    0x1: b
    received: 2024-03-05
    applicant: natural-person
  - id: 2024-002
    received: 2024-03-06
    applicant: natural-person
    count: 2
    received: 2024-03-07
"""


def test_keys_written_twice_are_reported_at_the_repeat_and_values_never_shift(tmp_path):
    """``1`` and ``0x1`` are the same key to YAML (the number 1): the second is a repeat, and the values of
    the other keys stay with their own keys (received is not read as the applicant, nothing is missing).
    A key written twice the same way is the core reader's duplicate-key, reported once."""
    stats = tmp_path / "disclosures" / "statistics"
    stats.mkdir(parents=True)
    (stats / "2024.yml").write_text(SAME_KEY, encoding="utf-8")
    problems = Problems()
    assert load_records(tmp_path, problems, BUILD_DAY) is None
    found = sorted((p.line, p.code, p.key) for p in problems)
    assert found == [(line_of(SAME_KEY, "0x1: b"), "stats-unknown-key", "0x1"),
                     (line_of(SAME_KEY, "received: 2024-03-07"), "duplicate-key", "requests[1].received")
                     ], problems.report()
    repeat = next(p for p in problems if p.key == "0x1")
    assert repeat.message.en == f"'0x1' is the same key to YAML as '1' on line {line_of(SAME_KEY, '1: a')}; " \
                                "the earlier value would be lost."


PERSONAL_NOTES = [
    # (note, what the core's find_personal_data says, the masked form in the message)
    ("卷号 110105194912310021", None, None),                    # 18 digits, wrong check digit: not an ID number
    ("身份证 11010519491231002X", "resident-id", "110*************2X"),
    ("电话 008613812345678", "mobile", "008**********78"),         # 0086 prefix
    ("编号 ID13812345678", None, None),                          # letters glued to it: a code, not a number
    ("卡号 4111 1111 1111 1111", "bank-card", "411**************11"),
    ("手机 １３８１２３４５６７８", "mobile", "１３８******７８"),          # full-width digits
]


@pytest.mark.parametrize("note, kind, masked", PERSONAL_NOTES)
def test_personal_numbers_follow_the_same_rules_as_items(tmp_path, note, kind, masked):
    """Statistics files and items use one finder (:func:`gongkai.personal.find_personal_data`): the ID check
    digit, the mobile prefixes and boundaries, bank cards; the message masks the number."""
    from gongkai.personal import KINDS, find_personal_data

    assert [f.kind for f in find_personal_data(note)] == ([kind] if kind else [])
    stats = tmp_path / "disclosures" / "statistics"
    stats.mkdir(parents=True)
    text = ("article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}\ncarried_over: []\nappeals: []\n"
            f"requests:\n  - id: a\n    received: 2024-01-02\n    applicant: natural-person\n    note: {note}\n")
    (stats / "2024.yml").write_text(text, encoding="utf-8")
    problems = Problems()
    records = load_records(tmp_path, problems, BUILD_DAY)
    found = [p for p in problems if p.code == "stats-personal-data"]
    if kind is None:
        assert records is not None and not problems, problems.report()
        return
    assert [(p.line, p.column) for p in found] == [(8, 11 + note.index(" ") + 1)]
    assert KINDS[kind].zh in found[0].message.zh and KINDS[kind].en in found[0].message.en
    assert masked in found[0].message.en and note.split(" ", 1)[1] not in problems.report()


def test_a_misnamed_file_and_a_future_date(tmp_path):
    stats = tmp_path / "disclosures" / "statistics"
    stats.mkdir(parents=True)
    (stats / "2024.yaml").write_text("requests: []\n", encoding="utf-8")
    (stats / "2026.yml").write_text("article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}\nrequests:\n"
                                    "  - id: x\n    received: 2026-12-01\n    applicant: natural-person\n"
                                    "appeals: []\ncarried_over: []\n", encoding="utf-8")
    problems = Problems()
    assert load_records(tmp_path, problems, date(2026, 11, 27)) is None
    found = {(p.path, p.line, p.code) for p in problems}
    assert found == {("disclosures/statistics/2024.yaml", 0, "stats-file"),
                     ("disclosures/statistics/2026.yml", 4, "stats-date-order")}
    assert "2024.yml" in next(p for p in problems if p.code == "stats-file").hint.en


def test_gongkai_check_reports_them_without_a_traceback(broken_repo):
    result = subprocess.run([sys.executable, "-m", "gongkai.cli", "check", "--root", str(broken_repo)],
                            capture_output=True, text=True, env=build_env(), timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for line, code in _expected_lines(BROKEN):
        assert f"disclosures/statistics/2024.yml:{line}:" in result.stderr, (line, code)
        assert any(l.startswith(f"disclosures/statistics/2024.yml:{line}:") and code in l
                   for l in result.stderr.split("\n")), (line, code)
    assert "How to fix:" in result.stderr and "修改方法" in result.stderr


def test_gongkai_check_github_format_annotates_the_line(broken_repo):
    result = subprocess.run([sys.executable, "-m", "gongkai.cli", "check", "--root", str(broken_repo), "--format",
                             "github"], capture_output=True, text=True, env=build_env(), timeout=120)
    line = line_of(BROKEN, "2024-02-30")
    assert f"::error file=disclosures/statistics/2024.yml,line={line}," in result.stdout


def test_gongkai_check_of_named_files(broken_repo):
    item = broken_repo / "disclosures" / "2024" / "00001.md"
    only_item = subprocess.run([sys.executable, "-m", "gongkai.cli", "check", "--root", str(broken_repo), str(item)],
                               capture_output=True, text=True, env=build_env(), timeout=120)
    assert only_item.returncode == 0, only_item.stderr
    stats = broken_repo / "disclosures" / "statistics" / "2024.yml"
    only_stats = subprocess.run([sys.executable, "-m", "gongkai.cli", "check", "--root", str(broken_repo), str(stats)],
                                capture_output=True, text=True, env=build_env(), timeout=120)
    assert only_stats.returncode == 1 and "stats-bad-date" in only_stats.stderr


def test_the_build_stops_before_writing_anything(broken_repo):
    result = build(broken_repo)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"disclosures/statistics/2024.yml:{line_of(BROKEN, '2024-02-30')}:" in result.stderr
    assert "stats-bad-date" in result.stderr and "stats-personal-data" in result.stderr
    assert not (broken_repo / "site").exists()


@pytest.mark.parametrize("name", ["calendar.yml", "2024.yml"])
def test_an_unreadable_statistics_file_is_a_problem_not_a_traceback(tmp_path, monkeypatch, name):
    root = fixture_repo(tmp_path)
    unreadable = root / "disclosures" / "statistics" / name
    real = type(unreadable).read_bytes

    def read_bytes(path):  # root reads any file: make this one fail as it would for an editor
        if path == unreadable:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(type(unreadable), "read_bytes", read_bytes)
    problems = Problems()
    assert load_records(root, problems, BUILD_DAY) is None
    rel = f"disclosures/statistics/{name}"
    assert [(p.path, p.line, p.code) for p in problems] == [(rel, 0, "stats-file")]
    assert f"cannot read {rel}: Permission denied." in problems.report()
    assert f"无法读取 {rel}：Permission denied。" in problems.report()


def test_a_wrong_article20_genre_points_at_its_genre_in_catalogue_yml(tmp_path):
    root = fixture_repo(tmp_path)
    path = root / "disclosures" / "catalogue.yml"
    text = path.read_text(encoding="utf-8").replace("article20: regulation", "article20: rules")
    path.write_text(text, encoding="utf-8")
    catalogue, problems = load_catalogue(root, today=BUILD_DAY)
    assert load_statistics(root, catalogue, problems) is None
    assert [(p.path, p.line, p.code, p.key) for p in problems] == [
        ("disclosures/catalogue.yml", line_of(text, "    regulation:"), "catalogue-config",
         "vocabularies.genre.regulation.article20")]
    assert "genre 'regulation': article20 'rules' is invalid" in problems.report()


def test_load_statistics_reports_item_and_statistics_problems_together(tmp_path):
    root = fixture_repo(tmp_path, years=())
    (root / "disclosures" / "statistics" / "2024.yml").write_text("requests: []\n", encoding="utf-8")
    bad_item = root / "disclosures" / "2024" / "00005.md"
    bad_item.write_text(bad_item.read_text(encoding="utf-8").replace("genre: notice", "genre: memo"), encoding="utf-8")
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    assert catalogue is None
    assert load_statistics(root, catalogue, problems, BUILD_DAY) is None
    codes = {(p.path, p.code) for p in problems}
    assert ("disclosures/2024/00005.md", "unknown-value") in codes
    assert ("disclosures/statistics/2024.yml", "stats-missing-key") in codes


def test_load_site_raises_source_error_with_every_problem(tmp_path):
    from gongkai.problems import SourceError
    from gongkai.site import load_site
    root = fixture_repo(tmp_path, years=("2023",))
    (root / "disclosures" / "statistics" / "2024.yml").write_text(
        "article20: {licensing: 0, penalty: 0, compulsory: 0, fees: -1}\nrequests: []\nappeals: []\n", encoding="utf-8")
    bad_item = root / "disclosures" / "2024" / "00005.md"
    bad_item.write_text(bad_item.read_text(encoding="utf-8").replace("date_written: 2024-10-14", "date_written: 2024-10-32"),
                        encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_site(root, today=BUILD_DAY)
    found = {(p.path, p.line, p.code) for p in error.value.problems}
    assert ("disclosures/statistics/2024.yml", 1, "stats-wrong-type") in found
    assert any(path == "disclosures/2024/00005.md" and code == "bad-date" for path, _, code in found)
