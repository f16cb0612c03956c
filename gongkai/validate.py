"""Checking source documents against the schema and turning them into items.

Every check reports to a :class:`~gongkai.problems.Problems` collector and
carries on, so an editor sees every problem of every file in one run.

Longer than 300 lines: one reader per kind of value, the body's checks and the
translation's comparison with its original, each with its messages in zh and en.
The shared machinery ("did you mean", dates) is :mod:`gongkai.fields`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from . import bodies, links
from .catalogue import Attachment, Change, Item, Translation
from .fields import FieldReader, suggest
from .office import REPEALED, Config
from .problems import Problems, describe
from .layout import INDEX_NO_PATTERN, index_place, place_of
from .schema import (FIELDS, FIELDS_BY_KEY, TRANSLATION_KEYS,
                     TRANSLATION_ONLY_FIELDS, Field, Kind)
from .personal import KINDS as PERSONAL_DATA_KINDS
from .personal import Finding, find_personal_data
from .source import SourceDocument, Value, position
from .placeholders import PLACEHOLDER_PATTERN
from .text import Text

_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


_FRONT_MATTER = Text("文件头", "the front matter")


class _Checker(FieldReader):
    """Checks one document's front matter, remembering the file and collecting values."""

    def __init__(self, doc: SourceDocument, config: Config, problems: Problems):
        super().__init__(doc.path, problems)
        self.doc = doc
        self.config = config
        self.values: dict[str, object] = {}
        self.suggested: set[str] = set()
        """Keys an unknown key was taken for (their missing-key is then implied)."""
        self.placeholder_errors: set[int] = set()
        """Lines whose placeholder was reported as an error in a draft (dates, index numbers)."""

    def warning(self, line: int, code: str, zh: str, en: str, *, column: int = 1, hint: Text | None = None) -> None:
        """A problem that does not stop the build (the item stays valid)."""
        self.problems.add(self.doc.path, line, code, Text(zh, en), hint, key=None, column=column, severity="warning")

    @property
    def is_draft(self) -> bool:
        """``draft: true``: the item is being written and is never published."""
        draft = self.doc.meta.get("draft")
        return draft is not None and draft.value is True

    # -- keys ---------------------------------------------------------------
    def check_keys(self, allowed: frozenset[str] | set[str]) -> None:
        for key, value in self.doc.meta.items():
            if key in allowed:
                continue
            near = _nearest_key(key, allowed)
            if near and near not in self.doc.meta:
                self.suggested.add(near)
            listed = [f.key for f in FIELDS + TRANSLATION_ONLY_FIELDS if f.key in allowed]
            self.unknown_key(value.line, key, listed, _FRONT_MATTER, near,
                             FIELDS_BY_KEY[near].label.zh if near in FIELDS_BY_KEY else "")

    def check_required(self, fields: tuple[Field, ...]) -> None:
        for f in fields:
            if f.required and f.key not in self.doc.meta and f.key not in self.suggested:
                self.missing_key(1, f.key, _FRONT_MATTER, f.example, f.label)

    # -- values -------------------------------------------------------------
    def check_values(self, fields: tuple[Field, ...]) -> None:
        for f in fields:
            value = self.doc.meta.get(f.key)
            if value is None:
                continue
            if value.value is None or (isinstance(value.value, (str, list)) and not value.value):
                self.values[f.key] = None
                need = "必填字段，请填写" if f.required else "请填写，或删除这一行"
                self.error(value.line, "empty-value", f"“{f.key}”（{f.label.zh}）没有填写。",
                           f"'{f.key}' ({f.label.en}) has no value.", key=f.key, column=value.column,
                           hint=Text(f"{need}，例如：{f.key}: {f.example}",
                                     ("A required key: fill it in" if f.required else "Fill it in or delete the line")
                                     + f", e.g. {f.key}: {f.example}"))
                continue
            if isinstance(value.value, str) and PLACEHOLDER_PATTERN.search(value.value):
                self.values[f.key] = self.placeholder_value(f, value)
                continue
            self.values[f.key] = _KIND_CHECKS[f.kind](self, f, value)

    def placeholder_value(self, f: Field, value: Value) -> str | None:
        """The value of a key that still holds a template placeholder (reported by check_body).

        A draft is never published, so its texts and vocabulary keys may wait: the placeholder is kept
        and only warned about. Dates and index numbers cannot wait (an item needs them): an error.
        """
        if not self.is_draft:
            return None
        if f.kind in (Kind.TEXT, Kind.VOCAB):
            return str(value.value).strip()
        self.placeholder_errors.add(value.line)
        self.error(value.line, "placeholder", f"“{f.key}”（{f.label.zh}）还是模板占位文字：草稿也必须填写真实的值。",
                   f"'{f.key}' ({f.label.en}) is still a template placeholder: even a draft needs a real value.",
                   key=f.key, column=value.column,
                   hint=Text(f"例如：{f.key}: {f.example}", f"For example: {f.key}: {f.example}"))
        return None

    def text_value(self, f: Field, value: Value) -> str | None:
        raw = value.value
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and f.key == "doc_number":
            raw = str(raw)
        if isinstance(raw, (int, float, bool)):
            text = str(raw).lower() if isinstance(raw, bool) else str(raw)
            self.error(value.line, "wrong-type", f"“{f.key}” 应为一段文字，实际被读成 {describe(raw)}。",
                       f"'{f.key}' must be a text; it was read as {describe(raw, 'en')}.", key=f.key,
                       column=value.column, hint=Text(f"给值加上引号：{f.key}: \"{text}\"",
                                                      f'Put the value in quotes: {f.key}: "{text}"'))
            return None
        if not isinstance(raw, str):
            self.wrong_type(f.key, value, "一段文字", "a text", f.example)
            return None
        if not raw.strip():
            self.error(value.line, "empty-value", f"“{f.key}” 为空。", f"'{f.key}' is empty.", key=f.key)
            return None
        return raw.strip()

    def date_value(self, f: Field, value: Value) -> date | None:
        raw = value.value
        if isinstance(raw, int) and not isinstance(raw, bool) and _COMPACT_DATE.match(str(raw)):
            raw = str(raw)  # 20220301: a number to YAML, a date to the editor; said below
        if not isinstance(raw, str):
            self.wrong_type(f.key, value, "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)", f.example)
            return None
        return self.date_text(f.key, value, raw.strip())

    def vocab_value(self, f: Field, value: Value) -> str | None:
        raw = value.value
        if not isinstance(raw, str):
            self.wrong_type(f.key, value, "词表中的一个取值", "one vocabulary key", f.example)
            return None
        return self.choose(f.key, value, raw.strip(), self.config.vocabulary(f.vocabulary or f.key).terms.values())

    def text_list_value(self, f: Field, value: Value) -> tuple[str, ...] | None:
        raw = value.value
        if isinstance(raw, str) and f.key == "keywords":
            self.wrong_type(f.key, value, "列表（每行以“- ”开头）", "a list (one '- ' line per entry)", f.example)
            return None
        if not isinstance(raw, list) or not all(isinstance(x, (str, int)) and not isinstance(x, bool) for x in raw):
            self.wrong_type(f.key, value, "文本列表", "a list of texts", f.example)
            return None
        return tuple(str(x).strip() for x in raw if str(x).strip())

    def bool_value(self, f: Field, value: Value) -> bool | None:
        return self.boolean(f.key, value, f.example)

    def index_no_value(self, f: Field, value: Value) -> str | None:
        raw = value.value
        if not isinstance(raw, str):
            self.wrong_type(f.key, value, "索引号文本", "an index number text", f.example)
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
            self.wrong_type(f.key, value, "附件列表，每项有 file 和 title", "a list of {file, title} entries", f.example)
            return None
        return tuple(raw)

    def index_list_value(self, f: Field, value: Value) -> tuple[str, ...] | None:
        raw = value.value
        if isinstance(raw, str):
            raw = [raw]  # one index number written without brackets
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            self.wrong_type(f.key, value, "索引号列表", "a list of index numbers", f.example)
            return None
        found = []
        for n, entry in enumerate(raw):
            line, column = _entry_place(value, n, None)
            checked = self.index_no_value(f, Value(entry, line, column, value.node))
            if checked is not None and checked not in found:
                found.append(checked)
        return tuple(found) if len(found) == len(set(raw)) else None

    def changes_value(self, f: Field, value: Value) -> tuple[Change, ...] | None:
        raw = value.value
        good = isinstance(raw, list) and all(
            isinstance(c, dict) and isinstance(c.get("note"), str) and c["note"].strip() and "date" in c
            and set(c) <= {"date", "note", "note_en"} and isinstance(c.get("note_en", ""), str) for c in raw)
        if not good:
            self.wrong_type(f.key, value, "修订记录列表，每项有 date 和 note（可加 note_en）",
                            "a list of {date, note, note_en} entries (note_en optional)", f.example)
            return None
        changes = []
        for n, entry in enumerate(raw):
            line, column = _entry_place(value, n, "date")
            day = self.date_text(f.key, Value(entry["date"], line, column, value.node), str(entry["date"]).strip())
            if day is not None:
                changes.append(Change(day, entry["note"].strip(), (entry.get("note_en") or "").strip() or None))
        if len(changes) != len(raw):
            return None
        return tuple(sorted(changes, key=lambda c: c.date))


def _nearest_key(key: str, allowed: frozenset[str] | set[str]) -> str | None:
    """The allowed key ``key`` was most likely meant to be: by Chinese label, case, or spelling."""
    by_label = {f.label.zh: f.key for f in FIELDS + TRANSLATION_ONLY_FIELDS if f.key in allowed}
    return suggest(key, sorted(allowed), labels=by_label, normalise=True)


_KIND_CHECKS = {
    Kind.TEXT: _Checker.text_value,
    Kind.DATE: _Checker.date_value,
    Kind.VOCAB: _Checker.vocab_value,
    Kind.TEXT_LIST: _Checker.text_list_value,
    Kind.BOOL: _Checker.bool_value,
    Kind.INDEX_NO: _Checker.index_no_value,
    Kind.ATTACHMENTS: _Checker.attachments_value,
    Kind.INDEX_LIST: _Checker.index_list_value,
    Kind.CHANGES: _Checker.changes_value,
}


# -- body -------------------------------------------------------------------

def check_body(doc: SourceDocument, checker: _Checker, allowed: frozenset[str] = frozenset(),
               attachments: frozenset[str] = frozenset()) -> None:
    """Empty body, unsafe HTML, links, placeholders left from the template and personal data.

    Control characters are reported when the file is read (``source``), once for the whole file.
    """
    if not doc.body.strip():
        checker.error(doc.body_line, "empty-body", "正文为空。", "the body is empty.",
                      hint=Text("在文件头结束的 --- 之后写上正文。", "Write the body below the closing --- of the front matter."))
    for finding in bodies.check(doc.body):
        line, column = position(doc.body, finding.offset)
        report = checker.warning if finding.warning else checker.error
        report(doc.body_line + line - 1, finding.code, finding.message.zh, finding.message.en, column=column,
               hint=finding.hint)
    _check_links(doc, checker, attachments)
    text = doc.text
    # A draft is never published, so its placeholders are only a reminder; elsewhere they stop the build.
    report = checker.warning if checker.is_draft else checker.error
    for match in PLACEHOLDER_PATTERN.finditer(text) if "【" in text else ():
        line, column = position(text, match.start())
        if line in checker.placeholder_errors:
            continue
        report(line, "placeholder", f"第 {line} 行还有模板占位文字 “{match.group()}”。",
               f"line {line} still has the template placeholder '{match.group()}'.", column=column)
    allowed = frozenset(unicodedata.normalize("NFKC", a) for a in allowed)
    for finding in find_personal_data(text):
        if unicodedata.normalize("NFKC", finding.text) in allowed or finding.text == checker.config.index_prefix:
            continue
        line, column = position(text, finding.start)
        what = PERSONAL_DATA_KINDS[finding.kind]
        checker.error(line, "personal-data", f"疑似{what.zh} “{finding.text}”，个人信息不得公开。",
                      f"this looks like a {what.en}: '{finding.text}'; personal data must not be published.",
                      column=column, hint=_personal_data_hint(finding))


def _personal_data_hint(finding: Finding) -> Text:
    """How to fix a personal-data finding; an ID number is never to be allow-listed lightly."""
    if finding.kind == "resident-id":
        return Text("居民身份证号码属于敏感个人信息，政府信息公开中几乎从不公开：请删除，或只保留前后几位（例如 350203********1236）。"
                    "确属法定必须公开的，须经保密审查和本机关负责人审核同意，才可列入 personal_data_allowed。",
                    "A resident ID number is sensitive personal data and is almost never disclosed: delete it, or keep "
                    "only its first and last digits (e.g. 350203********1236). Only when the law requires it, after a "
                    "confidentiality review approved by the office's head, may it be listed under personal_data_allowed.")
    return Text(f"删除或遮盖该号码（例如 138****5678）；确需公开的，经审核后在文件头加上："
                f"personal_data_allowed: [\"{finding.text}\"]",
                f"Delete or mask the number (e.g. 138****5678); if it must be published, after review add "
                f"to the front matter: personal_data_allowed: [\"{finding.text}\"]")


def _check_links(doc: SourceDocument, checker: _Checker, attachments: frozenset[str]) -> None:
    """Every address must be safe (:data:`links.SAFE_SCHEMES`); a relative one must name an attachment."""
    every = links.targets(doc.body, skip_code=False)
    unsafe = {t.start for t in every if _unsafe_link(doc, checker, t)}
    for target in links.targets(doc.body) if "`" in doc.body else every:
        if target.start in unsafe or not links.is_relative(target) or target.kind == "autolink":
            continue
        if target.kind == "attribute" and not target.in_tag:
            continue  # a word like src=… in the text, not a link
        if target.kind != "definition" and links.attachment_name(target.url) in attachments:
            continue
        _broken_link(doc, checker, target, attachments)


def _unsafe_link(doc: SourceDocument, checker: _Checker, target: links.Target) -> bool:
    scheme = links.is_unsafe(target)
    if scheme is None:
        return False
    line, column = position(doc.body, target.start)
    checker.error(doc.body_line + line - 1, "unsafe-html",
                  f"链接地址使用了 “{scheme}:”：只允许 http、https、mailto 和 tel 地址，"
                  "其他地址（如 javascript:）可能在读者的浏览器中运行代码。",
                  f"a link address uses '{scheme}:': only http, https, mailto and tel addresses are allowed; "
                  "others (such as javascript:) can run code in a reader's browser.", column=column,
                  hint=Text("删除这个链接，或改用以 https:// 开头的网址。",
                            "Delete the link, or use an address starting with https://."))
    return True


def _broken_link(doc: SourceDocument, checker: _Checker, target: links.Target, attachments: frozenset[str]) -> None:
    line, column = position(doc.body, target.start)
    name = links.attachment_name(target.url)
    if target.kind == "definition" and name in attachments:
        hint = Text(f"把链接直接写在正文中：[文字]({target.url})，并删除这一行定义。",
                    f"Write the link inline: [text]({target.url}), and delete this definition line.")
        checker.error(doc.body_line + line - 1, "broken-link",
                      f"引用式链接定义指向附件 “{name}”：附件只能用直接链接 [文字]({target.url}) 引用。",
                      f"a reference definition points at the attachment '{name}': link attachments inline, "
                      f"as [text]({target.url}).", column=column, hint=hint)
        return
    what = Text("图片", "image") if target.kind == "image" else Text("链接", "link")
    listed = ", ".join(sorted(attachments))
    checker.error(doc.body_line + line - 1, "broken-link",
                  f"{what.zh}地址 “{target.url}” 在网站上不存在：正文中的相对地址只能是本条目的附件"
                  f"（{listed or '本条目没有附件'}）。",
                  f"the {what.en} address '{target.url}' does not exist on the site: a relative address in the body "
                  f"must be one of this item's attachments ({listed or 'it has none'}).", column=column,
                  hint=Text("把该文件放在条目旁边并列入文件头的 attachments（file 和 title）；"
                            "链接其他网页或其他条目时，使用以 https:// 开头的完整网址。",
                            "Put the file beside the item and list it under attachments in the front matter (file and "
                            "title); to link to another page or another item, use its full address starting with https://."))


# -- documents ---------------------------------------------------------------

def validate_original(doc: SourceDocument, config: Config, problems: Problems, root: Path) -> Item | None:
    """Check a Chinese original and return its :class:`Item`, or None if it has errors."""
    checker = _Checker(doc, config, problems)
    checker.ok = doc.ok
    if doc.ok:
        checker.check_keys(set(FIELDS_BY_KEY))
        checker.check_required(FIELDS)
        checker.check_values(FIELDS)
        _check_relations(checker)
        _check_path(checker)
        check_body(doc, checker, frozenset(checker.values.get("personal_data_allowed") or ()),  # type: ignore[arg-type]
                   frozenset(a["file"] for a in checker.values.get("attachments") or ()))  # type: ignore[union-attr]
    attachments = _check_attachments(checker, root) if doc.ok else ()
    if not checker.ok:
        return None
    place = index_place(str(checker.values["index_no"]))
    assert place is not None
    values = {f.key: checker.values.get(f.key, _ABSENT.get(f.kind)) or _ABSENT.get(f.kind) for f in FIELDS}
    values["attachments"] = attachments
    return Item(path=doc.path, year=int(place.year), number=place.number, body=doc.body.strip("\n") + "\n",
                sha256=doc.sha256, key_lines={key: value.line for key, value in doc.meta.items()}, **values)


#: The value an item has for a key its file leaves out, by kind (None for the others).
_ABSENT = {Kind.TEXT_LIST: (), Kind.BOOL: False, Kind.ATTACHMENTS: (), Kind.INDEX_LIST: (), Kind.CHANGES: ()}


def _check_relations(checker: _Checker) -> None:
    v, meta = checker.values, checker.doc.meta
    written, published = v.get("date_written"), v.get("date_published")
    if isinstance(written, date) and isinstance(published, date) and published < written:
        checker.error(meta["date_published"].line, "date-order",
                      f"发布日期 {published} 早于成文日期 {written}。",
                      f"date_published {published} is before date_written {written}.", key="date_published",
                      column=meta["date_published"].column)
    repealed_on = v.get("repealed_on")
    if v.get("validity") == REPEALED and "repealed_on" not in meta:
        checker.error(meta["validity"].line, "repeal-incomplete", "有效性为 repealed，但缺少 repealed_on。",
                      "validity is 'repealed' but repealed_on is missing.", key="repealed_on")
    if v.get("validity") not in (None, REPEALED) and ("repealed_on" in meta or "repealed_by" in meta):
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
    named = index_place(index_no)
    place = place_of(checker.doc.path)
    if named and place and (named.year, named.number) != (place.year, place.number):
        expected = named.original
        checker.error(checker.doc.meta["index_no"].line, "index-no-mismatch",
                      f"索引号 {index_no} 与文件位置 {checker.doc.path} 不符，应为 {expected}。",
                      f"index number {index_no} does not match the file {checker.doc.path}; expected {expected}.",
                      key="index_no", column=checker.doc.meta["index_no"].column,
                      hint=Text(f"如果这是新条目，把索引号改为与文件位置一致的 {place.index_no(checker.config.index_prefix)}"
                                f"；否则把文件移到 {expected}。",
                                f"If this is a new item, change the index number to match its file: "
                                f"{place.index_no(checker.config.index_prefix)}; otherwise move the file to {expected}."))


def _check_attachments(checker: _Checker, root: Path) -> tuple[Attachment, ...]:
    entries = checker.values.get("attachments") or ()
    value = checker.doc.meta.get("attachments")
    folder = (root / checker.doc.path).parent
    result = []
    for n, entry in enumerate(entries):  # type: ignore[arg-type]
        name = entry["file"]
        line, column = _entry_place(value, n, "file")

        def error(zh: str, en: str, hint: Text | None = None) -> None:
            checker.error(line, "attachment", zh, en, key="attachments", column=column, hint=hint)

        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        try:
            inside = ("/" not in name and "\\" not in name and name not in ("", ".", "..")
                      and (folder / name).resolve().parent == folder.resolve())
            size = (folder / name).stat().st_size if inside and (folder / name).is_file() else None
        except (OSError, ValueError):  # a name the file system refuses (NUL, too long...)
            inside, size = True, None
        if not inside:
            error(f"附件 “{name}” 不在条目所在文件夹 {checker.doc.path.rsplit('/', 1)[0]}/ 内。",
                  f"attachment '{name}' is not in the item's folder {checker.doc.path.rsplit('/', 1)[0]}/.",
                  Text("把附件文件放在条目旁边，file 只写文件名（不含 / 或 ..）。",
                       "Put the file beside the item and give only its name in `file` (no / or ..)."))
        elif size is None:
            error(f"找不到附件 “{name}”（应在 {checker.doc.path.rsplit('/', 1)[0]}/ 中）。",
                  f"attachment '{name}' does not exist (expected in {checker.doc.path.rsplit('/', 1)[0]}/).",
                  Text("上传附件文件，或检查文件名的拼写和大小写。",
                       "Upload the file, or check the spelling and upper/lower case of its name."))
        elif ext not in checker.config.attachment_types:
            allowed = ", ".join(sorted(checker.config.attachment_types))
            error(f"附件 “{name}” 的类型 .{ext} 不允许。", f"attachment '{name}': type .{ext} is not allowed.",
                  Text(f"允许的类型：{allowed}", f"Allowed types: {allowed}"))
        elif size > checker.config.attachment_max_bytes:
            limit = checker.config.attachment_max_bytes
            error(f"附件 “{name}” 有 {size} 字节，超过大小上限 {limit} 字节（{limit / 1048576:g} MB）。",
                  f"attachment '{name}' has {size} bytes, more than the limit of {limit} bytes "
                  f"({limit / 1048576:g} MB).",
                  Text("压缩文件或拆分为多个附件；上限在 catalogue.yml 的 attachments.max_bytes 中设置。",
                       "Compress the file or split it; the limit is attachments.max_bytes in catalogue.yml."))
        else:
            result.append(Attachment(name, entry["title"].strip(), size))
    return tuple(result)


def _entry_place(value: Value | None, n: int, key: str) -> tuple[int, int]:
    """Line and column of ``key`` in the ``n``-th entry of a list value, or of the entry itself when ``key``
    is None (the list's line if unknown)."""
    if value is None:
        return 1, 1
    try:
        entry = value.node.value[n]  # type: ignore[union-attr]
        node = entry if key is None else next(v for k, v in entry.value if k.value == key)
    except (AttributeError, IndexError, StopIteration, TypeError):
        return value.line, value.column
    return value.line_of(node), node.start_mark.column + 1


#: How each kind of value is compared with the original's (translations may repeat a value, not change it).
_COMPARABLE = (Kind.TEXT, Kind.DATE, Kind.VOCAB, Kind.BOOL, Kind.INDEX_NO)


def validate_translation(doc: SourceDocument, original: Item | None, config: Config,
                         problems: Problems) -> Translation | None:
    """Check an English translation against its original; None if it has errors."""
    checker = _Checker(doc, config, problems)
    checker.ok = doc.ok
    if not doc.ok:
        return None
    if original is None:
        checker.error(1, "translation-orphan", f"译文 {doc.path} 没有对应的中文原文。",
                      f"translation {doc.path} has no Chinese original beside it.",
                      hint=Text(f"添加中文原文 {doc.path.removesuffix('.en.md')}.md，或改正译文的文件名。",
                                f"Add the Chinese original {doc.path.removesuffix('.en.md')}.md, "
                                "or correct the translation's file name."))
        return None
    repeated = tuple(f for f in FIELDS if f.key in doc.meta and f.key not in TRANSLATION_KEYS)
    fields = tuple(f for f in FIELDS + TRANSLATION_ONLY_FIELDS if f.key in TRANSLATION_KEYS)
    checker.check_keys(TRANSLATION_KEYS | {f.key for f in repeated})
    if "title" not in doc.meta:
        checker.error(1, "missing-key", "译文缺少 “title”。", "the translation has no 'title'.", key="title",
                      hint=Text("在译文文件头加一行 title: <英文标题>。", "Add a line title: <English title> to its front matter."))
    checker.check_values(fields + tuple(f for f in repeated if f.kind in _COMPARABLE))
    for f in repeated + tuple(f for f in fields if f.key == "index_no" and f.key in doc.meta):
        _compare_with_original(checker, f, original)
    check_body(doc, checker, frozenset(original.personal_data_allowed), frozenset(a.file for a in original.attachments))
    if not checker.ok:
        return None
    v = checker.values
    return Translation(doc.path, str(v["title"]), v.get("summary"), v.get("keywords") or (),  # type: ignore[arg-type]
                       doc.body.strip("\n") + "\n", v.get("source_sha256"))  # type: ignore[arg-type]


def _compare_with_original(checker: _Checker, f: Field, original: Item) -> None:
    """A translation may repeat the original's metadata, never contradict it."""
    value = checker.doc.meta[f.key]
    expected = getattr(original, f.key)
    if f.kind not in _COMPARABLE:
        checker.error(value.line, "translation-conflict", f"译文不能设置 “{f.key}”，它从中文原文继承。",
                      f"a translation cannot set '{f.key}'; it comes from the Chinese original.", key=f.key,
                      hint=Text(f"从译文中删除 “{f.key}”。", f"Delete '{f.key}' from the translation."))
        return
    got = checker.values.get(f.key)
    if got is None or got == expected:
        return  # a bad value was reported by its own check; an equal one is harmless
    shown = expected if expected is not None else "（无）"
    checker.error(value.line, "translation-conflict",
                  f"译文的 “{f.key}” 是 {got}，与中文原文的 {shown} 矛盾。",
                  f"the translation's '{f.key}' is {got}, which contradicts the Chinese original's "
                  f"{expected if expected is not None else '(none)'}.", key=f.key, column=value.column,
                  hint=Text(f"删除译文中的 “{f.key}”（它从原文继承），或改为与原文一致。",
                            f"Delete '{f.key}' from the translation (it comes from the original), "
                            "or make it match the original."))
