"""Jobs run in forked processes (gongkai/parallel.py): every job runs once, here or in a child; a child's
failures and log records come back; without fork, or when it fails, everything runs here."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from gongkai import parallel


def _write_pid(folder: Path):
    def work(job: int) -> None:
        if job == 13:
            raise ValueError(f"job {job} is unlucky")
        (folder / f"{job}.txt").write_text(str(os.getpid()), encoding="utf-8")
    return work


def _batches(folder: Path, **options) -> parallel.Batches:
    forgotten: list[int] = []
    batches = parallel.Batches(_write_pid(folder), label=lambda job: f"job {job}", forget=forgotten.append,
                               **options)
    batches.forgotten = forgotten
    return batches


def _pids(folder: Path) -> dict[int, int]:
    return {int(p.stem): int(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt")}


def test_every_job_runs_once_some_in_children_and_a_failure_names_its_job(tmp_path):
    batches = _batches(tmp_path, size=40, processes=2)
    ran = [batches.add(job) for job in range(100)]
    assert ran.count(True) == 2  # two full batches ran as they filled; the rest waits for flush
    failures = batches.flush()
    assert failures == [parallel.Failure("job 13", "ValueError: job 13 is unlucky")]
    pids = _pids(tmp_path)
    assert sorted(pids) == [job for job in range(100) if job != 13]
    here = {job for job, pid in pids.items() if pid == os.getpid()}
    assert here and len(here) < 99  # the parent did its share, children the rest
    assert len(set(pids.values())) == 4  # this process and one child for each of the three batches
    assert sorted(batches.forgotten) == list(range(100))
    counts = batches.take_counts()
    assert (counts.jobs, counts.forked_jobs, counts.children) == (100, 100 - len(here) - 1, 3)


def test_a_failure_in_a_child_comes_back(tmp_path):
    batches = _batches(tmp_path, size=100, processes=2)
    for job in range(20):
        batches.add(job)
    assert batches.flush() == [parallel.Failure("job 13", "ValueError: job 13 is unlucky")]
    assert _pids(tmp_path)[12] != os.getpid()  # job 13's share ran in a child


def test_a_child_that_dies_is_reported_with_its_jobs(tmp_path):
    def work(job: int) -> None:
        if job == 15:
            os._exit(3)
    batches = parallel.Batches(work, label=lambda job: f"job {job}", processes=2)
    for job in range(20):
        batches.add(job)
    assert batches.flush() == [parallel.Failure("job 10 … job 19", "the worker process ended without a result "
                                                                   "(exit status 3)")]


def test_what_a_child_logs_is_logged_by_the_parent(tmp_path, caplog):
    def work(job: int) -> None:
        logging.getLogger("mkdocs.test").warning("job %s in %s", job, "a child" if os.getpid() != parent else "here")
    parent = os.getpid()
    batches = parallel.Batches(work, label=str, processes=2)
    for job in range(16):
        batches.add(job)
    with caplog.at_level(logging.WARNING, logger="mkdocs.test"):
        assert batches.flush() == []
    messages = sorted(r.getMessage() for r in caplog.records if r.name == "mkdocs.test")
    assert messages == sorted([f"job {j} in here" for j in range(8)] + [f"job {j} in a child" for j in range(8, 16)])


def test_without_fork_every_job_runs_here(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "fork")
    assert parallel.processes() == 1
    batches = _batches(tmp_path, size=40)
    for job in range(50):
        batches.add(job)
    assert batches.flush() == [parallel.Failure("job 13", "ValueError: job 13 is unlucky")]
    assert set(_pids(tmp_path).values()) == {os.getpid()}
    assert batches.take_counts() == parallel.Counts(jobs=50)


def test_when_fork_fails_the_share_runs_here(tmp_path, monkeypatch):
    def no_fork():
        raise OSError(11, "Resource temporarily unavailable")
    monkeypatch.setattr(os, "fork", no_fork)
    batches = _batches(tmp_path, size=40, processes=2)
    for job in range(50):
        batches.add(job)
    assert len(batches.flush()) == 1
    assert set(_pids(tmp_path).values()) == {os.getpid()} and len(_pids(tmp_path)) == 49


@pytest.mark.parametrize("jobs, processes, shares", [(7, 2, [7]), (16, 2, [8, 8]), (17, 2, [9, 8]),
                                                     (100, 4, [25, 25, 25, 25]), (20, 4, [10, 10])])
def test_a_batch_is_split_only_into_shares_worth_a_process(jobs, processes, shares):
    assert [len(s) for s in parallel._shares(list(range(jobs)), processes)] == shares


def test_the_number_of_processes_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "1")
    assert parallel.processes() == 1
    monkeypatch.setenv(parallel.PROCESSES_VARIABLE, "3")
    assert parallel.processes() == 3
    monkeypatch.delenv(parallel.PROCESSES_VARIABLE)
    assert 1 <= parallel.processes() <= parallel.MAX_PROCESSES


def test_the_childrens_part_grows_while_they_end_first_and_shrinks_while_the_parent_waits():
    batches = parallel.Batches(lambda job: None, label=str, processes=2)
    batches._balance(None)  # the first full batch: an equal share
    assert batches.here == 0.5
    for _ in range(3):
        batches._balance(True)
    assert batches.here == pytest.approx(0.5 - 3 * parallel.BALANCE_STEP)
    assert [len(s) for s in parallel._shares(list(range(100)), 2, batches.here)] == [38, 62]
    for _ in range(100):
        batches._balance(False)
    assert batches.here == 0.9
    assert [len(s) for s in parallel._shares(list(range(100)), 3, 0.9)] == [90, 5, 5]


def test_no_child_while_other_work_takes_the_spare_core_and_children_again_once_it_is_free(tmp_path):
    busy = [1]
    batches = _batches(tmp_path, size=40, processes=2, taken=lambda: busy[0])
    for job in range(40):
        batches.add(job)  # the first batch runs while the core is taken (Pagefind's run)
    assert set(_pids(tmp_path).values()) == {os.getpid()}
    busy[0] = 0
    for job in range(40, 80):
        batches.add(job)
    assert batches.flush() == [parallel.Failure("job 13", "ValueError: job 13 is unlucky")]
    later = {job: pid for job, pid in _pids(tmp_path).items() if job >= 40}
    assert len(set(later.values())) == 2  # this process and a child
    assert batches.take_counts().children == 1


def test_search_index_counts_its_runs_in_progress(monkeypatch, tmp_path):
    from gongkai import search_index

    seen = []
    monkeypatch.setattr(search_index, "_run_pagefind",
                        lambda *args: seen.append(search_index.runs_in_progress()) or {})
    indexer = search_index.Indexer(tmp_path)
    assert indexer._run("pagefind", "**/*.html") == {}
    assert seen == [1] and search_index.runs_in_progress() == 0
