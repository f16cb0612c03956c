"""Rendering item pages: the metadata table, the body, notices of validity and translation, relations,
the change history and the attachments (catalogue listings are :mod:`gongkai.listings`).

Each function returns Markdown (with small HTML blocks where exact markup
matters: tables with headers for screen readers, ``lang`` attributes) for one
language. Links are relative, computed from each page's URL.
"""

from __future__ import annotations

from . import bodies, layout, links, scroll
from .catalogue import Catalogue, Item
from .generated import Blocks, GeneratedPage, front_matter, notice  # noqa: F401 - also their old home
from .html import esc, rel_url, table
from .office import EXPIRED, REPEALED
from .schema import FIELDS, Field, Kind
from .page_text import UI

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
