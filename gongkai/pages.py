"""Rendering the generated pages: item pages, catalogue (公开目录) pages, the latest list.

Each function returns Markdown (with small HTML blocks where exact markup
matters: tables with headers for screen readers, ``lang`` attributes) for one
language. Links are relative, computed from each page's URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import links, search
from .catalogue import Catalogue, Item
from .html import esc, rel_url, yaml_quote
from .schema import FIELDS
from .text import Text, url_prefix

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


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build adds to the site."""

    src_uri: str
    """Its virtual source path in docs/, e.g. ``disclosures/2022/00001.en.md``."""
    url: str
    """Its site-relative URL, e.g. ``en/disclosures/2022/00001/``."""
    lang: str
    markdown: str


def src_uri(base: str, lang: str) -> str:
    """``catalogue/index.md`` for zh, ``catalogue/index.en.md`` for en."""
    return base if lang == "zh" else base.removesuffix(".md") + f".{lang}.md"


def page_url(path: str, lang: str) -> str:
    """The URL of a directory-style page ``path`` (``catalogue/2022/``) in ``lang``."""
    return url_prefix(lang) + path


def front_matter(title: str, description: str | None = None, searchable: bool = True) -> str:
    """A generated page's front matter. The theme prints ``title`` and ``description`` into the HTML
    head as they are, so they are HTML-escaped here: an item's title is text, never markup."""
    lines = ["---", f"title: {yaml_quote(esc(title))}"]
    if description:
        lines.append(f"description: {yaml_quote(esc(' '.join(description.split())))}")
    if not searchable:  # listings: the search finds the items themselves, not the pages that list them
        lines += ["search:", "  exclude: true"]
    return "\n".join(lines + ["---", ""])


# -- item pages ----------------------------------------------------------------

def item_page(item: Item, catalogue: Catalogue, lang: str) -> GeneratedPage:
    """The page of one item in ``lang``; an English page without translation says so."""
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
    parts += [_metadata_table(item, catalogue, lang), "", search.item_tags(item, catalogue, lang), ""]
    body = _body(item, translation.body if translation else item.body, url)
    if lang == "en" and translation is None:
        parts += [f'<div lang="zh-CN" markdown="1">', "", body, "</div>", ""]
    else:
        parts += [body, ""]
    parts += _attachments(item, url, lang)
    return GeneratedPage(src_uri(f"disclosures/{item.slug}.md", lang), url, lang, "\n".join(parts))


def _item_crumb(item: Item, lang: str) -> str:
    """公开目录 › 2022年: the way back to the listings the item appears in."""
    url, year = item.url(lang), item.date_published.year
    links = [(page_url("catalogue/", lang), UI["catalogue"](lang)),
             (page_url(f"catalogue/{year}/", lang), UI["year_title"](lang).format(year=year))]
    trail = " › ".join(f'<a href="{esc(rel_url(url, target))}">{esc(label)}</a>' for target, label in links)
    return f'<nav class="gk-crumb" aria-label="{esc(UI["breadcrumb"](lang))}">{trail}</nav>'


def _body(item: Item, text: str, url: str) -> str:
    """The body with its links and images to attachments pointing at where the build publishes them."""
    names = frozenset(a.file for a in item.attachments)
    return links.point_to_attachments(text, names, lambda name: rel_url(url, attachment_url(item, name)))


def notice(kind: str, title: str, text: str) -> str:
    """A Material admonition (``note``, ``info``, ``warning``…) with a title and one paragraph."""
    return f'!!! {kind} "{title}"\n\n    {text}'


def _metadata_rows(item: Item, catalogue: Catalogue, lang: str) -> list[tuple[str, str]]:
    translation = item.translation if lang == "en" else None
    values: dict[str, str | None] = {
        "index_no": esc(item.index_no),
        "publisher": esc(catalogue.label("publisher", item.publisher, lang)),
        "doc_number": _maybe_zh(item.doc_number, lang),
        "date_written": item.date_written.isoformat(),
        "date_published": item.date_published.isoformat(),
        "category": esc(catalogue.label("category", item.category, lang)),
        "genre": esc(catalogue.label("genre", item.genre, lang)),
        "disclosure": esc(catalogue.label("disclosure", item.disclosure, lang)),
        "validity": esc(catalogue.label("validity", item.validity, lang)),
        "repealed_on": item.repealed_on.isoformat() if item.repealed_on else None,
        "repealed_by": _repealed_by(item, catalogue, lang),
        "keywords": _keywords(translation.keywords if translation and translation.keywords else item.keywords,
                              lang, translated=bool(translation and translation.keywords)),
        "summary": (esc(translation.summary) if translation and translation.summary
                    else _maybe_zh(item.summary, lang)),
    }
    return [(f.label(lang), values[f.key]) for f in FIELDS if f.shown and values.get(f.key)]  # type: ignore[misc]


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
    return f"disclosures/{item.slug}/{name}"


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
    head = "".join(f'<th scope="col">{esc(t)}</th>' for t in (
        next(f.label for f in FIELDS if f.key == "index_no")(lang), UI["col_title"](lang),
        next(f.label for f in FIELDS if f.key == "date_published")(lang)))
    rows = []
    for item in items:
        link = esc(rel_url(from_url, item.url(lang)))
        if item.has_language(lang):
            title = f'<a href="{link}">{esc(item.title_in(lang))}</a>'
        else:
            title = (f'<a href="{link}"><span lang="zh-CN">{esc(item.title)}</span></a> '
                     f'<span class="gk-note">{esc(UI["chinese_only"](lang))}</span>')
        rows.append(f"<tr><td>{esc(item.index_no)}</td><td>{title}</td>"
                    f"<td>{item.date_published.isoformat()}</td></tr>")
    hidden = "" if caption_visible else ' class="gk-sr-only"'
    return (f'<table class="gk-list">\n<caption{hidden}>{esc(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


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


def latest_fragment(catalogue: Catalogue, lang: str, page_url_: str, count: int = 10) -> str:
    """The home page's list of the newest items, for the ``<!-- gongkai:latest -->`` marker."""
    caption = UI["latest"](lang)
    table = item_table(catalogue.published[:count], catalogue, lang, page_url_, caption, caption_visible=False)
    more = rel_url(page_url_, page_url("catalogue/", lang))
    return f'{table}\n\n<p><a href="{esc(more)}">{esc(UI["all_items"](lang))}</a></p>\n'
