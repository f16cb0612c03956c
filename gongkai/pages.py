"""Rendering the generated pages: item pages, catalogue (公开目录) pages, the latest list.

Each function returns Markdown (with small HTML blocks where exact markup
matters: tables with headers for screen readers, ``lang`` attributes) for one
language. Links are relative, computed from each page's URL.
"""

from __future__ import annotations

from . import bodies, layout, links
from .catalogue import Catalogue, Item
from .generated import FragmentContext, GeneratedPage, front_matter, notice  # noqa: F401 - also their old home
from .html import esc, rel_url, table
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
    "all_items": Text("查看全部公开目录", "See the whole catalogue"),
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
    parts = [front_matter(title, summary or item.summary), _item_crumb(item, lang), "", f"<h1>{heading}</h1>", ""]
    # The notice on the English page comes first, before the metadata: a reader learns at once what they read.
    if lang == "en" and translation is None:
        parts += [notice("warning", UI["no_translation_title"].en, UI["no_translation"].en), ""]
    elif translation is not None:
        parts += [notice("info", "Unofficial translation", UI["unofficial"].en), ""]
    parts += [_metadata_table(item, catalogue, lang), "", tags, ""]
    if lang == "en" and translation is None:
        body = _body(item, item.body, url, lang="zh-CN")
    else:
        body = _body(item, translation.body if translation else item.body, url)
    parts += [body, ""]
    parts += _attachments(item, url, lang)
    return GeneratedPage(layout.item_src_uri(item.slug, lang), url, lang, "\n".join(parts), bodies.headings(body))


def _item_crumb(item: Item, lang: str) -> str:
    """公开目录 › 2022年: the way back to the listings the item appears in."""
    url, year = item.url(lang), item.date_published.year
    links = [(page_url("catalogue/", lang), UI["catalogue"](lang)),
             (page_url(f"catalogue/{year}/", lang), UI["year_title"](lang).format(year=year))]
    trail = " › ".join(f'<a href="{esc(rel_url(url, target))}">{esc(label)}</a>' for target, label in links)
    return f'<nav class="gk-crumb" aria-label="{esc(UI["breadcrumb"](lang))}">{trail}</nav>'


def _body(item: Item, text: str, url: str, lang: str | None = None) -> str:
    """The body as sanitised HTML (:mod:`bodies`), its links and images to attachments pointing at where
    the build publishes them. One HTML block, so MkDocs passes it through as it is."""
    names = frozenset(a.file for a in item.attachments)
    html = bodies.body_html(links.point_to_attachments(text, names, lambda name: rel_url(url, attachment_url(item, name))))
    lang_attribute = f' lang="{lang}"' if lang else ""
    return f'<div class="gk-body"{lang_attribute}>\n{html}\n</div>'


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


def _attachments(item: Item, url: str, lang: str) -> list[str]:
    if not item.attachments:
        return []
    lines = [f"## {UI['attachments'](lang)}", "", '<ul class="gk-attachments">']
    for a in item.attachments:
        ext = a.file.rsplit(".", 1)[-1].upper()
        size = _file_size(a.size)
        title = esc(a.title) if lang == "zh" else f'<span lang="zh-CN">{esc(a.title)}</span>'
        lines.append(f'<li><a href="{esc(rel_url(url, attachment_url(item, a.file)))}" download>{title}</a> '
                     f"({ext}, {size})</li>")
    return lines + ["</ul>", ""]


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
               lang: str) -> list[GeneratedPage]:
    """``base_path`` (e.g. ``catalogue/2022/``) split into pages of :data:`PAGE_SIZE` rows."""
    chunks = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [()]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        path = base_path if number == 1 else f"{base_path}page/{number}/"
        url = page_url(path, lang)
        counter = UI["page_of"](lang).format(page=number, pages=len(chunks))
        caption = f"{title} · {count_label(len(items), lang)}" + (
            f" · {counter}" if len(chunks) > 1 else "")
        body = [front_matter(title if number == 1 else f"{title} · {counter}", searchable=False),
                f"<h1>{esc(title)}</h1>", "",
                _crumb(url, lang), "", item_table(chunk, catalogue, lang, url, caption), ""]
        if len(chunks) > 1:
            body.append(_pager(base_path, number, len(chunks), url, lang))
        src = path.rstrip("/") + "/index.md"
        pages.append(GeneratedPage(src_uri(src, lang), url, lang, "\n".join(body)))
    return pages


def count_label(count: int, lang: str) -> str:
    """``3 条`` / ``3 items``, ``1 item``."""
    return UI["one_item" if count == 1 else "items_count"](lang).format(count=count)


def _crumb(url: str, lang: str) -> str:
    home = page_url("catalogue/", lang)
    return f'<p class="gk-crumb"><a href="{esc(rel_url(url, home))}">{esc(UI["catalogue"](lang))}</a></p>'


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


def catalogue_pages(catalogue: Catalogue, lang: str) -> list[GeneratedPage]:
    """The catalogue overview, one listing per year and one per subject category."""
    pages = [_catalogue_index(catalogue, lang)]
    for year, items in catalogue.by_year.items():
        title = f"{UI['catalogue'](lang)} · {UI['year_title'](lang).format(year=year)}"
        pages += _paginated(f"catalogue/{year}/", title, items, catalogue, lang)
    for key, items in catalogue.by_category.items():
        title = f"{UI['catalogue'](lang)} · {catalogue.label('category', key, lang)}"
        pages += _paginated(f"catalogue/category/{key}/", title, items, catalogue, lang)
    return pages


def _catalogue_index(catalogue: Catalogue, lang: str) -> GeneratedPage:
    url = page_url("catalogue/", lang)
    years = [f'<li><a href="{esc(rel_url(url, page_url(f"catalogue/{y}/", lang)))}">'
             f'{esc(UI["year_title"](lang).format(year=y))}</a> ({esc(count_label(len(items), lang))})</li>'
             for y, items in catalogue.by_year.items()]
    cats = [f'<li><a href="{esc(rel_url(url, page_url(f"catalogue/category/{k}/", lang)))}">'
            f'{esc(catalogue.label("category", k, lang))}</a> ({esc(count_label(len(items), lang))})</li>'
            for k, items in catalogue.by_category.items()]
    intro = Text(f"本目录列出{catalogue.config.office_name.zh}主动公开的全部政府信息，按发布日期由新到旧排列。",
                 f"This catalogue lists every piece of government information the "
                 f"{catalogue.config.office_name.en} has disclosed proactively, newest first.")
    body = [front_matter(UI["catalogue"](lang), searchable=False), f"# {esc(UI['catalogue'](lang))}", "", intro(lang), "",
            f"## {UI['by_year'](lang)}", "", "<ul>\n" + "\n".join(years) + "\n</ul>" if years else
            f"<p>{esc(UI['empty'](lang))}</p>", "", f"## {UI['by_category'](lang)}", "",
            "<ul>\n" + "\n".join(cats) + "\n</ul>" if cats else f"<p>{esc(UI['empty'](lang))}</p>", ""]
    return GeneratedPage(src_uri("catalogue/index.md", lang), url, lang, "\n".join(body))


def latest_fragment(ctx: FragmentContext, count: int = 10) -> str:
    """The home page's list of the newest items, for the ``<!-- gongkai:latest -->`` marker."""
    catalogue, lang, page_url_ = ctx.catalogue, ctx.lang, ctx.url
    caption = UI["latest"](lang)
    table = item_table(catalogue.published[:count], catalogue, lang, page_url_, caption, caption_visible=False)
    more = rel_url(page_url_, page_url("catalogue/", lang))
    return f'{table}\n\n<p><a href="{esc(more)}">{esc(UI["all_items"](lang))}</a></p>\n'
