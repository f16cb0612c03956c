"""Reading and checking ``disclosures/statistics/<YYYY>.yml`` (with the calendar, :mod:`.calendar_file`):
:func:`load_records` is the entry point.

Every problem of every file at once, each with the file, line, key, what was expected and what was
written, and how to fix it, in Chinese and English. Nothing here raises on bad input.
Longer than 300 lines: each record kind's rules of dates and years (carried over,
wrong year, pairs written together) with their messages.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from ..fields import suggest
from ..layout import CALENDAR_FILE, FROZEN_DIR, STATISTICS_DIR
from ..problems import Problems
from ..slips import KeyHints
from ..source import Value
from ..text import Text
from . import vocabulary as v
from .calendar_file import _CalendarFile
from .carryover import YearFile, check_carried_over
from .reader import ALIASES, ID_PATTERN, _Reader  # noqa: F401 - ALIASES, ID_PATTERN: their old home
from .records import Appeal, Article20, Place, ProcessingFees, Records, Request
from .schema import APPEAL, ARTICLE20, BASELINE, PROCESSING_FEES, REQUEST
from .workdays import Calendar, CalendarGap

#: 条例 Art. 30: working days from receipt within which the applicant is asked to correct a request.
CORRECTION_LIMIT = 7
CALENDAR_NAME = CALENDAR_FILE.rsplit("/", 1)[1]
YEAR_FILE = re.compile(r"^(?P<year>\d{4})\.yml$")

TOP_KEYS = ("article20", "requests", "appeals")
#: Top-level blocks a year's file may leave out: years before they existed did not record them.
OPTIONAL_KEYS = ("processing_fees", "baseline")
#: Requests received in an earlier year that has no statistics file and still open on 1 January.
CARRIED_OVER = "carried_over"


def statistics_dir(root: Path) -> Path:
    return root / STATISTICS_DIR


# -- year files -------------------------------------------------------------------

_TOP_LEVEL = Text("统计文件的顶层", "the file's top level")
_REQUEST = REQUEST.what
_APPEAL = APPEAL.what
_ARTICLE20 = ARTICLE20.what
_OUTCOME_PENDING = Text("尚未答复的申请不写 outcome 和 answered，答复后再补上。",
                        "Leave outcome and answered out while the request is unanswered; add both once answered.")
_PAUSED_HINT = Text("paused_days 是不计入答复期限的工作日数（征求第三方或其他机关意见所用的时间等），没有的不写。",
                    "paused_days is the number of working days that do not count toward the time limit (time spent "
                    "consulting a third party or another body, for example); leave it out when there are none.")
_RESULT_PENDING = Text("尚未审结的案件不写 result 和 concluded，审结后再补上。",
                       "Leave result and concluded out while the case is pending; add both once concluded.")


class _YearFile(_Reader):
    HINTS = KeyHints(frozenset(TOP_KEYS + OPTIONAL_KEYS + (CARRIED_OVER,)))

    def __init__(self, rel: str, year: int, problems: Problems, today: date, calendar: Calendar | None = None):
        super().__init__(rel, problems, today)
        self.year = year
        self.calendar = calendar or Calendar()
        self.requests: list[Request] = []
        self.appeals: list[Appeal] = []
        self.article20: Article20 | None = None
        self.processing_fees: ProcessingFees | None = None
        self.baseline: dict[str, int] | None = None
        self.ids: list[tuple[str, str, Place]] = []
        """``(kind, id, place)`` of every record with a readable id, valid or not, for the duplicate check."""
        self.parsed = False
        """Whether the file could be read as YAML at all (its top-level keys are known)."""
        self.carried_over_line: int | None = None
        """The line of the ``carried_over`` key; None when the file has none."""

    def read(self, data: bytes) -> bool:
        parsed = self.parse(data)
        if parsed is None:
            return False
        text, meta = parsed
        self.parsed = True
        self.scan_personal_data(text)
        for key, value in meta.items():
            if key not in TOP_KEYS + OPTIONAL_KEYS + (CARRIED_OVER,):
                allowed = TOP_KEYS + OPTIONAL_KEYS + (CARRIED_OVER,)
                self.unknown_key(value.line, key, allowed, _TOP_LEVEL, suggest(key, allowed))
        for key in TOP_KEYS:
            if key not in meta:
                example = "[]" if key != "article20" else "{licensing: 0, penalty: 0, compulsory: 0, fees: 0}"
                self.error(1, "stats-missing-key", f"统计文件缺少 “{key}”。", f"the file lacks '{key}'.", key=key,
                           hint=Text(f"加上 {key}（没有的写 {example}）。", f"Add {key} (write {example} when none)."))
        for key, block in (("article20", self.read_article20), ("processing_fees", self.read_processing_fees),
                           ("baseline", self.read_baseline)):
            if key in meta:
                block(meta[key])
        if CARRIED_OVER in meta:
            self.carried_over_line = meta[CARRIED_OVER].line
        for key, reader in (("requests", self.read_request), ("appeals", self.read_appeal),
                            (CARRIED_OVER, self.read_carried)):
            value = meta.get(key)
            if value is None or value.value is None:
                continue
            if not isinstance(value.node, yaml.SequenceNode) or not isinstance(value.value, list):
                self.error(value.line, "stats-wrong-type", f"“{key}” 应为列表（每条记录以“- ”开头）。",
                           f"'{key}' must be a list (each record starts with '- ').", key=key, column=value.column)
                continue
            for node, data in zip(value.node.value, value.value):
                reader(node, data)
        return self.errors == 0

    def read_article20(self, value: Value) -> None:
        fields = self.fields(value.node, value.value, _ARTICLE20) if value.node is not None else None
        if fields is None:
            return
        before = self.errors
        self.check_record(fields, ARTICLE20, value.line)
        counts = {k: self.integer(k, fields.get(k), 0, "0") for k in ("licensing", "penalty", "compulsory")}
        fees = self.fees(fields.get("fees"))
        if self.errors == before:
            self.article20 = Article20(counts["licensing"], counts["penalty"], counts["compulsory"], fees)  # type: ignore[arg-type]

    def read_processing_fees(self, value: Value) -> None:
        """``processing_fees: {notices: 2, collected: 150}``: fee notices sent and yuan collected."""
        what = PROCESSING_FEES.what
        fields = self.fields(value.node, value.value, what) if value.node is not None else None
        if fields is None:
            return
        before = self.errors
        self.check_record(fields, PROCESSING_FEES, value.line)
        notices = self.integer("notices", fields.get("notices"), 0, "2")
        collected = self.amount("collected", fields.get("collected"), Text("元", "yuan"), 2)
        if self.errors == before and notices is not None and collected is not None:
            self.processing_fees = ProcessingFees(notices, collected)

    def read_baseline(self, value: Value) -> None:
        """``baseline: {regulation: 0, normative-document: 12}``: documents in force not in the catalogue."""
        what = BASELINE.what
        fields = self.fields(value.node, value.value, what) if value.node is not None else None
        if fields is None:
            return
        before = self.errors
        self.check_record(fields, BASELINE, value.line)
        counts = {k: self.integer(k, fields.get(k), 0, "0") if k in fields else 0 for k in BASELINE.keys}
        if self.errors == before:
            self.baseline = {k: int(n or 0) for k, n in counts.items()}

    def read_carried(self, node: yaml.Node, data: object) -> None:
        self.read_request(node, data, carried=True)

    def read_request(self, node: yaml.Node, data: object, carried: bool = False) -> None:
        line = node.start_mark.line + 1
        fields = self.fields(node, data, _REQUEST)
        if fields is None:
            return
        before = self.errors
        self.check_record(fields, REQUEST, line)
        ident = self.record_id("request", fields, line)
        received = self.date("received", fields.get("received"))
        applicant = self.choice("applicant", fields.get("applicant"), v.APPLICANTS)
        count = self.integer("count", fields.get("count"), 1, "3") if "count" in fields else 1
        outcome = self.choice("outcome", fields.get("outcome"), v.OUTCOMES, _OUTCOME_PENDING)
        answered = self.date("answered", fields.get("answered"))
        corrected = self.date("corrected", fields.get("corrected"))
        asked = self.date("correction_requested", fields.get("correction_requested"))
        extended = self.flag("extended", fields.get("extended"))
        paused = (self.integer("paused_days", fields.get("paused_days"), 0, "5", _PAUSED_HINT)
                  if "paused_days" in fields else 0)
        self.text("note", fields.get("note"))
        if self.errors != before:
            return
        if received is not None and carried:
            self.check_carried(fields, received, answered)
        elif received is not None and received.year != self.year:
            f = fields["received"]
            self.error(f.line, "stats-wrong-year",
                       f"这条申请收到于 {received.year} 年，应记在 {received.year}.yml 中，而不是 {self.year}.yml。",
                       f"this request was received in {received.year}; it belongs in {received.year}.yml, "
                       f"not {self.year}.yml.", key="received", column=f.column)
        self.pair(fields, "outcome", "answered", _REQUEST, _OUTCOME_PENDING)
        self.check_request_dates(fields, received, answered, corrected, asked)
        if self.errors == before:
            self.requests.append(Request(ident, received, applicant, count, outcome, answered,  # type: ignore[arg-type]
                                         bool(extended), corrected, paused,  # type: ignore[arg-type]
                                         correction_requested=asked,
                                         carried_into=self.year if carried else None, place=Place(self.rel, line)))
            if received is not None and asked is not None:
                self.check_correction_limit(fields["correction_requested"], received, asked)

    def record_id(self, kind: str, fields: dict[str, Value], line: int) -> str | None:
        """The record's id, noted for the duplicate check."""
        ident = self.ident(fields.get("id"))
        if ident is not None:
            self.ids.append((kind, ident, Place(self.rel, line)))
        return ident

    def check_request_dates(self, fields: dict[str, Value], received: date | None, answered: date | None,
                            corrected: date | None, asked: date | None = None) -> None:
        """Received, then asked to correct, then corrected, then answered."""
        if received and asked and asked < received:
            f = fields["correction_requested"]
            self.error(f.line, "stats-date-order", f"要求补正的日期 {asked} 早于收到日期 {received}。",
                       f"correction_requested {asked} is before received {received}.", key="correction_requested",
                       column=f.column)
        if received and answered and answered < received:
            f = fields["answered"]
            self.error(f.line, "stats-date-order", f"答复日期 {answered} 早于收到日期 {received}。",
                       f"answered {answered} is before received {received}.", key="answered", column=f.column)
        if received and corrected and corrected < received:
            f = fields["corrected"]
            self.error(f.line, "stats-date-order", f"补正日期 {corrected} 早于收到日期 {received}。",
                       f"corrected {corrected} is before received {received}.", key="corrected", column=f.column)
        if corrected and answered and answered < corrected:
            f = fields["answered"]
            self.error(f.line, "stats-date-order", f"答复日期 {answered} 早于收到补正的日期 {corrected}。",
                       f"answered {answered} is before corrected {corrected}.", key="answered", column=f.column)

    def check_correction_limit(self, f: Value, received: date, asked: date) -> None:
        """条例 Art. 30: the applicant is asked to correct a request within 7 working days of receipt (a
        warning: the record says what happened; the calendar must know the years involved)."""
        try:
            within = self.calendar.within(received, asked, CORRECTION_LIMIT)
        except CalendarGap:
            return  # the request's own time limit reports the missing calendar year (stats-calendar)
        if not within:
            self.problems.add(self.rel, f.line, "stats-correction-late",
                              Text(f"收到申请 {received} 后，直到 {asked} 才要求补正，超过《条例》第三十条规定的"
                                   f" {CORRECTION_LIMIT} 个工作日。",
                                   f"the request was received on {received} but the correction was requested only on "
                                   f"{asked}, more than the {CORRECTION_LIMIT} working days Article 30 of the "
                                   "Regulations allows."), key="correction_requested", column=f.column,
                              severity="warning")

    def check_carried(self, fields: dict[str, Value], received: date, answered: date | None) -> None:
        """A ``carried_over`` record: received before 1 January of the file's year, not answered before it."""
        start = date(self.year, 1, 1)
        if received >= start:
            f = fields["received"]
            self.error(f.line, "stats-wrong-year",
                       f"carried_over 只列 {self.year} 年 1 月 1 日之前收到、当日仍未答复的申请；这条申请收到于 "
                       f"{received}，应写在 {received.year}.yml 的 requests 中。",
                       f"carried_over lists only requests received before 1 January {self.year} and still open on "
                       f"that day; this one was received on {received} and belongs under requests in "
                       f"{received.year}.yml.", key="received", column=f.column,
                       hint=Text(f"把这条记录移到 {received.year}.yml 的 requests 中。",
                                 f"Move this record under requests in {received.year}.yml."))
        elif answered is not None and answered < start:
            f = fields["answered"]
            self.error(f.line, "stats-carried-over",
                       f"这条申请已于 {answered} 答复，{self.year} 年 1 月 1 日时已经办结，不属于上年结转。",
                       f"this request was answered on {answered}, before 1 January {self.year}: it was not open "
                       "on that day and is not carried over.", key="answered", column=f.column,
                       hint=Text("从 carried_over 中删除这条记录。", "Delete this record from carried_over."))

    def read_appeal(self, node: yaml.Node, data: object) -> None:
        line = node.start_mark.line + 1
        fields = self.fields(node, data, _APPEAL)
        if fields is None:
            return
        before = self.errors
        self.check_record(fields, APPEAL, line)
        ident = self.record_id("appeal", fields, line)
        kind = self.choice("kind", fields.get("kind"), v.APPEAL_KINDS)
        filed = self.date("filed", fields.get("filed"))
        result = self.choice("result", fields.get("result"), v.APPEAL_RESULTS, _RESULT_PENDING)
        concluded = self.date("concluded", fields.get("concluded"))
        self.text("note", fields.get("note"))
        if self.errors != before:
            return
        if filed is not None and filed.year != self.year:
            f = fields["filed"]
            self.error(f.line, "stats-wrong-year",
                       f"这件案件立案于 {filed.year} 年，应记在 {filed.year}.yml 中，而不是 {self.year}.yml。",
                       f"this case was filed in {filed.year}; it belongs in {filed.year}.yml, not {self.year}.yml.",
                       key="filed", column=f.column)
        self.pair(fields, "result", "concluded", _APPEAL, _RESULT_PENDING)
        if filed and concluded and concluded < filed:
            f = fields["concluded"]
            self.error(f.line, "stats-date-order", f"审结日期 {concluded} 早于立案日期 {filed}。",
                       f"concluded {concluded} is before filed {filed}.", key="concluded", column=f.column)
        if self.errors == before:
            self.appeals.append(Appeal(ident, kind, filed, result, concluded, Place(self.rel, line)))  # type: ignore[arg-type]

    def pair(self, fields: dict[str, Value], first: str, second: str, what: Text, hint: Text) -> None:
        """``first`` and ``second`` are written together or not at all."""
        for have, lack in ((first, second), (second, first)):
            if have in fields and lack not in fields:
                f = fields[have]
                self.error(f.line, "stats-incomplete", f"{what.zh}有 “{have}” 但没有 “{lack}”。",
                           f"{what.en} has '{have}' but no '{lack}'.", key=lack, column=f.column, hint=hint)


# -- entry point ----------------------------------------------------------------------

def statistics_files(root: Path) -> list[Path]:
    """Every file in disclosures/statistics/, in a stable order."""
    base = statistics_dir(root)
    return sorted(p for p in base.iterdir() if not p.name.startswith(".")) if base.is_dir() else []


def load_records(root: Path, problems: Problems, today: date) -> Records | None:
    """Read and check every statistics file; None when any has an error (all recorded in ``problems``)."""
    base = statistics_dir(root)
    if not base.is_dir():
        return Records()
    errors_before = len(problems.errors)
    calendar = _read_calendar(root, problems, today)
    requests: list[Request] = []
    appeals: list[Appeal] = []
    ids: list[tuple[str, str, Place]] = []
    article20 = {}
    fees: dict[int, ProcessingFees] = {}
    baseline: dict[int, dict[str, int]] = {}
    files: dict[int, YearFile] = {}
    for year, path, rel in _year_files(root, problems):
        reader = _YearFile(rel, year, problems, today, calendar)
        data = _read(path, rel, problems)
        ok = data is not None and reader.read(data)
        ids += reader.ids
        if ok:
            requests += reader.requests
            appeals += reader.appeals
            if reader.article20 is not None:
                article20[year] = reader.article20
            if reader.processing_fees is not None:
                fees[year] = reader.processing_fees
            if reader.baseline is not None:
                baseline[year] = reader.baseline
        files[year] = YearFile(year, rel, reader.parsed, reader.carried_over_line)
    check_carried_over(files, requests, problems)
    _check_unique([i for i in ids if i[0] == "request"], problems, Text("申请", "request"))
    _check_unique([i for i in ids if i[0] == "appeal"], problems, Text("复议诉讼", "appeal"))
    if len(problems.errors) > errors_before:
        return None
    paths = {year: f.path for year, f in files.items()}
    return Records(tuple(requests), tuple(appeals), article20, fees, baseline, frozenset(paths), calendar, paths)


def _read_calendar(root: Path, problems: Problems, today: date) -> Calendar:
    path = statistics_dir(root) / CALENDAR_NAME
    if not path.is_file():
        return Calendar()
    rel = path.relative_to(root).as_posix()
    data = _read(path, rel, problems)
    return (_CalendarFile(rel, problems, today).read(data) if data is not None else None) or Calendar()


def _year_files(root: Path, problems: Problems) -> list[tuple[int, Path, str]]:
    """``(year, path, relative path)`` of every ``<YYYY>.yml``; anything else but calendar.yml is reported."""
    found = []
    for path in statistics_files(root):
        rel = path.relative_to(root).as_posix()
        match = YEAR_FILE.match(path.name)
        if path.name == CALENDAR_NAME or (path.suffix == ".md" and path.is_file()):
            continue  # Markdown files here are reported by the item loader
        if rel == FROZEN_DIR and path.is_dir():
            continue  # the annual reports' frozen tables (.frozen)
        if match and path.is_file():
            found.append((int(match.group("year")), path, rel))
            continue
        stem = path.name.split(".")[0]
        tip = Text(f"改名为 {stem}.yml。", f"Rename it {stem}.yml.") if re.fullmatch(r"\d{4}", stem) else None
        problems.add(rel, 0, "stats-file",
                     Text(f"{rel} 不是统计文件：这里只放 <年份>.yml 和 calendar.yml。",
                          f"{rel} is not a statistics file: this folder holds only <year>.yml and calendar.yml."),
                     tip)
    return found


def _read(path: Path, rel: str, problems: Problems) -> bytes | None:
    """The bytes of a statistics file, or None with a problem when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.add(rel, 0, "stats-file", Text(f"无法读取 {rel}：{exc.strerror}。", f"cannot read {rel}: {exc.strerror}."),
                     Text("检查文件的访问权限，或删除后重新建立该文件。",
                          "Check the file's permissions, or delete it and create it again."))
        return None


def _check_unique(ids: list[tuple[str, str, Place]], problems: Problems, what: Text) -> None:
    seen: dict[str, Place] = {}
    for _, ident, place in ids:
        first = seen.setdefault(ident, place)
        if first is not place:
            problems.add(place.path, place.line, "stats-duplicate-id",
                         Text(f"{what.zh}编号 “{ident}” 已在 {first.path} 第 {first.line} 行使用。",
                              f"{what.en} id '{ident}' is already used in {first.path} on line {first.line}."),
                         key="id")
