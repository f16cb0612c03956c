"""The catalogue as open data: ``data/catalogue.json``, ``data/catalogue.csv`` and the JSON Schema.

One set for the whole site (both languages' titles, labels and URLs are in
each record), at the site root under ``data/``. Only published items, sorted
by index number. Everything comes from the catalogue, nothing from the clock,
so the same sources give the same bytes: ``as_of`` is the newest item's
发布日期, not the date of the build.

The JSON follows ``gongkai/data/catalogue.schema.json`` (JSON Schema draft
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

from .catalogue import Catalogue, Item
from .catalogue_schema import VERSION
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
TERMS = ("publisher", "category", "genre", "validity")
"""Vocabulary fields: each record gives the key and its zh and en labels."""

Absolute = Callable[[str], str]

#: The CSV columns, in order (stable: new columns are only ever added at the end), with their meaning.
COLUMNS: tuple[tuple[str, Text], ...] = (
    ("index_no", Text("索引号", "Index number")),
    ("title_zh", Text("标题（中文）", "Title in Chinese")),
    ("title_en", Text("英文标题；未翻译时为空", "Title in English; empty when not translated")),
    ("url_zh", Text("中文页面地址", "Address of the Chinese page")),
    ("url_en", Text("英文页面地址（未翻译时显示中文原文）",
                    "Address of the English page (shows the Chinese original when not translated)")),
    ("publisher", Text("发布机构（词表键）", "Issuing body (vocabulary key)")),
    ("publisher_zh", Text("发布机构（中文）", "Issuing body in Chinese")),
    ("publisher_en", Text("发布机构（英文）", "Issuing body in English")),
    ("doc_number", Text("发文字号", "Document number")),
    ("date_written", Text("成文日期（YYYY-MM-DD）", "Date written (YYYY-MM-DD)")),
    ("date_published", Text("发布日期（YYYY-MM-DD）", "Date published (YYYY-MM-DD)")),
    ("category", Text("主题分类（词表键）", "Subject category (vocabulary key)")),
    ("category_zh", Text("主题分类（中文）", "Subject category in Chinese")),
    ("category_en", Text("主题分类（英文）", "Subject category in English")),
    ("genre", Text("体裁分类（词表键）", "Genre (vocabulary key)")),
    ("genre_zh", Text("体裁分类（中文）", "Genre in Chinese")),
    ("genre_en", Text("体裁分类（英文）", "Genre in English")),
    ("validity", Text("有效性（词表键：in-force、repealed、expired）",
                      "Validity (vocabulary key: in-force, repealed, expired)")),
    ("validity_zh", Text("有效性（中文）", "Validity in Chinese")),
    ("validity_en", Text("有效性（英文）", "Validity in English")),
    ("repealed_on", Text("废止日期", "Date repealed")),
    ("repealed_by", Text("废止该文件的文件的索引号", "Index number of the document that repealed it")),
    ("keywords_zh", Text("关键词（中文），以“; ”分隔", "Keywords in Chinese, separated by '; '")),
    ("keywords_en", Text("关键词（英文），以“; ”分隔", "Keywords in English, separated by '; '")),
    ("summary_zh", Text("内容概述（中文）", "Summary in Chinese")),
    ("summary_en", Text("内容概述（英文）", "Summary in English")),
    ("attachment_titles", Text("附件名称，以“; ”分隔", "Attachment titles, separated by '; '")),
    ("attachment_urls", Text("附件地址，以“; ”分隔，与附件名称一一对应",
                             "Attachment addresses, separated by '; ', in the order of the titles")),
    ("attachment_sizes", Text("附件大小（字节），以“; ”分隔，与附件名称一一对应",
                              "Attachment sizes in bytes, separated by '; ', in the order of the titles")),
    ("interprets", Text("所解读文件的索引号，以“; ”分隔", "Index numbers of the documents it interprets, separated by '; '")),
    ("interpretations", Text("其政策解读的索引号，以“; ”分隔", "Index numbers of its interpretations, separated by '; '")),
    ("related", Text("相关文件的索引号，以“; ”分隔", "Index numbers of related documents, separated by '; '")),
    ("repeals", Text("本文件废止的文件的索引号，以“; ”分隔", "Index numbers of the documents it repealed, separated by '; '")),
    ("last_updated", Text("最后更新日期（最近一次修订）", "Date of the latest change")),
    ("changes", Text("修订记录：“日期 说明”，以“; ”分隔", "Changes as 'date note', separated by '; '")),
)


def record(item: Item, catalogue: Catalogue, absolute: Absolute) -> dict:
    """The public metadata of one item, as the JSON file gives it."""
    translation = item.translation
    result: dict = {
        "index_no": item.index_no,
        "title": {"zh": item.title, "en": translation.title if translation else None},
        "url": {"zh": absolute(item.url("zh")), "en": absolute(item.url("en"))},
        "doc_number": item.doc_number,
        "date_written": item.date_written.isoformat(),
        "date_published": item.date_published.isoformat(),
    }
    for name in TERMS:
        key = getattr(item, name)
        label = catalogue.label(name, key, "zh"), catalogue.label(name, key, "en")
        result[name] = {"key": key, "zh": label[0], "en": label[1]}
    result.update({
        "repealed_on": item.repealed_on.isoformat() if item.repealed_on else None,
        "repealed_by": repealing.index_no if (repealing := catalogue.repealing_item(item)) else None,
        "keywords": {"zh": list(item.keywords),
                     "en": list(translation.keywords) if translation and translation.keywords else None},
        "summary": {"zh": item.summary, "en": translation.summary if translation else None},
        "attachments": [{"file": a.file, "title": a.title, "url": absolute(attachment_url(item.slug, a.file)),
                         "size": a.size} for a in item.attachments],
        "interprets": [i.index_no for i in catalogue.interpreted(item)],
        "related": [i.index_no for i in catalogue.related_items(item)],
        "changes": [{"date": c.date.isoformat(), "note": {"zh": c.note, "en": c.note_en}} for c in item.changes],
        "interpretations": [i.index_no for i in catalogue.interpretations(item)],
        "repeals": [i.index_no for i in catalogue.repealed_items(item)],
        "last_updated": item.last_updated.isoformat() if item.last_updated else None,
    })
    return result


def _items(catalogue: Catalogue) -> list[Item]:
    return sorted(catalogue.published, key=lambda i: i.index_no)


def document(catalogue: Catalogue, absolute: Absolute) -> dict:
    """The whole ``catalogue.json`` object."""
    items = _items(catalogue)
    newest = max((i.date_published for i in items), default=None)
    config = catalogue.config
    return {
        "version": SCHEMA_VERSION,
        "schema": absolute(SCHEMA_PATH),
        "office": {"zh": config.office_name.zh, "en": config.office_name.en},
        "index_prefix": config.index_prefix,
        "site": absolute(""),
        "as_of": newest.isoformat() if newest else None,
        "count": len(items),
        "items": [record(i, catalogue, absolute) for i in items],
    }


def to_json(data: dict) -> bytes:
    """UTF-8 JSON, two-space indented, keys in the order written, one trailing newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def csv_row(rec: dict) -> list[str]:
    """One CSV row (in :data:`COLUMNS` order) from a :func:`record`."""
    def text(value) -> str:
        return "" if value is None else str(value)

    row = {
        "index_no": rec["index_no"],
        "title_zh": rec["title"]["zh"], "title_en": text(rec["title"]["en"]),
        "url_zh": rec["url"]["zh"], "url_en": rec["url"]["en"],
        "doc_number": text(rec["doc_number"]),
        "date_written": rec["date_written"], "date_published": rec["date_published"],
        "repealed_on": text(rec["repealed_on"]), "repealed_by": text(rec["repealed_by"]),
        "keywords_zh": LIST_SEPARATOR.join(rec["keywords"]["zh"]),
        "keywords_en": LIST_SEPARATOR.join(rec["keywords"]["en"] or []),
        "summary_zh": text(rec["summary"]["zh"]), "summary_en": text(rec["summary"]["en"]),
        "attachment_titles": LIST_SEPARATOR.join(a["title"] for a in rec["attachments"]),
        "attachment_urls": LIST_SEPARATOR.join(a["url"] for a in rec["attachments"]),
        "attachment_sizes": LIST_SEPARATOR.join(str(a["size"]) for a in rec["attachments"]),
        **{key: LIST_SEPARATOR.join(rec[key]) for key in ("interprets", "interpretations", "related", "repeals")},
        "last_updated": text(rec["last_updated"]),
        "changes": LIST_SEPARATOR.join(f"{c['date']} {c['note']['zh']}" for c in rec["changes"]),
    }
    for name in TERMS:
        row[name], row[f"{name}_zh"], row[f"{name}_en"] = (rec[name]["key"], rec[name]["zh"], rec[name]["en"])
    return [row[column] for column, _ in COLUMNS]


def to_csv(data: dict) -> bytes:
    """CSV for Excel on Chinese Windows: UTF-8 with a byte order mark, CRLF line ends, a header row."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column for column, _ in COLUMNS])
    for rec in data["items"]:
        writer.writerow(csv_row(rec))
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")


def schema() -> bytes:
    """The JSON Schema of ``catalogue.json``, as shipped in the package."""
    return resources.files("gongkai").joinpath("data/catalogue.schema.json").read_bytes()


def files(catalogue: Catalogue, absolute: Absolute) -> list[tuple[str, bytes]]:
    """``(site-relative path, bytes)`` of the three open data files."""
    data = document(catalogue, absolute)
    return [(JSON_PATH, to_json(data)), (CSV_PATH, to_csv(data)), (SCHEMA_PATH, schema())]


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
    "column": Text("CSV 列名", "CSV column"),
    "meaning": Text("含义", "Meaning"),
    "columns": Text("CSV 各列的含义（JSON 中的同名字段按中文 zh、英文 en 分组）",
                    "What each CSV column holds (the JSON groups the same fields by language, zh and en)"),
}


def fragment(catalogue: Catalogue, lang: str, page_url: str) -> str:
    """The open data files and their columns, for the ``<!-- gongkai:open-data -->`` marker."""
    rows = [[f'<a href="{esc(rel_url(page_url, path))}"><code>/{esc(path)}</code></a>',
             esc(UI[key](lang).format(version=SCHEMA_VERSION))]
            for path, key in ((JSON_PATH, "json"), (CSV_PATH, "csv"), (SCHEMA_PATH, "schema"))]
    files_table = table("gk-list gk-data", [UI["file"](lang), UI["format"](lang)], rows)
    columns_table = table("gk-list gk-columns", [UI["column"](lang), UI["meaning"](lang)],
                          [[f"<code>{esc(c)}</code>", esc(t(lang))] for c, t in COLUMNS], UI["columns"](lang))
    count = UI["count"](lang).format(count=len(catalogue.published))
    return f"{files_table}\n\n<p>{esc(count)}</p>\n\n{columns_table}\n"
