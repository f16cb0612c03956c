#!/usr/bin/env python3
"""Build two revisions of gongkai and compare the sites byte for byte.

    .venv/bin/python scripts/compare_builds.py [OLD [NEW]]

OLD and NEW are git revisions (``main``, ``HEAD``, a commit); NEW may be left out (or given as
``WORKTREE``) to build the work tree as it is, uncommitted changes included. OLD defaults to ``HEAD``.

For each side the script builds, with the same ``SOURCE_DATE_EPOCH`` and ``SITE_URL``, and with that
side's own ``gongkai`` package, hook, templates and pages:

- the real site (the repository's own ``disclosures/``);
- a fixture site with every page type: items translated and not, repealed with a successor, with an
  attachment linked from the body, items that must appear nowhere (embargoed, on request, not
  disclosed, draft), catalogue listings by year and category, feeds, open data, and statistics for
  two finished years and the current, unfinished one (the statistics test fixtures).

It then lists every file only one side has and every file whose bytes differ. Pagefind writes a few
files in an order that varies between identical builds (``pagefind-entry.json``, the ``*.pf_meta``
names and ``filter/*.pf_filter``); those, and only those, are left out of the comparison and named as
allowed differences. Exit status 0 when the sites are identical apart from them, 1 otherwise.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORKTREE = "WORKTREE"

#: 2026-11-27 12:00 Asia/Shanghai, the tests' build date.
EPOCH = "1795752000"
SITE_URL = "https://gongkai.example.gov.cn/"

#: Pagefind's files whose bytes (or names) vary between builds of the same sources.
UNORDERED = ("pagefind/pagefind-entry.json", "pagefind/*.pf_meta", "pagefind/filter/*.pf_filter",
             "pagefind/parts/*/pagefind-entry.json", "pagefind/parts/*/filter/*.pf_filter")  # (``*`` spans ``/``)

SITE_FILES = ("mkdocs.yml", "docs", "hooks", "overrides")


def export(rev: str, target: Path) -> None:
    """The tree of ``rev`` (or the work tree, tracked and untracked files not ignored) in ``target``, with this
    checkout's ``node_modules`` linked in (:func:`_link_node_modules`)."""
    target.mkdir(parents=True)
    if rev == WORKTREE:
        listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO,
                                capture_output=True, check=True).stdout.decode().split("\0")
        for name in filter(None, listed):
            source = REPO / name
            if source.is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
        _link_node_modules(target)
        return
    archive = subprocess.run(["git", "archive", "--format=tar", rev], cwd=REPO, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    _link_node_modules(target)


def _link_node_modules(target: Path) -> None:
    """The editing page's build copies Decap CMS from ``node_modules`` (``make venv`` installs it, git does
    not hold it): both sides use this work tree's, as pinned by its package-lock.json."""
    if (REPO / "node_modules").is_dir() and not (target / "node_modules").exists():
        (target / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)


def _item(index_no: str, body: str = "正文第一段。\n", **fields: object) -> str:
    meta: dict[str, object] = {
        "index_no": index_no, "title": "测试条目", "publisher": "xmfao", "date_written": "2025-03-01",
        "date_published": "2025-03-05", "category": "notices", "genre": "notice", "disclosure": "proactive",
        "validity": "in-force",
    }
    meta.update(fields)
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, list):
            lines += [f"{key}:"] + [f"  - {v}" for v in value]
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines + ["---", "", body])


def _write(root: Path, index_no: str, translation: str | None = None, **fields: object) -> None:
    year, number = index_no.split("/")[1].split("-")
    path = root / "disclosures" / year / f"{number}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_item(index_no, **fields), encoding="utf-8")
    if translation is not None:
        path.with_suffix(".en.md").write_text(translation, encoding="utf-8")


CURRENT_YEAR = """\
article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}
carried_over: []
requests:
  - id: 2026-001
    received: 2026-09-01
    applicant: natural-person
  - id: 2026-002
    received: 2026-11-24
    applicant: commercial-enterprise
  - id: 2026-003
    received: 2026-10-12
    applicant: natural-person
    outcome: disclosed
    answered: 2026-10-30
appeals:
  - id: F2026-1
    kind: reconsideration
    filed: 2026-11-02
"""


def fixture(src: Path, root: Path) -> None:
    """The fixture repository, from ``src``'s site files, catalogue.yml, calendar and test fixtures."""
    root.mkdir(parents=True)
    for name in SITE_FILES:
        (shutil.copytree if (src / name).is_dir() else shutil.copy2)(src / name, root / name)
    disclosures = root / "disclosures"
    stats_fixtures = src / "tests" / "fixtures" / "statistics"
    shutil.copytree(stats_fixtures / "items", disclosures)
    shutil.copy2(src / "disclosures" / "catalogue.yml", disclosures / "catalogue.yml")
    (disclosures / "statistics").mkdir()
    shutil.copy2(src / "disclosures" / "statistics" / "calendar.yml", disclosures / "statistics" / "calendar.yml")
    for year in ("2023", "2024"):
        shutil.copy2(stats_fixtures / f"{year}.yml", disclosures / "statistics" / f"{year}.yml")
    (disclosures / "statistics" / "2026.yml").write_text(CURRENT_YEAR, encoding="utf-8")

    _write(root, "XMFAO/2025-00001", title="计划", category="plans-and-reports", genre="plan",
           summary='"A&B <b>not bold</b> 概述"', keywords=["通知", "培训"],
           body="## 标题\n\n计划正文第一段。\n\n见[办理指南](guide.pdf)。\n",
           attachments=["{file: guide.pdf, title: 办理指南}"],
           translation="---\ntitle: Plan for 2025\nsummary: Summary one\nkeywords:\n  - plan\n---\n\n"
                       "The **first** paragraph.\n\nSee [the guide](guide.pdf).\n")
    (disclosures / "2025" / "guide.pdf").write_bytes(b"%PDF-1.4 fixture\n")
    _write(root, "XMFAO/2025-00002", title="废止的通知", doc_number="厦外〔2025〕2号", validity="repealed",
           repealed_on="2025-06-01", repealed_by="XMFAO/2025-00003", date_published="2025-04-01")
    _write(root, "XMFAO/2025-00003", title="新通知", summary="概述三", date_published="2025-06-01",
           date_written="2025-05-20", translation="---\ntitle: Notice three\nsummary: Summary three\n---\n\nBody.\n")
    _write(root, "XMFAO/2026-00001", date_written="2026-11-10", date_published="2026-11-20", category="services")
    _write(root, "XMFAO/2026-00002", title="QXEMBARGOEDQX", date_written="2026-11-10", date_published="2026-12-15")
    _write(root, "XMFAO/2025-00004", title="QXONREQUESTQX", disclosure="on-request", category="personnel")
    _write(root, "XMFAO/2025-00005", title="QXNOTDISCLOSEDQX", disclosure="not-disclosed")
    _write(root, "XMFAO/2025-00006", title="QXDRAFTQX", draft="true", category="services")


def build(src: Path, root: Path, out: Path, seed: str = "0") -> str:
    """``mkdocs build --strict`` of ``root`` with ``src``'s gongkai package (and ``PYTHONHASHSEED=seed``);
    the build log."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH, SITE_URL=SITE_URL,
               PYTHONPATH=str(src), PYTHONHASHSEED=seed, PYTHONDONTWRITEBYTECODE="1")
    where = subprocess.run([sys.executable, "-c", "import gongkai; print(gongkai.__file__)"], env=env, cwd=root,
                           capture_output=True, text=True, check=True).stdout.strip()
    if not Path(where).resolve().is_relative_to(src.resolve()):
        raise SystemExit(f"gongkai imported from {where}, not from {src}")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                             "-d", str(out)], cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build of {root} failed:\n{result.stderr}")
    return result.stderr


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def unordered(path: str) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in UNORDERED)


def differences(old: Path, new: Path) -> dict[str, list[str]]:
    """Paths that differ, are only in ``old`` or only in ``new``; Pagefind's :data:`UNORDERED` files left out."""
    a, b = files(old), files(new)
    return {"differs": sorted(p for p in a.keys() & b.keys() if not unordered(p) and a[p].read_bytes() != b[p].read_bytes()),
            "only in old": sorted(p for p in a.keys() - b.keys() if not unordered(p)),
            "only in new": sorted(p for p in b.keys() - a.keys() if not unordered(p))}


def compare(name: str, old: Path, new: Path) -> bool:
    a, b = files(old), files(new)
    allowed = sorted(p for p in a.keys() | b.keys() if unordered(p))
    found = differences(old, new)
    differ, only_old, only_new = found["differs"], found["only in old"], found["only in new"]
    compared = len(a.keys() & b.keys()) - len([p for p in a.keys() & b.keys() if unordered(p)])
    same = not (only_old or only_new or differ)
    print(f"{name}: {compared} files compared, {len(differ)} differ, {len(only_old)} only in old, "
          f"{len(only_new)} only in new; {'IDENTICAL' if same else 'DIFFERENT'}")
    for label, paths in (("differs", differ), ("only in old", only_old), ("only in new", only_new)):
        for path in paths:
            print(f"  {label}: {path}")
    print(f"  allowed (Pagefind, unordered): {len(allowed)} files matching {', '.join(UNORDERED)}")
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", nargs="?", default="HEAD")
    parser.add_argument("new", nargs="?", default=WORKTREE)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="gk-compare-"))
    try:
        sides = {"old": args.old, "new": args.new}
        for side, rev in sides.items():
            export(rev, tmp / side / "src")
            fixture(tmp / side / "src", tmp / side / "fixture")
        jobs = [(side, kind) for side in sides for kind in ("real", "fixture")]
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(lambda job: build(tmp / job[0] / "src",
                                            tmp / job[0] / ("src" if job[1] == "real" else "fixture"),
                                            tmp / job[0] / f"site-{job[1]}"), jobs))
        print(f"old: {args.old}, new: {args.new} (SOURCE_DATE_EPOCH={EPOCH}, SITE_URL={SITE_URL})")
        same = [compare(f"{kind} site", tmp / "old" / f"site-{kind}", tmp / "new" / f"site-{kind}")
                for kind in ("real", "fixture")]
        return 0 if all(same) else 1
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
