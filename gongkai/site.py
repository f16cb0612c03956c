"""Everything the build adds to a site, computed once from the repository.

A :class:`Site` loads and validates the catalogue once and then answers the
MkDocs adapter's questions: which pages to add (:attr:`Site.pages`), what
Markdown a generated page has, what a ``<!-- gongkai:NAME -->`` marker in a
hand-written page becomes, and which further files (feeds, data, attachments)
to write, and what to run once the whole site is written (the search index).
Each feature registers its generators in :data:`PAGE_GENERATORS`,
:data:`FRAGMENTS`, :data:`OUTPUT_GENERATORS` and :data:`POST_BUILD_STEPS`; the
adapter never changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Callable

from . import clock, feeds, opendata, pages, portal, reference, scroll, search
from .catalogue import Catalogue
from .loader import CONTENT_DIR, load_catalogue
from .problems import Problems, SourceError
from .statistics import Statistics, load_statistics
from .statistics import export as statistics_export
from .statistics import guide as statistics_guide
from .statistics import render as statistics_render
from .text import LANGUAGES, url_prefix


@dataclass(frozen=True)
class Output:
    """A file the build writes beside the pages (a feed, a data file, an attachment)."""

    path: str
    """Site-relative path, e.g. ``en/feeds/all.rss.xml``."""
    content: bytes | None = None
    """The bytes to write, or None to copy :attr:`source`."""
    source: Path | None = None
    """A file to copy (attachments)."""


PageGenerator = Callable[["Site", str], list[pages.GeneratedPage]]
Fragment = Callable[["Site", str, str], str]
OutputGenerator = Callable[["Site"], list[Output]]
PostBuildStep = Callable[["Site", Path], str]

#: Functions ``(site, lang) -> pages`` run for each language.
PAGE_GENERATORS: list[PageGenerator] = [
    lambda site, lang: [pages.item_page(i, site.catalogue, lang) for i in site.catalogue.published],
    lambda site, lang: pages.catalogue_pages(site.catalogue, lang),
    lambda site, lang: statistics_render.statistics_pages(site.statistics, site.catalogue, lang),
]

#: ``name -> (site, lang, page_url) -> markdown`` for ``<!-- gongkai:name -->`` markers.
FRAGMENTS: dict[str, Fragment] = {
    "latest": lambda site, lang, url: pages.latest_fragment(site.catalogue, lang, url),
    "feeds": lambda site, lang, url: feeds.subscribe_fragment(site.catalogue, lang, url),
    "open-data": lambda site, lang, url: opendata.fragment(site.catalogue, lang, url),
    **statistics_guide.FRAGMENTS,
    "field-reference": lambda site, lang, url: reference.field_reference(site.catalogue.config, lang),
    "error-codes": lambda site, lang, url: reference.error_codes(lang),
    "item-template": lambda site, lang, url: reference.item_template(site.catalogue.config, lang),
    "site-map": lambda site, lang, url: portal.site_map_fragment(
        site.catalogue, [y.year for y in site.statistics.years], lang, url),
    "contact": lambda site, lang, url: portal.contact_fragment(site.catalogue.config, lang),
    "search": search.search_fragment,
    "searchbox": search.searchbox_fragment,
}

#: Functions ``site -> outputs`` run once per build.
OUTPUT_GENERATORS: list[OutputGenerator] = [
    lambda site: [Output(pages.attachment_url(i, a.file), source=site.root / Path(i.path).parent / a.file)
                  for i in site.catalogue.published for a in i.attachments],
    lambda site: [Output(path, content) for path, content in feeds.files(site.catalogue, site.absolute)],
    lambda site: [Output(path, content) for path, content in opendata.files(site.catalogue, site.absolute)],
    lambda site: [Output(path, content) for path, content in statistics_export.files(site.statistics, site.catalogue)],
]

#: Functions ``(site, site_dir) -> one-line report`` run once, in order, after every page of every
#: language and every output is in ``site_dir``. They raise ``problems.BuildStepError`` to stop the build.
POST_BUILD_STEPS: list[PostBuildStep] = [
    search.index_step,
]

MARKER = re.compile(r"<!--\s*gongkai:([a-z0-9-]+)\s*-->")


class UnknownMarker(Exception):
    """A hand-written page names a ``<!-- gongkai:NAME -->`` that nothing provides."""


class Site:
    """The generated part of one build of the repository at :attr:`root`."""

    def __init__(self, catalogue: Catalogue, root: Path, site_url: str = "", statistics: Statistics | None = None):
        self.catalogue = catalogue
        """The validated catalogue."""
        self.root = root
        """The repository root."""
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        """The public base URL (``https://…/``), for feeds and data; empty when unknown."""
        if statistics is not None:
            self.__dict__["statistics"] = statistics

    @cached_property
    def statistics(self) -> Statistics:
        """Every year's figures (loaded and checked by :func:`load_site` before anything is built)."""
        problems = Problems()
        statistics = load_statistics(self.root, self.catalogue, problems)
        if statistics is None:
            raise SourceError(problems)
        return statistics

    @cached_property
    def pages(self) -> dict[str, pages.GeneratedPage]:
        """Every generated page of every language, by virtual source path."""
        result: dict[str, pages.GeneratedPage] = {}
        for lang in LANGUAGES:
            for generate in PAGE_GENERATORS:
                for page in generate(self, lang):
                    result[page.src_uri] = page
        return result

    def outputs(self) -> list[Output]:
        """Every further file of the build, sorted by path."""
        found = [o for generate in OUTPUT_GENERATORS for o in generate(self)]
        return sorted(found, key=lambda o: o.path)

    def post_build(self, site_dir: Path) -> list[str]:
        """Run :data:`POST_BUILD_STEPS` over the finished ``site_dir``; their one-line reports."""
        return [step(self, Path(site_dir)) for step in POST_BUILD_STEPS]

    def expand_markers(self, markdown: str, lang: str, page_url: str) -> str:
        """Replace each ``<!-- gongkai:NAME -->`` of a hand-written page with its fragment.

        Raises :class:`UnknownMarker` for a name no feature registered. Generated pages (items,
        listings) are never expanded: an editor's body is text, not a template.
        """
        def fragment(match: re.Match) -> str:
            name = match.group(1)
            if name not in FRAGMENTS:
                raise UnknownMarker(name)
            return FRAGMENTS[name](self, lang, page_url)

        return MARKER.sub(fragment, markdown)

    def is_generated(self, src_uri: str) -> bool:
        """Whether the page at ``src_uri`` is one the build generates (an item, a listing...)."""
        return src_uri in self.pages

    @staticmethod
    def page_html(html: str, lang: str) -> str:
        """A page's finished content: wide tables in labelled scroll regions (never a page scrolling sideways)."""
        return scroll.wrap_wide_tables(html, lang)

    def theme_data(self) -> dict:
        """What the theme's templates show from catalogue.yml (footer, logo, favicon)."""
        return portal.theme_data(self.catalogue.config)

    @staticmethod
    def error_page(lang: str) -> str:
        """Where the 404 page of ``lang`` goes: ``404.html``, ``en/404.html``."""
        return url_prefix(lang) + "404.html"

    def absolute(self, url: str) -> str:
        """The public URL of a site-relative ``url``."""
        return self.site_url + url


_CACHE: dict[tuple, Site] = {}


def _fingerprint(root: Path) -> tuple:
    base = root / CONTENT_DIR
    stats = []
    for path in sorted(base.rglob("*")):
        if path.is_file():
            st = path.stat()
            stats.append((path.as_posix(), st.st_mtime_ns, st.st_size))
    return tuple(stats)


def load_site(root: Path, site_url: str = "", today: date | None = None) -> Site:
    """The :class:`Site` of ``root``, built once and reused while no source file changes.

    Raises :class:`~gongkai.problems.SourceError` with every problem when the sources have errors.
    The date is part of the key: a ``mkdocs serve`` running past midnight publishes what the new
    day releases from embargo.
    """
    today = today if today is not None else clock.today()
    key = (root.resolve(), site_url, today, _fingerprint(root))
    if key not in _CACHE:
        catalogue, problems = load_catalogue(root, today)
        statistics = load_statistics(root, catalogue, problems, today)
        if catalogue is None or statistics is None:
            raise SourceError(problems)
        _CACHE.clear()
        _CACHE[key] = Site(catalogue, root, site_url, statistics)
    return _CACHE[key]
