"""The full-text search index, built with Pagefind (the search page is :mod:`gongkai.search`).

As soon as a language's pages are written, an :class:`Indexer` runs the Pagefind
indexer shipped in the ``pagefind-bin-extended`` wheel (Chinese segmentation
included, nothing downloaded) over them, in the background while the build
writes the next language. Pagefind reads each page's ``<html lang>`` and writes
one index per language into ``site/pagefind/``, split into small chunks: a
visitor downloads only the chunks for the words they type and the fragments of
the results shown, never the whole index. Pagefind holds what it indexes in
memory, so a large catalogue is indexed in partitions of years
(:func:`partitions`), each its own bundle, newest years first: the search page
searches the newest years' bundle first and merges the others when the reader asks
(:func:`gongkai.search.search_plan`). The runs go one at a time while the build
writes pages; once it only waits for them, two at a time where the memory allows
(:class:`Indexer`, :func:`run_megabytes`).

Some 450 lines: the partition plan, the runs that follow it and the memory they may
take are read together.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue, Item
from .problems import BuildStepError
from .text import LANGUAGES, Text, url_prefix

BUNDLE_DIR = "pagefind"
"""Where the index and Pagefind's own UI files go, relative to the site folder."""

PARTITION_ITEMS = 1000
"""The most items one Pagefind run indexes. Pagefind holds everything it indexes in memory until it writes
(about 60 MB and 0.4 MB per long Chinese item, docs/scaling.md), so a larger catalogue is indexed in
partitions of whole years, each its own bundle, merged by the search page in the browser (``mergeIndex``)."""

PARTITION_VARIABLE = "GONGKAI_SEARCH_PARTITION_ITEMS"
"""An environment variable that sets another :data:`PARTITION_ITEMS` (for tests and measurements)."""

PARTS_DIR = BUNDLE_DIR + "/parts"
"""Where the bundles of the later partitions (older years) go: ``pagefind/parts/1/``, ``pagefind/parts/2/``…"""


@dataclass(frozen=True)
class IndexSummary:
    """What :class:`Indexer` wrote."""

    pages: dict[str, int]
    """Indexed pages per language, e.g. ``{"en": 1050, "zh": 1049}``."""
    seconds: float
    """Pagefind's own time: the sum of its runs' wall times."""
    bundles: int = 1
    waited: float | None = None
    """How long the end of the build waited for Pagefind (None: the runs did not overlap the build)."""

    def describe(self) -> str:
        counts = ", ".join(f"{lang} {n}" for lang, n in sorted(self.pages.items()))
        parts = f" in {self.bundles} bundles" if self.bundles > 1 else ""
        waited = f", {self.waited:.1f} s of it after the pages were written" if self.waited is not None else ""
        return f"search index (Pagefind): {counts} pages{parts} in {self.seconds:.1f} s{waited}"


def pagefind_executable() -> Path:
    """The Pagefind binary from the ``pagefind-bin-extended`` wheel (the one that segments Chinese)."""
    try:
        from pagefind_bin_extended import get_executable  # the wheel's own locator
    except ImportError:
        raise BuildStepError(Text(
            "未安装 Pagefind（pagefind-bin-extended），无法生成搜索索引。请运行 make venv 安装 requirements.txt。",
            "Pagefind (pagefind-bin-extended) is not installed, so the search index cannot be built. "
            "Run `make venv` to install requirements.txt.")) from None
    return get_executable()


def partitions(slugs: list[str], size: int | None = None,
               years: dict[str, str] | None = None) -> tuple[tuple[str, ...], ...]:
    """The items (by slug, ``<YYYY>/<NNNNN>``) of each Pagefind run: whole years, newest first (the first
    is the primary bundle, searched first), packed together while they stay within ``size`` items
    (:data:`PARTITION_ITEMS`); a year with more is split by index number. An item's year is ``years[slug]``
    (of its 发布日期, as in the year filter and the catalogue), else its slug's."""
    size = size or int(os.environ.get(PARTITION_VARIABLE) or PARTITION_ITEMS)
    by_year: dict[str, list[str]] = {}
    for slug in sorted(slugs):
        by_year.setdefault((years or {}).get(slug) or slug.split("/")[0], []).append(slug)
    groups: list[list[str]] = []
    current: list[str] = []
    for year in sorted(by_year, reverse=True):
        items = by_year[year]
        if current and len(current) + len(items) > size:
            groups.append(current)
            current = []
        while len(current) + len(items) > size:
            cut = size - len(current)
            groups.append(current + items[:cut])
            current, items = [], items[cut:]
        current += items
    if current or not groups:
        groups.append(current)
    return tuple(tuple(group) for group in groups)


def published_years(catalogue: Catalogue) -> dict[str, str]:
    """The year of each published item's 发布日期, by slug."""
    return {item.slug: str(item.date_published.year) for item in catalogue.published}


def catalogue_partitions(catalogue: Catalogue) -> tuple[tuple[str, ...], ...]:
    """:func:`partitions` of the published items by year of 发布日期: what the build indexes, the search merges."""
    return partitions([item.slug for item in catalogue.published], years=published_years(catalogue))


def bundle_path(part: int) -> str:
    """The site-relative folder of partition ``part``'s bundle: the first is ``pagefind/`` (with the search
    UI, and the pages that are not items), the others ``pagefind/parts/<part>/``."""
    return BUNDLE_DIR + "/" if part == 0 else f"{PARTS_DIR}/{part}/"


def language_globs(site_dir: Path, lang: str | None = None, items: tuple[str, ...] | None = None,
                   primary: bool = True, whole_years: frozenset[str] = frozenset()) -> list[str]:
    """Pagefind's file globs for one run.

    Without ``lang``: one glob per language, every page (a site without partitions). With ``lang`` and
    ``items`` (a partition's slugs): the item pages of those items in ``lang`` and, for the ``primary``
    partition, every other page of ``lang`` (hand-written pages, statistics). A year in ``whole_years``
    (all its items are in this partition) is one glob of its folder.
    """
    if lang is None:
        return [_pages_glob(site_dir, "", ()), url_prefix("en") + "**/*.html"]
    prefix = url_prefix(lang)
    parts = [f"{prefix}disclosures/{place}/**/*.html" for place in _places(items or (), whole_years)]
    if primary:
        parts.append(_pages_glob(site_dir, prefix, ("disclosures",)))
    return ["{" + ",".join(parts) + "}"]


def _places(items: tuple[str, ...], whole_years: frozenset[str]) -> list[str]:
    """The folders under ``disclosures/`` holding ``items``: a year's folder for each of ``whole_years``,
    else each item's."""
    years = sorted({slug.split("/")[0] for slug in items} & whole_years)
    return years + [slug for slug in items if slug.split("/")[0] not in whole_years]


def _whole_years(parts: tuple[tuple[str, ...], ...]) -> list[frozenset[str]]:
    """For each partition, the years none of whose items are in another partition."""
    owners: dict[str, set[int]] = {}
    for part, items in enumerate(parts):
        for slug in items:
            owners.setdefault(slug.split("/")[0], set()).add(part)
    return [frozenset(year for year, found in owners.items() if found == {part}) for part in range(len(parts))]


def _pages_glob(site_dir: Path, prefix: str, without: tuple[str, ...]) -> str:
    """Every page under ``site_dir/prefix`` except the folders ``without`` (and the other language's pages,
    and the bundle)."""
    folder = Path(site_dir) / prefix
    skipped = {url_prefix("en").strip("/"), BUNDLE_DIR, *without}
    names = sorted(p.name for p in folder.iterdir() if p.name not in skipped) if folder.is_dir() else []
    parts = [f"{prefix}{name}/**/*.html" if (folder / name).is_dir() else prefix + name for name in names
             if (folder / name).is_dir() or name.endswith(".html")]
    return "{" + ",".join(parts) + "}"


_RUNNING = [0]
_RUNNING_LOCK = threading.Lock()


def runs_in_progress() -> int:
    """How many Pagefind runs of this process are going on now (each takes a core)."""
    return _RUNNING[0]


MEMORY_LIMIT_MB = 1536
"""What the build's whole process tree may hold (issue 14's 1.5 GB): a second Pagefind run starts beside
another only when this process's resident memory and both runs' :func:`run_megabytes` fit under it."""

MEMORY_MARGIN_MB = 96
"""Kept free under :data:`MEMORY_LIMIT_MB` for what the estimate of a run misses."""


RUN_MEGABYTES = 40
"""What a Pagefind run holds whatever it indexes (measured: 6 MB for one English page, 24 MB for one Chinese)."""

PAGE_KILOBYTES = 64
"""What it holds per page besides the body's words (titles, metadata, addresses: 77-86 MB for 1,000 English
pages whose bodies are not indexed)."""

WORD_KILOBYTES = 0.25
"""What it holds per word of a body (a Chinese character, or a run of other letters): 0.20 KB measured on
Chinese, 0.24 KB on English bodies (docs/scaling.md)."""

PRIMARY_MEGABYTES = 160
"""What the first partition's run holds besides its items (the hand-written and statistics pages)."""


def run_megabytes(catalogue: Catalogue, parts: tuple[tuple[str, ...], ...]) -> dict[tuple[int, str], int]:
    """The memory each run will take at most, in MB, by partition and language, estimated from the bodies it
    indexes (the English index leaves out the Chinese body of an untranslated item's English page)."""
    items = {item.slug: item for item in catalogue.published}
    found: dict[tuple[int, str], int] = {}
    for part, slugs in enumerate(parts):
        for lang in LANGUAGES:
            words = sum(_words(_indexed_body(items[slug], lang)) for slug in slugs if slug in items)
            kilobytes = PAGE_KILOBYTES * len(slugs) + WORD_KILOBYTES * words
            found[part, lang] = RUN_MEGABYTES + (PRIMARY_MEGABYTES if part == 0 else 0) + int(kilobytes / 1024)
    return found


def _indexed_body(item: Item, lang: str) -> str:
    if lang == "zh":
        return item.body
    return item.translation.body if item.translation is not None else ""


def _words(text: str) -> int:
    """About how many words Pagefind finds in ``text``: each wide character (3 or 4 bytes in UTF-8: Chinese)
    is one, the other characters make one word of 6."""
    wide = (len(text.encode("utf-8")) - len(text)) // 2
    return wide + (len(text) - wide) // 6


def own_megabytes(release: bool = False) -> int | None:
    """This process's resident memory in MB (None where ``/proc`` does not say); with ``release``, after
    giving back to the system what the C allocator holds freed (glibc's ``malloc_trim``): a page's HTML is
    freed once written, but stays resident in the allocator's free lists until then."""
    if release:
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            resident = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return resident * os.sysconf("SC_PAGE_SIZE") // 2**20


@dataclass(frozen=True, eq=False)
class _Run:
    """One Pagefind run: a partition's pages in one language, into the partition's bundle."""

    part: int
    lang: str
    glob: str


class Indexer:
    """The Pagefind runs of one build: :meth:`index` a language once its pages are written (the runs go on
    in the background, one at a time, while the build writes the next language), then :meth:`finish`.

    Each partition (:func:`partitions`) is its own bundle; its languages' runs write into it and
    :func:`_merge_entries` joins their entry files. While the build goes on, one run at a time keeps the
    second core's work to one process. Once the pages are all written and :meth:`finish` waits, this
    process takes no core: a second run may go beside the first, of another partition, when the memory
    of both (:func:`run_megabytes`, from the ``catalogue``) and this process's fit under
    :data:`MEMORY_LIMIT_MB`.
    """

    def __init__(self, site_dir: Path, parts: tuple[tuple[str, ...], ...] = (), catalogue: Catalogue | None = None):
        self.site_dir = Path(site_dir)
        self.parts = parts
        self.catalogue = catalogue
        bundle = self.site_dir / BUNDLE_DIR
        if bundle.exists():
            shutil.rmtree(bundle)  # a previous build's chunks would linger under other hashes
        self._state = threading.Condition()
        self._waiting: list[_Run] = []
        self._going: dict[_Run, int] = {}
        """The runs going on, with their estimated megabytes."""
        self._results: dict[_Run, dict | BaseException] = {}
        self._order: list[_Run] = []
        self._lanes: list[threading.Thread] = []
        self._budget: int | None = None
        """Megabytes the runs going on together may take (None: one run at a time)."""
        self._megabytes: dict[tuple[int, str], int] = {}
        self._stopping = False
        self._seconds = 0.0
        self.languages: set[str] = set()
        """The languages :meth:`index` was asked for."""

    def index(self, lang: str) -> None:
        """Start indexing the pages of ``lang`` (they are all written), partition by partition."""
        self.languages.add(lang)
        runs = [_Run(part, lang, language_globs(self.site_dir, lang, items, primary=part == 0, whole_years=years)[0])
                for part, (items, years) in enumerate(zip(self.parts, _whole_years(self.parts)))]
        with self._state:
            self._waiting += runs
            self._order += runs
            self._state.notify_all()
        if not self._lanes:
            self._open_lane()

    def _open_lane(self) -> None:
        lane = threading.Thread(target=self._lane, name=f"pagefind-{len(self._lanes)}")
        self._lanes.append(lane)
        lane.start()

    def _lane(self) -> None:
        """Take the next run that may start (:meth:`_next`) and run it, until :meth:`finish` or :meth:`abandon`
        says there will be none."""
        while True:
            with self._state:
                run = self._next()
                while run is None:
                    if self._stopping and not self._waiting:
                        return
                    self._state.wait()
                    run = self._next()
            try:
                result: dict | BaseException = self._run(bundle_path(run.part), run.glob)
            except BaseException as error:  # BuildStepError, or a run stopped; finish() raises it
                result = error
            with self._state:
                del self._going[run]
                self._results[run] = result
                if isinstance(result, BaseException):
                    self._waiting.clear()  # the build stops: no run more
                self._state.notify_all()

    def _next(self) -> _Run | None:
        """The first waiting run that may start now (marked as going on): any, when none is going on; beside
        another, one of another partition (both write the partition's bundle) whose memory fits the budget."""
        if self._stopping and not self._waiting:
            return None
        if self._going and self._budget is None:
            return None
        busy = {run.part for run in self._going}
        used = sum(self._going.values())
        for run in self._waiting:
            megabytes = self._megabytes.get((run.part, run.lang), 0)
            if not self._going or (run.part not in busy and used + megabytes <= (self._budget or 0)):
                self._waiting.remove(run)
                self._going[run] = megabytes
                return run
        return None

    def _run(self, bundle: str, glob: str) -> dict:
        started = time.monotonic()
        with _RUNNING_LOCK:
            _RUNNING[0] += 1
        try:
            return _run_pagefind(self.site_dir, glob, bundle)
        finally:
            with _RUNNING_LOCK:
                _RUNNING[0] -= 1
                self._seconds += time.monotonic() - started

    def abandon(self) -> None:
        """Drop the runs not started and wait for those going on (a build that stopped half way)."""
        with self._state:
            self._waiting.clear()
            self._stopping = True
            self._state.notify_all()
        for lane in self._lanes:
            lane.join()

    def _second_lane(self) -> None:
        """Let a second run go beside the first, within the memory this process leaves (nothing else runs in
        it now: :meth:`finish` waits)."""
        if self.catalogue is None or len(self.parts) < 2:  # one partition: its two runs never go together
            return
        own = own_megabytes(release=True)
        if own is None:
            return
        megabytes = run_megabytes(self.catalogue, self.parts)
        with self._state:
            self._megabytes = megabytes
            for run in self._going:
                self._going[run] = megabytes.get((run.part, run.lang), 0)
            self._budget = MEMORY_LIMIT_MB - MEMORY_MARGIN_MB - own
            self._state.notify_all()
        self._open_lane()

    def finish(self, overlapped: bool = True) -> IndexSummary:
        """Wait for the runs; write each bundle's entry file. Raises :class:`BuildStepError` when one failed."""
        started = time.monotonic()
        try:
            self._second_lane()
            with self._state:
                self._stopping = True
                self._state.notify_all()
            for lane in self._lanes:
                lane.join()
        finally:
            self.abandon()
        waited = time.monotonic() - started
        results = [self._results.get(run) for run in self._order]
        failed = [result for result in results if isinstance(result, BaseException)]
        if failed:
            raise failed[0]
        entries: dict[int, list[dict]] = {}
        for run, result in zip(self._order, results):
            entries.setdefault(run.part, []).append(result)
        pages: dict[str, int] = {}
        for part, found in sorted(entries.items()):
            data = _merge_entries(found)
            (self.site_dir / bundle_path(part) / "pagefind-entry.json").write_text(
                json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            if part:
                _strip_ui(self.site_dir / bundle_path(part))
            for lang, info in data["languages"].items():
                pages[lang] = pages.get(lang, 0) + info["page_count"]
        return IndexSummary(pages, self._seconds, len(entries), waited if overlapped else None)


def build_index(site_dir: Path, parts: tuple[tuple[str, ...], ...] = ()) -> IndexSummary:
    """Index the finished site in ``site_dir`` into ``site_dir/pagefind/``, one index per ``<html lang>``.

    Without ``parts`` Pagefind runs once per language (:func:`language_globs`), over every page; with them
    once per language and partition, each partition in its own bundle (:class:`Indexer`).

    Raises :class:`~gongkai.problems.BuildStepError` when Pagefind is missing or fails.
    """
    site_dir = Path(site_dir)
    if parts:
        indexer = Indexer(site_dir, parts)
        for lang in LANGUAGES:
            indexer.index(lang)
        return indexer.finish(overlapped=False)
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)
    started = time.monotonic()
    entries = [_run_pagefind(site_dir, glob, BUNDLE_DIR + "/") for glob in language_globs(site_dir)]
    data = _merge_entries(entries)
    (bundle / "pagefind-entry.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                                encoding="utf-8")
    seconds = time.monotonic() - started
    return IndexSummary({lang: info["page_count"] for lang, info in data["languages"].items()}, seconds)


#: What a merged bundle needs (its entry, metadata, index chunks, fragments, filters): the search code and
#: WebAssembly come from the first bundle only.
_UI_FILES = ("*.js", "*.css", "wasm.*")


def _strip_ui(bundle: Path) -> None:
    for pattern in _UI_FILES:
        for path in bundle.glob(pattern):
            path.unlink()


def _run_pagefind(site_dir: Path, glob: str, bundle: str) -> dict:
    """One Pagefind run over the pages matching ``glob`` into ``bundle``; its entry file's data."""
    try:
        result = subprocess.run(
            [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", bundle.rstrip("/"),
             "--glob", glob],
            capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BuildStepError(Text(f"Pagefind 无法运行：{error}", f"Pagefind could not run: {error}")) from None
    entry = site_dir / bundle / "pagefind-entry.json"
    if result.returncode != 0 or not entry.is_file():
        output = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise BuildStepError(Text(f"Pagefind 未能生成搜索索引（退出码 {result.returncode}）：\n{output}",
                                  f"Pagefind failed to build the search index (exit code {result.returncode}):\n"
                                  f"{output}"))
    if "Did not find a data-pagefind-body element" in result.stdout + result.stderr:
        # Pagefind then indexes every whole page (navigation, listings): a broken theme override.
        shutil.rmtree(site_dir / BUNDLE_DIR)
        raise BuildStepError(Text(
            "没有任何页面带有 data-pagefind-body 标记，搜索索引会收录整页（导航、目录列表）。"
            "请检查 overrides/main.html 的 content 块。",
            "No page carries the data-pagefind-body mark, so the search would index whole pages "
            "(navigation, listings). Check the content block in overrides/main.html."))
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.unlink()
    return data


def _merge_entries(entries: list[dict]) -> dict:
    """One entry file of the runs' languages, sorted (Pagefind lists them in hash-map order): the same
    site gives the same bytes."""
    languages = {lang: info for entry in entries for lang, info in entry["languages"].items()}
    return {**entries[0], "languages": dict(sorted(languages.items()))}


#: The theme's own search (lunr and its worker), which this site does not use: never copied into site/.
UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def unused_theme_file(path: str) -> bool:
    """Whether ``path`` (relative to the site folder) is one of :data:`UNUSED_THEME_FILES`."""
    return path.startswith(UNUSED_THEME_FILES)
