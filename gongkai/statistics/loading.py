"""Reading and checking ``disclosures/statistics/<YYYY>.yml`` and ``calendar.yml``.

Uses the core's reader (:func:`gongkai.source.decode`, :func:`~gongkai.source.parse_front_matter`),
so the files get the same error quality as items: every problem of every file at
once, each with the file, line, key, what was expected and what was written, and
how to fix it, in Chinese and English. Nothing here raises on bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from ..fields import did_you_mean, read_date, suggest
from ..layout import CALENDAR_FILE, STATISTICS_DIR
from ..personal import KINDS as PERSONAL_DATA_KINDS
from ..personal import find_personal_data
from ..problems import Problems, describe
from ..slips import NO_HINTS, KeyHints
from ..source import Value, decode, parse_front_matter, position
from ..text import Text
from . import vocabulary as v
from .carryover import YearFile, check_carried_over
from .records import Appeal, Article20, Place, Records, Request
from .schema import APPEAL, ARTICLE20, REQUEST
from .workdays import Calendar

CALENDAR_NAME = CALENDAR_FILE.rsplit("/", 1)[1]
YEAR_FILE = re.compile(r"^(?P<year>\d{4})\.yml$")

#: Ids are short codes of the office's choosing: never a name or a number of the applicant.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,23}$")

TOP_KEYS = ("article20", "requests", "appeals")
#: Requests received in an earlier year that has no statistics file and still open on 1 January.
CARRIED_OVER = "carried_over"
REQUEST_KEYS = REQUEST.keys
REQUEST_REQUIRED = REQUEST.required
APPEAL_KEYS = APPEAL.keys
APPEAL_REQUIRED = APPEAL.required

#: Keys that would put personal data in a record; refused with a specific message.
PERSONAL_KEYS = frozenset({
    "name", "names", "applicant_name", "applicant-name", "person", "full_name", "surname", "phone", "telephone",
    "tel", "mobile", "cellphone", "id_card", "id-card", "idcard", "id_number", "id-number", "identity", "passport",
    "email", "e-mail", "mail", "address", "contact", "姓名", "名字", "申请人姓名", "电话", "手机", "手机号",
    "身份证", "身份证号", "证件号码", "地址", "联系方式", "邮箱",
})

_LANDLINE = re.compile(r"(?<![0-9])0\d{2,3}-?\d{7,8}(?![0-9])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_NAME = re.compile(r"姓名|[\u4e00-\u9fff](?:先生|女士|小姐)")
#: Found in statistics files on top of the numbers items are checked for (ID, mobile and bank card numbers:
#: :func:`gongkai.personal.find_personal_data`, the same rules for both). An item may publish the office's
#: telephone and e-mail; a statistics file has no reason to hold any contact or name.
CONTACT_PATTERNS: tuple[tuple[re.Pattern, Text], ...] = (
    (_LANDLINE, Text("电话号码", "telephone number")),
    (_EMAIL, Text("电子邮箱地址", "e-mail address")),
    (_NAME, Text("姓名或称呼", "name or form of address")),
)

_NESTED_FULLWIDTH_KEY = re.compile(r"^(?P<lead>\s+|\s*-\s+)(?P<key>[A-Za-z_][A-Za-z0-9_-]*)\s*(?P<bad>：)")
_RANGE = re.compile(r"^\s*(?P<start>\S+)\s*\.\.\s*(?P<end>\S+)\s*$")


def statistics_dir(root: Path) -> Path:
    return root / STATISTICS_DIR


@dataclass(frozen=True)
class _Entry:
    """One ``key: value`` of a YAML mapping: the key as written, its nodes and its value."""

    key: str
    key_node: yaml.Node
    node: yaml.Node
    value: object


class _KeyConstructor(yaml.constructor.SafeConstructor):
    """Builds a mapping key as the core's reader does (dates stay text), to find the key's value."""


_KeyConstructor.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_scalar)


def _entries(node: yaml.MappingNode, data: dict) -> tuple[list[_Entry], list[tuple[_Entry, _Entry]]]:
    """The entries of a mapping, each value found in ``data`` by its key, never by position; and each key
    written again, with the key's first entry. A key is repeated when it is written the same way (the
    core's reader reports that as ``duplicate-key``) or is another spelling of the same YAML key, like
    ``1`` and ``0x1`` (only the caller can report that).

    YAML keeps the last value of a repeated key, so that is the entry kept, with its own node and line.
    """
    constructor = _KeyConstructor()
    first_by_key: dict[object, _Entry] = {}
    first_by_text: dict[str, _Entry] = {}
    last: dict[int, _Entry] = {}
    """The last entry of each key, by the ``id`` of the key's first entry."""
    repeated: list[tuple[_Entry, _Entry]] = []
    for key_node, value_node in node.value:
        try:
            key = constructor.construct_object(key_node, deep=True)
            hash(key)
        except Exception:  # noqa: BLE001 - YAML refused such a key already; never raise here
            key = None
        entry = _Entry(str(key_node.value), key_node, value_node, data.get(key))
        first = first_by_text.get(entry.key) or first_by_key.get(key)
        if first is None:
            first = first_by_text[entry.key] = first_by_key[key] = entry
        else:
            repeated.append((entry, first))
        last[id(first)] = entry
    return list(last.values()), repeated


def _same_key(entry: _Entry, first: _Entry) -> Text:
    """The message for a key YAML reads as an earlier one written another way."""
    line = first.key_node.start_mark.line + 1
    return Text(f"“{entry.key}” 与第 {line} 行的 “{first.key}” 在 YAML 中是同一个键，前一个的值会被丢弃。",
                f"'{entry.key}' is the same key to YAML as '{first.key}' on line {line}; the earlier value "
                "would be lost.")


def mask(text: str) -> str:
    """``138******78``: enough to find the spot, without repeating personal data in logs."""
    return text[:3] + "*" * max(len(text) - 5, 1) + text[-2:] if len(text) > 5 else "*" * len(text)


class _Reader:
    """Reads one YAML statistics file, recording a problem for everything wrong."""

    HINTS: KeyHints = NO_HINTS
    """The file's top-level keys, for the editor-slip diagnostics."""

    def __init__(self, rel: str, problems: Problems, today: date):
        self.rel = rel
        self.problems = problems
        self.today = today
        self._start = len(problems.items)

    @property
    def errors(self) -> int:
        """How many problems this file has had so far."""
        return len(self.problems.items) - self._start

    def error(self, line: int, code: str, zh: str, en: str, *, key: str | None = None,
              hint: Text | None = None, column: int = 1) -> None:
        self.problems.add(self.rel, line, code, Text(zh, en), hint, key=key, column=column)

    # -- the file --------------------------------------------------------------
    def parse(self, data: bytes) -> tuple[str, dict[str, Value]] | None:
        text = decode(data, self.rel, self.problems)
        if text is None:
            return None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        fullwidth = False
        for number, raw in enumerate(text.split("\n"), start=1):
            match = _NESTED_FULLWIDTH_KEY.match(raw)
            if match and not raw.lstrip().startswith("#"):
                fullwidth = True
                self.error(number, "fullwidth-key", f"字段 “{match.group('key')}” 后面用了全角冒号“：”。",
                           f"key '{match.group('key')}' is followed by a full-width colon '：'.",
                           key=match.group("key"), column=match.start("bad") + 1)
        if fullwidth:
            return None
        meta = parse_front_matter(self.rel, text, 1, self.problems, self.HINTS)
        if meta is None:
            return None
        return text, meta

    def fields(self, node: yaml.Node, data: object, what: Text) -> dict[str, Value] | None:
        """The keys of a record (a YAML mapping) with their lines; None when it is not a mapping."""
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
            self.error(line, "stats-wrong-type", f"{what.zh}应为“字段: 值”的映射，实际是{describe(data, 'zh')}。",
                       f"{what.en} must be a mapping of keys to values; got {describe(data, 'en')}.",
                       hint=Text("每条记录以“- ”开头，其下每行写“字段: 值”，缩进对齐。",
                                 "Start each record with '- ' and write one 'key: value' per line, indented alike."))
            return None
        entries, repeated = _entries(node, data)
        for entry, first in repeated:  # the same text twice is reported by the core's reader (duplicate-key)
            if entry.key != first.key:
                self.problems.add(self.rel, entry.key_node.start_mark.line + 1, "stats-unknown-key",
                                  _same_key(entry, first), Text("删除其中一行。", "Delete one of the two lines."),
                                  key=entry.key, column=entry.key_node.start_mark.column + 1)
        if repeated:
            return None
        return {e.key: Value(e.value, e.key_node.start_mark.line + 1, e.node.start_mark.column + 1, e.node)
                for e in entries}

    def check_keys(self, fields: dict[str, Value], allowed: tuple[str, ...], what: Text) -> None:
        for key, f in fields.items():
            if key in allowed:
                continue
            if key.lower() in PERSONAL_KEYS:
                self.error(f.line, "stats-personal-data",
                           f"{what.zh}不得含有字段 “{key}”：统计文件不记录申请人的姓名、电话、证件号码等个人信息。",
                           f"{what.en} may not have the key '{key}': statistics files record no names, phone "
                           "numbers, ID numbers or other personal data of applicants.", key=key,
                           hint=Text("删除这一行；用 id 字段记录本机关自定的简短编号。",
                                     "Delete the line; the id key holds the office's own short code."))
                continue
            tip = did_you_mean(suggest(key, allowed))
            self.error(f.line, "stats-unknown-key", f"{what.zh}中有未知字段 “{key}”。{tip.zh}",
                       f"{what.en} has an unknown key '{key}'.{tip.en}", key=key,
                       hint=Text(f"允许的字段：{', '.join(allowed)}", f"Allowed keys: {', '.join(allowed)}"))

    def missing(self, fields: dict[str, Value], required: tuple[str, ...], line: int, what: Text,
                examples: dict[str, str]) -> None:
        for key in required:
            if key not in fields:
                self.error(line, "stats-missing-key", f"{what.zh}缺少必填字段 “{key}”。",
                           f"{what.en} lacks the required key '{key}'.", key=key,
                           hint=Text(f"加一行，例如：{key}: {examples[key]}", f"Add a line, e.g. {key}: {examples[key]}"))

    # -- values ------------------------------------------------------------------
    def wrong_type(self, key: str, f: Value, zh: str, en: str, example: str) -> None:
        self.error(f.line, "stats-wrong-type", f"“{key}” 应为{zh}，实际是{describe(f.value, 'zh')}。",
                   f"'{key}' must be {en}; got {describe(f.value, 'en')}.", key=key, column=f.column,
                   hint=Text(f"例如：{key}: {example}", f"For example: {key}: {example}"))

    def date(self, key: str, f: Value | None) -> date | None:
        if f is None:
            return None
        raw = f.value
        if not isinstance(raw, str):
            self.wrong_type(key, f, "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)", "2024-03-05")
            return None
        raw = raw.strip()
        reading = read_date(raw)
        if reading.day is not None or reading.impossible:
            day = reading.day
            if day is None:
                self.error(f.line, "stats-bad-date", f"“{key}” 的日期 {raw} 不存在。",
                           f"'{key}': {raw} is not a real date.", key=key, column=f.column,
                           hint=Text("检查月份和日期（例如 2 月没有 30 日）。",
                                     "Check the month and day (February has no 30th, for example)."))
                return None
            if day > self.today:
                self.error(f.line, "stats-date-order", f"“{key}” 的日期 {day} 晚于今天（{self.today}）。",
                           f"'{key}': {day} is in the future (today is {self.today}).", key=key, column=f.column,
                           hint=Text("统计文件只记录已经发生的事；检查年份是否写错。",
                                     "Statistics record what has happened; check the year for a typo."))
                return None
            return day
        if reading.iso is not None:
            iso = reading.iso
            self.error(f.line, "stats-bad-date", f"“{key}” 的日期 “{raw}” 须写成 {iso}。",
                       f"'{key}': write the date '{raw}' as {iso}.", key=key, column=f.column,
                       hint=Text(f"改为：{key}: {iso}", f"Change it to: {key}: {iso}"))
            return None
        self.error(f.line, "stats-bad-date", f"“{key}” 的值 “{raw}” 不是 YYYY-MM-DD 格式的日期。",
                   f"'{key}': '{raw}' is not a date in the form YYYY-MM-DD.", key=key, column=f.column)
        return None

    def choice(self, key: str, f: Value | None, terms: tuple[v.Term, ...], pending_hint: Text | None = None
               ) -> str | None:
        if f is None:
            return None
        raw = f.value
        keys = [t.key for t in terms]
        if isinstance(raw, str) and raw.strip() in keys:
            return raw.strip()
        hint = _allowed_hint(terms, raw.strip() if isinstance(raw, str) else "")
        if isinstance(raw, str) and raw.strip().lower() in ("pending", "none", "未办结", "尚未审结") and pending_hint:
            hint = pending_hint
        if not isinstance(raw, str):
            self.error(f.line, "stats-wrong-type", f"“{key}” 应为一个取值，实际是{describe(raw, 'zh')}。",
                       f"'{key}' must be one key; got {describe(raw, 'en')}.", key=key, column=f.column, hint=hint)
            return None
        text = raw.strip()
        labels: dict[str, str] = {}
        for t in terms:  # as written in the format: （三）不予公开, 1.属于国家秘密 or 属于国家秘密
            for label in (t.label.zh, t.label.en, t.label.zh.split(".", 1)[-1], t.label.zh.lstrip("（一二三四五六七）")):
                labels.setdefault(label, t.key)
        suggestion = suggest(text, keys, labels=labels, aliases=ALIASES, cutoff=0.5)
        if text in (g.key for g in v.OUTCOME_GROUPS) and terms is v.OUTCOMES:
            suggestion = None  # a group alone: the hint lists its reasons
        tip = did_you_mean(suggestion)
        self.error(f.line, "stats-unknown-value", f"“{key}” 的值 “{text}” 不是允许的取值。{tip.zh}",
                   f"'{key}': '{text}' is not one of the allowed values.{tip.en}", key=key, column=f.column, hint=hint)
        return None

    def whole(self, key: str, f: Value | None, minimum: int, example: str, hint: Text | None = None) -> int | None:
        if f is None:
            return None
        raw = f.value
        if isinstance(raw, bool) or not isinstance(raw, int):
            self.wrong_type(key, f, "整数", "a whole number", example)
            return None
        if raw < minimum:
            self.error(f.line, "stats-wrong-type", f"“{key}” 应不小于 {minimum}，实际是 {raw}。",
                       f"'{key}' must be at least {minimum}; got {raw}.", key=key, column=f.column, hint=hint)
            return None
        return raw

    def flag(self, key: str, f: Value | None) -> bool | None:
        if f is None:
            return False
        if not isinstance(f.value, bool):
            self.wrong_type(key, f, " true 或 false", "true or false", "true")
            return None
        return f.value

    def ident(self, f: Value | None) -> str | None:
        if f is None:
            return None
        node = f.node
        raw = node.value if isinstance(node, yaml.ScalarNode) else None
        if raw is None or not ID_PATTERN.match(str(raw)):
            shown = describe(f.value, "zh") if raw is None else f"“{raw}”"
            shown_en = describe(f.value, "en") if raw is None else f"'{raw}'"
            self.error(f.line, "stats-id", f"id {shown} 不是简短编号。", f"id {shown_en} is not a short code.",
                       key="id", column=f.column)
            return None
        return str(raw)

    def text(self, key: str, f: Value | None) -> None:
        if f is not None and (isinstance(f.value, bool) or not isinstance(f.value, (str, int, float))):
            self.wrong_type(key, f, "一段文字", "a text", "申请人撤回申请")

    def fees(self, f: Value | None) -> Decimal | None:
        if f is None:
            return None
        raw = f.value
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            self.wrong_type("fees", f, "数字（单位：万元）", "a number (in 10,000 yuan)", "0")
            return None
        try:
            amount = Decimal(str(raw))
        except InvalidOperation:  # pragma: no cover - YAML numbers are finite or inf/nan
            amount = Decimal("NaN")
        if not amount.is_finite() or amount < 0 or amount.as_tuple().exponent < -4:  # type: ignore[operator]
            self.error(f.line, "stats-wrong-type", f"“fees” 应为不小于 0、最多四位小数的金额（万元），实际是 {raw}。",
                       f"'fees' must be an amount of at least 0 with at most four decimals (10,000 yuan); got {raw}.",
                       key="fees", column=f.column)
            return None
        return amount

    # -- personal data ------------------------------------------------------------
    def scan_personal_data(self, text: str) -> None:
        """Report anything that looks like personal data, masked: the numbers by the rules items are checked
        with (:func:`gongkai.personal.find_personal_data`), then :data:`CONTACT_PATTERNS`."""
        found = [(f.start, f.text, PERSONAL_DATA_KINDS[f.kind]) for f in find_personal_data(text)]
        taken = [(start, start + len(value)) for start, value, _ in found]
        found += [(m.start(), m.group(), what) for pattern, what in CONTACT_PATTERNS for m in pattern.finditer(text)
                  if not any(s < m.end() and m.start() < e for s, e in taken)]
        for start, value, what in sorted(found, key=lambda f: f[0]):
            (line, column), shown = position(text, start), mask(value)
            self.error(line, "stats-personal-data",
                       f"第 {line} 行第 {column} 列疑似{what.zh}（{shown}）。统计文件（包括注释）不得含有个人信息。",
                       f"line {line}, column {column} looks like personal data ({what.en}: {shown}). Statistics "
                       "files, comments included, must hold no personal data.", column=column)


#: Words editors are likely to write instead of a key.
ALIASES = {
    "company": "commercial-enterprise", "enterprise": "commercial-enterprise", "business": "commercial-enterprise",
    "person": "natural-person", "individual": "natural-person", "citizen": "natural-person",
    "university": "research-institution", "lawyer": "legal-services-organisation", "law-firm": "legal-services-organisation",
    "ngo": "social-welfare-organisation", "organisation": "other-organisation", "organization": "other-organisation",
    "lawsuit": "litigation-direct", "litigation": "litigation-direct", "maintained": "upheld", "overturned": "corrected",
}


def _allowed_hint(terms: tuple[v.Term, ...], text: str) -> Text:
    """The allowed values, narrowed to one group of Table 三 when the text names it."""
    if terms is not v.OUTCOMES:
        allowed = "; ".join(f"{t.key} ({t.label.zh})" for t in terms)
        return Text(f"允许的取值：{allowed}", f"Allowed values: {allowed}")
    group = next((g for g in v.OUTCOME_GROUPS if text.split("/")[0] == g.key), None)
    if group is not None:
        allowed = "; ".join(f"{r.key} ({r.label.zh})" for r in group.reasons)
        return Text(f"{group.label.zh}须写明具体情形：{allowed}", f"{group.label.en} needs its reason: {allowed}")
    groups = ", ".join(["disclosed", "partially-disclosed"] + [f"{g.key}/…" for g in v.OUTCOME_GROUPS])
    return Text(f"取值为 {groups}；全部取值及其在表三中的行见统计填报指南第四节。",
                f"Values are {groups}; every value and its row of Table 3 is listed in section 4 of the "
                "statistics guide.")


# -- year files -------------------------------------------------------------------

_REQUEST = REQUEST.what
_APPEAL = APPEAL.what
_ARTICLE20 = ARTICLE20.what
_REQUEST_EXAMPLES = REQUEST.examples
_APPEAL_EXAMPLES = APPEAL.examples
_OUTCOME_PENDING = Text("尚未答复的申请不写 outcome 和 answered，答复后再补上。",
                        "Leave outcome and answered out while the request is unanswered; add both once answered.")
_PAUSED_HINT = Text("paused_days 是不计入答复期限的工作日数（征求第三方或其他机关意见所用的时间等），没有的不写。",
                    "paused_days is the number of working days that do not count toward the time limit (time spent "
                    "consulting a third party or another body, for example); leave it out when there are none.")
_RESULT_PENDING = Text("尚未审结的案件不写 result 和 concluded，审结后再补上。",
                       "Leave result and concluded out while the case is pending; add both once concluded.")


class _YearFile(_Reader):
    HINTS = KeyHints(frozenset(TOP_KEYS + (CARRIED_OVER,)))

    def __init__(self, rel: str, year: int, problems: Problems, today: date):
        super().__init__(rel, problems, today)
        self.year = year
        self.requests: list[Request] = []
        self.appeals: list[Appeal] = []
        self.article20: Article20 | None = None
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
            if key not in TOP_KEYS + (CARRIED_OVER,):
                tip = did_you_mean(suggest(key, TOP_KEYS + (CARRIED_OVER,)))
                self.error(value.line, "stats-unknown-key", f"统计文件中有未知的顶层字段 “{key}”。{tip.zh}",
                           f"unknown top-level key '{key}'.{tip.en}",
                           key=key, hint=Text("顶层只允许 article20、requests、appeals，以及 carried_over。",
                                              "Only article20, requests, appeals and carried_over are allowed at "
                                              "the top level."))
        for key in TOP_KEYS:
            if key not in meta:
                example = "[]" if key != "article20" else "{licensing: 0, penalty: 0, compulsory: 0, fees: 0}"
                self.error(1, "stats-missing-key", f"统计文件缺少 “{key}”。", f"the file lacks '{key}'.", key=key,
                           hint=Text(f"加上 {key}（没有的写 {example}）。", f"Add {key} (write {example} when none)."))
        if "article20" in meta:
            self.read_article20(meta["article20"])
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
        self.check_keys(fields, ARTICLE20.keys, _ARTICLE20)
        self.missing(fields, ARTICLE20.required, value.line, _ARTICLE20, ARTICLE20.examples)
        counts = {k: self.whole(k, fields.get(k), 0, "0") for k in ("licensing", "penalty", "compulsory")}
        fees = self.fees(fields.get("fees"))
        if self.errors == before:
            self.article20 = Article20(counts["licensing"], counts["penalty"], counts["compulsory"], fees)  # type: ignore[arg-type]

    def read_carried(self, node: yaml.Node, data: object) -> None:
        self.read_request(node, data, carried=True)

    def read_request(self, node: yaml.Node, data: object, carried: bool = False) -> None:
        line = node.start_mark.line + 1
        fields = self.fields(node, data, _REQUEST)
        if fields is None:
            return
        before = self.errors
        self.check_keys(fields, REQUEST_KEYS, _REQUEST)
        self.missing(fields, REQUEST_REQUIRED, line, _REQUEST, _REQUEST_EXAMPLES)
        ident = self.ident(fields.get("id"))
        if ident is not None:
            self.ids.append(("request", ident, Place(self.rel, line)))
        received = self.date("received", fields.get("received"))
        applicant = self.choice("applicant", fields.get("applicant"), v.APPLICANTS)
        count = self.whole("count", fields.get("count"), 1, "3") if "count" in fields else 1
        outcome = self.choice("outcome", fields.get("outcome"), v.OUTCOMES, _OUTCOME_PENDING)
        answered = self.date("answered", fields.get("answered"))
        corrected = self.date("corrected", fields.get("corrected"))
        extended = self.flag("extended", fields.get("extended"))
        paused = (self.whole("paused_days", fields.get("paused_days"), 0, "5", _PAUSED_HINT)
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
        self.check_request_dates(fields, received, answered, corrected)
        if self.errors == before:
            self.requests.append(Request(ident, received, applicant, count, outcome, answered,  # type: ignore[arg-type]
                                         bool(extended), corrected, paused,  # type: ignore[arg-type]
                                         self.year if carried else None, Place(self.rel, line)))

    def check_request_dates(self, fields: dict[str, Value], received: date | None, answered: date | None,
                            corrected: date | None) -> None:
        """Received, then corrected, then answered."""
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
        self.check_keys(fields, APPEAL_KEYS, _APPEAL)
        self.missing(fields, APPEAL_REQUIRED, line, _APPEAL, _APPEAL_EXAMPLES)
        ident = self.ident(fields.get("id"))
        if ident is not None:
            self.ids.append(("appeal", ident, Place(self.rel, line)))
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


# -- the calendar -------------------------------------------------------------------

@dataclass(frozen=True)
class _Year:
    """One year of ``calendar.yml`` as read."""

    year: int
    notice: str | None
    holidays: dict[date, Value]
    workdays: dict[date, Value]


_YEAR_KEYS = ("notice", "holidays", "workdays")


class _CalendarFile(_Reader):
    """Reads ``calendar.yml``: for each year, the notice, the holidays and the make-up working days."""

    HINTS = KeyHints(frozenset({"years"}))

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
        for key, value in meta.items():
            if key != "years":
                self.error(value.line, "stats-calendar", f"calendar.yml 中有未知字段 “{key}”。",
                           f"calendar.yml has an unknown key '{key}'.", key=key,
                           hint=Text("顶层只有 years。", "The only top-level key is years."))
        value = meta.get("years")
        if value is None or not isinstance(value.node, yaml.MappingNode) or not isinstance(value.value, dict):
            self.error(value.line if value else 1, "stats-calendar", "calendar.yml 须有 years 映射（年份: 放假安排）。",
                       "calendar.yml needs a 'years' mapping (year: arrangements).", key="years")
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
        fields = self.fields(entry.node, entry.value, Text(f"{year} 年的放假安排", f"the arrangements of {year}"))
        if fields is None:
            return None
        for name, f in fields.items():
            if name not in _YEAR_KEYS:
                self.error(f.line, "stats-calendar", f"{year} 年中有未知字段 “{name}”。",
                           f"{year} has an unknown key '{name}'.", key=name,
                           hint=Text("每年只有 notice、holidays、workdays。",
                                     "Each year has notice, holidays and workdays only."))
        notice = fields.get("notice")
        text = notice.value.strip() if notice is not None and isinstance(notice.value, str) else ""
        if not text:
            self.error(line, "stats-calendar", f"{year} 年缺少 notice（所依据的国务院办公厅通知）。",
                       f"{year} lacks 'notice' (the State Council notice the dates come from).", key="notice")
        holidays = self.days(year, fields.get("holidays"), "holidays")
        workdays = self.days(year, fields.get("workdays"), "workdays")
        self.check_workdays(workdays, holidays)
        return _Year(year, text or None, holidays, workdays)

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
    files: dict[int, YearFile] = {}
    for year, path, rel in _year_files(root, problems):
        reader = _YearFile(rel, year, problems, today)
        data = _read(path, rel, problems)
        ok = data is not None and reader.read(data)
        ids += reader.ids
        if ok:
            requests += reader.requests
            appeals += reader.appeals
            if reader.article20 is not None:
                article20[year] = reader.article20
        files[year] = YearFile(year, rel, reader.parsed, reader.carried_over_line)
    check_carried_over(files, requests, problems)
    _check_unique([i for i in ids if i[0] == "request"], problems, Text("申请", "request"))
    _check_unique([i for i in ids if i[0] == "appeal"], problems, Text("复议诉讼", "appeal"))
    if len(problems.errors) > errors_before:
        return None
    paths = {year: f.path for year, f in files.items()}
    return Records(tuple(requests), tuple(appeals), article20, frozenset(paths), calendar, paths)


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
