"""Deterministic builds across processes: the fixture site with every page type, built twice in separate
processes with different ``PYTHONHASHSEED``, gives the same bytes in every file, except Pagefind's few
files named in ``scripts/compare_builds.py`` (written in varying order by Pagefind itself)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import REPO

_spec = importlib.util.spec_from_file_location("compare_builds", REPO / "scripts" / "compare_builds.py")
compare_builds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare_builds)


def test_two_builds_with_different_hash_seeds_are_identical(tmp_path: Path):
    root = tmp_path / "fixture"
    compare_builds.fixture(REPO, root)
    sites = []
    for seed in ("1", "2"):
        site = tmp_path / f"site-{seed}"
        compare_builds.build(REPO, root, site, seed=seed)
        sites.append(site)
    found = compare_builds.files(sites[0])
    assert any(p.startswith("statistics/") for p in found) and any(p.startswith("feeds/") for p in found)
    assert any(compare_builds.unordered(p) for p in found)  # the exception is about files that exist
    assert compare_builds.differences(*sites) == {"differs": [], "only in old": [], "only in new": []}
