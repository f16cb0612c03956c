"""Working days: weekends, public holidays and make-up working days (调休) from calendar.yml.

Every expected date below was counted by hand on a calendar against the State Council's notices.
"""

from datetime import date
from pathlib import Path

import pytest

from conftest import REPO

from gongkai.problems import Problems
from gongkai.statistics.loading import load_records
from gongkai.statistics.workdays import Calendar, CalendarGap


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    problems = Problems()
    records = load_records(REPO, problems, date(2026, 11, 27))
    # only the two notice numbers still to be checked (placeholders in calendar.yml)
    assert [(p.code, p.severity, p.line) for p in problems.items] == [
        ("stats-calendar-notice", "warning", _line("2023")), ("stats-calendar-notice", "warning", _line("2026"))], \
        problems.report()
    return records.calendar


def _line(year: str) -> int:
    """The line of ``year``'s notice in the real calendar.yml."""
    lines = (REPO / "disclosures/statistics/calendar.yml").read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  {year}:")
    return next(n for n, line in enumerate(lines[start:], start + 1) if line.startswith("    notice:"))


def test_the_real_calendar_cites_each_notice_with_its_number_and_date(calendar):
    assert calendar.notices[2024] == "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）"
    assert calendar.notices[2022] == "国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021年10月25日）"
    assert calendar.notices[2025] == "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）"
    assert calendar.notices[2026] == "国务院办公厅关于2026年部分节假日安排的通知（文号待核实，2025年11月4日）"


def test_the_real_calendar_covers_2022_to_2026(calendar):
    assert sorted(calendar.years) == [2022, 2023, 2024, 2025, 2026]
    assert "2025年11月4日" in calendar.notices[2026]


@pytest.mark.parametrize("day, working", [
    (date(2024, 2, 4), True),     # Sunday, make-up working day before Spring Festival 2024
    (date(2024, 2, 9), True),     # 除夕 2024 was a working day (rest only "encouraged")
    (date(2024, 2, 12), False),   # Monday inside Spring Festival 2024
    (date(2024, 2, 18), True),    # Sunday, make-up working day
    (date(2024, 2, 24), False),   # an ordinary Saturday
    (date(2024, 6, 10), False),   # Dragon Boat Festival, a Monday
    (date(2023, 1, 2), False),    # New Year 2023 holiday (listed under 2023, from 2022-12-31)
    (date(2022, 12, 31), False),  # Saturday inside the same holiday
    (date(2025, 10, 8), False),   # National Day and Mid-Autumn 2025, eighth day
    (date(2025, 10, 11), True),   # Saturday worked
    (date(2026, 1, 4), True),     # Sunday worked after New Year 2026
    (date(2026, 2, 23), False),   # last day of the nine-day Spring Festival 2026
    (date(2026, 2, 24), True),
])
def test_is_workday(calendar, day, working):
    assert calendar.is_workday(day) is working


@pytest.mark.parametrize("start, limit, deadline", [
    (date(2023, 1, 18), 20, date(2023, 2, 20)),   # Spring Festival 2023 with two make-up days
    (date(2024, 2, 6), 20, date(2024, 3, 11)),    # Spring Festival 2024
    (date(2023, 9, 25), 20, date(2023, 10, 27)),  # Mid-Autumn and National Day 2023
    (date(2024, 4, 1), 20, date(2024, 4, 29)),    # Qingming and Labour Day make-up days 2024
    (date(2024, 5, 6), 40, date(2024, 7, 1)),     # extended, across Dragon Boat 2024
    (date(2024, 1, 8), 20, date(2024, 2, 4)),     # ends on Sunday 02-04, a make-up working day
    (date(2024, 1, 15), 20, date(2024, 2, 9)),    # Sunday 02-04 counts; 除夕 02-09 is the 20th working day
])
def test_deadline(calendar, start, limit, deadline):
    assert calendar.deadline(start, limit) == deadline
    assert calendar.within(start, deadline, limit)
    assert not calendar.within(start, calendar.deadline(start, limit + 1), limit)


def test_holidays_alone_or_weekends_alone_give_other_answers(calendar):
    """The make-up days matter: without them the 2023 Spring Festival deadline would be 02-22, without holidays 02-15."""
    weekends_only = Calendar(calendar.years)
    no_makeup = Calendar(calendar.years, calendar.holidays)
    assert weekends_only.deadline(date(2023, 1, 18), 20) == date(2023, 2, 15)
    assert no_makeup.deadline(date(2023, 1, 18), 20) == date(2023, 2, 22)


def test_the_day_of_receipt_does_not_count(calendar):
    assert calendar.workdays_between(date(2024, 3, 4), date(2024, 3, 4)) == 0
    assert calendar.workdays_between(date(2024, 3, 4), date(2024, 3, 5)) == 1


def test_a_year_outside_the_calendar_is_an_error_not_a_guess(calendar):
    with pytest.raises(CalendarGap) as gap:
        calendar.is_workday(date(2027, 1, 4))
    assert gap.value.year == 2027
    # Only as far as needed: a limit already passed inside the covered years needs no 2027.
    assert not calendar.within(date(2026, 11, 2), date(2027, 3, 1), 20)


def _calendar_problems(tmp_path: Path, text: str) -> Problems:
    stats = tmp_path / "disclosures" / "statistics"
    stats.mkdir(parents=True)
    (stats / "calendar.yml").write_text(text, encoding="utf-8")
    problems = Problems()
    load_records(tmp_path, problems, date(2026, 11, 27))
    return problems


def test_calendar_mistakes_are_reported_with_their_line(tmp_path):
    problems = _calendar_problems(tmp_path, (
        "years:\n"
        "  2024:\n"
        "    notice: {number: test, date: 2023-10-25}\n"
        "    holidays:\n"
        "      - 2024-02-17..2024-02-10\n"   # line 5: backwards range
        "      - 2024-13-01\n"               # line 6: no such date
        "    workdays:\n"
        "      - 2024-02-05\n"               # line 8: a Monday is not a make-up day
    ))
    found = {(p.line, p.code) for p in problems}
    assert found == {(5, "stats-calendar"), (6, "stats-bad-date"), (8, "stats-calendar")}
    assert all(p.path == "disclosures/statistics/calendar.yml" for p in problems)


def test_a_year_written_twice_is_reported_at_its_own_line_and_the_others_keep_their_lines(tmp_path):
    problems = _calendar_problems(tmp_path, (
        "years:\n"
        "  2024:\n"                          # line 2
        "    notice: {number: first, date: 2023-10-25}\n"
        "    holidays:\n"
        "      - 2024-01-01\n"
        "  2025:\n"
        "    notice: {number: test, date: 2023-10-25}\n"
        "    workdays:\n"
        "      - 2025-01-06\n"               # line 9: a Monday is not a make-up day
        "  2024:\n"                          # line 10: 2024 again
        "    notice: {number: again, date: 2023-10-25}\n"
        "    workdays:\n"
        "      - 2024-02-05\n"               # line 13: a Monday again
    ))
    found = sorted((p.line, p.code) for p in problems)
    # the repeat is the core reader's duplicate-key; the 2024 kept is the last one (YAML's), read with its own lines
    assert found == [(9, "stats-calendar"), (10, "duplicate-key"), (13, "stats-calendar")]
    repeated = next(p for p in problems if p.line == 10)
    assert "2024" in repeated.message.en and "line 2" in repeated.message.en and repeated.column == 3
    assert "第 2 行" in repeated.message.zh
    assert "2025-01-06" in next(p for p in problems if p.line == 9).message.en
    assert "2024-02-05" in next(p for p in problems if p.line == 13).message.en


def test_a_year_written_another_way_is_the_same_year(tmp_path):
    """``0x7e8`` is 2024 to YAML: a repeat the core's reader (which compares the text) cannot see."""
    problems = _calendar_problems(tmp_path, (
        "years:\n"
        "  2024:\n"
        "    notice: {number: first, date: 2023-10-25}\n"
        "  0x7e8:\n"                         # line 4
        "    notice: second\n"
    ))
    assert sorted((p.line, p.column, p.code) for p in problems) == [(4, 3, "stats-calendar"), (4, 3, "stats-calendar")]
    messages = sorted(p.message.en for p in problems)
    assert messages == ["'0x7e8' is the same key to YAML as '2024' on line 2; the earlier value would be lost.",
                        "year '0x7e8' must be four digits."]


_BAD_KEYS = """\
holidays: [2024-01-01]
years:
  2024:
    notice: {number: 国办发明电〔2023〕7号, dated: 2023-10-25}
    holiday: [2024-01-01]
  2025:
    holidays: [2025-01-01]
"""


def test_calendar_keys_are_read_against_the_calendar_schema_with_the_calendar_code(tmp_path: Path):
    """calendar.yml's keys are declared in the statistics record schema and read by the one field reader:
    every key problem of the file is ``stats-calendar``, with the key most likely meant."""
    stats = tmp_path / "disclosures" / "statistics"
    stats.mkdir(parents=True)
    (stats / "calendar.yml").write_text(_BAD_KEYS, encoding="utf-8")
    problems = Problems()
    assert load_records(tmp_path, problems, date(2026, 11, 27)) is None
    found = [(p.line, p.code, p.key, p.message.zh, p.message.en) for p in problems]
    assert found == [
        (1, "stats-calendar", "holidays", "calendar.yml中有未知字段 “holidays”。",
         "calendar.yml has an unknown key 'holidays'."),
        (4, "stats-calendar", "dated", "2024 年的 notice中有未知字段 “dated”。是否想写 “date”？",
         "the notice of 2024 has an unknown key 'dated'. Did you mean 'date'?"),
        (4, "stats-calendar", "date", "2024 年的 notice缺少必填字段 “date”。", "the notice of 2024 lacks the required key 'date'."),
        (5, "stats-calendar", "holiday", "2024 年的放假安排中有未知字段 “holiday”。是否想写 “holidays”？",
         "the entry for 2024 has an unknown key 'holiday'. Did you mean 'holidays'?"),
        (6, "stats-calendar", "notice", "2025 年的放假安排缺少必填字段 “notice”。",
         "the entry for 2025 lacks the required key 'notice'."),
    ]
