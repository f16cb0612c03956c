#!/usr/bin/env python3
"""Time ``gongkai check`` on a generated repository of 10,000 items.

    python scripts/benchmark.py [--items 10000] [--runs 3] [--limit 3.0]

Generates the corpus with scripts/make_corpus.py in a temporary folder, runs
``gongkai check --root <corpus>`` as an editor would (a new process each time,
interpreter start-up included), prints every run and the median, and exits 1
when the median is over the limit (3 seconds by default).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=3.0, help="seconds allowed for the median run")
    args = parser.parse_args(argv)
    command = [sys.executable, "-m", "gongkai.cli", "check", "--root"]
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-") as tmp:
        root = Path(tmp) / "repo"
        started = time.perf_counter()
        make_corpus(root, args.items)
        os.sync()  # time the check, not the write-back of the corpus
        files = sum(1 for _ in (root / "disclosures").rglob("*.md"))
        print(f"corpus: {args.items} items, {files} Markdown files, written in {time.perf_counter() - started:.1f} s")
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} before the runs")
        times = []
        for run in range(args.runs):
            started = time.perf_counter()
            result = subprocess.run([*command, str(root)], capture_output=True, text=True)
            elapsed = time.perf_counter() - started
            if result.returncode != 0:
                print(f"gongkai check failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
                return 2
            times.append(elapsed)
            print(f"run {run + 1}: gongkai check on {args.items} items: {elapsed:.2f} s")
    median = statistics.median(times)
    verdict = "OK" if median <= args.limit else "TOO SLOW"
    print(f"median: {median:.2f} s (limit {args.limit:.1f} s) {verdict}")
    return 0 if median <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
