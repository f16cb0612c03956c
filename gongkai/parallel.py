"""Running one function over many jobs in forked processes: the build renders its generated pages this way.

:class:`Batches` gathers jobs; each full batch is split into shares: the first runs here, each other one in
a child made with ``os.fork``, which starts with a copy-on-write view of everything this process holds
(the pages, the theme's templates), so nothing is pickled but the results. A child's share goes on while
this process returns to its caller; the child is waited for before the next batch forks (at most
``processes - 1`` children at a time) and at :meth:`Batches.flush`. What a job fails with, here or in a
child, comes back as a :class:`Failure`; what a child logs comes back as records and is logged here
(so a build's strict mode counts its warnings). Without ``os.fork`` (or with ``GONGKAI_PROCESSES=1``), when
forking fails, and for a share too small to pay for a process, the jobs run here: the results are the same.

Forking while another thread runs (the search indexer of :mod:`gongkai.search_index` runs Pagefind in one
while the next language's pages are rendered) is safe here because a child uses nothing that thread may
hold: that thread only waits on its executor's queue, a ``subprocess`` run and its ``Future``, which no job
touches. CPython re-creates the interpreter's own locks in the child (the GIL, the import lock, the
``logging`` module's and handlers' locks) and glibc its allocator's. A child never writes to the log's
handlers or to standard output (its records are kept in memory and sent back), and it ends with
``os._exit``: no exit handlers, no flushing of buffers copied from this process, no joining of threads it
does not have. A child that inherits the write end of a pipe Pagefind's ``subprocess`` call is just creating
can only delay that call until the child ends (one share); it never waits for that thread.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import select
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

PROCESSES_VARIABLE = "GONGKAI_PROCESSES"
"""An environment variable that sets how many processes share a batch (1: every job runs in this one)."""

MAX_PROCESSES = 4
"""The most processes a batch is shared by (this one included), whatever the number of cores."""

SMALLEST_SHARE = 8
"""A batch is split only into shares of at least this many jobs: a process costs more than a few jobs."""

BALANCE_STEP = 0.04
"""How much this process's part of a full batch changes from one batch to the next (:meth:`Batches._balance`)."""


@dataclass(frozen=True)
class Failure:
    """A job that raised: its label and ``Type: message``."""

    job: str
    error: str


@dataclass
class Counts:
    """What :class:`Batches` did since it was made (or since :meth:`Batches.take_counts`)."""

    jobs: int = 0
    forked_jobs: int = 0
    """The jobs that ran in a child process."""
    children: int = 0


def processes() -> int:
    """How many processes share a batch: :data:`PROCESSES_VARIABLE`, else the cores this process may use
    (at most :data:`MAX_PROCESSES`); 1 where ``os.fork`` does not exist."""
    if not hasattr(os, "fork"):
        return 1
    wanted = os.environ.get(PROCESSES_VARIABLE, "").strip()
    if wanted:
        return max(1, int(wanted))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(MAX_PROCESSES, cores))


@dataclass
class _Child:
    pid: int
    reader: int
    jobs: str
    """The labels of its first and last job, for a child that ends without a result."""


@dataclass
class Batches:
    """Runs ``work(job)`` for every job :meth:`add` is given, ``size`` at a time, in up to ``processes``
    processes. ``label(job)`` names a job in a :class:`Failure`; ``forget(job)`` is called here for each job
    once it has run or has been handed to a child (to free what this process no longer needs)."""

    work: Callable[[Any], None]
    label: Callable[[Any], str]
    size: int = 200
    processes: int = field(default_factory=processes)
    forget: Callable[[Any], None] = lambda job: None
    counts: Counts = field(default_factory=Counts)
    _jobs: list = field(default_factory=list)
    _children: list[_Child] = field(default_factory=list)
    _failures: list[Failure] = field(default_factory=list)
    here: float = 0.0
    """This process's part of a full batch (0 until the first one: an equal share), see :meth:`_balance`."""
    taken: Callable[[], int] = lambda: 0
    """How many of the ``processes`` cores other work of this process takes at the moment (the search
    indexer's Pagefind run): a batch is shared by that many processes fewer. A child beside them would
    only take turns on the same cores, and each child's copied pages add to the build's peak memory."""

    def add(self, job: Any) -> bool:
        """Keep ``job``; run the batch when it is full (True then)."""
        self._jobs.append(job)
        if len(self._jobs) < self.size:
            return False
        self._run(full=True)
        return True

    def flush(self) -> list[Failure]:
        """Run the jobs kept, wait for every child; every failure since the last flush, in job order."""
        self._run()
        self._wait()
        failures, self._failures = self._failures, []
        return failures

    def abandon(self) -> None:
        """Drop the jobs kept and wait for every child, forgetting their failures (a build that stopped)."""
        self._jobs = []
        self._wait()
        self._failures = []

    def take_counts(self) -> Counts:
        counts, self.counts = self.counts, Counts()
        return counts

    def _run(self, full: bool = False) -> None:
        jobs, self._jobs = self._jobs, []
        if not jobs:
            return
        ended = self._wait()  # at most processes - 1 children at a time
        processes = max(1, self.processes - self.taken())
        if full and processes > 1:
            self._balance(ended)
        shares = _shares(jobs, processes, self.here if full and processes > 1 else 0.0)
        for share in shares[1:]:
            child = self._fork(share)
            if child is None:
                self._here(share)
            else:
                self._children.append(child)
                self.counts.children += 1
                self.counts.forked_jobs += len(share)
                for job in share:
                    self.forget(job)
        self._here(shares[0])
        self.counts.jobs += len(jobs)

    def _here(self, jobs: Sequence) -> None:
        self._failures += _run_jobs(jobs, self.work, self.label)
        for job in jobs:
            self.forget(job)

    def _fork(self, jobs: Sequence) -> _Child | None:
        """A child running ``jobs``; None when no process can be made."""
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()  # else the child's copy of the buffer could be written a second time
            except (AttributeError, OSError, ValueError):
                pass
        reader, writer = os.pipe()
        gc.freeze()  # the collector, here and in the child, leaves the shared objects' pages alone
        try:
            with warnings.catch_warnings():  # Python 3.12+ warns of fork with threads (see the module's text)
                warnings.filterwarnings("ignore", r".*multi-threaded.*fork", DeprecationWarning)
                pid = os.fork()
        except OSError:
            os.close(reader)
            os.close(writer)
            return None
        if pid == 0:
            os.close(reader)
            _child(jobs, self.work, self.label, writer)
        os.close(writer)
        return _Child(pid, reader, f"{self.label(jobs[0])} … {self.label(jobs[-1])}")

    def _balance(self, ended: bool | None) -> None:
        """After a full batch, this process goes on with its caller's work (the next batch's pages) while the
        children render: their shares grow while they end before this process comes back to wait for them,
        and shrink while it has to wait (the right split depends on the machine and what else runs)."""
        if not self.here:
            self.here = 1 / self.processes
        if ended is not None:
            self.here = min(0.9, max(0.1, self.here + (-BALANCE_STEP if ended else BALANCE_STEP)))

    def _wait(self) -> bool | None:
        """Wait for every child; whether they had all ended before (None: there was none)."""
        children, self._children = self._children, []
        ended = all(select.select([c.reader], [], [], 0)[0] for c in children) if children else None
        for child in children:
            self._failures += _reap(child)
        gc.unfreeze()
        return ended


def _shares(jobs: list, processes: int, here: float = 0.0) -> list[list]:
    """This process's share (``here`` of the jobs; 0: an equal one), then each child's."""
    count = max(1, min(processes, len(jobs) // SMALLEST_SHARE))
    if count == 1:
        return [jobs]
    first = round(len(jobs) * here) if here else -(-len(jobs) // count)
    first = min(max(first, 1), len(jobs) - (count - 1))
    rest = jobs[first:]
    size = -(-len(rest) // (count - 1))
    return [jobs[:first]] + [rest[i:i + size] for i in range(0, len(rest), size)]


def _run_jobs(jobs: Sequence, work: Callable[[Any], None], label: Callable[[Any], str]) -> list[Failure]:
    failures = []
    for job in jobs:
        try:
            work(job)
        except Exception as error:  # noqa: BLE001 - reported with the job's name, never a traceback
            failures.append(Failure(label(job), f"{type(error).__name__}: {error}"))
    return failures


class _Keep(logging.Handler):
    """A child's log: the records, to be logged again by the parent."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _keep_log() -> _Keep:
    """In a child: every logger's records go to one :class:`_Keep` instead of the parent's handlers."""
    keep = _Keep()
    loggers = [logging.getLogger(), *(logger for logger in logging.Logger.manager.loggerDict.values()
                                      if isinstance(logger, logging.Logger))]
    for logger in loggers:
        logger.handlers = [] if logger.propagate and logger is not logging.getLogger() else [keep]
    return keep


def _child(jobs: Sequence, work: Callable[[Any], None], label: Callable[[Any], str], writer: int) -> None:
    """The whole life of a child: run ``jobs``, send the failures and records, end. Never returns."""
    status = 1
    try:
        keep = _keep_log()
        failures = _run_jobs(jobs, work, label)
        with open(writer, "wb") as out:
            out.write(pickle.dumps((failures, keep.records)))
        status = 0
    finally:
        os._exit(status)


def _reap(child: _Child) -> list[Failure]:
    chunks = []
    while chunk := os.read(child.reader, 1 << 16):
        chunks.append(chunk)
    os.close(child.reader)
    _, status = os.waitpid(child.pid, 0)
    try:
        failures, records = pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 - a child that died (killed, out of memory) sends nothing
        return [Failure(child.jobs, f"the worker process ended without a result ({_ending(status)})")]
    for name, level, message in records:
        logging.getLogger(name).handle(logging.makeLogRecord(
            {"name": name, "levelno": level, "levelname": logging.getLevelName(level), "msg": message}))
    return failures


def _ending(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"
