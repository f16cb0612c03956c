"""RSS 2.0 and Atom feeds of the published items, per language and per subject category.

The only module that imports feedgen. For each language there is a feed of
all items (``feeds/all.rss.xml``, ``feeds/all.atom.xml``; ``en/feeds/…`` for
English) and one pair per subject category that has published items
(``feeds/<category>.rss.xml``). Each carries the newest ``feeds.limit`` items
of catalogue.yml, newest first.

Feeds are built from the catalogue alone, so the same sources give the same
bytes: dates come from 发布日期 (midnight, Asia/Shanghai), the channel's
``updated``/``lastBuildDate`` is the newest item's date (the build date only
for a feed with no items) and the generator string has no version. Each
feed names a CSS stylesheet (``feed.css`` beside it) so that a browser shows
it readably instead of raw XML (XSLT would make Chromium show a warning).

Longer than 300 lines: the two formats share one entry builder, and what feedgen cannot write (the
stylesheet, the relations' links, the deterministic dates) is finished here on the same XML; splitting it
would spread one feed over modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from importlib import resources
from typing import Callable

from feedgen.feed import FeedGenerator
from lxml import etree

from . import layout
from .catalogue import Catalogue, Item
from .clock import start_of_day
from .html import esc, rel_url, table
from .text import LANGUAGE_TAGS, LANGUAGES, Text, url_prefix

FORMATS = ("rss", "atom")
"""The feed formats, in the order pages list them."""

MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
FORMAT_NAMES = {"rss": "RSS 2.0", "atom": "Atom"}
ALL = "all"
"""The key of the feed of all items (no category key may be ``all``: catalogue keys are words)."""
Absolute = Callable[[str], str]
"""Turns a site-relative URL into the public absolute one (``Site.absolute``)."""
STYLESHEET = "feed.css"
GENERATOR = "gongkai"
"""The generator string: fixed, so that output does not change with the installed versions."""
SUMMARY_MAX = 300
"""Longest summary taken from the body when an item has no 内容概述."""
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ATOM_NS = {"atom": "http://www.w3.org/2005/Atom"}
CHINESE_ONLY = "[Chinese only] "
"""How an English feed marks an item that has no English translation (before its Chinese title)."""

UI = {
    "site_title": Text("{office} 政府信息公开", "{office} — Government information disclosure"),
    "all_title": Text("全部公开信息", "All disclosures"),
    "description": Text("{office}主动公开的政府信息，最新 {limit} 条，按发布日期由新到旧排列。",
                        "Government information disclosed proactively by the {office}: "
                        "the newest {limit} items, newest first."),
    "category_description": Text("{office}主动公开的“{category}”类政府信息，最新 {limit} 条，按发布日期由新到旧排列。",
                                 "Government information in the category '{category}' disclosed proactively by "
                                 "the {office}: the newest {limit} items, newest first."),
    "comment": Text("这是订阅源（{format}）文件，供阅读器程序使用：把本文件的地址复制到 RSS 阅读器中即可订阅。"
                    "使用说明：{subscribe}",
                    "This is a feed ({format}) for feed reader programs: copy this file's address into a feed "
                    "reader to subscribe. How to use it: {subscribe}"),
    "feed": Text("订阅源", "Feed"),
    "items": Text("条目数", "Items"),
    "count": Text("{count} 条", "{count}"),
}


@dataclass(frozen=True)
class Feed:
    """One feed of one language: all items or one subject category, in both formats."""

    lang: str
    key: str
    """``all`` or a category key."""
    title: str
    """The channel title."""
    description: str
    items: tuple[Item, ...]
    """The items it carries (newest first, at most the feed limit)."""
    total: int
    """How many published items it covers (its items are the newest of them)."""
    home: str
    """Site-relative URL of the page the feed follows (the home page or the category listing)."""

    def path(self, fmt: str) -> str:
        """Site-relative path, e.g. ``en/feeds/all.atom.xml``."""
        return feed_path(self.lang, self.key, fmt)


def feed_path(lang: str, key: str, fmt: str) -> str:
    """Site-relative path of a feed: ``feeds/<key>.<fmt>.xml`` under the language's prefix."""
    return f"{url_prefix(lang)}feeds/{key}.{fmt}.xml"


def feeds(catalogue: Catalogue, lang: str) -> list[Feed]:
    """The feeds of ``lang``: all items first, then each category with items, in catalogue.yml's order."""
    config = catalogue.config
    limit = config.feed_limit
    office = config.office_name(lang)
    site_title = UI["site_title"](lang).format(office=office)
    result = [Feed(lang, ALL, f"{site_title} · {UI['all_title'](lang)}",
                   UI["description"](lang).format(office=office, limit=limit),
                   catalogue.published[:limit], len(catalogue.published), url_prefix(lang))]
    for key, items in catalogue.by_category.items():
        label = catalogue.label("category", key, lang)
        result.append(Feed(lang, key, f"{site_title} · {label}",
                           UI["category_description"](lang).format(office=office, category=label, limit=limit),
                           items[:limit], len(items), category_page(key, lang)))
    return result


def category_page(key: str, lang: str) -> str:
    """Site-relative URL of a category's catalogue listing (written by :func:`gongkai.listings.catalogue_pages`)."""
    return layout.page_url(layout.catalogue_category_path(key), lang)


# -- summaries --------------------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_TAG = re.compile(r"<[^>]+>")
_MD_MARK = re.compile(r"(\*\*|__|\*|`)")
_MD_BULLET = re.compile(r"^([-+*]|\d+[.)])\s+")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def first_paragraph(markdown: str) -> str:
    """The first paragraph of a Markdown body as plain text, at most :data:`SUMMARY_MAX` characters.

    Headings, HTML blocks, admonitions, tables and rules are skipped; links keep their text. Lines
    are joined with a space, except between two Chinese characters.
    """
    for block in re.split(r"\n\s*\n", markdown.strip()):
        lines = [line.strip() for line in block.strip().splitlines()]
        if not lines or lines[0].startswith(("#", "<", "!!!", "|", "---", "***", "```")):
            continue
        text = ""
        for line in lines:
            line = _MD_BULLET.sub("", _MD_MARK.sub("", _MD_TAG.sub("", _MD_LINK.sub(r"\1", line)))).strip()
            if line:
                text += ("" if not text or (_CJK.match(text[-1]) and _CJK.match(line[0])) else " ") + line
        text = " ".join(text.split())
        if text:
            return text if len(text) <= SUMMARY_MAX else text[:SUMMARY_MAX - 1].rstrip() + "…"
    return ""


def entry_texts(item: Item, lang: str) -> tuple[str, str, bool]:
    """``(title, summary, translated)`` of an item for a feed in ``lang``.

    An English feed shows an untranslated item with its Chinese title marked
    ``[Chinese only]`` and its Chinese summary.
    """
    translation = item.translation if lang == "en" else None
    if lang == "en" and translation is None:
        return CHINESE_ONLY + item.title, item.summary or first_paragraph(item.body), False
    if translation is not None:
        return translation.title, translation.summary or first_paragraph(translation.body), True
    return item.title, item.summary or first_paragraph(item.body), True


# -- rendering --------------------------------------------------------------------

def _generator(feed: Feed, catalogue: Catalogue, absolute: Absolute, fmt: str) -> FeedGenerator:
    lang = feed.lang
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    self_url = absolute(feed.path(fmt))
    fg.id(self_url)
    fg.title(feed.title)
    fg.description(feed.description)
    fg.language(LANGUAGE_TAGS[lang])
    # RSS <link> takes the last link added: self first, then the page the feed follows.
    fg.link(href=self_url, rel="self", type=MEDIA_TYPES[fmt])
    fg.link(href=absolute(feed.home), rel="alternate", type="text/html")
    fg.author(name=catalogue.config.office_name(lang), uri=absolute(url_prefix(lang)))
    fg.generator(GENERATOR)
    newest = max((entry_updated(i) for i in feed.items), default=catalogue.today)
    fg.updated(start_of_day(newest))  # sets atom:updated and rss:lastBuildDate
    for item in feed.items:
        _add_entry(fg, item, catalogue, absolute, lang, fmt)
    return fg


def _add_entry(fg: FeedGenerator, item: Item, catalogue: Catalogue, absolute: Absolute, lang: str,
               fmt: str) -> None:
    title, summary, _ = entry_texts(item, lang)
    link = absolute(item.url(lang))
    publisher = catalogue.label("publisher", item.publisher, lang)
    when = start_of_day(item.date_published)
    entry = fg.add_entry(order="append")
    entry.id(link)
    entry.guid(link, permalink=True)
    entry.title(title)
    entry.link(href=link)  # feedgen 1.0.0 writes only href for entry links (rel defaults to alternate)
    if summary and fmt == "rss":
        # RSS descriptions are HTML: escape the plain text.
        entry.description(escape(summary, quote=False), isSummary=True)
    elif summary:
        entry.summary(summary)  # an Atom summary without a type is plain text
    entry.published(when)
    entry.updated(start_of_day(entry_updated(item)))
    entry.category(term=item.category, label=catalogue.label("category", item.category, lang),
                   scheme=absolute(category_page(item.category, lang)))
    entry.author(name=publisher)
    entry.dc.dc_creator(publisher)


def entry_updated(item: Item):
    """An entry's ``updated``: the latest recorded change, else the date published."""
    return item.last_updated or item.date_published


def relations(item: Item, catalogue: Catalogue) -> list[tuple[str, Item]]:
    """``(relation, item)`` for every published item an entry links to: what it interprets, its
    interpretations, what repealed it and what it repealed, and related items."""
    found = [("interprets", i) for i in catalogue.interpreted(item)]
    found += [("interpretation", i) for i in catalogue.interpretations(item)]
    repealing = catalogue.repealing_item(item)
    found += [("repealed-by", repealing)] if repealing is not None else []
    found += [("repeals", i) for i in catalogue.repealed_items(item)]
    return found + [("related", i) for i in catalogue.related_items(item)]


#: How an entry's related link names its relation, in the link's title.
RELATION_NAMES = {
    "interprets": Text("解读的文件", "Interprets"), "interpretation": Text("政策解读", "Interpretation"),
    "repealed-by": Text("废止本文件的文件", "Repealed by"), "repeals": Text("本文件废止的文件", "Repeals"),
    "related": Text("相关文件", "Related"),
}


RELATION_TITLE = Text("{relation}：{title}（{index_no}）", "{relation}: {title} ({index_no})")


def _add_relations(entry: etree._Element, item: Item, catalogue: Catalogue, absolute: Absolute, lang: str) -> None:
    """``<atom:link rel="related">`` for each related item (Atom entries and RSS items alike)."""
    for relation, other in relations(item, catalogue):
        last = entry[-1]
        link = etree.SubElement(entry, f"{{{ATOM_NS['atom']}}}link")
        link.tail, last.tail = last.tail, entry.text  # indented like the entry's other elements
        link.set("rel", "related")
        link.set("href", absolute(other.url(lang)))
        link.set("title", RELATION_TITLE(lang).format(relation=RELATION_NAMES[relation](lang),
                                                      title=other.title_in(lang), index_no=other.index_no))


def _finish(xml: bytes, feed: Feed, fmt: str, absolute: Absolute, catalogue: Catalogue) -> bytes:
    """Name the stylesheet and explain the file in a comment; in Atom, mark the Chinese title and
    summary of untranslated entries.

    The comment is for browsers that show the raw XML (Chromium is removing XSLT): their XML
    viewer shows comments, so a visitor still learns what the file is for.
    """
    root = etree.fromstring(xml)
    entries = root.findall("atom:entry", ATOM_NS) if fmt == "atom" else root.findall("channel/item")
    for entry, item in zip(entries, feed.items, strict=True):
        _add_relations(entry, item, catalogue, absolute, feed.lang)
    if fmt == "atom":
        # Entries were appended in feed.items' order.
        for entry, item in zip(root.findall("atom:entry", ATOM_NS), feed.items, strict=True):
            if not entry_texts(item, feed.lang)[2]:
                for name in ("title", "summary"):
                    element = entry.find(f"atom:{name}", ATOM_NS)
                    if element is not None:
                        element.set(XML_LANG, LANGUAGE_TAGS["zh"])
    root.addprevious(etree.ProcessingInstruction("xml-stylesheet", f'type="text/css" href="{STYLESHEET}"'))
    note = UI["comment"](feed.lang).format(format=FORMAT_NAMES[fmt],
                                           subscribe=absolute(f"{url_prefix(feed.lang)}subscribe/"))
    root.addprevious(etree.Comment(f" {note} "))
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def render(feed: Feed, catalogue: Catalogue, absolute: Absolute, fmt: str) -> bytes:
    """The bytes of ``feed`` in ``fmt`` (``rss`` or ``atom``)."""
    fg = _generator(feed, catalogue, absolute, fmt)
    xml = fg.rss_str(pretty=True) if fmt == "rss" else fg.atom_str(pretty=True)
    return _finish(xml, feed, fmt, absolute, catalogue)


# -- the stylesheet ---------------------------------------------------------------------

STYLESHEET_TEXT = {
    "heading": Text("这是一个订阅源（RSS / Atom）", "This is a feed (RSS / Atom)"),
    "what": Text("订阅源是网站为阅读器程序准备的更新列表。把本页地址复制到 RSS 阅读器（如 Feedly、Inoreader、"
                 "Thunderbird 或手机上的阅读器应用）中添加订阅，以后有新的政府信息公开时，阅读器会自动显示，"
                 "无需反复访问本网站。",
                 "A feed is a list of updates that a website publishes for reader programs. Copy this page's "
                 "address into a feed reader (such as Feedly, Inoreader, Thunderbird or a reader app on your "
                 "phone) to subscribe: the reader will then show each new disclosure without you having to "
                 "visit this site."),
    "more": Text("全部订阅源和使用说明见本网站的“订阅”页面。", "All feeds and how to use them: the site's Subscribe page."),
    "address": Text("订阅地址：", "Feed address:"),
    "published": Text("发布日期", "Published"),
}


def _css_string(text: str) -> str:
    """``text`` for the inside of a double-quoted CSS string."""
    return "".join(c if c.isprintable() and c not in '"\\' else f"\\{ord(c):x} " for c in text)


def stylesheet(lang: str) -> bytes:
    """The CSS stylesheet that shows the feeds of ``lang`` readably in a browser."""
    template = resources.files("gongkai").joinpath("data/feed.css").read_text(encoding="utf-8")
    values = {key: _css_string(text(lang)) for key, text in STYLESHEET_TEXT.items()}
    return re.sub(r"%%([a-z_]+)%%", lambda m: values[m.group(1)], template).encode("utf-8")


# -- site integration ------------------------------------------------------------------

def files(catalogue: Catalogue, absolute: Absolute,
          rendered: Callable[[Feed, str], bytes] | None = None) -> list[tuple[str, bytes]]:
    """``(site-relative path, bytes)`` of every feed of every language and of each language's stylesheet.
    ``rendered`` gives a feed's bytes in a format instead of :func:`render` (the preview's, which may be
    the previous pass's)."""
    rendered = rendered or (lambda feed, fmt: render(feed, catalogue, absolute, fmt))
    result = []
    for lang in LANGUAGES:
        paths = []
        for feed in feeds(catalogue, lang):
            for fmt in FORMATS:
                paths.append(feed.path(fmt))
                result.append((feed.path(fmt), rendered(feed, fmt)))
        result.append((f"{url_prefix(lang)}feeds/{STYLESHEET}", stylesheet(lang)))
        result.append((f"{url_prefix(lang)}feeds/{SITEMAP}", feeds_sitemap([absolute(p) for p in paths])))
    return result


SITEMAP = "sitemap.xml"
"""A sitemap of each language's feeds, beside them: Material's JavaScript fetches ``sitemap.xml`` beside
every ``<link rel="alternate">`` of a page, the feed links included, and a missing one is a failed request
on every page load."""


def feeds_sitemap(urls: list[str]) -> bytes:
    """A sitemap (sitemaps.org 0.9) listing ``urls``, the feeds of one language."""
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    root = etree.Element(f"{{{ns}}}urlset", nsmap={None: ns})
    for url in urls:
        etree.SubElement(etree.SubElement(root, f"{{{ns}}}url"), f"{{{ns}}}loc").text = url
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def subscribe_fragment(catalogue: Catalogue, lang: str, page_url: str) -> str:
    """The table of every feed of ``lang``, for the ``<!-- gongkai:feeds -->`` marker."""
    rows = []
    for feed in feeds(catalogue, lang):
        name = UI["all_title"](lang) if feed.key == ALL else catalogue.label("category", feed.key, lang)
        links = " · ".join(f'<a href="{esc(rel_url(page_url, feed.path(fmt)))}" type="{MEDIA_TYPES[fmt]}">'
                           f"{FORMAT_NAMES[fmt]}</a>" for fmt in FORMATS)
        rows.append([esc(name), links, esc(UI["count"](lang).format(count=feed.total))])
    caption = UI["site_title"](lang).format(office=catalogue.config.office_name(lang))
    return table("gk-list gk-feeds", [UI["feed"](lang), "RSS / Atom", UI["items"](lang)], rows, caption) + "\n"
