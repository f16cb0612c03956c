#!/usr/bin/env python3
"""Time ``gongkai import`` on the seed text and on a two-page PDF made by the tests' sample builder.

    python scripts/benchmark_import.py [--runs 5]

Each run is a new process (``gongkai import --dry-run``, interpreter start-up included), as an editor
runs it; prints every run and the median for each file.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from import_samples import two_page_pdf  # noqa: E402

SEED = REPO / "tests" / "fixtures" / "import" / "000_f9d01605950ad4a3.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "notice.pdf"
        two_page_pdf(pdf)
        for label, path in (("seed text (52 lines)", SEED), ("two-page PDF", pdf)):
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "gongkai.cli", "import", "--dry-run", "--root", str(REPO),
                                str(path)], check=True, capture_output=True)
                times.append(time.perf_counter() - start)
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(f"gongkai import --dry-run {label}: median {statistics.median(times):.2f} s (runs: {runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
