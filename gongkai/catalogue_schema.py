"""The open data's shape (``data/catalogue.json``, ``.csv`` and their JSON Schema), from the item schema.

Each field of :data:`gongkai.schema.FIELDS` with :attr:`~gongkai.schema.Field.data` is published, shaped by
its kind (:func:`shape_of`): a text or date as one value (null when absent), a translatable text or list as
``{zh, en}`` (``en`` null when the translation has none), a vocabulary key as its term (key and labels), a
list of index numbers naming only published items. What no front-matter key gives (the pages' addresses,
what other items say of this one, the date of the latest change) is declared once, in :data:`DERIVED`.

:data:`RECORD` and :data:`COLUMNS` are the order of an item record's keys and of the CSV's columns. Both are
published, so version 1.1's orders are written down as a contract (:data:`RECORD_1_1`, :data:`CSV_1_1`) and
whatever is published later follows in the order declared (fields, then :data:`DERIVED`): new columns are
only ever added at the end. :func:`json_schema` is what ``gongkai/data/catalogue.schema.json``, published
beside the data, must say; ``tests/test_schema.py`` compares the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .schema import FIELDS, Kind, Published
from .text import Text

VERSION = "1.1.0"
"""The schema's version: its major part changes when a field is removed or changes meaning, its minor part
when a field is added."""


class Shape(Enum):
    """How a value is written in an item record, and so in its CSV columns."""

    TEXT = "text"
    """One value or null; one column."""
    DATE = "date"
    """An ISO date or null; one column."""
    FLAG = "flag"
    """true or false; one column."""
    BILINGUAL = "bilingual"
    """``{zh, en}``: the original's value and the translation's (a text or a list); ``_zh`` and ``_en``."""
    TERM = "term"
    """``{key, zh, en}``: a vocabulary key and its labels; the key's column, ``_zh`` and ``_en``."""
    LIST = "list"
    """A list of texts (index numbers…); one column, joined by ``; ``."""
    ATTACHMENTS = "attachments"
    """A list of ``{file, title, url, size}``; a column each for the titles, addresses and sizes."""
    CHANGES = "changes"
    """A list of ``{date, note: {zh, en}}``; one column of ``date note``."""
    PAGES = "pages"
    """The addresses of the item's pages, ``{zh, en}``; ``_zh`` and ``_en``."""


#: The columns a shape gives, as suffixes of the key (``""`` is the key itself).
_SUFFIXES = {Shape.BILINGUAL: ("_zh", "_en"), Shape.PAGES: ("_zh", "_en"), Shape.TERM: ("", "_zh", "_en")}


@dataclass(frozen=True)
class Entry:
    """One key of an item record in the open data: a field of the item schema or a derived value."""

    key: str
    shape: Shape
    kind: Kind | None
    """The field's kind; None for a value no front-matter key gives."""
    required: bool
    """Whether the value is never null."""
    data: Published
    vocabulary: str | None = None
    """For :attr:`Shape.TERM`, the vocabulary of catalogue.yml that labels the key."""

    @property
    def names(self) -> tuple[str, ...]:
        """Its CSV columns' names."""
        return self.data.names or tuple(self.key + suffix for suffix in _SUFFIXES.get(self.shape, ("",)))

    @property
    def columns(self) -> tuple[tuple[str, Text], ...]:
        """Its CSV columns, each with what it holds."""
        assert len(self.names) == len(self.data.columns), self.key
        return tuple(zip(self.names, self.data.columns))


def shape_of(kind: Kind, translatable: bool) -> Shape:
    """How a field of ``kind`` is published."""
    if translatable and kind in (Kind.TEXT, Kind.TEXT_LIST):
        return Shape.BILINGUAL
    return {Kind.VOCAB: Shape.TERM, Kind.DATE: Shape.DATE, Kind.BOOL: Shape.FLAG, Kind.TEXT_LIST: Shape.LIST,
            Kind.INDEX_LIST: Shape.LIST, Kind.ATTACHMENTS: Shape.ATTACHMENTS,
            Kind.CHANGES: Shape.CHANGES}.get(kind, Shape.TEXT)


#: What an item record has that no front-matter key gives.
DERIVED: tuple[Entry, ...] = (
    Entry("url", Shape.PAGES, None, True, Published(
        "Absolute addresses of the item's pages. The English page exists for every item; without a translation it "
        "shows the Chinese original.",
        (Text("中文页面地址", "Address of the Chinese page"),
         Text("英文页面地址（未翻译时显示中文原文）",
              "Address of the English page (shows the Chinese original when not translated)")))),
    Entry("interpretations", Shape.LIST, Kind.INDEX_LIST, True, Published(
        "Index numbers of the published interpretations (政策解读) of this item.",
        (Text("其政策解读的索引号，以“; ”分隔", "Index numbers of its interpretations, separated by '; '"),),
        relation="interpretations")),
    Entry("repeals", Shape.LIST, Kind.INDEX_LIST, True, Published(
        "Index numbers of the published items this item repealed.",
        (Text("本文件废止的文件的索引号，以“; ”分隔", "Index numbers of the documents it repealed, separated by '; '"),),
        relation="repealed_items")),
    Entry("last_updated", Shape.DATE, Kind.DATE, False, Published(
        "Date of the latest change, or null.", (Text("最后更新日期（最近一次修订）", "Date of the latest change"),))),
)

#: Every published field and derived value, in the order declared.
DECLARED: tuple[Entry, ...] = tuple(
    Entry(f.key, shape_of(f.kind, f.translatable), f.kind, f.required, f.data, f.vocabulary)
    for f in FIELDS if f.data is not None) + DERIVED

#: Version 1.1's order of an item record's keys in the JSON (published: never changed).
RECORD_1_1 = ("index_no", "title", "url", "doc_number", "date_written", "date_published", "publisher", "category",
              "genre", "validity", "repealed_on", "repealed_by", "keywords", "summary", "attachments", "interprets",
              "related", "changes", "interpretations", "repeals", "last_updated")
#: Version 1.1's order of the CSV's columns, by the record key they come from (published: never changed).
CSV_1_1 = ("index_no", "title", "url", "publisher", "doc_number", "date_written", "date_published", "category",
           "genre", "validity", "repealed_on", "repealed_by", "keywords", "summary", "attachments", "interprets",
           "interpretations", "related", "repeals", "last_updated", "changes")


def ordered(contract: tuple[str, ...], declared: tuple[Entry, ...] = DECLARED) -> tuple[Entry, ...]:
    """``declared`` in the order of ``contract``, then what it does not name, in the order declared. A key of the
    contract no longer declared fails here: removing a published value needs a new major version."""
    by_key = {e.key: e for e in declared}
    return tuple(by_key[key] for key in contract) + tuple(e for e in declared if e.key not in contract)


#: An item record's keys, in the JSON's order.
RECORD: tuple[Entry, ...] = ordered(RECORD_1_1)
#: The CSV's columns, in order, each with what it holds.
COLUMNS: tuple[tuple[str, Text], ...] = tuple(column for e in ordered(CSV_1_1) for column in e.columns)
#: The entry each CSV column comes from, in the CSV's order (an entry of several columns once).
CSV_ENTRIES: tuple[Entry, ...] = ordered(CSV_1_1)

_TEXT, _OPTIONAL_TEXT, _DATE = ({"$ref": f"#/$defs/{name}"} for name in ("text", "optionalText", "date"))
_NULL = {"type": "null"}
_INDEX_NO = {"type": "string", "pattern": "^[A-Za-z0-9-]+/[0-9]{4}-[0-9]{5}$"}
_URI = {"type": "string", "format": "uri"}


def _bilingual(zh: dict, en: dict) -> dict:
    return {"type": "object", "required": ["zh", "en"], "additionalProperties": False,
            "properties": {"zh": zh, "en": en}}


def _attachments() -> dict:
    return {"type": "array", "items": {
        "type": "object", "required": ["file", "title", "url", "size"], "additionalProperties": False,
        "properties": {
            "file": {"description": "File name.", **_TEXT},
            "title": {"description": "What the file is.", **_TEXT},
            "url": {"description": "Absolute address of the file.", **_URI},
            "size": {"description": "Size in bytes.", "type": "integer", "minimum": 0},
        }}}


def _changes() -> dict:
    return {"type": "array", "items": {
        "type": "object", "required": ["date", "note"], "additionalProperties": False,
        "properties": {"date": _DATE, "note": _bilingual(_TEXT, _OPTIONAL_TEXT)}}}


def _shape(e: Entry) -> dict:
    words = {"type": "array", "items": _INDEX_NO if e.kind is Kind.INDEX_LIST else _TEXT}
    text = _TEXT if e.required else _OPTIONAL_TEXT
    match e.shape:
        case Shape.TERM:
            return {"$ref": "#/$defs/term"}
        case Shape.DATE:
            return _DATE if e.required else {"anyOf": [_DATE, _NULL]}
        case Shape.FLAG:
            return {"type": "boolean"}
        case Shape.TEXT:
            return _INDEX_NO if e.kind is Kind.INDEX_NO and e.required else text
        case Shape.BILINGUAL if e.kind is Kind.TEXT_LIST:
            return _bilingual(words, {"anyOf": [words, _NULL]})
        case Shape.BILINGUAL:
            return _bilingual(text, _OPTIONAL_TEXT)
        case Shape.LIST:
            return words
        case Shape.ATTACHMENTS:
            return _attachments()
        case Shape.CHANGES:
            return _changes()
    return _bilingual(_URI, _URI)  # Shape.PAGES


def entry_schema(e: Entry) -> dict:
    """The JSON Schema of one value of an item record."""
    return {"description": e.data.help, **_shape(e)}


def _item() -> dict:
    properties = {e.key: entry_schema(e) for e in RECORD}
    return {"type": "object", "required": list(properties), "additionalProperties": False,
            "properties": properties}


def json_schema() -> dict:
    """The whole JSON Schema of ``catalogue.json`` (draft 2020-12)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:gongkai:schema:catalogue:{VERSION}",
        "title": f"gongkai disclosure catalogue (公开目录), version {VERSION}",
        "description": "Every proactively disclosed, published item of a gongkai site with its public metadata, "
                       "sorted by index number. Written by gongkai/opendata.py as data/catalogue.json, and as "
                       "data/<year>.json for each year's items. Version 1.x: "
                       "fields may be added in a minor version; a field is only removed or changed in meaning in a "
                       "new major version.",
        "type": "object",
        "required": ["version", "schema", "office", "index_prefix", "site", "as_of", "count", "items"],
        "additionalProperties": False,
        "properties": {
            "version": {"description": "The version of this schema the file follows.", "type": "string",
                        "pattern": "^1\\.[0-9]+\\.[0-9]+$"},
            "schema": {"description": "Address of this schema file on the site.", "type": "string", "format": "uri"},
            "office": {"description": "The office that publishes the catalogue.", "$ref": "#/$defs/bilingual"},
            "index_prefix": {"description": "The index number prefix (the office's organisation code).",
                             "type": "string"},
            "site": {"description": "The site's public address.", "type": "string", "format": "uri"},
            "as_of": {"description": "The newest date published among the items (the data is complete up to this "
                                     "date); null when there are none. Not the date the file was built.",
                      "anyOf": [_DATE, _NULL]},
            "year": {"description": "Only in data/<year>.json (since 1.1.0): the year published (发布日期) of "
                              "every item of the file.", "type": "integer"},
            "count": {"description": "The number of items.", "type": "integer", "minimum": 0},
            "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
        },
        "$defs": {
            "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"},
            "text": {"type": "string", "minLength": 1},
            "optionalText": {"anyOf": [_TEXT, _NULL]},
            "bilingual": _bilingual(_TEXT, _TEXT),
            "term": {
                "description": "A vocabulary entry of catalogue.yml: its key and its Chinese and (unofficial) "
                               "English labels.",
                "type": "object", "required": ["key", "zh", "en"], "additionalProperties": False,
                "properties": {"key": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}, "zh": _TEXT, "en": _TEXT},
            },
            "item": _item(),
        },
    }
