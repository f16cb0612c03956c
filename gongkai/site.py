"""Everything the build adds to a site, computed once from the repository.

A :class:`Site` loads and validates the catalogue once and then answers the
MkDocs adapter's questions: which pages to add (:attr:`Site.pages`), what
Markdown a generated page has, what a ``<!-- gongkai:NAME -->`` marker in a
hand-written page becomes, which further files (feeds, data, attachments) to
write, and what to run once the whole site is written (the search index, then
the editing page).
It asks the features of :mod:`gongkai.features`; the adapter never changes.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import replace
from datetime import date
from functools import cached_property
from pathlib import Path

from . import bodies, clock, portal, preview, scroll
from .catalogue import Catalogue
from .features import FEATURES, BuildData, Feature, Output
from .generated import FragmentContext, GeneratedPage
from .layout import CONTENT_DIR
from .loader import load_catalogue
from .preview import Reuse
from .problems import SourceError
from .statistics import Statistics, load_statistics
from .text import LANGUAGES, url_prefix

__all__ = ["Output", "Site", "UnknownMarker", "current_site", "load_site"]

MARKER = re.compile(r"<!--\s*gongkai:([a-z0-9-]+)\s*-->")


class UnknownMarker(Exception):
    """A hand-written page names a ``<!-- gongkai:NAME -->`` that nothing provides."""


class Site:
    """The generated part of one build of the repository at :attr:`root`."""

    def __init__(self, catalogue: Catalogue, root: Path, site_url: str = "", statistics: Statistics | None = None,
                 features: tuple[Feature, ...] = FEATURES, preview: bool = False,
                 previous: dict[str, GeneratedPage] | None = None, served: dict[str, GeneratedPage] | None = None,
                 previous_outputs: frozenset[str] = frozenset(), reuse: Reuse | None = None,
                 on_disk: dict[str, bytes] | None = None):
        self.catalogue = catalogue
        """The validated catalogue."""
        self.root = root
        """The repository root."""
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        """The public base URL (``https://…/``), for feeds and data; empty when unknown."""
        self.statistics = statistics
        """Every year's figures (loaded and checked by :func:`load_site` before anything is built)."""
        self.features = features
        self.preview = preview
        """The editors' preview (``mkdocs serve``): no search index, and the search page says so."""
        self.previous = previous or {}
        """The preview's pages of the last pass that completed before this one (:meth:`changed`)."""
        self.served = served if served is not None else self.previous
        """The generated pages the preview's folder may hold from earlier passes (:meth:`_remove_gone`)."""
        self.previous_outputs = previous_outputs
        """The further files (:meth:`outputs`) earlier passes wrote."""
        self.outputs_written: frozenset[str] = frozenset()
        """The further files this pass wrote (:meth:`write_outputs`)."""
        self.completed = False
        """Whether a build with this site ran to its end (:meth:`post_build`)."""
        self.error_pages: dict[str, str] = {}
        """The finished 404 page of each language (:meth:`keep_error_page`)."""
        self.languages_written: set[str] = set()
        """The languages whose pages this build has written (:meth:`language_written`)."""
        self.reuse = reuse
        """What the preview's previous pass made that this one may take again (None in a build)."""
        self.on_disk: dict[str, bytes] = on_disk if on_disk is not None else {}
        """The further files the preview's passes wrote, by the path written to (:meth:`write_outputs`): each
        with its bytes, recorded once all were written (an unfinished write leaves none)."""
        self._released = False

    @cached_property
    def data(self) -> BuildData:
        assert self.statistics is not None, "a Site that builds pages needs the statistics (load_site)"
        return BuildData(self.catalogue, self.statistics, self.root, self.absolute, reuse=self.reuse)

    @cached_property
    def fragments(self) -> dict:
        """Every feature's fragments by marker name."""
        return {name: fragment for feature in self.features for name, fragment in feature.fragments.items()}

    @cached_property
    def pages(self) -> dict[str, GeneratedPage]:
        """Every generated page of every language, by virtual source path."""
        result: dict[str, GeneratedPage] = {}
        for lang in LANGUAGES:
            for feature in self.features:
                for page in feature.pages(self.data, lang):
                    result[page.src_uri] = page
        return result

    def release(self, src_uri: str) -> None:
        """Forget the Markdown and HTML of the generated page at ``src_uri`` once MkDocs has made its content
        from them: a build then holds each page's text about once, not in every form at the same time. The
        preview keeps them (the next pass compares its pages with these); the next build makes them again."""
        page = self.built_pages.get(src_uri)
        if page is not None and not self.preview:
            self.pages[src_uri] = replace(page, markdown="", headings=(), blocks=())
            self._released = True

    @property
    def built_pages(self) -> dict[str, GeneratedPage]:
        """:attr:`pages` if this pass has made them, else none (never makes them)."""
        return self.__dict__.get("pages", {})

    def changed(self, src_uri: str) -> bool:
        """Whether the generated page at ``src_uri`` differs from the previous preview pass's (or is new):
        the preview rebuilds only those, and every hand-written page (their fragments read all the data)."""
        page, before = self.pages.get(src_uri), self.previous.get(src_uri)
        return page is None or before is None or page != before

    def outputs(self) -> list[Output]:
        """Every further file of the build, sorted by path."""
        found = [o for feature in self.features for o in feature.outputs(self.data)]
        if self.preview:
            found.append(Output(preview.LIVERELOAD_SCRIPT, preview.livereload_script()))
        return sorted(found, key=lambda o: o.path)

    def write_outputs(self, site_dir: Path) -> None:
        """Write :meth:`outputs` and each language's 404 page into the finished ``site_dir``."""
        for lang, html in sorted(self.error_pages.items()):
            target = Path(site_dir) / self.error_page(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        outputs = self.outputs()
        self.outputs_written = frozenset(o.path for o in outputs)
        for output in outputs:
            target = Path(site_dir) / output.path
            if output.content is not None and self.on_disk.get(str(target)) == output.content and target.is_file():
                continue  # the preview wrote these very bytes there before
            target.parent.mkdir(parents=True, exist_ok=True)
            if output.content is not None:
                self._write_bytes(target, output.content)
            elif output.source is not None:
                shutil.copyfile(output.source, target)

    def _write_bytes(self, target: Path, content: bytes) -> None:
        """Write ``target``; in the preview, remember its bytes once they are all written."""
        self.on_disk.pop(str(target), None)
        target.write_bytes(content)
        if self.preview:
            self.on_disk[str(target)] = content

    def language_written(self, site_dir: Path, lang: str) -> bool:
        """Tell the features that every page of ``lang`` is in ``site_dir`` (the search indexes it while the
        next language is built); whether every language's pages now are, so the build can end
        (:meth:`write_outputs`, :meth:`post_build`)."""
        self.languages_written.add(lang)
        for feature in self.features:
            feature.language_written(self.data, Path(site_dir), lang, self.preview)
        return self.languages_written >= set(LANGUAGES)

    def post_build(self, site_dir: Path) -> list[str]:
        """Run each feature's last step over the finished ``site_dir``; their one-line reports."""
        try:
            if self.preview:
                self._remove_gone(Path(site_dir))
            reports = [feature.finish(self.data, Path(site_dir), self.preview) for feature in self.features]
        finally:
            self.languages_written = set()  # the next build (the preview's) writes every language again
            if self._released:  # a next build of the same sources makes the pages again
                self.__dict__.pop("pages", None)
                self._released = False
        self.completed = True
        return [report for report in reports if report]

    def _remove_gone(self, site_dir: Path) -> None:
        """The preview rebuilds into the same folder: a page the previous pass had and this one has not
        (an item deleted, embargoed or made a draft, a listing page fewer) must not stay served."""
        for src_uri in self.served.keys() - self.pages.keys():
            (site_dir / self.served[src_uri].url / "index.html").unlink(missing_ok=True)
        for path in self.previous_outputs - self.outputs_written:  # a year's data and feeds, an attachment
            (site_dir / path).unlink(missing_ok=True)

    def expand_markers(self, markdown: str, lang: str, page_url: str) -> str:
        """Replace each ``<!-- gongkai:NAME -->`` of a hand-written page with its fragment.

        Raises :class:`UnknownMarker` for a name no feature registered. Generated pages (items,
        listings) are never expanded: an editor's body is text, not a template.
        """
        context = FragmentContext(self.catalogue, self.data.statistics, lang, page_url, self.preview)

        def fragment(match: re.Match) -> str:
            name = match.group(1)
            if name not in self.fragments:
                raise UnknownMarker(name)
            return self.fragments[name](context)

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

    def keep_error_page(self, lang: str, html: str) -> None:
        """Keep the finished 404 page of ``lang`` until :meth:`write_outputs`: MkDocs writes every language
        pass's 404 page to the same ``404.html``."""
        self.error_pages[lang] = html

    def absolute(self, url: str) -> str:
        """The public URL of a site-relative ``url``."""
        return self.site_url + url


_CACHE: dict[tuple, Site] = {}


def _fingerprint(root: Path) -> tuple:
    """Every source file's path, modification time and size (asked on every preview pass, for each language)."""
    stats: list[tuple[str, int, int]] = []
    _add_stats(str(root / CONTENT_DIR), stats)
    return tuple(sorted(stats))


def _add_stats(folder: str, stats: list[tuple[str, int, int]]) -> None:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):  # as Path.rglob: no folder through a link (nor a loop)
            _add_stats(entry.path, stats)
        elif entry.is_file():
            st = entry.stat()
            stats.append((entry.path, st.st_mtime_ns, st.st_size))


def load_site(root: Path, site_url: str = "", today: date | None = None, preview: bool = False) -> Site:
    """The :class:`Site` of ``root``, built once and reused while no source file changes.

    Raises :class:`~gongkai.problems.SourceError` with every problem when the sources have errors.
    The date is part of the key: a ``mkdocs serve`` running past midnight publishes what the new
    day releases from embargo.
    """
    today = today if today is not None else clock.today()
    key = (root.resolve(), site_url, today, preview, _fingerprint(root))
    if key not in _CACHE:
        catalogue, problems = load_catalogue(root, today, reuse=preview, publish=True)
        statistics = load_statistics(root, catalogue, problems, today)
        if catalogue is None or statistics is None:
            raise SourceError(problems)
        previous = next(iter(_CACHE.values()), None)
        _CACHE.clear()
        reuse = None
        if preview:
            bodies.remember_for_preview()
            reuse = Reuse(previous.reuse if previous is not None else None, (key[0], catalogue.config, site_url, today))
        compare, served, outputs = _carried(previous)
        _CACHE[key] = Site(catalogue, root, site_url, statistics, preview=preview, previous=compare, served=served,
                           previous_outputs=outputs, reuse=reuse,
                           on_disk=previous.on_disk if preview and previous is not None else None)
    return _CACHE[key]


def _carried(previous: Site | None) -> tuple[dict[str, GeneratedPage], dict[str, GeneratedPage], frozenset[str]]:
    """What a preview pass takes from the one before: the pages to compare with (none after a pass that
    stopped half-way: any page may hold what it wrote), the pages and further files that may be in the
    folder (every earlier pass's since the last one that completed)."""
    if previous is None:
        return {}, {}, frozenset()
    if previous.completed:
        return previous.built_pages, previous.built_pages, previous.outputs_written
    return {}, {**previous.served, **previous.built_pages}, previous.previous_outputs | previous.outputs_written


def current_site(root: Path, site_url: str = "") -> Site | None:
    """The :class:`Site` :func:`load_site` last gave for ``root`` and ``site_url``, without checking the
    sources again (None when there is none): what a build's page events use after its first event has
    called :func:`load_site`, since checking every source file on every page would cost O(pages × files)."""
    for (cached_root, cached_url, *_), site in _CACHE.items():
        # the adapter passes the resolved root: resolving it again on every page event cost more than the event
        if cached_url == site_url and (cached_root == root or cached_root == root.resolve()):
            return site
    return None
