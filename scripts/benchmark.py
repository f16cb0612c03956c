#!/usr/bin/env python3
"""Speed and memory at scale, against a like-for-like baseline built in the same run (``make bench``).

    python scripts/benchmark.py                      # 1,000 / 4,000 / 10,000 items and the check
    python scripts/benchmark.py --sizes 1000 --no-check --material-search-up-to 1000

For each size it generates a corpus with scripts/make_search_corpus.py (the seed item and variations
of it, half translated) and builds, each in a new process, timed for wall time, CPU time (user +
system, children included) and peak memory, sampled every 50 ms (PSS every 2 s) over the build's whole process tree
(Pagefind and the processes that render pages included) in two ways: the largest sum of resident memory
(RSS; beside it the peaks of the MkDocs process and of its children), and the largest sum of proportional
memory (PSS, /proc/PID/smaps_rollup). The build forks processes that share its memory copy-on-write: a
page they share is resident in each, so the RSS sum counts it once per process, while PSS divides it
among them, so the PSS sum is the memory the tree really holds. The 10,000-item target is on the PSS
peak (the RSS sum where PSS cannot be read):

- **gongkai**: ``mkdocs build --strict`` of the corpus with this worktree's site files. Pagefind indexes
  each language while MkDocs builds the next, so the build log gives two figures: Pagefind's own time
  and the part of it after the pages were written, which the build waited for. "Without Pagefind" is
  the build minus that part (Pagefind's share of the wall time);
- **floor**: the *same* item bodies, titles and metadata tables written as plain Markdown pages in
  both languages (an untranslated item's English page has the Chinese body), built with the same
  Material + i18n configuration, no hooks and no search;
- **material search**: the floor with Material's own search plugin (what an office would otherwise
  get; it grows faster than linearly on Chinese bodies, so by default only at the smallest size).

Then ``gongkai check`` on a 10,000-item corpus of realistic bodies (scripts/make_corpus.py).
It prints every figure with the machine's load average, each target and whether it is met, and exits 1
when one is missed (2 when a build fails). Not part of ``make test``: timings belong here.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from make_corpus import make_corpus as make_check_corpus  # noqa: E402
from make_search_corpus import make_corpus  # noqa: E402

BUILD_EPOCH = "1795752000"  # 2026-11-27, as in tests/conftest.py
GB = 1024 ** 3

# The targets of issue 14.
FLOOR_RATIO = 1.4          # full gongkai build / plain pages without search, at 1,000 and 4,000 items
FLOOR_RATIO_NO_INDEX = 1.15  # the same without the Pagefind step
LARGE_ITEMS = 10_000
LARGE_PEAK = 1.5 * GB
LARGE_WALL = 180.0
GROWTH_RATIO = 4.2         # time(4N) / time(N)
CHECK_SECONDS = 3.0
RATIO_SIZES = (1000, 4000)
PSS_INTERVAL = 2.0  # seconds between two samples of the tree's PSS


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak: int
    """Bytes: the largest sum over the process tree."""
    own_peak: int = 0
    """Bytes: the largest resident memory of the build process itself (MkDocs)."""
    child_peak: int = 0
    """Bytes: the largest resident memory of all its child processes together (Pagefind, page renderers)."""
    pss_peak: int = 0
    """Bytes: the largest sum of proportional memory (PSS) over the tree; 0 where it cannot be read."""
    pagefind: float | None = None
    """Pagefind's wall seconds (its runs together), from the build log."""
    pagefind_after: float | None = None
    """The part of :attr:`pagefind` after the pages were written, which the build waited for; the rest ran
    while MkDocs built the next language (None: the build log does not say, every run was at the end)."""

    @property
    def pagefind_share(self) -> float:
        """The seconds the Pagefind step adds to the build's wall time."""
        return self.pagefind_after if self.pagefind_after is not None else (self.pagefind or 0.0)

    def describe(self) -> str:
        step = ""
        if self.pagefind is not None:
            step = f", Pagefind {self.pagefind:.1f} s"
            if self.pagefind_after is not None:
                step += f" ({self.pagefind_after:.1f} s of it after the pages were written)"
        memory = (f" (MkDocs {self.own_peak / 2**20:.0f} MB, children {self.child_peak / 2**20:.0f} MB)"
                  if self.child_peak else "")
        pss = f", PSS peak {self.pss_peak / 2**20:.0f} MB" if self.pss_peak else ""
        return (f"wall {self.wall:6.1f} s  cpu {self.cpu:6.1f} s  RSS peak {self.peak / 2**20:7.0f} MB{memory}"
                f"{pss}{step}")

    @property
    def memory(self) -> int:
        """Bytes: the peak the memory target is on (PSS where it could be read)."""
        return self.pss_peak or self.peak


# -- measuring a process tree ----------------------------------------------------

def _pss(pid: int) -> int:
    """Proportional bytes of ``pid`` (0 when it cannot be read, or the process ended)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _tree_rss(root_pid: int, pss: bool = True) -> tuple[int, int, int]:
    """Resident bytes of ``root_pid`` itself and of all its descendants, and (if ``pss``) the PSS of them all
    (one scan of /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid], rss[pid] = int(fields[1]), int(fields[21]) * page
    total, wanted = 0, {root_pid}
    changed = True
    while changed:  # descendants, whatever order /proc lists them in
        changed = False
        for pid, parent in parents.items():
            if parent in wanted and pid not in wanted:
                wanted.add(pid)
                changed = True
    for pid in wanted - {root_pid}:
        total += rss.get(pid, 0)
    return rss.get(root_pid, 0), total, sum(_pss(pid) for pid in wanted if pid in rss) if pss else 0


def measure(command: list[str], cwd: Path, env: dict | None = None) -> tuple[Run, str]:
    """Run ``command``; its :class:`Run` and its output. Exits 2 when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = [0, 0, 0, 0]  # the tree, the process, its children; the tree's PSS

    def sample() -> None:
        pss_at = 0.0
        while process.poll() is None:
            # PSS every PSS_INTERVAL: for it the kernel walks each process's page tables (0.1-0.4 s for a
            # 900 MB build), which on a 2-core machine would take time from the build being measured.
            now = time.monotonic()
            due = now - pss_at >= PSS_INTERVAL
            own, children, pss = _tree_rss(process.pid, pss=due)
            pss_at = now if due else pss_at
            peak[:] = (max(peak[0], own + children), max(peak[1], own), max(peak[2], children),
                       max(peak[3], pss))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0]
    wall = time.monotonic() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode != 0:
        print(f"FAILED (exit {process.returncode}): {' '.join(command)}\n{output[-3000:]}")
        sys.exit(2)
    step = re.search(r"search index \(Pagefind\).* in ([\d.]+) s(?:, ([\d.]+) s of it after)?", output)
    return Run(wall, cpu, *peak, float(step.group(1)) if step else None,
               float(step.group(2)) if step and step.group(2) else None), output


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


# -- the corpora -------------------------------------------------------------------

def plain_site(corpus: Path, out: Path, search: bool) -> Path:
    """The corpus's items as plain Markdown pages (same bodies, titles and metadata tables) with the
    project's Material + i18n configuration, without hooks or overrides; ``search`` adds Material's."""
    sys.path.insert(0, str(REPO))
    from gongkai.loader import load_catalogue
    from gongkai.schema import FIELDS

    catalogue, problems = load_catalogue(corpus)
    if catalogue is None:
        sys.exit("the generated corpus has errors:\n" + problems.report())
    docs = out / "docs"
    if out.exists():
        shutil.rmtree(out)
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Home\n", encoding="utf-8")
    for item in catalogue.published:
        for lang in ("zh", "en"):
            translation = item.translation if lang == "en" else None
            rows = []
            for f in FIELDS:
                value = getattr(item, f.key, None)
                if f.shown and value:
                    text = ", ".join(value) if isinstance(value, (list, tuple)) else str(value)
                    rows.append(f"| {f.label(lang)} | {' '.join(text.split()).replace('|', '/')} |")
            table = "\n".join([f"| {'字段' if lang == 'zh' else 'Field'} | {'内容' if lang == 'zh' else 'Value'} |",
                               "|---|---|", *rows])
            body = translation.body if translation else item.body
            page = f"# {item.title_in(lang)}\n\n{table}\n\n{body}\n"
            path = docs / "disclosures" / (item.slug + (".md" if lang == "zh" else ".en.md"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page, encoding="utf-8")
    config = _plain_config((REPO / "mkdocs.yml").read_text(encoding="utf-8"), search)
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    return out


def _plain_config(text: str, search: bool) -> str:
    """The project's mkdocs.yml without what only gongkai has (hooks, nav, overrides, its assets)."""
    dropped = ("hooks:", "nav:", "not_in_nav:", "watch:", "extra_css:", "extra_javascript:")
    lines, skipping = [], False
    for line in text.splitlines():
        top = line[:1] not in (" ", "-", "") and not line.startswith("#")
        if top:
            skipping = line.startswith(dropped)
        if skipping or line.strip().startswith("custom_dir:"):
            continue
        if search and line.strip() == "- i18n:":
            lines.append("  - search")
        lines.append(line)
    # One page in the navigation, the items outside it, as gongkai's own configuration does.
    lines += ["nav:", "  - index.md", "not_in_nav: |", "  /disclosures/"]
    return "\n".join(lines) + "\n"


# -- the runs ----------------------------------------------------------------------

def build(root: Path) -> tuple[Run, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILD_EPOCH)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
               "-d", str(root / "site")]
    return measure(command, root, env)


class Verdicts:
    def __init__(self) -> None:
        self.missed: list[str] = []

    def target(self, name: str, value: float, limit: float, unit: str = "") -> None:
        ok = value <= limit
        print(f"  target {name}: {value:.2f}{unit} (at most {limit:.2f}{unit}) {'OK' if ok else 'MISSED'}")
        if not ok:
            self.missed.append(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 4000, LARGE_ITEMS],
                        help="corpus sizes to build (none: only the gongkai check timing)")
    parser.add_argument("--material-search-up-to", type=int, default=1000,
                        help="build the Material-search baseline only up to this many items (it is slow)")
    parser.add_argument("--no-check", action="store_true", help="skip the gongkai check timing")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    verdicts = Verdicts()
    print(f"machine: {os.cpu_count()} cores, {load()}")
    walls: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-") as tmp:
        work = args.keep or Path(tmp)
        for size in args.sizes:
            corpus = work / f"gongkai-{size}"
            if corpus.exists():
                shutil.rmtree(corpus)
            translated = make_corpus(size, corpus, site=True)
            print(f"\n== {size:,} items ({translated:,} translated) ==")
            print(f"  [{load()}]")
            full, _ = build(corpus)
            walls[size] = full.wall
            print(f"  gongkai          {full.describe()}")
            floor = None
            if size in RATIO_SIZES or size <= args.material_search_up_to:
                floor, _ = build(plain_site(corpus, work / f"floor-{size}", search=False))
                print(f"  floor            {floor.describe()}   [{load()}]")
            if size <= args.material_search_up_to:
                material, _ = build(plain_site(corpus, work / f"material-{size}", search=True))
                print(f"  material search  {material.describe()}   [{load()}]")
                print(f"  gongkai / material search: wall {full.wall / material.wall:.2f}x, "
                      f"peak {full.memory / material.memory:.2f}x")
            if floor is not None:
                no_index = full.wall - full.pagefind_share
                print(f"  gongkai / floor: wall {full.wall / floor.wall:.2f}x, cpu {full.cpu / floor.cpu:.2f}x, "
                      f"peak {full.memory / floor.memory:.2f}x; without Pagefind wall {no_index / floor.wall:.2f}x")
                if size in RATIO_SIZES:
                    verdicts.target(f"full build / floor at {size}", full.wall / floor.wall, FLOOR_RATIO, "x")
                    verdicts.target(f"without Pagefind / floor at {size}", no_index / floor.wall,
                                    FLOOR_RATIO_NO_INDEX, "x")
            if size == LARGE_ITEMS:
                verdicts.target(f"peak memory (PSS) at {size}" if full.pss_peak else f"peak memory at {size}",
                                full.memory / GB, LARGE_PEAK / GB, " GB")
                verdicts.target(f"wall time at {size}", full.wall, LARGE_WALL, " s")
            shutil.rmtree(work / f"floor-{size}", ignore_errors=True)
            shutil.rmtree(work / f"material-{size}", ignore_errors=True)
            if not args.keep:
                shutil.rmtree(corpus, ignore_errors=True)
        for small in sorted(walls):
            if 4 * small in walls:
                print(f"\n4x the items ({small:,} -> {4 * small:,}):")
                verdicts.target("time growth", walls[4 * small] / walls[small], GROWTH_RATIO, "x")
        if not args.no_check:
            root = work / "check-corpus"
            make_check_corpus(root, LARGE_ITEMS)
            os.sync()
            runs = [measure([sys.executable, "-m", "gongkai.cli", "check", "--root", str(root)], REPO)[0]
                    for _ in range(3)]
            median = sorted(r.wall for r in runs)[1]
            print(f"\ngongkai check on {LARGE_ITEMS:,} items: " + ", ".join(f"{r.wall:.2f} s" for r in runs)
                  + f"   [{load()}]")
            verdicts.target("gongkai check median", median, CHECK_SECONDS, " s")
    print(f"\n{load()}")
    if verdicts.missed:
        print("MISSED: " + "; ".join(verdicts.missed))
        return 1
    print("every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
