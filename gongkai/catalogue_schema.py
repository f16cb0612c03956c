"""The JSON Schema of the open data ``data/catalogue.json``, generated from the item schema.

Each field of :data:`gongkai.schema.FIELDS` with a :attr:`~gongkai.schema.Field.data_help` is a property
of an item, shaped by its kind: a required value is never null, an optional one may be; a translatable
text or list gives ``{zh, en}``, ``en`` null when the translation has none; a vocabulary key gives its
term (key and labels). :func:`json_schema` is what ``gongkai/data/catalogue.schema.json``, published
beside the data, must say; ``tests/test_opendata.py`` compares the two.
"""

from __future__ import annotations

from .schema import FIELDS, Field, Kind

VERSION = "1.1.0"
"""The schema's version: its major part changes when a field is removed or changes meaning, its minor part
when a field is added."""

_TEXT, _OPTIONAL_TEXT, _DATE = ({"$ref": f"#/$defs/{name}"} for name in ("text", "optionalText", "date"))
_NULL = {"type": "null"}
_INDEX_LIST = {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z0-9-]+/[0-9]{4}-[0-9]{5}$"}}

#: Properties of an item record that no front-matter key gives: what other items say of it.
DERIVED = {
    "interpretations": "Index numbers of the published interpretations (政策解读) of this item.",
    "repeals": "Index numbers of the published items this item repealed.",
}


def _bilingual(zh: dict, en: dict) -> dict:
    return {"type": "object", "required": ["zh", "en"], "additionalProperties": False,
            "properties": {"zh": zh, "en": en}}


def _attachments() -> dict:
    return {"type": "array", "items": {
        "type": "object", "required": ["file", "title", "url", "size"], "additionalProperties": False,
        "properties": {
            "file": {"description": "File name.", **_TEXT},
            "title": {"description": "What the file is.", **_TEXT},
            "url": {"description": "Absolute address of the file.", "type": "string", "format": "uri"},
            "size": {"description": "Size in bytes.", "type": "integer", "minimum": 0},
        }}}


def field_schema(f: Field) -> dict:
    """The JSON Schema of one field's value in an item record."""
    shape: dict
    if f.kind is Kind.VOCAB:
        shape = {"$ref": "#/$defs/term"}
    elif f.kind is Kind.DATE:
        shape = _DATE if f.required else {"anyOf": [_DATE, _NULL]}
    elif f.kind is Kind.INDEX_NO:
        shape = {"type": "string", "pattern": "^[A-Za-z0-9-]+/[0-9]{4}-[0-9]{5}$"} if f.required else _OPTIONAL_TEXT
    elif f.kind is Kind.TEXT_LIST:
        words = {"type": "array", "items": _TEXT}
        shape = _bilingual(words, {"anyOf": [words, _NULL]}) if f.translatable else words
    elif f.kind is Kind.ATTACHMENTS:
        shape = _attachments()
    elif f.kind is Kind.INDEX_LIST:
        shape = _INDEX_LIST
    elif f.kind is Kind.CHANGES:
        shape = {"type": "array", "items": {
            "type": "object", "required": ["date", "note"], "additionalProperties": False,
            "properties": {"date": _DATE, "note": _bilingual(_TEXT, _OPTIONAL_TEXT)}}}
    else:
        text = _TEXT if f.required else _OPTIONAL_TEXT
        shape = _bilingual(text, _OPTIONAL_TEXT) if f.translatable else text
    return {"description": f.data_help, **shape}


def _item() -> dict:
    published = [f for f in FIELDS if f.data_help]
    properties = {f.key: field_schema(f) for f in published}
    properties["url"] = {
        "description": "Absolute addresses of the item's pages. The English page exists for every item; without "
                       "a translation it shows the Chinese original.",
        **_bilingual({"type": "string", "format": "uri"}, {"type": "string", "format": "uri"})}
    properties.update({key: {"description": text, **_INDEX_LIST} for key, text in DERIVED.items()})
    properties["last_updated"] = {"description": "Date of the latest change, or null.", "anyOf": [_DATE, _NULL]}
    return {"type": "object", "required": list(properties), "additionalProperties": False,
            "properties": properties}


def json_schema() -> dict:
    """The whole JSON Schema of ``catalogue.json`` (draft 2020-12)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:gongkai:schema:catalogue:{VERSION}",
        "title": f"gongkai disclosure catalogue (公开目录), version {VERSION}",
        "description": "Every proactively disclosed, published item of a gongkai site with its public metadata, "
                       "sorted by index number. Written by gongkai/opendata.py as data/catalogue.json. Version 1.x: "
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
