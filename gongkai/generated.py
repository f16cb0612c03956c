"""What every generated part of the site is made of: pages, the context of fragments, and the pieces
every generated page has (front matter, notices). Shared by the renderers, which never import each other."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

import markdown as python_markdown

from . import scroll
from .catalogue import Catalogue
from .html import esc, yaml_quote


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build adds to the site."""

    src_uri: str
    """Its virtual source path in docs/, e.g. ``disclosures/2022/00001.en.md``."""
    url: str
    """Its site-relative URL, e.g. ``en/disclosures/2022/00001/``."""
    lang: str
    markdown: str
    headings: tuple[tuple[int, str, str], ...] = ()
    """An item page's body headings (``bodies.headings``), for the page's table of contents."""
    blocks: tuple[str, ...] = ()
    """HTML the page shows as it is (:class:`Blocks`): :attr:`markdown` holds a placeholder for each."""
    markdown_alone: bool = False
    """Whether :attr:`markdown` (after its front matter) holds nothing but block placeholders, notices and
    headings: no link or image for MkDocs to resolve against the page, so :class:`PageMarkdown` converts
    it, and the same text on many pages once. Else MkDocs converts it."""

    @property
    def text(self) -> str:
        """:attr:`markdown` with the blocks in place of their placeholders: everything the page says."""
        return self.fill(self.markdown)

    def content(self, html: str) -> str:
        """The page's finished content from the HTML Python-Markdown made of :attr:`markdown`: wide tables of
        the Markdown's own HTML (a statistics page's) in scroll regions, then the blocks put in. Blocks come
        with their tables already wrapped where they were made (a body when it is published,
        :func:`gongkai.pages.item_page`), so no block is parsed again here; each part numbers its
        unlabelled tables on its own (only bodies have any)."""
        if "<table" in self.markdown:
            html = scroll.wrap_wide_tables(html, self.lang)
        return self.fill(html)

    def fill(self, html: str) -> str:
        """The page's HTML as Python-Markdown made it from :attr:`markdown`, with each placeholder replaced
        by its block (in one pass: a block's text is never searched for placeholders)."""
        if not self.blocks:
            return html
        return _PLACEHOLDER.sub(lambda match: self.blocks[int(match.group(1))], html)


_PLACEHOLDER = re.compile(r"<!-- gongkai-block:([0-9]+) -->")


class PageMarkdown:
    """Python-Markdown as MkDocs configures it (``extensions`` and their ``configs``, from mkdocs.yml), for
    the generated pages whose Markdown needs nothing else of MkDocs (:attr:`GeneratedPage.markdown_alone`).
    Their Markdown is a skeleton of placeholders, notices and headings that many pages share (every
    untranslated item's English page has the same one): each distinct text is converted once, by one
    converter reset between texts, where MkDocs would build a converter for every page."""

    def __init__(self, extensions: list, configs: dict) -> None:
        self.markdown = python_markdown.Markdown(extensions=extensions, extension_configs=configs)
        self.converted: dict[str, tuple[str, list[dict]]] = {}

    def convert(self, text: str) -> tuple[str, list[dict]]:
        """The HTML of ``text`` and its table of contents (the toc extension's tokens, a copy for each call)."""
        if text not in self.converted:
            html = self.markdown.reset().convert(text)
            self.converted[text] = (html, getattr(self.markdown, "toc_tokens", []))
        html, tokens = self.converted[text]
        return html, copy.deepcopy(tokens)


_converters: dict[str, PageMarkdown] = {}


def page_markdown(extensions: list, configs: dict) -> PageMarkdown:
    """The one :class:`PageMarkdown` of this configuration (both language passes share it)."""
    key = repr((extensions, sorted(configs.items())))
    if key not in _converters:
        _converters.clear()
        _converters[key] = PageMarkdown(extensions, configs)
    return _converters[key]


class Blocks:
    """The large HTML parts of a generated page (a body, a metadata table, a listing's table), kept out of
    its Markdown: Python-Markdown would parse again, for nothing, HTML that gongkai has just produced.
    :meth:`add` returns a placeholder line (an HTML comment, passed through as it is) to put in the
    Markdown instead; :meth:`GeneratedPage.fill` puts the blocks back into the rendered page. Bodies
    cannot hold such a comment: the sanitiser removes comments (:mod:`gongkai.bodies`)."""

    def __init__(self) -> None:
        self.html: list[str] = []

    def add(self, html: str) -> str:
        self.html.append(html)
        return f"<!-- gongkai-block:{len(self.html) - 1} -->"

    def __call__(self) -> tuple[str, ...]:
        return tuple(self.html)


@dataclass(frozen=True)
class FragmentContext:
    """What a ``<!-- gongkai:NAME -->`` fragment may know: the data, the page's language and URL."""

    catalogue: Catalogue
    statistics: Any
    """The :class:`gongkai.statistics.tables.Statistics` (not imported: the statistics package has
    renderers of its own that import this module, and imports never go round in a circle)."""
    lang: str
    url: str
    """The site-relative URL of the hand-written page the fragment goes into."""
    preview: bool = False
    """Whether this is the editors' preview (``mkdocs serve``), which skips the search index."""


def front_matter(title: str, description: str | None = None, searchable: bool = True) -> str:
    """A generated page's front matter. The theme prints ``title`` and ``description`` into the HTML
    head as they are, so they are HTML-escaped here: an item's title is text, never markup."""
    lines = ["---", f"title: {yaml_quote(esc(title))}"]
    if description:
        lines.append(f"description: {yaml_quote(esc(' '.join(description.split())))}")
    if not searchable:  # listings: the search finds the items themselves, not the pages that list them
        lines += ["search:", "  exclude: true"]
    return "\n".join(lines + ["---", ""])


def notice(kind: str, title: str, text: str) -> str:
    """A Material admonition (``note``, ``info``, ``warning``…) with a title and one paragraph."""
    return f'!!! {kind} "{title}"\n\n    {text}'
