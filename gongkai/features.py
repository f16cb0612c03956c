"""The features of the site, each a small class saying what it contributes to a build.

A feature may add generated pages (:meth:`Feature.pages`, once per language), fragments for
``<!-- gongkai:NAME -->`` markers in hand-written pages (:attr:`Feature.fragments`, each given a
:class:`~gongkai.generated.FragmentContext`), further files (:meth:`Feature.outputs`: feeds, data,
attachments) and a step run once the whole site is written (:meth:`Feature.finish`).
:data:`FEATURES` lists them in the order :class:`~gongkai.site.Site` asks them; a new feature is one
class here and one entry in that list.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, ClassVar

from . import cms, feeds, layout, listings, opendata, pages, portal, reference, search, search_index, sitemaps
from .catalogue import Catalogue, Item
from .generated import FragmentContext, GeneratedPage
from .preview import Reuse
from .statistics import export as statistics_export
from .statistics import guide as statistics_guide
from .statistics import render as statistics_render
from .statistics import annual, report_list, statutory
from .statistics.tables import Statistics

Fragment = Callable[[FragmentContext], str]


@dataclass(frozen=True)
class Output:
    """A file the build writes beside the pages (a feed, a data file, an attachment)."""

    path: str
    """Site-relative path, e.g. ``en/feeds/all.rss.xml``."""
    content: bytes | None = None
    """The bytes to write, or None to copy :attr:`source`."""
    source: Path | None = None
    """A file to copy (attachments)."""


@dataclass(frozen=True)
class BuildData:
    """What features build from: the checked sources and where the site will be."""

    catalogue: Catalogue
    statistics: Statistics
    root: Path
    """The repository root."""
    absolute: Callable[[str], str]
    """The public URL of a site-relative URL (for feeds and data)."""
    started: dict = field(default_factory=dict, compare=False)
    """Work a feature started while the build went on (:meth:`Feature.language_written`), by feature class
    name, for its :meth:`Feature.finish` to end."""
    reuse: Reuse | None = field(default=None, compare=False)
    """The preview's results of its previous pass (:class:`~gongkai.preview.Reuse`); None in a build."""


class Feature:
    """One part of the site; every method contributes nothing unless a feature says otherwise."""

    fragments: ClassVar[dict[str, Fragment]] = {}
    """``name -> fragment`` for ``<!-- gongkai:name -->`` markers."""

    def pages(self, data: BuildData, lang: str) -> list[GeneratedPage]:
        return []

    def outputs(self, data: BuildData) -> list[Output]:
        return []

    def language_written(self, data: BuildData, site_dir: Path, lang: str, preview: bool = False) -> None:
        """Run once every page of ``lang`` is in ``site_dir``, while the build goes on with the next language:
        a step may start here in the background and end in :meth:`finish`."""

    def finish(self, data: BuildData, site_dir: Path, preview: bool = False) -> str | None:
        """Run once every page and output is in ``site_dir``, in :data:`FEATURES` order; a one-line
        report, or None. Raises :class:`~gongkai.problems.BuildStepError` to stop the build. ``preview``
        is the editors' preview (``mkdocs serve``), where a step may be left out to show an edit quickly."""
        return None


def _files(found: list[tuple[str, bytes]]) -> list[Output]:
    return [Output(path, content) for path, content in found]


def _with_tables(item: Item, statistics: Statistics) -> Item:
    """An annual report with its table markers filled from its frozen figures; any other item as it is."""
    frozen = next((f for f in statistics.reports.values() if f.report == item.index_no), None)
    if frozen is None:
        return item
    translation = item.translation
    if translation is not None:
        translation = replace(translation, body=statutory.fill_report(translation.body, frozen, "en"))
    return replace(item, body=statutory.fill_report(item.body, frozen, "zh"), translation=translation)


def _relations(item: Item, c: Catalogue, reuse: Reuse) -> tuple:
    """Every published item ``item`` stands in a relation to, by relation: what an item's page, feed entry
    and record read of other items (a preview result made from them is made again when one changed).
    Found once per pass and item (:attr:`~gongkai.preview.Reuse.found`)."""
    key = ("relations", item.path, id(c))
    if key not in reuse.found:
        reuse.found[key] = (c.repealing_item(item), c.interpreted(item), c.interpretations(item),
                            c.repealed_items(item), c.related_items(item))
    return reuse.found[key]


class Items(Feature):
    """A page per published item in each language (annual reports with their frozen tables), and the items'
    attachments."""

    def pages(self, data: BuildData, lang: str) -> list[GeneratedPage]:
        c = data.catalogue
        return [self._page(_with_tables(i, data.statistics), c, lang, search.item_tags(i, c, lang), data.reuse)
                for i in c.published]

    @staticmethod
    def _page(item: Item, c: Catalogue, lang: str, tags: str, reuse: Reuse | None) -> GeneratedPage:
        """The item's page; the preview's previous one when it was made from the same item, tags and
        related items (what the page shows of the catalogue besides the configuration's labels)."""
        if reuse is None:
            return pages.item_page(item, c, lang, tags)
        inputs = (item, tags, *_relations(item, c, reuse))
        return reuse.get(("item", item.path, lang), inputs, lambda: pages.item_page(item, c, lang, tags))

    def outputs(self, data: BuildData) -> list[Output]:
        return [Output(layout.attachment_url(i.slug, a.file), source=data.root / Path(i.path).parent / a.file)
                for i in data.catalogue.published for a in i.attachments]


class CatalogueListings(Feature):
    """The catalogue (公开目录) by year, by category, genre, validity and publisher, by item of Article 20,
    the exact lookup's data, and the home page's latest items."""

    fragments = {"latest": listings.latest_fragment}

    def pages(self, data: BuildData, lang: str) -> list[GeneratedPage]:
        return listings.catalogue_pages(data.catalogue, lang, data.reuse)

    def outputs(self, data: BuildData) -> list[Output]:
        return _files(listings.lookup_files(data.catalogue))


class AnnualReports(Feature):
    """The list of annual reports by year (年度报告), with whether each was on time."""

    def pages(self, data: BuildData, lang: str) -> list[GeneratedPage]:
        rows = annual.annual_reports(data.catalogue, data.statistics)
        return [report_list.report_list_page(rows, data.catalogue.config.office_name(lang), lang)]


class Feeds(Feature):
    """RSS and Atom feeds of every item and of each category."""

    fragments = {"feeds": lambda ctx: feeds.subscribe_fragment(ctx.catalogue, ctx.lang, ctx.url)}

    def outputs(self, data: BuildData) -> list[Output]:
        c, reuse = data.catalogue, data.reuse
        if reuse is None:
            return _files(feeds.files(c, data.absolute))

        def rendered(feed: feeds.Feed, fmt: str) -> bytes:
            """The preview's previous bytes of the feed when its entries and what they link to are equal."""
            inputs = (feed, tuple(tuple(feeds.relations(i, c)) for i in feed.items))
            return reuse.get(("feed", feed.path(fmt)), inputs, lambda: feeds.render(feed, c, data.absolute, fmt))

        return _files(feeds.files(c, data.absolute, rendered))


class OpenData(Feature):
    """The catalogue as JSON, CSV and JSON Schema."""

    fragments = {"open-data": lambda ctx: opendata.fragment(ctx.catalogue, ctx.lang, ctx.url)}

    def outputs(self, data: BuildData) -> list[Output]:
        c, reuse = data.catalogue, data.reuse
        if reuse is None:
            return _files(opendata.files(c, data.absolute))

        def encoded_as(item: Item) -> tuple[str, list[str]]:
            """The preview's previous record of the item when it and the items it names are equal."""
            return reuse.get(("record", item.path), (item, *_relations(item, c, reuse)),
                             lambda: opendata.encoded_record(item, c, data.absolute))

        return _files(opendata.files(c, data.absolute, encoded_as))


class StatisticsPages(Feature):
    """The yearly statistics pages, their data files and the statistics guide's tables."""

    fragments = statistics_guide.FRAGMENTS

    def pages(self, data: BuildData, lang: str) -> list[GeneratedPage]:
        s, c, reuse = data.statistics, data.catalogue, data.reuse
        if reuse is None:
            return statistics_render.statistics_pages(s, c, lang)
        reports, notices = {r.year: r for r in annual.annual_reports(c, s)}, s.records.calendar.notices

        def year_page(y) -> GeneratedPage:
            """The preview's previous page of the year when its figures, its report (the row, the frozen tables)
            and the calendar notices it cites are equal (labels and names are the Reuse's config)."""
            inputs = (y, reports[y.year], s.reports.get(y.year), notices.get(y.year), notices.get(y.year + 1))
            return reuse.get(("statistics", y.year, lang), inputs, lambda: statistics_render.year_page(y, c, lang, s))

        return statistics_render.statistics_pages(s, c, lang, year_page)

    def outputs(self, data: BuildData) -> list[Output]:
        s, c, reuse = data.statistics, data.catalogue, data.reuse
        if reuse is None:
            return _files(statistics_export.files(s, c))
        def year_files(y) -> list[tuple[str, bytes]]:
            """The preview's previous files of the year when its figures are equal (names: the Reuse's config)."""
            return reuse.get(("statistics data", y.year), (y,), lambda: statistics_export.year_files(y, c))

        return _files([file for y in s.years for file in year_files(y)])


class EditorsGuide(Feature):
    """The editors' guide's generated parts: the field reference, the problem codes, the item template."""

    fragments = {
        "field-reference": lambda ctx: reference.field_reference(ctx.catalogue.config, ctx.lang),
        "error-codes": lambda ctx: reference.error_codes(ctx.lang),
        "item-template": lambda ctx: reference.item_template(ctx.catalogue.config, ctx.lang),
    }


class Search(Feature):
    """The search page and box, and the Pagefind index: each language's pages are indexed, partition by
    partition, as soon as they are written, while the build writes the next language."""

    fragments = {"search": search.search_fragment, "searchbox": search.searchbox_fragment}

    def language_written(self, data: BuildData, site_dir: Path, lang: str, preview: bool = False) -> None:
        if not preview:
            self._indexer(data, site_dir, lang).index(lang)

    def finish(self, data: BuildData, site_dir: Path, preview: bool = False) -> str | None:
        if preview:  # the search page says so (search.search_fragment)
            return search.PREVIEW_REPORT
        indexer = data.started.pop("Search", None)
        if indexer is None or indexer.site_dir != Path(site_dir):
            indexer = Search._new_indexer(data, site_dir)
        for lang in search_index.LANGUAGES:
            if lang not in indexer.languages:
                indexer.index(lang)
        return indexer.finish().describe()

    @staticmethod
    def _indexer(data: BuildData, site_dir: Path, lang: str) -> search_index.Indexer:
        """This build's indexer; a new one for a new build (a language indexed again, another folder)."""
        indexer = data.started.get("Search")
        if indexer is None or indexer.site_dir != Path(site_dir) or lang in indexer.languages:
            if indexer is not None:
                indexer.abandon()
            indexer = data.started["Search"] = Search._new_indexer(data, site_dir)
        return indexer

    @staticmethod
    def _new_indexer(data: BuildData, site_dir: Path) -> search_index.Indexer:
        return search_index.Indexer(site_dir, search_index.catalogue_partitions(data.catalogue), data.catalogue)


class PortalPages(Feature):
    """The portal's own pages' generated parts: the site map (网站地图) and the office's contact lines in
    the statements."""

    fragments = {
        "site-map": lambda ctx: portal.site_map_fragment(
            ctx.catalogue, [y.year for y in ctx.statistics.years], ctx.lang, ctx.url),
        "contact": lambda ctx: portal.contact_fragment(ctx.catalogue.config, ctx.lang),
    }


class EditingPage(Feature):
    """The web editing page /admin/ (Decap CMS), written after the search index so Pagefind never sees it."""

    def finish(self, data: BuildData, site_dir: Path, preview: bool = False) -> str | None:
        return cms.write_site_files(data.root, data.catalogue.config, site_dir)


class Sitemaps(Feature):
    """``sitemap.xml`` as an index of one sitemap per year (and one of the other pages)."""

    def finish(self, data: BuildData, site_dir: Path, preview: bool = False) -> str | None:
        base, reuse = data.absolute(""), data.reuse
        if reuse is None:
            return sitemaps.split(site_dir, base, data.absolute)

        def made(text: bytes) -> sitemaps.Split | None:
            """The preview's previous sitemaps when MkDocs wrote the same sitemap.xml."""
            return reuse.get(("sitemaps",), (text,), lambda: sitemaps.split_text(text, base, data.absolute))

        return sitemaps.split(site_dir, base, data.absolute, made)


#: Every feature, in the order their pages, fragments, outputs and last steps are asked for (the editing
#: page after the search index).
FEATURES: tuple[Feature, ...] = (Items(), CatalogueListings(), StatisticsPages(), AnnualReports(), Feeds(),
                                 OpenData(), EditorsGuide(), PortalPages(), Search(), EditingPage(), Sitemaps())
