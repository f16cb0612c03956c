"""Checking item files one item at a time (an original and its translation together): the part of
loading that needs nothing but the item's own files, so it can run in worker processes and be reused.

Items are independent of each other until the cross-file checks (:mod:`gongkai.loader`), so a large
repository is checked by this process and a small pool of worker processes together (:data:`PARALLEL_THRESHOLD`):
the workers take chunks of jobs from the first on, this process from the last back; the result is the same
either way. When the build asks, each valid body is turned into its published HTML (converted
and sanitised) while the item is at hand (:class:`Run`): the HTML comes back with the results, so the
build's pages take it and no body is held twice.

The preview (``mkdocs serve``) lives across rebuilds and asks to reuse the last pass's result of each
item whose files are byte for byte the same (:class:`Memory`): only the edited item is checked again.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from . import bodies
from .catalogue import Item
from .layout import INDEX_NO_PATTERN
from .office import Config
from .problems import Problem, Problems
from .schema import ITEM_HINTS
from .source import SourceDocument, parse_bytes, read_bytes
from .validate import validate_original, validate_translation

#: From this many item files on, parsing is spread over worker processes.
PARALLEL_THRESHOLD = 200
#: At most this many processes share the jobs, this one included (the project's machines have 2 cores).
MAX_WORKERS = 2
#: Jobs per chunk a process takes at a time: small enough that the last chunk leaves no core idle for long.
CHUNK = 50


@dataclass(frozen=True)
class Result:
    """What checking one item (its original and translation) gives."""

    rel: str
    item: Item | None
    index_no: str | None
    """The index number the original gives, if well formed (even when the item has other errors)."""
    index_line: int
    problems: tuple[Problem, ...]
    attachments: tuple[str, ...] = ()
    """Every text of the original's ``attachments`` value: the files beside it that the result depends on."""


Job = tuple  # (original rel or None, translation rel or None[, (original bytes, translation bytes)])


@dataclass(frozen=True)
class Run:
    """How the item jobs run: shared by ``workers`` processes, this one and ``workers - 1`` forked ones
    (None: by the number of jobs), and whether each valid body is published too (``publish``,
    :func:`gongkai.loader.load_catalogue`)."""

    workers: int | None = None
    publish: bool = False


def run_jobs(root: Path, config: Config, jobs: list[Job], how: Run) -> list[Result]:
    workers = how.workers
    if workers is None:
        workers = min(MAX_WORKERS, os.cpu_count() or 1) if len(jobs) >= PARALLEL_THRESHOLD else 1
    if workers <= 1 or len(jobs) < 2:
        return _check_jobs(root, config, jobs, how.publish)
    chunks = [jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    results: list[Result] = []
    with ProcessPoolExecutor(workers - 1, mp_context=_context(), initializer=_share,
                             initargs=(root, config, how.publish)) as pool:
        futures = [pool.submit(_check_chunk, chunk) for chunk in chunks]
        mine = _take_from_the_end(root, config, chunks, futures, how.publish)
        for n, future in enumerate(futures):
            if n in mine:
                results.extend(mine[n])
                continue
            part, published = future.result()
            results.extend(part)
            bodies.keep_published(published)
    return results


def _take_from_the_end(root: Path, config: Config, chunks: list[list[Job]], futures: list[Future],
                       publish: bool) -> dict[int, list[Result]]:
    """Check chunks in this process, from the last one back, until the workers (which take them from the
    first on) have reached the next: neither waits for the other, and these results are never pickled."""
    mine: dict[int, list[Result]] = {}
    for n in reversed(range(len(chunks))):
        if not futures[n].cancel():
            break
        mine[n] = _check_jobs(root, config, chunks[n], publish)
    return mine


_SHARED: list = []
"""In a worker process: the root, configuration and ``publish`` of its jobs (given once, not with each chunk)."""


def _share(root: Path, config: Config, publish: bool) -> None:
    _SHARED[:] = [root, config, publish]


def _check_chunk(jobs: list[Job]) -> tuple[list[Result], dict]:
    """:func:`_check_jobs` in a worker process, with the bodies it published for the parent to keep."""
    root, config, publish = _SHARED
    return _check_jobs(root, config, jobs, publish), bodies.take_published()


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` (fast) where it is safe: a POSIX process with a single thread; ``spawn`` otherwise."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _check_jobs(root: Path, config: Config, jobs: list[Job], publish: bool = False) -> list[Result]:
    results = [_check_job(root, config, *job) for job in jobs]
    if publish:
        for item in (r.item for r in results if r.item is not None):
            bodies.body_html(item.body)
            if item.translation is not None:
                bodies.body_html(item.translation.body)
    return results


def _check_job(root: Path, config: Config, original_rel: str | None, translation_rel: str | None,
               data: tuple[bytes | OSError | None, bytes | OSError | None] = (None, None)) -> Result:
    """Check one original and its translation (either may be missing); ``data`` holds their bytes when
    they have been read already."""
    problems = Problems()
    item, index_no, index_line, attachments = None, None, 1, ()

    def read(rel: str, known: bytes | OSError | None) -> SourceDocument:
        return parse_bytes(rel, known if known is not None else read_bytes(os.path.join(root, rel)), problems,
                           ITEM_HINTS)

    if original_rel is not None:
        doc = read(original_rel, data[0])
        item = validate_original(doc, config, problems, root)
        value = doc.meta.get("index_no")
        if value is not None and isinstance(value.value, str) and INDEX_NO_PATTERN.match(value.value.strip()):
            index_no, index_line = value.value.strip(), value.line
        attachments = _texts(doc.meta["attachments"].value) if "attachments" in doc.meta else ()
    if translation_rel is not None:
        doc = read(translation_rel, data[1])
        if original_rel is None or item is not None:  # else the original's own errors are reported
            translation = validate_translation(doc, item, config, problems)
            if translation is not None and item is not None:
                item = replace(item, translation=translation)
    rel = original_rel or translation_rel or ""
    return Result(rel, item, index_no, index_line, tuple(problems.items), attachments)


def _texts(value: object) -> tuple[str, ...]:
    """Every text inside a YAML value (lists and mappings walked), as written and stripped."""
    if isinstance(value, str):
        return (value, value.strip())
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list):
        return tuple(text for child in value for text in _texts(child))
    return ()


class Memory:
    """The preview's result of each item of the last pass, with what it was computed from: the bytes of
    its files and the state of the files its ``attachments`` name (their size, whether they are files in
    its folder). A job whose inputs are all the same has the same result (the checks read nothing else;
    catalogue.yml is compared as a whole by :func:`memory_of`), so it is reused, never recomputed."""

    def __init__(self, root: Path, config: Config):
        self.root, self.config = root, config
        self.entries: dict[tuple, tuple[tuple, Result]] = {}

    def run(self, root: Path, config: Config, jobs: list[Job], how: Run) -> list[Result]:
        base = str(root)
        read = [(job, tuple(read_bytes(os.path.join(base, rel)) if rel else None for rel in job)) for job in jobs]
        digests = {job: tuple(_digest(d) for d in data) for job, data in read}
        found: dict[tuple, Result] = {}
        for job, _ in read:
            entry = self.entries.get(job)
            if entry is not None and entry[0] == (digests[job], self._state(job, entry[1].attachments)):
                found[job] = entry[1]
        fresh = iter(run_jobs(root, config, [(*job, data) for job, data in read if job not in found], how))
        results = [found[job] if job in found else next(fresh) for job, _ in read]
        self.entries = {job: ((digests[job], self._state(job, result.attachments)), result)
                        for (job, _), result in zip(read, results)}
        return results

    def _state(self, job: Job, names: tuple[str, ...]) -> tuple:
        if not names or job[0] is None:
            return ()
        folder = (self.root / job[0]).parent
        return tuple((name, _attachment_state(folder, name)) for name in names)


def _digest(data: bytes | OSError | None) -> bytes | OSError | None:
    """What identifies a file's bytes (an error never equals another: the file is checked again)."""
    return hashlib.sha256(data).digest() if isinstance(data, bytes) else data


def _attachment_state(folder: Path, name: str) -> tuple | None:
    """What :func:`~gongkai.validate.validate_original` reads of an attachment named ``name``."""
    try:
        path = folder / name
        return path.resolve().parent == folder.resolve(), path.is_file() and path.stat().st_size
    except (OSError, ValueError):
        return None


_MEMORY: list[Memory] = []
"""The one :class:`Memory` of the process (the last root and catalogue.yml it was used with)."""


def memory_of(root: Path, config: Config) -> Memory:
    """The memory for ``root`` and ``config``; a new, empty one when either changed."""
    if not _MEMORY or _MEMORY[0].root != root.resolve() or _MEMORY[0].config != config:
        _MEMORY[:] = [Memory(root.resolve(), config)]
    return _MEMORY[0]
