"""Checking source documents against the schema and turning them into items.

Every check reports to a :class:`~gongkai.problems.Problems` collector and
carries on, so an editor sees every problem of every file in one run.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from datetime import date
from pathlib import Path

from .catalogue import Attachment, Item, Translation
from .config import Config
from .problems import Problems
from .schema import (FIELDS, FIELDS_BY_KEY, INDEX_NO_PATTERN, ITEM_PATH_PATTERN, TRANSLATION_KEYS,
                     TRANSLATION_ONLY_FIELDS, Field, Kind)
from .source import SourceDocument, Value, control_characters
from .text import Text

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CHINESE_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_SLASH_DATE = re.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})$")


class _Checker:
    """Checks one document's front matter, remembering the file and collecting values."""

    def __init__(self, doc: SourceDocument, config: Config, problems: Problems):
        self.doc = doc
        self.config = config
        self.problems = problems
        self.values: dict[str, object] = {}
        self.ok = True

    def error(self, line: int, code: str, zh: str, en: str, *, key: str | None = None,
              hint: Text | None = None, column: int = 1) -> None:
        self.ok = False
        self.problems.add(self.doc.path, line, code, Text(zh, en), hint, key=key, column=column)

    # -- keys ---------------------------------------------------------------
    def check_keys(self, allowed: frozenset[str] | set[str], *, translation: bool = False) -> None:
        for key, value in self.doc.meta.items():
            if key in allowed:
                continue
            if translation and key in FIELDS_BY_KEY:
                self.error(value.line, "translation-conflict",
                           f"译文不能设置 “{key}”，它从中文原文继承。",
                           f"a translation cannot set '{key}'; it comes from the Chinese original.", key=key)
                continue
            near = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
            zh_hint = f"是否想写 “{near[0]}”？" if near else "允许的字段见编辑指南。"
            en_hint = f"Did you mean '{near[0]}'?" if near else "See the editors' guide for the allowed keys."
            self.error(value.line, "unknown-key", f"未知字段 “{key}”。{zh_hint}", f"unknown key '{key}'. {en_hint}",
                       key=key, hint=Text(zh_hint, en_hint))

    def check_required(self, fields: tuple[Field, ...]) -> None:
        for f in fields:
            if f.required and f.key not in self.doc.meta:
                self.error(1, "missing-key", f"缺少必填字段 “{f.key}”（{f.label.zh}）。",
                           f"required key '{f.key}' ({f.label.en}) is missing.", key=f.key,
                           hint=Text(f"在文件头加一行，例如：{f.key}: {f.example}",
                                     f"Add a line to the front matter, e.g. {f.key}: {f.example}"))

    # -- values -------------------------------------------------------------
    def check_values(self, fields: tuple[Field, ...]) -> None:
        for f in fields:
            value = self.doc.meta.get(f.key)
            if value is not None:
                self.values[f.key] = _KIND_CHECKS[f.kind](self, f, value)

    def wrong_type(self, f: Field, value: Value, zh_expected: str, en_expected: str) -> None:
        got = value.value
        self.error(value.line, "wrong-type", f"“{f.key}” 应为{zh_expected}，实际是 {_describe(got)}。",
                   f"'{f.key}' must be {en_expected}; got {_describe(got, 'en')}.", key=f.key, column=value.column,
                   hint=Text(f"例如：{f.key}: {f.example}", f"For example: {f.key}: {f.example}"))

    def text_value(self, f: Field, value: Value) -> str | None:
        raw = value.value
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and f.key == "doc_number":
            raw = str(raw)
        if not isinstance(raw, str):
            self.wrong_type(f, value, "一段文字", "a text")
            return None
        if not raw.strip():
            self.error(value.line, "empty-value", f"“{f.key}” 为空。", f"'{f.key}' is empty.", key=f.key)
            return None
        return raw.strip()

    def date_value(self, f: Field, value: Value) -> date | None:
        raw = value.value
        if not isinstance(raw, str):
            self.wrong_type(f, value, "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)")
            return None
        raw = raw.strip()
        if _ISO_DATE.match(raw):
            try:
                return date.fromisoformat(raw)
            except ValueError:
                self.error(value.line, "bad-date", f"“{f.key}” 的日期 {raw} 不存在。",
                           f"'{f.key}': {raw} is not a real date.", key=f.key, column=value.column,
                           hint=Text("检查月份和日期（例如 2 月没有 30 日）。",
                                     "Check the month and day (February has no 30th, for example)."))
                return None
        match = _CHINESE_DATE.match(raw) or _SLASH_DATE.match(raw)
        if match:
            iso = "{:04d}-{:02d}-{:02d}".format(*(int(g) for g in match.groups()))
            self.error(value.line, "bad-date", f"“{f.key}” 的日期 “{raw}” 须写成 ISO 格式 {iso}。",
                       f"'{f.key}': write the date '{raw}' in ISO form: {iso}.", key=f.key, column=value.column,
                       hint=Text(f"改为：{f.key}: {iso}", f"Change it to: {f.key}: {iso}"))
            return None
        self.error(value.line, "bad-date", f"“{f.key}” 的值 “{raw}” 不是 YYYY-MM-DD 格式的日期。",
                   f"'{f.key}': '{raw}' is not a date in the form YYYY-MM-DD.", key=f.key, column=value.column)
        return None

    def vocab_value(self, f: Field, value: Value) -> str | None:
        raw = value.value
        if not isinstance(raw, str):
            self.wrong_type(f, value, "词表中的一个取值", "one vocabulary key")
            return None
        vocab = self.config.vocabulary(f.vocabulary or f.key)
        if raw in vocab.terms:
            return raw
        by_label = next((t.key for t in vocab.terms.values() if raw in (t.label.zh, t.label.en)), None)
        allowed = ", ".join(f"{k} ({t.label.zh})" for k, t in vocab.terms.items())
        suggestion = by_label or next(iter(difflib.get_close_matches(raw, vocab.keys(), n=1)), None)
        tip_zh = f"是否想写 “{suggestion}”？" if suggestion else ""
        tip_en = f" Did you mean '{suggestion}'?" if suggestion else ""
        self.error(value.line, "unknown-value", f"“{f.key}” 的值 “{raw}” 不在词表中。{tip_zh}",
                   f"'{f.key}': '{raw}' is not in the vocabulary.{tip_en}", key=f.key, column=value.column,
                   hint=Text(f"允许的取值：{allowed}", f"Allowed values: {allowed}"))
        return None

    def text_list_value(self, f: Field, value: Value) -> tuple[str, ...] | None:
        raw = value.value
        if isinstance(raw, str) and f.key == "keywords":
            self.wrong_type(f, value, "列表（每行以“- ”开头）", "a list (one '- ' line per entry)")
            return None
        if not isinstance(raw, list) or not all(isinstance(x, (str, int)) and not isinstance(x, bool) for x in raw):
            self.wrong_type(f, value, "文本列表", "a list of texts")
            return None
        return tuple(str(x).strip() for x in raw if str(x).strip())

    def bool_value(self, f: Field, value: Value) -> bool | None:
        if not isinstance(value.value, bool):
            self.wrong_type(f, value, " true 或 false", "true or false")
            return None
        return value.value

    def index_no_value(self, f: Field, value: Value) -> str | None:
        raw = value.value
        if not isinstance(raw, str):
            self.wrong_type(f, value, "索引号文本", "an index number text")
            return None
        match = INDEX_NO_PATTERN.match(raw.strip())
        prefix = self.config.index_prefix
        if not match or match.group("prefix") != prefix:
            self.error(value.line, "bad-index-no", f"“{f.key}” 的值 “{raw}” 不是有效的索引号。",
                       f"'{f.key}': '{raw}' is not a valid index number.", key=f.key, column=value.column,
                       hint=Text(f"格式为 {prefix}/<年份>-<五位序号>，例如 {prefix}/2022-00001。",
                                 f"The form is {prefix}/<year>-<5-digit number>, e.g. {prefix}/2022-00001."))
            return None
        return raw.strip()

    def attachments_value(self, f: Field, value: Value) -> tuple[dict, ...] | None:
        raw = value.value
        good = isinstance(raw, list) and all(
            isinstance(a, dict) and isinstance(a.get("file"), str) and isinstance(a.get("title"), str)
            and set(a) <= {"file", "title"} for a in raw)
        if not good:
            self.wrong_type(f, value, "附件列表，每项有 file 和 title", "a list of {file, title} entries")
            return None
        return tuple(raw)


_KIND_CHECKS = {
    Kind.TEXT: _Checker.text_value,
    Kind.DATE: _Checker.date_value,
    Kind.VOCAB: _Checker.vocab_value,
    Kind.TEXT_LIST: _Checker.text_list_value,
    Kind.BOOL: _Checker.bool_value,
    Kind.INDEX_NO: _Checker.index_no_value,
    Kind.ATTACHMENTS: _Checker.attachments_value,
}


def _describe(value: object, lang: str = "zh") -> str:
    if isinstance(value, bool):
        return "布尔值" if lang == "zh" else "a boolean"
    if isinstance(value, (int, float)):
        return f"数字 {value}" if lang == "zh" else f"the number {value}"
    if isinstance(value, list):
        return "列表" if lang == "zh" else "a list"
    if isinstance(value, dict):
        return "映射" if lang == "zh" else "a mapping"
    if value is None:
        return "空值" if lang == "zh" else "nothing"
    return f"“{value}”" if lang == "zh" else f"'{value}'"


# -- body -------------------------------------------------------------------

_UNSAFE_HTML = (
    (re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|form|base|meta|link|style)\b", re.I),
     "<{0}> 标签", "a <{0}> tag"),
    (re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.I), "事件属性 {0}=", "an event attribute {0}="),
    (re.compile(r"(javascript|vbscript|data)\s*:", re.I), "{0}: 链接", "a {0}: link"),
)
_LINK_CONTEXT = re.compile(r"(href|src|\]\()\s*=?\s*[\"']?\s*$", re.I)


def check_body(doc: SourceDocument, checker: _Checker) -> None:
    """Empty body, unsafe HTML and control characters (which break feeds)."""
    if not doc.body.strip():
        checker.error(doc.body_line, "empty-body", "正文为空。", "the body is empty.")
    for line_no, column, code in control_characters(doc.text):
        checker.error(line_no, "control-character", f"第 {line_no} 行第 {column} 列有控制字符 {code}。",
                      f"control character {code} at line {line_no}, column {column}.", column=column)
    for offset, line in enumerate(doc.body.split("\n")):
        for pattern, zh, en in _UNSAFE_HTML:
            for match in pattern.finditer(line):
                if pattern is _UNSAFE_HTML[2][0] and not _LINK_CONTEXT.search(line[: match.start()]):
                    continue
                name = match.group(1).lower()
                checker.error(doc.body_line + offset, "unsafe-html", f"正文含有{zh.format(name)}。",
                              f"the body contains {en.format(name)}.", column=match.start() + 1)


# -- documents ---------------------------------------------------------------

def validate_original(doc: SourceDocument, config: Config, problems: Problems, root: Path,
                      data: bytes | None = None) -> Item | None:
    """Check a Chinese original and return its :class:`Item`, or None if it has errors."""
    checker = _Checker(doc, config, problems)
    checker.ok = doc.ok
    if doc.ok:
        checker.check_keys(set(FIELDS_BY_KEY))
        checker.check_required(FIELDS)
        checker.check_values(FIELDS)
        _check_relations(checker)
        _check_path(checker)
        check_body(doc, checker)
    attachments = _check_attachments(checker, root) if checker.ok else ()
    if not checker.ok:
        return None
    v = checker.values
    match = INDEX_NO_PATTERN.match(str(v["index_no"]))
    assert match is not None
    raw = data if data is not None else (root / doc.path).read_bytes()
    return Item(
        path=doc.path, index_no=str(v["index_no"]), year=int(match.group("year")), number=match.group("number"),
        title=str(v["title"]), publisher=str(v["publisher"]), doc_number=v.get("doc_number"),  # type: ignore[arg-type]
        date_written=v["date_written"], date_published=v["date_published"],  # type: ignore[arg-type]
        category=str(v["category"]), genre=str(v["genre"]), disclosure=str(v["disclosure"]),
        validity=str(v["validity"]), repealed_on=v.get("repealed_on"), repealed_by=v.get("repealed_by"),  # type: ignore[arg-type]
        keywords=v.get("keywords") or (), summary=v.get("summary"),  # type: ignore[arg-type]
        attachments=attachments, draft=bool(v.get("draft", False)), body=doc.body.strip("\n") + "\n",
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def _check_relations(checker: _Checker) -> None:
    v, meta = checker.values, checker.doc.meta
    written, published = v.get("date_written"), v.get("date_published")
    if isinstance(written, date) and isinstance(published, date) and published < written:
        checker.error(meta["date_published"].line, "date-order",
                      f"发布日期 {published} 早于成文日期 {written}。",
                      f"date_published {published} is before date_written {written}.", key="date_published")
    repealed_on = v.get("repealed_on")
    if v.get("validity") == "repealed" and "repealed_on" not in meta:
        checker.error(meta["validity"].line, "repeal-incomplete", "有效性为 repealed，但缺少 repealed_on。",
                      "validity is 'repealed' but repealed_on is missing.", key="repealed_on")
    if v.get("validity") not in (None, "repealed") and ("repealed_on" in meta or "repealed_by" in meta):
        key = "repealed_on" if "repealed_on" in meta else "repealed_by"
        checker.error(meta[key].line, "repeal-incomplete", f"有 {key}，但有效性不是 repealed。",
                      f"{key} is set but validity is not 'repealed'.", key=key,
                      hint=Text("把 validity 改为 repealed，或删除该字段。", "Set validity to repealed, or remove the key."))
    if isinstance(repealed_on, date) and isinstance(written, date) and repealed_on < written:
        checker.error(meta["repealed_on"].line, "date-order", f"废止日期 {repealed_on} 早于成文日期 {written}。",
                      f"repealed_on {repealed_on} is before date_written {written}.", key="repealed_on")


def _check_path(checker: _Checker) -> None:
    index_no = checker.values.get("index_no")
    if not isinstance(index_no, str):
        return
    match = INDEX_NO_PATTERN.match(index_no)
    place = ITEM_PATH_PATTERN.match(checker.doc.path.removeprefix("disclosures/"))
    if match and place and (match.group("year"), match.group("number")) != (place.group("year"), place.group("number")):
        expected = f"disclosures/{match.group('year')}/{match.group('number')}.md"
        checker.error(checker.doc.meta["index_no"].line, "index-no-mismatch",
                      f"索引号 {index_no} 与文件位置 {checker.doc.path} 不符，应为 {expected}。",
                      f"index number {index_no} does not match the file {checker.doc.path}; expected {expected}.",
                      key="index_no")


def _check_attachments(checker: _Checker, root: Path) -> tuple[Attachment, ...]:
    entries = checker.values.get("attachments") or ()
    line = checker.doc.meta["attachments"].line if "attachments" in checker.doc.meta else 1
    folder = (root / checker.doc.path).parent
    result = []
    for entry in entries:  # type: ignore[union-attr]
        name = entry["file"]
        target = (folder / name).resolve()
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if "/" in name or "\\" in name or target.parent != folder.resolve():
            checker.error(line, "attachment", f"附件 “{name}” 不在条目所在文件夹内。",
                          f"attachment '{name}' is not in the item's folder.", key="attachments")
        elif not target.is_file():
            checker.error(line, "attachment", f"找不到附件 “{name}”。", f"attachment '{name}' does not exist.",
                          key="attachments")
        elif ext not in checker.config.attachment_types:
            allowed = ", ".join(sorted(checker.config.attachment_types))
            checker.error(line, "attachment", f"附件 “{name}” 的类型 .{ext} 不允许。",
                          f"attachment '{name}': type .{ext} is not allowed.", key="attachments",
                          hint=Text(f"允许的类型：{allowed}", f"Allowed types: {allowed}"))
        elif target.stat().st_size > checker.config.attachment_max_bytes:
            limit = checker.config.attachment_max_bytes
            checker.error(line, "attachment", f"附件 “{name}” 超过大小上限 {limit} 字节。",
                          f"attachment '{name}' is larger than the limit of {limit} bytes.", key="attachments")
        else:
            result.append(Attachment(name, entry["title"].strip(), target.stat().st_size))
    return tuple(result)


def validate_translation(doc: SourceDocument, original: Item | None, config: Config,
                         problems: Problems) -> Translation | None:
    """Check an English translation against its original; None if it has errors."""
    checker = _Checker(doc, config, problems)
    checker.ok = doc.ok
    if not doc.ok:
        return None
    if original is None:
        checker.error(1, "translation-orphan", f"译文 {doc.path} 没有对应的中文原文。",
                      f"translation {doc.path} has no Chinese original beside it.")
        return None
    fields = tuple(f for f in FIELDS + TRANSLATION_ONLY_FIELDS if f.key in TRANSLATION_KEYS)
    checker.check_keys(TRANSLATION_KEYS, translation=True)
    if "title" not in doc.meta:
        checker.error(1, "missing-key", "译文缺少 “title”。", "the translation has no 'title'.", key="title")
    checker.check_values(fields)
    if "index_no" in checker.values and checker.values["index_no"] != original.index_no:
        checker.error(doc.meta["index_no"].line, "translation-conflict",
                      f"译文的索引号 {checker.values['index_no']} 与原文 {original.index_no} 不同。",
                      f"the translation's index_no {checker.values['index_no']} differs from the original's "
                      f"{original.index_no}.", key="index_no")
    check_body(doc, checker)
    if not checker.ok:
        return None
    v = checker.values
    return Translation(doc.path, str(v["title"]), v.get("summary"), v.get("keywords") or (),  # type: ignore[arg-type]
                       doc.body.strip("\n") + "\n", v.get("source_sha256"))  # type: ignore[arg-type]
