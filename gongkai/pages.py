"""Rendering the generated pages: item pages, catalogue (公开目录) pages, the latest list.

Each function returns Markdown (with small HTML blocks where exact markup
matters: tables with headers for screen readers, ``lang`` attributes) for one
language. Links are relative, computed from each page's URL.
"""

from __future__ import annotations

import json
import re

from . import bodies, layout, links, scroll
from .catalogue import Catalogue, Item
from .generated import Blocks, FragmentContext, GeneratedPage, front_matter, notice  # noqa: F401 - also their old home
from .html import esc, rel_url, table
from .office import ARTICLE20_ITEMS, EXPIRED, REPEALED
from .schema import FIELDS, FIELDS_BY_KEY, Field, Kind
from .text import Text

PAGE_SIZE = 50
"""Rows per catalogue page."""

UI = {
    "catalogue": Text("公开目录", "Disclosure catalogue"),
    "by_year": Text("按年份", "By year"),
    "by_category": Text("按主题分类", "By subject category"),
    "year_title": Text("{year}年", "{year}"),
    "items_count": Text("{count} 条", "{count} items"),
    "one_item": Text("{count} 条", "{count} item"),
    "col_title": Text("标题", "Title"),
    "page_of": Text("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    "previous": Text("上一页", "Previous page"),
    "next": Text("下一页", "Next page"),
    "pagination": Text("分页", "Pagination"),
    "breadcrumb": Text("位置", "You are here"),
    "metadata": Text("信息属性", "Document information"),
    "attachments": Text("附件", "Attachments"),
    "no_translation_title": Text("暂无英文译文", "No English translation yet"),
    "no_translation": Text(
        "", "This item has not been translated into English yet. Its details below are given in English; "
            "the text below is the Chinese original."),
    "unofficial": Text("", "This English translation is unofficial. The Chinese original is the authoritative text."),
    "read_original": Text("阅读中文原文", "Read the Chinese original"),
    "chinese_only": Text("（仅中文）", "(Chinese only)"),
    "empty": Text("暂无已公开的信息。", "Nothing has been published yet."),
    "latest": Text("最新公开", "Latest disclosures"),
    "repealed_title": Text("本文件已废止", "This document has been repealed"),
    "expired_title": Text("本文件已失效", "This document has expired"),
    "repealed_on": Text("本文件已于 {date} 废止。", "This document was repealed on {date}."),
    "repealed_no_date": Text("本文件已废止。", "This document has been repealed."),
    "expired": Text("本文件已失效，不再执行，仅供查阅。", "This document has expired: it no longer applies and is kept for reference."),
    "replaced_by": Text("废止它的文件：{link}。", "It was repealed by {link}."),
    "interpretations": Text("政策解读", "Interpretations"),
    "interpreted": Text("解读的文件", "Document interpreted"),
    "repealed_items": Text("本文件废止的文件", "Documents this one repealed"),
    "related": Text("相关文件", "Related documents"),
    "changes": Text("修订记录", "Change history"),
    "last_updated": Text("最后更新", "Last updated"),
    "colon": Text("：", ": "),
    "all_items": Text("查看全部公开目录", "See the whole catalogue"),
    "article20": Text("法定主动公开内容", "Disclosure required by law"),
    "article20_intro": Text("《中华人民共和国政府信息公开条例》第二十条列出行政机关应当主动公开的政府信息。"
                            "下列每一项列出本机关已公开的相应信息；暂无信息的项目也列出。",
                            "Article 20 of the Regulations on Open Government Information lists what an office "
                            "must disclose proactively. Each item below lists what this office has published under it; "
                            "items with nothing published yet are listed too."),
    "article20_item": Text("第二十条第（{numeral}）项", "Article 20, item ({n})"),
    "by_genre": Text("按体裁", "By genre"),
    "by_validity": Text("按有效性", "By validity"),
    "by_publisher": Text("按发布机构", "By issuing body"),
}


page_url = layout.page_url
src_uri = layout.src_uri


# -- item pages ----------------------------------------------------------------

def item_page(item: Item, catalogue: Catalogue, lang: str, tags: str = "") -> GeneratedPage:
    """The page of one item in ``lang``; an English page without translation says so. ``tags`` is what
    other features add under the metadata table (the search index's filters)."""
    url = item.url(lang)
    translation = item.translation if lang == "en" else None
    title = item.title_in(lang)
    summary = translation.summary if translation else (item.summary if lang == "zh" else None)
    heading = esc(title) if lang == "zh" or translation else f'<span lang="zh-CN">{esc(title)}</span>'
    # Everything but the notices and headings is a block: the Markdown left is a skeleton that many
    # pages share (GeneratedPage.markdown_alone).
    blocks = Blocks()
    parts = [front_matter(title, summary or item.summary), blocks.add(_item_crumb(item, lang)), "",
             blocks.add(f"<h1>{heading}</h1>"), "", *_validity_notice(item, catalogue, lang)]
    # The notice on the English page comes first, before the metadata: a reader learns at once what they read.
    if lang == "en" and translation is None:
        parts += [notice("warning", UI["no_translation_title"].en, UI["no_translation"].en), ""]
    elif translation is not None:
        parts += [notice("info", "Unofficial translation", UI["unofficial"].en), ""]
    parts += [blocks.add(_metadata_table(item, catalogue, lang)), "", *_last_updated(item, lang, blocks),
              blocks.add(tags) if tags else "", ""]
    if lang == "en" and translation is None:
        body = _body(item, item.body, url, lang, body_lang="zh-CN")
    else:
        body = _body(item, translation.body if translation else item.body, url, lang)
    parts += [blocks.add(body), ""]
    parts += _attachments(item, url, lang, blocks)
    parts += _relations(item, catalogue, lang, blocks)
    parts += _changes(item, lang, blocks)
    return GeneratedPage(layout.item_src_uri(item.slug, lang), url, lang, "\n".join(parts),
                         bodies.headings(body), blocks(), markdown_alone=True)


def _validity_notice(item: Item, catalogue: Catalogue, lang: str) -> list[str]:
    """A repealed or expired item says so above everything else, with the date and what replaced it."""
    if item.validity == REPEALED:
        text = (UI["repealed_on"](lang).format(date=item.repealed_on.isoformat()) if item.repealed_on
                else UI["repealed_no_date"](lang))
        target = catalogue.repealing_item(item)
        if target is not None:
            text += ("" if lang == "zh" else " ") + UI["replaced_by"](lang).format(link=_item_link(target, item.url(lang), lang))
        return [notice("danger gk-validity", UI["repealed_title"](lang), text), ""]
    if item.validity == EXPIRED:
        return [notice("danger gk-validity", UI["expired_title"](lang), UI["expired"](lang)), ""]
    return []


def _item_link(target: Item, from_url: str, lang: str) -> str:
    """A link to another item: its title (marked Chinese where untranslated) and 索引号."""
    title = esc(target.title_in(lang)) if target.has_language(lang) else \
        f'<span lang="zh-CN">{esc(target.title)}</span>'
    return f'<a href="{esc(rel_url(from_url, target.url(lang)))}">{title}</a> ({esc(target.index_no)})'


def _relations(item: Item, catalogue: Catalogue, lang: str, blocks: Blocks) -> list[str]:
    """Short lists of the published items this one stands in relation to, in both directions."""
    url = item.url(lang)
    groups = (("interpreted", catalogue.interpreted(item)), ("interpretations", catalogue.interpretations(item)),
              ("repealed_items", catalogue.repealed_items(item)), ("related", catalogue.related_items(item)))
    lines: list[str] = []
    for key, items in groups:
        if not items:
            continue
        entries = []
        for other in items:
            genre = esc(catalogue.label("genre", other.genre, lang))
            entries.append(f"<li>{_item_link(other, url, lang)} "
                           f'<span class="gk-note">{genre} · <time datetime="{other.date_published.isoformat()}">'
                           f"{other.date_published.isoformat()}</time></span></li>")
        lines += [blocks.add(f'<h2 id="gk-{key.replace("_", "-")}">{esc(UI[key](lang))}</h2>'), "",
                  blocks.add('<ul class="gk-relations">\n' + "\n".join(entries) + "\n</ul>"), ""]
    return lines


def _last_updated(item: Item, lang: str, blocks: Blocks) -> list[str]:
    if item.last_updated is None:
        return []
    return [blocks.add(f'<p class="gk-updated">{esc(UI["last_updated"](lang))}{esc(UI["colon"](lang))}'
            f'<time datetime="{item.last_updated.isoformat()}">{item.last_updated.isoformat()}</time> · '
            f'<a href="#gk-changes">{esc(UI["changes"](lang))}</a></p>'), ""]


def _changes(item: Item, lang: str, blocks: Blocks) -> list[str]:
    """The change history, newest first; an English note where one is given, else the Chinese one."""
    if not item.changes:
        return []
    rows = []
    for change in sorted(item.changes, key=lambda c: c.date, reverse=True):
        note = esc(change.note_in(lang))
        if lang == "en" and not change.note_en:
            note = f'<span lang="zh-CN">{note}</span>'
        rows.append(f'<li><time datetime="{change.date.isoformat()}">{change.date.isoformat()}</time> {note}</li>')
    return [blocks.add(f'<h2 id="gk-changes">{esc(UI["changes"](lang))}</h2>'), "",
            blocks.add('<ol class="gk-changes" reversed>\n' + "\n".join(rows) + "\n</ol>"), ""]


def _item_crumb(item: Item, lang: str) -> str:
    """公开目录 › 2022年: the way back to the listings the item appears in."""
    url, year = item.url(lang), item.date_published.year
    links = [(page_url("catalogue/", lang), UI["catalogue"](lang)),
             (page_url(f"catalogue/{year}/", lang), UI["year_title"](lang).format(year=year))]
    trail = " › ".join(f'<a href="{esc(rel_url(url, target))}">{esc(label)}</a>' for target, label in links)
    return f'<nav class="gk-crumb" aria-label="{esc(UI["breadcrumb"](lang))}">{trail}</nav>'


def _body(item: Item, text: str, url: str, lang: str, body_lang: str | None = None) -> str:
    """The body as sanitised HTML (:mod:`bodies`), its links and images to attachments pointing at where
    the build publishes them, and its wide tables in scroll regions labelled in the page's ``lang``. One
    HTML block, so MkDocs passes it through as it is. ``body_lang`` is given for a body shown in a page
    of another language (an untranslated item's English page)."""
    names = frozenset(a.file for a in item.attachments)
    html = bodies.body_html(links.point_to_attachments(text, names, lambda name: rel_url(url, attachment_url(item, name))))
    html = scroll.wrap_wide_tables(html, lang)
    # An English page without translation shows the Chinese body, which the Chinese index already
    # holds: the English index leaves it out (it still finds the item by its metadata).
    attributes = f' lang="{body_lang}" data-pagefind-ignore' if body_lang else ""
    return f'<div class="gk-body"{attributes}>\n{html}\n</div>'


def _metadata_rows(item: Item, catalogue: Catalogue, lang: str) -> list[tuple[str, str]]:
    """The rows of the metadata table: every field the schema shows (:attr:`~gongkai.schema.Field.shown`)
    and the item has, each rendered as its kind says, in the page's language."""
    rows = [(f.label(lang), _cell(f, item, catalogue, lang)) for f in FIELDS if f.shown]
    return [(label, cell) for label, cell in rows if cell]


def _cell(f: Field, item: Item, catalogue: Catalogue, lang: str) -> str | None:
    """One field's value as HTML; a translatable text or list in the translation's words on English pages."""
    value = getattr(item, f.key)
    translated = getattr(item.translation, f.key, None) if lang == "en" and f.translatable else None
    if f.kind is Kind.VOCAB:
        return esc(catalogue.label(f.vocabulary or f.key, value, lang))
    if f.kind is Kind.DATE:
        return value.isoformat() if value else None
    if f.kind is Kind.INDEX_NO:
        return esc(value) if f.key == "index_no" else _repealed_by(item, catalogue, lang)
    if f.kind is Kind.TEXT_LIST:
        return _keywords(translated or value, lang, translated=bool(translated))
    return esc(translated) if translated else _maybe_zh(value, lang)


def _repealed_by(item: Item, catalogue: Catalogue, lang: str) -> str | None:
    """A link to the published item that repealed this one."""
    target = catalogue.repealing_item(item)
    if target is None:
        return None
    return f'<a href="{esc(rel_url(item.url(lang), target.url(lang)))}">{esc(target.index_no)}</a>'


def _maybe_zh(value: str | None, lang: str) -> str | None:
    """Chinese text on an English page is marked ``lang="zh-CN"``."""
    if not value:
        return None
    return esc(value) if lang == "zh" else f'<span lang="zh-CN">{esc(value)}</span>'


def _keywords(words: tuple[str, ...], lang: str, translated: bool) -> str | None:
    if not words:
        return None
    sep = "、" if lang == "zh" else ", "
    text = sep.join(esc(w) for w in words)
    return text if lang == "zh" or translated else f'<span lang="zh-CN">{text}</span>'


def _metadata_table(item: Item, catalogue: Catalogue, lang: str) -> str:
    rows = "\n".join(f'<tr><th scope="row">{esc(label)}</th><td>{value}</td></tr>'
                     for label, value in _metadata_rows(item, catalogue, lang))
    return (f'<table class="gk-meta">\n<caption>{esc(UI["metadata"](lang))}</caption>\n<tbody>\n{rows}\n'
            "</tbody>\n</table>")


def attachment_url(item: Item, name: str) -> str:
    """Site-relative URL of an attachment: shared by both languages."""
    return layout.attachment_url(item.slug, name)


def _file_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _attachments(item: Item, url: str, lang: str, blocks: Blocks) -> list[str]:
    if not item.attachments:
        return []
    lines = ['<ul class="gk-attachments">']
    for a in item.attachments:
        ext = a.file.rsplit(".", 1)[-1].upper()
        size = _file_size(a.size)
        title = esc(a.title) if lang == "zh" else f'<span lang="zh-CN">{esc(a.title)}</span>'
        lines.append(f'<li><a href="{esc(rel_url(url, attachment_url(item, a.file)))}" download>{title}</a> '
                     f"({ext}, {size})</li>")
    return [f"## {UI['attachments'](lang)}", "", blocks.add("\n".join(lines + ["</ul>"])), ""]


# -- listings -------------------------------------------------------------------

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
               lang: str, lead: str = "", parent: tuple[str, str] | None = None) -> list[GeneratedPage]:
    """``base_path`` (e.g. ``catalogue/2022/``) split into pages of :data:`PAGE_SIZE` rows, each with the
    paragraph ``lead`` (if any) under its heading and ``parent`` (path, label) after the catalogue in the crumb."""
    chunks = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [()]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        path = base_path if number == 1 else f"{base_path}page/{number}/"
        url = page_url(path, lang)
        counter = UI["page_of"](lang).format(page=number, pages=len(chunks))
        caption = f"{title} · {count_label(len(items), lang)}" + (
            f" · {counter}" if len(chunks) > 1 else "")
        blocks = Blocks()
        body = [front_matter(title if number == 1 else f"{title} · {counter}", searchable=False),
                blocks.add(f"<h1>{esc(title)}</h1>"), "",
                blocks.add(_crumb(url, lang, parent)), "", *([blocks.add(f"<p>{esc(lead)}</p>"), ""] if lead else []),
                blocks.add(item_table(chunk, catalogue, lang, url, caption)), ""]
        if len(chunks) > 1:
            body.append(blocks.add(_pager(base_path, number, len(chunks), url, lang).rstrip("\n")) + "\n")
        src = path.rstrip("/") + "/index.md"
        pages.append(GeneratedPage(src_uri(src, lang), url, lang, "\n".join(body), blocks=blocks(),
                                   markdown_alone=True))
    return pages


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


def catalogue_pages(catalogue: Catalogue, lang: str) -> list[GeneratedPage]:
    """The catalogue overview, one listing per year, per key of each listed vocabulary and per item of
    Article 20 (empty ones too), and the overview of Article 20."""
    pages = [_catalogue_index(catalogue, lang), _article20_index(catalogue, lang)]
    for year, items in catalogue.by_year.items():
        title = f"{UI['catalogue'](lang)} · {UI['year_title'](lang).format(year=year)}"
        pages += _paginated(f"catalogue/{year}/", title, items, catalogue, lang)
    for vocabulary, _ in LISTED_VOCABULARIES:
        for key, items in catalogue.by_term(vocabulary).items():
            title = f"{UI['catalogue'](lang)} · {catalogue.label(vocabulary, key, lang)}"
            pages += _paginated(listing_path(vocabulary, key), title, items, catalogue, lang)
    for n, items in catalogue.by_article20.items():
        title = f"{UI['article20'](lang)} · {article20_name(n, lang)}"
        pages += _paginated(f"catalogue/article20/{n}/", title, items, catalogue, lang,
                            lead=ARTICLE20_ITEMS[n - 1](lang), parent=("catalogue/article20/", UI["article20"](lang)))
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
