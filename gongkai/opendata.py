"""The catalogue as open data: ``data/catalogue.json``, ``data/catalogue.csv`` and the JSON Schema.

One set for the whole site (both languages' titles, labels and URLs are in
each record), at the site root under ``data/``. Only published items, sorted
by index number. Everything comes from the catalogue, nothing from the clock,
so the same sources give the same bytes: ``as_of`` is the newest item's
发布日期, not the date of the build.

What a record holds, in which order, and the CSV's columns come from the item
schema through :mod:`gongkai.catalogue_schema` (each published field's shape, the
derived values, the published orders); here each shape gets its value and its
cells. The JSON follows ``gongkai/data/catalogue.schema.json`` (JSON Schema draft
2020-12), published beside it, which says what :func:`gongkai.catalogue_schema.json_schema`
generates from the item schema (a test compares them). :data:`SCHEMA_VERSION` is the
schema's version: raise its major part when a field is removed or changes meaning, its
minor part when a field is added.
"""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from typing import Callable

from . import catalogue_schema
from .catalogue import Catalogue, Item
from .catalogue_schema import CSV_ENTRIES, RECORD, VERSION, Entry, Shape
from .html import esc, rel_url, table
from .layout import attachment_url
from .text import Text

SCHEMA_VERSION = VERSION
DATA_DIR = "data/"
JSON_PATH = DATA_DIR + "catalogue.json"
CSV_PATH = DATA_DIR + "catalogue.csv"
SCHEMA_PATH = DATA_DIR + "catalogue.schema.json"
LIST_SEPARATOR = "; "
"""Joins lists (keywords, attachments) in one CSV cell."""

Absolute = Callable[[str], str]

#: The CSV columns, in order (stable: new columns are only ever added at the end), with their meaning.
COLUMNS = catalogue_schema.COLUMNS


def _named(catalogue: Catalogue, item: Item, e: Entry) -> tuple[Item, ...]:
    """The published items ``e``'s relation gives for ``item`` (one or none, or several)."""
    found = getattr(catalogue, e.data.relation)(item)
    return found if isinstance(found, tuple) else (found,) if found is not None else ()


def _value(e: Entry, item: Item, catalogue: Catalogue, absolute: Absolute):
    """``e``'s value in ``item``'s record."""
    if e.data.relation:
        named = [i.index_no for i in _named(catalogue, item, e)]
        return named if e.shape is Shape.LIST else (named[0] if named else None)
    value = getattr(item, e.key)
    match e.shape:
        case Shape.DATE:
            return value.isoformat() if value else None
        case Shape.BILINGUAL:
            en = getattr(item.translation, e.key) if item.translation else None
            if isinstance(value, tuple):
                return {"zh": list(value), "en": list(en) if en else None}
            return {"zh": value, "en": en}
        case Shape.TERM:
            vocabulary = e.vocabulary or e.key
            return {"key": value, **{lang: catalogue.label(vocabulary, value, lang) for lang in ("zh", "en")}}
        case Shape.LIST:
            return list(value)
        case Shape.ATTACHMENTS:
            return [{"file": a.file, "title": a.title, "url": absolute(attachment_url(item.slug, a.file)),
                     "size": a.size} for a in value]
        case Shape.CHANGES:
            return [{"date": c.date.isoformat(), "note": {"zh": c.note, "en": c.note_en}} for c in value]
        case Shape.PAGES:
            return {lang: absolute(item.url(lang)) for lang in ("zh", "en")}
    return value


def record(item: Item, catalogue: Catalogue, absolute: Absolute) -> dict:
    """The public metadata of one item, as the JSON file gives it (:data:`gongkai.catalogue_schema.RECORD`)."""
    return {e.key: _value(e, item, catalogue, absolute) for e in RECORD}


def _text(value) -> str:
    """One CSV cell: empty for null, lists joined by :data:`LIST_SEPARATOR`, flags as JSON writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value)


def _cells(e: Entry, value) -> list[str]:
    """``e``'s CSV cells from its record value."""
    match e.shape:
        case Shape.BILINGUAL | Shape.PAGES:
            return [_text(value["zh"]), _text(value["en"])]
        case Shape.TERM:
            return [value["key"], value["zh"], value["en"]]
        case Shape.ATTACHMENTS:
            return [LIST_SEPARATOR.join(str(a[part]) for a in value) for part in ("title", "url", "size")]
        case Shape.CHANGES:
            return [LIST_SEPARATOR.join(f"{c['date']} {c['note']['zh']}" for c in value)]
    return [_text(value)]


def _items(catalogue: Catalogue) -> list[Item]:
    return sorted(catalogue.published, key=lambda i: i.index_no)


def year_paths(year: int) -> tuple[str, str]:
    """The JSON and CSV of the items published in ``year``: ``data/2024.json``, ``data/2024.csv``."""
    return f"{DATA_DIR}{year}.json", f"{DATA_DIR}{year}.csv"


def years(catalogue: Catalogue) -> list[int]:
    """The years (of 发布日期) with published items, oldest first."""
    return sorted({i.date_published.year for i in catalogue.published})


def document(catalogue: Catalogue, absolute: Absolute, year: int | None = None) -> dict:
    """The whole ``catalogue.json`` object; with ``year``, the same for the items published that year
    (``as_of`` stays the newest item's date of the whole catalogue, so a year's file says how current it is)."""
    items = _items(catalogue)
    if year is not None:
        items = [i for i in items if i.date_published.year == year]
    return {**_head(catalogue, absolute, year), "count": len(items),
            "items": [record(i, catalogue, absolute) for i in items]}


def _head(catalogue: Catalogue, absolute: Absolute, year: int | None = None) -> dict:
    """What a :func:`document` says before its items."""
    newest = max((i.date_published for i in catalogue.published), default=None)
    config = catalogue.config
    head = {
        "version": SCHEMA_VERSION,
        "schema": absolute(SCHEMA_PATH),
        "office": {"zh": config.office_name.zh, "en": config.office_name.en},
        "index_prefix": config.index_prefix,
        "site": absolute(""),
        "as_of": newest.isoformat() if newest else None,
    }
    if year is not None:
        head["year"] = year
    return head


def to_json(data: dict) -> bytes:
    """UTF-8 JSON, two-space indented, keys in the order written, one trailing newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _record_json(rec: dict) -> str:
    """``rec`` as :func:`to_json` writes it in a document's ``items`` (two levels deep): a JSON string never
    holds a line break, so indenting its lines is indenting the record."""
    return json.dumps(rec, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def _document_json(head: dict, records: list[str]) -> bytes:
    """:func:`to_json` of the document of ``head`` and the items :func:`_record_json` wrote: each item's
    record is encoded once for the whole catalogue's file and its year's."""
    text = json.dumps({**head, "count": len(records), "items": []}, ensure_ascii=False, indent=2)
    if records:
        text = text.removesuffix("[]\n}") + "[\n    " + ",\n    ".join(records) + "\n  ]\n}"
    return (text + "\n").encode("utf-8")


def csv_row(rec: dict) -> list[str]:
    """One CSV row (in :data:`COLUMNS` order) from a :func:`record`."""
    return [cell for e in CSV_ENTRIES for cell in _cells(e, rec[e.key])]


def to_csv(data: dict) -> bytes:
    """CSV for Excel on Chinese Windows: UTF-8 with a byte order mark, CRLF line ends, a header row."""
    return _csv([csv_row(rec) for rec in data["items"]])


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column for column, _ in COLUMNS])
    writer.writerows(rows)
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")


def schema() -> bytes:
    """The JSON Schema of ``catalogue.json``, as shipped in the package."""
    return resources.files("gongkai").joinpath("data/catalogue.schema.json").read_bytes()


def encoded_record(item: Item, catalogue: Catalogue, absolute: Absolute) -> tuple[str, list[str]]:
    """An item's :func:`record` as the JSON files write it (:func:`_record_json`) and as a CSV row."""
    rec = record(item, catalogue, absolute)
    return _record_json(rec), csv_row(rec)


def files(catalogue: Catalogue, absolute: Absolute,
          encoded_as: Callable[[Item], tuple[str, list[str]]] | None = None) -> list[tuple[str, bytes]]:
    """``(site-relative path, bytes)`` of the open data files: the whole catalogue, the schema, and each
    year's items in the same two formats (a year's file stays small however long the catalogue grows).
    The same bytes as :func:`to_json` and :func:`to_csv` of each :func:`document`, with each item's record
    made, encoded and turned into a row once for both files it is in. ``encoded_as`` gives an item's
    :func:`encoded_record` instead (the preview's, which may be the previous pass's)."""
    items = _items(catalogue)
    encoded_as = encoded_as or (lambda item: encoded_record(item, catalogue, absolute))
    made = [encoded_as(i) for i in items]
    encoded = [json_text for json_text, _ in made]
    rows = [row for _, row in made]
    found = [(JSON_PATH, _document_json(_head(catalogue, absolute), encoded)), (CSV_PATH, _csv(rows)),
             (SCHEMA_PATH, schema())]
    for year in years(catalogue):
        chosen = [n for n, i in enumerate(items) if i.date_published.year == year]
        json_path, csv_path = year_paths(year)
        found += [(json_path, _document_json(_head(catalogue, absolute, year), [encoded[n] for n in chosen])),
                  (csv_path, _csv([rows[n] for n in chosen]))]
    return found


UI = {
    "file": Text("文件", "File"),
    "format": Text("内容", "Contents"),
    "json": Text("JSON：全部已公开信息的元数据（含中英文标题、标签和页面地址）",
                 "JSON: the metadata of every published item (titles, labels and page addresses in both languages)"),
    "csv": Text("CSV：同样的数据，每条信息一行，UTF-8（带 BOM）编码，可直接用 Excel 打开",
                "CSV: the same data, one row per item, UTF-8 with a byte order mark so that Excel opens it "
                "correctly"),
    "schema": Text("JSON Schema（2020-12 草案）：JSON 文件的格式说明，版本 {version}",
                   "JSON Schema (draft 2020-12): the format of the JSON file, version {version}"),
    "count": Text("目前共 {count} 条，按索引号排序。", "Items at present: {count}, sorted by index number."),
    "years": Text("每年发布的信息另有单独的文件（data/<年份>.json 和 .csv，格式相同，多一个字段 year）：",
                  "Each year's items are also in files of their own (data/<year>.json and .csv, the same format "
                  "with one more field, year):"),
    "column": Text("CSV 列名", "CSV column"),
    "meaning": Text("含义", "Meaning"),
    "columns": Text("CSV 各列的含义（JSON 中的同名字段按中文 zh、英文 en 分组）",
                    "What each CSV column holds (the JSON groups the same fields by language, zh and en)"),
}


def _year_link(path: str, page_url: str) -> str:
    return f'<a href="{esc(rel_url(page_url, path))}">{esc(path.rsplit(".", 1)[1].upper())}</a>'


def fragment(catalogue: Catalogue, lang: str, page_url: str) -> str:
    """The open data files and their columns, for the ``<!-- gongkai:open-data -->`` marker."""
    rows = [[f'<a href="{esc(rel_url(page_url, path))}"><code>/{esc(path)}</code></a>',
             esc(UI[key](lang).format(version=SCHEMA_VERSION))]
            for path, key in ((JSON_PATH, "json"), (CSV_PATH, "csv"), (SCHEMA_PATH, "schema"))]
    files_table = table("gk-list gk-data", [UI["file"](lang), UI["format"](lang)], rows)
    columns_table = table("gk-list gk-columns", [UI["column"](lang), UI["meaning"](lang)],
                          [[f"<code>{esc(c)}</code>", esc(t(lang))] for c, t in COLUMNS], UI["columns"](lang))
    count = UI["count"](lang).format(count=len(catalogue.published))
    by_year = " · ".join(f"{year}: " + ", ".join(_year_link(path, page_url) for path in year_paths(year))
                         for year in years(catalogue))
    yearly = f'<p>{esc(UI["years"](lang))}</p>\n<p class="gk-data-years">{by_year}</p>' if by_year else ""
    return f"{files_table}\n\n<p>{esc(count)}</p>\n\n{yearly}\n\n{columns_table}\n"
