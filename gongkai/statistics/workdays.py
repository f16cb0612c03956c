"""Working days for the time limits of 条例 Art. 33 (20 working days, 40 when extended).

A working day is a weekday that is not a public holiday, or a weekend day the
State Council has made a working day (调休上班日). Holidays and make-up days come
from ``disclosures/statistics/calendar.yml``, one entry per year from the State
Council General Office's yearly notice. A date in a year the calendar does not
cover raises :class:`CalendarGap`, so a figure is never computed on a guess.

Counting follows the usual rule for periods: the day the request is received
does not count; counting starts the next day, and the answer is on time when it
is given on or before the last working day of the limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


class CalendarGap(Exception):
    """A working-day question about a year the calendar does not cover."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(f"the working-day calendar has no entry for {year}")


@dataclass(frozen=True)
class Calendar:
    """Public holidays and make-up working days of the years it covers."""

    years: frozenset[int] = frozenset()
    """The years whose holidays are known."""
    holidays: frozenset[date] = frozenset()
    """Days off (放假), weekdays or not."""
    workdays: frozenset[date] = frozenset()
    """Weekend days that are working days (调休上班)."""
    notices: dict[int, str] = field(default_factory=dict, compare=False)
    """The notice each year's dates come from."""

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day; raises :class:`CalendarGap` outside the covered years."""
        if day.year not in self.years:
            raise CalendarGap(day.year)
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def workdays_between(self, start: date, end: date, stop_after: int | None = None) -> int:
        """Working days after ``start`` up to and including ``end``.

        With ``stop_after``, counting stops once the count exceeds it (so a later year
        need not be covered to know that a limit has passed).
        """
        count = 0
        day = start + ONE_DAY
        while day <= end:
            if self.is_workday(day):
                count += 1
                if stop_after is not None and count > stop_after:
                    return count
            day += ONE_DAY
        return count

    def deadline(self, start: date, limit: int) -> date:
        """The last day of a limit of ``limit`` working days counted after ``start``."""
        day, count = start, 0
        while count < limit:
            day += ONE_DAY
            if self.is_workday(day):
                count += 1
        return day

    def within(self, start: date, end: date, limit: int) -> bool:
        """Whether ``end`` is at most ``limit`` working days after ``start``."""
        return self.workdays_between(start, end, stop_after=limit) <= limit
