"""Rendering the catalogue (公开目录) pages: by year and by vocabulary, paginated, the Article 20 tree,
the index-number lookup, and the latest list of the home page.

Each function returns Markdown (with small HTML blocks where exact markup matters: tables with headers
for screen readers, ``lang`` attributes) for one language. Links are relative, computed from each
page's URL. Item pages are :mod:`gongkai.pages`.
"""

from __future__ import annotations

import json
import re

from . import layout
from .catalogue import Catalogue, Item
from .generated import Blocks, FragmentContext, GeneratedPage, front_matter, notice
from .html import esc, rel_url, table
from .office import ARTICLE20_ITEMS
from .page_text import PAGE_SIZE, UI
from .preview import Reuse
from .schema import FIELDS_BY_KEY
from .text import Text

page_url = layout.page_url
src_uri = layout.src_uri


def item_table(items: tuple[Item, ...] | list[Item], catalogue: Catalogue, lang: str, from_url: str,
               caption: str, caption_visible: bool = True) -> str:
    """An accessible table of items: 索引号, title (linked), 发布日期."""
    if not items:
        return f"<p>{esc(UI['empty'](lang))}</p>"
    head = [FIELDS_BY_KEY["index_no"].label(lang), UI["col_title"](lang), FIELDS_BY_KEY["date_published"].label(lang)]
    rows = []
    for item in items:
        link = esc(rel_url(from_url, item.url(lang)))
        if item.has_language(lang):
            title = f'<a href="{link}">{esc(item.title_in(lang))}</a>'
        else:
            title = (f'<a href="{link}"><span lang="zh-CN">{esc(item.title)}</span></a> '
                     f'<span class="gk-note">{esc(UI["chinese_only"](lang))}</span>')
        rows.append([esc(item.index_no), title, item.date_published.isoformat()])
    return table("gk-list", head, rows, caption, caption_class="" if caption_visible else "gk-sr-only")


def _paginated(base_path: str, title: str, items: tuple[Item, ...], catalogue: Catalogue,
               lang: str, lead: str = "", parent: tuple[str, str] | None = None,
               reuse: Reuse | None = None) -> list[GeneratedPage]:
    """``base_path`` (e.g. ``catalogue/2022/``) split into pages of :data:`PAGE_SIZE` rows, each with the
    paragraph ``lead`` (if any) under its heading and ``parent`` (path, label) after the catalogue in the crumb.
    In the preview (``reuse``) a page is the previous pass's when its items and everything around them are equal."""
    chunks = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [()]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        def make(number=number, chunk=chunk) -> GeneratedPage:
            return _listing_page(base_path, title, number, chunk, len(chunks), len(items), catalogue, lang, lead,
                                 parent)

        if reuse is None:
            pages.append(make())
        else:
            inputs = (base_path, title, number, chunk, len(chunks), len(items), lead, parent)
            pages.append(reuse.get(("listing", base_path, number, lang), inputs, make))
    return pages


def _listing_page(base_path: str, title: str, number: int, chunk: tuple[Item, ...], pages: int, count: int,
                  catalogue: Catalogue, lang: str, lead: str, parent: tuple[str, str] | None) -> GeneratedPage:
    """Page ``number`` of ``pages`` of a listing of ``count`` items: the rows of ``chunk``."""
    path = base_path if number == 1 else f"{base_path}page/{number}/"
    url = page_url(path, lang)
    counter = UI["page_of"](lang).format(page=number, pages=pages)
    caption = f"{title} · {count_label(count, lang)}" + (f" · {counter}" if pages > 1 else "")
    blocks = Blocks()
    body = [front_matter(title if number == 1 else f"{title} · {counter}", searchable=False),
            blocks.add(f"<h1>{esc(title)}</h1>"), "",
            blocks.add(_crumb(url, lang, parent)), "", *([blocks.add(f"<p>{esc(lead)}</p>"), ""] if lead else []),
            blocks.add(item_table(chunk, catalogue, lang, url, caption)), ""]
    if pages > 1:
        body.append(blocks.add(_pager(base_path, number, pages, url, lang).rstrip("\n")) + "\n")
    src = path.rstrip("/") + "/index.md"
    return GeneratedPage(src_uri(src, lang), url, lang, "\n".join(body), blocks=blocks(), markdown_alone=True)


def count_label(count: int, lang: str) -> str:
    """``3 条`` / ``3 items``, ``1 item``."""
    return UI["one_item" if count == 1 else "items_count"](lang).format(count=count)


def _crumb(url: str, lang: str, parent: tuple[str, str] | None = None) -> str:
    """公开目录 (› a parent listing): the way back from a listing."""
    trail = [("catalogue/", UI["catalogue"](lang))] + ([parent] if parent else [])
    links = " › ".join(f'<a href="{esc(rel_url(url, page_url(path, lang)))}">{esc(label)}</a>' for path, label in trail)
    return f'<p class="gk-crumb">{links}</p>'


def _pager(base_path: str, number: int, total: int, url: str, lang: str) -> str:
    def link(n: int) -> str:
        path = base_path if n == 1 else f"{base_path}page/{n}/"
        return esc(rel_url(url, page_url(path, lang)))

    parts = []
    if number > 1:
        parts.append(f'<a href="{link(number - 1)}" rel="prev">{esc(UI["previous"](lang))}</a>')
    parts.append(f'<span aria-current="page">{esc(UI["page_of"](lang).format(page=number, pages=total))}</span>')
    if number < total:
        parts.append(f'<a href="{link(number + 1)}" rel="next">{esc(UI["next"](lang))}</a>')
    return f'<nav class="gk-pager" aria-label="{esc(UI["pagination"](lang))}">' + " ".join(parts) + "</nav>\n"


#: The catalogue's listings by vocabulary: (vocabulary, heading key), each at ``catalogue/<vocabulary>/<key>/``.
LISTED_VOCABULARIES = (("category", "by_category"), ("genre", "by_genre"), ("validity", "by_validity"),
                       ("publisher", "by_publisher"))

_NUMERALS = "一二三四五六七八九十"


def article20_name(n: int, lang: str) -> str:
    """``第二十条第（一）项`` / ``Article 20, item (1)``."""
    numeral = _NUMERALS[n - 1] if n <= 10 else "十" + _NUMERALS[n - 11]
    return UI["article20_item"](lang).format(numeral=numeral, n=n)


def listing_path(vocabulary: str, key: str) -> str:
    """``catalogue/category/notices/`` (categories keep their first address)."""
    return f"catalogue/{vocabulary}/{key}/"


def catalogue_pages(catalogue: Catalogue, lang: str, reuse: Reuse | None = None) -> list[GeneratedPage]:
    """The catalogue overview, one listing per year, per key of each listed vocabulary and per item of
    Article 20 (empty ones too), and the overview of Article 20 (the preview's ``reuse``: :func:`_paginated`)."""
    pages = [_catalogue_index(catalogue, lang), _article20_index(catalogue, lang)]
    for year, items in catalogue.by_year.items():
        title = f"{UI['catalogue'](lang)} · {UI['year_title'](lang).format(year=year)}"
        pages += _paginated(f"catalogue/{year}/", title, items, catalogue, lang, reuse=reuse)
    for vocabulary, _ in LISTED_VOCABULARIES:
        for key, items in catalogue.by_term(vocabulary).items():
            title = f"{UI['catalogue'](lang)} · {catalogue.label(vocabulary, key, lang)}"
            pages += _paginated(listing_path(vocabulary, key), title, items, catalogue, lang, reuse=reuse)
    for n, items in catalogue.by_article20.items():
        title = f"{UI['article20'](lang)} · {article20_name(n, lang)}"
        pages += _paginated(f"catalogue/article20/{n}/", title, items, catalogue, lang,
                            lead=ARTICLE20_ITEMS[n - 1](lang), parent=("catalogue/article20/", UI["article20"](lang)),
                            reuse=reuse)
    return pages


def _link_list(url: str, entries: list[tuple[str, str, int]], lang: str) -> str:
    """``<ul>`` of links to listings, each with its count: ``(path, label, count)``."""
    if not entries:
        return f"<p>{esc(UI['empty'](lang))}</p>"
    rows = [f'<li><a href="{esc(rel_url(url, page_url(path, lang)))}">{esc(label)}</a> '
            f"({esc(count_label(count, lang))})</li>" for path, label, count in entries]
    return "<ul>\n" + "\n".join(rows) + "\n</ul>"


def _catalogue_index(catalogue: Catalogue, lang: str) -> GeneratedPage:
    url = page_url("catalogue/", lang)
    intro = Text(f"本目录列出{catalogue.config.office_name.zh}主动公开的全部政府信息，按发布日期由新到旧排列。",
                 f"This catalogue lists every piece of government information the "
                 f"{catalogue.config.office_name.en} has disclosed proactively, newest first.")
    years = [(f"catalogue/{y}/", UI["year_title"](lang).format(year=y), len(items))
             for y, items in catalogue.by_year.items()]
    body = [front_matter(UI["catalogue"](lang), searchable=False), f"# {esc(UI['catalogue'](lang))}", "", intro(lang), "",
            _lookup_form(url, lang), "",
            f"## {UI['by_year'](lang)}", "", _link_list(url, years, lang), "",
            f"## {UI['article20'](lang)}", "",
            f'<p><a href="{esc(rel_url(url, page_url("catalogue/article20/", lang)))}">'
            f"{esc(UI['article20'](lang))}</a></p>", ""]
    for vocabulary, heading in LISTED_VOCABULARIES:
        entries = [(listing_path(vocabulary, k), catalogue.label(vocabulary, k, lang), len(items))
                   for k, items in catalogue.by_term(vocabulary).items()]
        body += [f"## {UI[heading](lang)}", "", _link_list(url, entries, lang), ""]
    return GeneratedPage(src_uri("catalogue/index.md", lang), url, lang, "\n".join(body))


LOOKUP_SCRIPT = "assets/gk-lookup.js"
LOOKUP_DIR = "data/lookup/"
"""``data/lookup/<year>.json``: the published items' 索引号 and 发文字号 of one year, for the exact lookup."""

LOOKUP_UI = {
    "label": Text("按索引号或发文字号查找", "Find by index number or document number"),
    "placeholder": Text("例如 XMFAO/2025-00001 或 厦外〔2025〕1号", "e.g. XMFAO/2025-00001 or 厦外〔2025〕1号"),
    "button": Text("查找", "Find"),
    "not_found": Text("没有索引号或发文字号为 “{query}” 的已公开信息。", "No published item has the index number or "
                      "document number '{query}'."),
    "fulltext": Text("改为全文搜索", "Search the full text instead"),
}


def _lookup_form(url: str, lang: str) -> str:
    """The exact lookup by 索引号 or 发文字号 (:data:`LOOKUP_SCRIPT` over :data:`LOOKUP_DIR`); without
    JavaScript the form opens the full-text search with the same words."""
    def link(path: str) -> str:
        return esc(rel_url(url, path))

    messages = " ".join(f'data-gk-{key.replace("_", "-")}="{esc(LOOKUP_UI[key](lang))}"'
                        for key in ("not_found", "fulltext"))
    return "\n".join([
        f'<form class="gk-searchbox gk-lookup" role="search" action="{link(page_url("search/", lang))}" method="get" '
        f'data-gk-lookup="{link(LOOKUP_DIR)}" data-gk-home="{link(page_url("", lang))}" {messages}>',
        f'<label for="gk-lookup-{lang}">{esc(LOOKUP_UI["label"](lang))}</label>',
        f'<input id="gk-lookup-{lang}" type="search" name="q" placeholder="{esc(LOOKUP_UI["placeholder"](lang))}" '
        'autocomplete="off" enterkeyhint="go">',
        f'<button type="submit" class="md-button md-button--primary">{esc(LOOKUP_UI["button"](lang))}</button>',
        '<p class="gk-lookup-result" role="status"></p>',
        f'<script type="module" src="{link(LOOKUP_SCRIPT)}"></script>',
        "</form>",
    ])


def lookup_files(catalogue: Catalogue) -> list[tuple[str, bytes]]:
    """``data/lookup/<year>.json`` per year of an index number or of a 发文字号 (its 〔YYYY〕): ``[index_no,
    doc_number, path]`` rows of the published items, so the lookup fetches one small file, never all."""
    years: dict[str, list[list]] = {}
    for item in sorted(catalogue.published, key=lambda i: i.index_no):
        row = [item.index_no, item.doc_number, f"disclosures/{item.slug}/"]
        for year in sorted({str(item.year)} | set(_DOC_YEAR.findall(item.doc_number or ""))):
            years.setdefault(year, []).append(row)
    return [(f"{LOOKUP_DIR}{year}.json", (json.dumps({"items": rows}, ensure_ascii=False, separators=(",", ":"))
                                          + "\n").encode("utf-8")) for year, rows in sorted(years.items())]


#: The year of a 发文字号: 〔2025〕, [2025], ［2025］ or (2025).
_DOC_YEAR = re.compile(r"[〔\[［(（]\s*(\d{4})\s*[〕\]］)）]")


def _article20_index(catalogue: Catalogue, lang: str) -> GeneratedPage:
    """Every item of Article 20 with what is filed under it: the statutory catalogue (法定主动公开内容)."""
    url = page_url("catalogue/article20/", lang)
    entries = [(f"catalogue/article20/{n}/", f"{article20_name(n, lang)} {ARTICLE20_ITEMS[n - 1](lang)}", len(items))
               for n, items in catalogue.by_article20.items()]
    title = UI["article20"](lang)
    body = [front_matter(title, searchable=False), f"<h1>{esc(title)}</h1>", "", _crumb(url, lang), "",
            f"<p>{esc(UI['article20_intro'](lang))}</p>", "", _link_list(url, entries, lang), ""]
    return GeneratedPage(src_uri("catalogue/article20/index.md", lang), url, lang, "\n".join(body))


def latest_fragment(ctx: FragmentContext, count: int = 10) -> str:
    """The home page's list of the newest items, for the ``<!-- gongkai:latest -->`` marker."""
    catalogue, lang, page_url_ = ctx.catalogue, ctx.lang, ctx.url
    caption = UI["latest"](lang)
    table = item_table(catalogue.published[:count], catalogue, lang, page_url_, caption, caption_visible=False)
    more = rel_url(page_url_, page_url("catalogue/", lang))
    return f'{table}\n\n<p><a href="{esc(more)}">{esc(UI["all_items"](lang))}</a></p>\n'
