"""Reading and checking ``disclosures/statistics/calendar.yml``: for each year, the State Council notice,
the holidays and the make-up working days of the working-day count (:mod:`.workdays`).

Its keys are declared in the record schema (:data:`.schema.CALENDAR`, ``CALENDAR_YEAR``, ``CALENDAR_NOTICE``)
and read through the one field reader (:class:`gongkai.fields.FieldReader`), like a statistics file's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import yaml

from ..placeholders import PLACEHOLDER_PATTERN
from ..slips import KeyHints
from ..source import Value
from ..text import Text
from .reader import _entries, _Entry, _Reader, _same_key
from .schema import CALENDAR, CALENDAR_NOTICE, CALENDAR_YEAR
from .workdays import Calendar

_RANGE = re.compile(r"^\s*(?P<start>\S+)\s*\.\.\s*(?P<end>\S+)\s*$")


@dataclass(frozen=True)
class _Year:
    """One year of ``calendar.yml`` as read."""

    year: int
    notice: str | None
    holidays: dict[date, Value]
    workdays: dict[date, Value]




class _CalendarFile(_Reader):
    """Reads ``calendar.yml``: for each year, the notice, the holidays and the make-up working days."""

    HINTS = KeyHints(frozenset(CALENDAR.keys))
    CODES = {**_Reader.CODES, "unknown-key": "stats-calendar", "missing-key": "stats-calendar"}
    """Every key problem of calendar.yml has the calendar's own code; its values' types and dates keep the
    statistics files' codes."""

    def read(self, data: bytes) -> Calendar | None:
        parsed = self.parse(data)
        if parsed is None:
            return None
        value = self.years_mapping(parsed[1])
        if value is None:
            return None
        entries, repeated = _entries(value.node, value.value)  # type: ignore[arg-type]
        for entry, first in repeated:  # the same text twice is reported by the core's reader (duplicate-key)
            if entry.key != first.key:
                self.problems.add(self.rel, entry.key_node.start_mark.line + 1, "stats-calendar",
                                  _same_key(entry, first),
                                  Text("每年只写一项：把两处的日期合并到一处，删除另一处。",
                                       "Write each year once: merge the dates of both into one and delete the other."),
                                  key="years", column=entry.key_node.start_mark.column + 1)
        years = [y for y in map(self.read_year, entries) if y is not None]
        if self.errors:
            return None
        return Calendar(frozenset(y.year for y in years), frozenset(d for y in years for d in y.holidays),
                        frozenset(d for y in years for d in y.workdays),
                        {y.year: y.notice for y in years if y.notice is not None})

    def years_mapping(self, meta: dict[str, Value]) -> Value | None:
        """The ``years`` mapping; None (reported) when there is none. Any other top-level key is reported."""
        self.check_record(meta, CALENDAR, 1)
        value = meta.get("years")
        if value is not None and (not isinstance(value.node, yaml.MappingNode) or not isinstance(value.value, dict)):
            self.error(value.line, "stats-calendar", "calendar.yml 的 years 应为映射（年份: 放假安排）。",
                       "calendar.yml's 'years' must be a mapping (year: arrangements).", key="years")
            return None
        return value

    def read_year(self, entry: _Entry) -> _Year | None:
        """One ``<year>: {notice, holidays, workdays}``; None when it cannot be read at all."""
        line, key = entry.key_node.start_mark.line + 1, entry.key
        if not re.fullmatch(r"\d{4}", key):
            self.error(line, "stats-calendar", f"年份 “{key}” 须为四位数字。", f"year '{key}' must be four digits.",
                       key="years", column=entry.key_node.start_mark.column + 1)
            return None
        year = int(key)
        what = Text(f"{year} 年的放假安排", f"the entry for {year}")
        fields = self.fields(entry.node, entry.value, what)
        if fields is None:
            return None
        self.check_record(fields, CALENDAR_YEAR, line, what)
        text = self.notice(year, fields.get("notice"))
        holidays = self.days(year, fields.get("holidays"), "holidays")
        workdays = self.days(year, fields.get("workdays"), "workdays")
        self.check_workdays(workdays, holidays)
        return _Year(year, text or None, holidays, workdays)

    def notice(self, year: int, f: Value | None) -> str | None:
        """``notice: {number: 国办发明电〔2023〕7号, date: 2023-10-25}``, cited as the notice's full title with
        its number and date. A number still a placeholder ``【待填写…】`` is a warning (stats-calendar-notice):
        the dates can be used, but the page says the number is still to be checked."""
        what = Text(f"{year} 年的 notice", f"the notice of {year}")
        fields = self.fields(f.node, f.value, what) if f is not None and f.node else None
        if fields is None:
            return None
        self.check_record(fields, CALENDAR_NOTICE, f.line, what)  # type: ignore[union-attr]
        number, day = fields.get("number"), self.date("date", fields.get("date"))
        text = self.text("number", number, CALENDAR_NOTICE.by_key["number"].example) or ""
        if number is not None and PLACEHOLDER_PATTERN.search(text):
            self.problems.add(self.rel, number.line, "stats-calendar-notice",
                              Text(f"{year} 年节假日通知的文号尚待核实（{text}）。",
                                   f"the number of the {year} holiday notice is still to be checked ({text})."),
                              key="notice.number", column=number.column, severity="warning")
            text = "文号待核实"
        if not text or day is None:
            return None
        return f"国务院办公厅关于{year}年部分节假日安排的通知（{text}，{day.year}年{day.month}月{day.day}日）"

    def check_workdays(self, workdays: dict[date, Value], holidays: dict[date, Value]) -> None:
        """Make-up working days are weekend days, and never holidays too."""
        for day, f in workdays.items():
            if day.weekday() < 5:
                self.error(f.line, "stats-calendar", f"调休上班日 {day} 不是周末。",
                           f"make-up working day {day} is not a weekend day.", key="workdays", column=f.column,
                           hint=Text("workdays 只列因调休而上班的周六、周日；检查日期。",
                                     "workdays lists only the Saturdays and Sundays worked by arrangement; "
                                     "check the date."))
            if day in holidays:
                self.error(f.line, "stats-calendar", f"{day} 同时列为放假日和上班日。",
                           f"{day} is listed both as a holiday and as a working day.", key="workdays",
                           column=f.column)

    def days(self, year: int, f: Value | None, key: str) -> dict[date, Value]:
        if f is None or f.value is None:
            return {}
        if not isinstance(f.node, yaml.SequenceNode) or not isinstance(f.value, list):
            self.error(f.line, "stats-calendar", f"{year} 年的 {key} 应为日期列表。",
                       f"{key} of {year} must be a list of dates.", key=key)
            return {}
        result: dict[date, Value] = {}
        for node, raw in zip(f.node.value, f.value):
            entry = Value(raw, node.start_mark.line + 1, node.start_mark.column + 1, node)
            text = raw if isinstance(raw, str) else ""
            match = _RANGE.match(text)
            parts = [match.group("start"), match.group("end")] if match else [text]
            before = self.errors
            days = [self.date(key, Value(p, entry.line, entry.column, node)) for p in parts] if text else []
            if not text:
                self.wrong_type(key, entry, "日期或日期范围", "a date or a date range", "2024-02-10..2024-02-17")
            if self.errors != before or not days:
                continue
            start, end = days[0], days[-1]
            if end < start or (end - start).days > 14:  # type: ignore[operator]
                self.error(entry.line, "stats-calendar", f"日期范围 {text} 不对（结束早于开始，或超过 15 天）。",
                           f"the range {text} is wrong (it ends before it starts, or is longer than 15 days).",
                           key=key, column=entry.column)
                continue
            if abs(start.year - year) > 1:  # type: ignore[union-attr]
                self.error(entry.line, "stats-calendar", f"{start} 不属于 {year} 年的放假安排。",
                           f"{start} is not part of the arrangements of {year}.", key=key, column=entry.column)
                continue
            day = start
            while day <= end:  # type: ignore[operator]
                result[day] = entry  # type: ignore[index]
                day += timedelta(days=1)  # type: ignore[operator]
        return result

    def date(self, key: str, f: Value | None) -> date | None:
        saved, self.today = self.today, date.max  # calendar dates may be in the future
        try:
            return super().date(key, f)
        finally:
            self.today = saved
