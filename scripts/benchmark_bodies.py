#!/usr/bin/env python3
"""Measure what issue 8's protections cost a build: sanitising item bodies and the per-page CSP.

    python scripts/benchmark_bodies.py --items 1000

prints, for the repository's own site and for a generated corpus of ``--items`` items
(scripts/make_corpus.py), the time to render every item page in both languages with and without
the sanitiser (nh3), and the time ``csp.apply`` takes over the built pages of a real build.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from gongkai import bodies, csp, pages  # noqa: E402
from gongkai.loader import load_catalogue  # noqa: E402


def _item_pages_seconds(root: Path) -> tuple[int, float, float]:
    catalogue, problems = load_catalogue(root)
    assert catalogue is not None, problems.report()
    items = catalogue.published

    def run() -> float:
        start = time.perf_counter()
        for item in items:
            for lang in ("zh", "en"):
                pages.item_page(item, catalogue, lang)
        return time.perf_counter() - start

    with_sanitiser = min(run() for _ in range(3))
    real = bodies.sanitise
    bodies.sanitise = lambda html: html
    try:
        without = min(run() for _ in range(3))
    finally:
        bodies.sanitise = real
    return len(items), with_sanitiser, without


def _csp_seconds(root: Path) -> tuple[int, float, float]:
    """Build ``root`` (timed), then time csp.apply over the built pages as the hook calls it."""
    site = Path(tempfile.mkdtemp()) / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
                   cwd=root, env=env, check=True)
    build = time.perf_counter() - start
    built = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    start = time.perf_counter()
    for page in built:
        csp.apply(page)
    return len(built), time.perf_counter() - start, build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    args = parser.parse_args()
    corpus = Path(tempfile.mkdtemp()) / "corpus"
    subprocess.run([sys.executable, str(REPO / "scripts/make_corpus.py"), str(args.items), str(corpus)], check=True,
                   stdout=subprocess.DEVNULL)
    for name in ("mkdocs.yml", "docs", "hooks", "overrides"):
        source, target = REPO / name, corpus / name
        if not target.exists():
            subprocess.run(["cp", "-r", str(source), str(target)], check=True)
    for label, root in (("real site", REPO), (f"{args.items}-item corpus", corpus)):
        count, with_sanitiser, without = _item_pages_seconds(root)
        print(f"{label}: {count} items, item pages zh+en {with_sanitiser:.3f} s with nh3, {without:.3f} s without "
              f"(sanitising {with_sanitiser - without:.3f} s)")
        pages_count, apply_seconds, build = _csp_seconds(root)
        print(f"{label}: build {build:.1f} s; csp.apply over {pages_count} pages {apply_seconds:.3f} s")


if __name__ == "__main__":
    main()
