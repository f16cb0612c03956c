"""Checking source documents against the schema and turning them into items.

Every check reports to a :class:`~gongkai.problems.Problems` collector and
carries on, so an editor sees every problem of every file in one run. The front
matter's values are read by :mod:`gongkai.item_fields`, the body is checked by
:mod:`gongkai.body_checks`; here are the checks of a whole document (relations
between its values, its file's place, its attachments, a translation against
its original) and the :class:`~gongkai.catalogue.Item` they give.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .bodies import published_text
from .body_checks import check_body
from .catalogue import Attachment, Item, Translation
from .item_fields import ItemChecker, entry_place
from .office import REPEALED, Config
from .problems import Problems
from .layout import index_place, place_of
from .schema import FIELDS, FIELDS_BY_KEY, TRANSLATION_KEYS, TRANSLATION_ONLY_FIELDS, Field, Kind
from .source import SourceDocument
from .text import Text

def validate_original(doc: SourceDocument, config: Config, problems: Problems, root: Path) -> Item | None:
    """Check a Chinese original and return its :class:`Item`, or None if it has errors."""
    checker = ItemChecker(doc, config, problems)
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
    values = {key: checker.values.get(key) or absent for key, absent in _ABSENT_BY_KEY}
    values["attachments"] = attachments
    return Item(path=doc.path, year=int(place.year), number=place.number, body=published_text(doc.body),
                sha256=doc.sha256, key_lines={key: value.line for key, value in doc.meta.items()}, **values)


#: The value an item has for a key its file leaves out, by kind (None for the others).
_ABSENT = {Kind.TEXT_LIST: (), Kind.BOOL: False, Kind.ATTACHMENTS: (), Kind.INDEX_LIST: (), Kind.CHANGES: ()}
#: Each key of an item and the value it has when its file leaves it out (or leaves it empty).
_ABSENT_BY_KEY = tuple((f.key, _ABSENT.get(f.kind)) for f in FIELDS)


def _check_relations(checker: ItemChecker) -> None:
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


def _check_path(checker: ItemChecker) -> None:
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


def _check_attachments(checker: ItemChecker, root: Path) -> tuple[Attachment, ...]:
    entries = checker.values.get("attachments") or ()
    if not entries:
        return ()
    value = checker.doc.meta.get("attachments")
    folder = (root / checker.doc.path).parent
    result = []
    for n, entry in enumerate(entries):  # type: ignore[arg-type]
        name = entry["file"]
        line, column = entry_place(value, n, "file")

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


#: How each kind of value is compared with the original's (translations may repeat a value, not change it).
_COMPARABLE = (Kind.TEXT, Kind.DATE, Kind.VOCAB, Kind.BOOL, Kind.INDEX_NO)


def validate_translation(doc: SourceDocument, original: Item | None, config: Config,
                         problems: Problems) -> Translation | None:
    """Check an English translation against its original; None if it has errors."""
    checker = ItemChecker(doc, config, problems)
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
                       published_text(doc.body), v.get("source_sha256"))  # type: ignore[arg-type]


def _compare_with_original(checker: ItemChecker, f: Field, original: Item) -> None:
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
