"""Loading every item of a repository into a :class:`~gongkai.catalogue.Catalogue`.

``load_catalogue`` is the one entry point used by the CLI, the MkDocs hooks
and the tests: it reads catalogue.yml, then every ``disclosures/<YYYY>/*.md``,
validates each (:mod:`gongkai.item_jobs`: one item at a time, in worker processes
for a large repository, reused across preview passes), then checks what concerns
several files (unique index numbers, repeals, links between items), which is cheap
and always runs on the whole catalogue. It never raises on bad input.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

from . import clock
from .catalogue import Catalogue, Item
from .config import load_config
from .item_jobs import Memory, Result, Run, memory_of, run_jobs
from .office import PROACTIVE, Config
from .problems import Problems
from .layout import CATALOGUE_FILE, CONTENT_DIR, CONTENT_README, STATISTICS_DIR, item_path, place_of
from .text import Text


#: Names an editor may have meant as an item (Windows hides extensions: ``00002.md.txt``).
_MISNAMED_SUFFIXES = (".markdown", ".md.txt", ".mdown", ".txt")


def is_checked(rel: str) -> bool:
    """Whether the checks read the repository-relative file ``rel``: items and translations (and files
    misnamed as such), catalogue.yml and the statistics files under disclosures/."""
    if not rel.startswith(f"{CONTENT_DIR}/") or rel == CONTENT_README:
        return False
    return (rel == CATALOGUE_FILE or rel.startswith(f"{STATISTICS_DIR}/")
            or rel.lower().endswith((".md", *_MISNAMED_SUFFIXES)))


def _scan(root: Path) -> tuple[list[str], list[str]]:
    """Repository-relative paths of the ``.md`` files under disclosures/ and of misnamed ones, sorted."""
    base = root / CONTENT_DIR
    found, misnamed = [], []
    for folder, dirs, files in os.walk(base):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_folder = Path(folder).relative_to(root).as_posix()
        for name in files:
            rel = f"{rel_folder}/{name}"
            if name.endswith(".md"):
                if rel != CONTENT_README:
                    found.append(rel)
            elif name.lower().endswith((".md", *_MISNAMED_SUFFIXES)) and not name.startswith("."):
                misnamed.append(rel)
    return sorted(found), sorted(misnamed)


def load_catalogue(root: Path, today: date | None = None, only: list[Path] | None = None,
                   workers: int | None = None, partial: bool = False,
                   reuse: bool = False, publish: bool = False) -> tuple[Catalogue | None, Problems]:
    """Load and validate the repository at ``root``.

    Returns the catalogue (None when there is any error) and every problem found.
    ``only`` restricts the reported problems to some files (a folder means every file in it); the
    cross-file checks still see every item, so a duplicate index number is found whichever file is named.
    ``workers`` forces the number of worker processes (1: none); by default it depends on the size.
    ``partial`` returns the catalogue of the valid items even when other files have errors (for reports
    such as ``gongkai translations``; never for building the site).
    ``reuse`` takes each unchanged item's result from the previous call with ``reuse`` (the preview).
    ``publish`` also turns each valid body into its published HTML while the item is at hand (the build's
    pages take it from :func:`gongkai.bodies.body_html`; in worker processes this uses both cores).
    """
    problems = Problems()
    config = load_config(root, problems)
    if config is None:
        return None, problems
    paths, misnamed = _scan(root)
    _report_misnamed(misnamed, problems)
    today = today if today is not None else clock.today()
    memory = memory_of(root, config) if reuse else None
    items = _load_items(root, config, problems, paths, Run(workers, publish), today, memory)
    if only is not None:
        restrict(problems, root, only)
    if problems.errors and not partial:
        return None, problems
    catalogue = Catalogue(config, tuple(sorted(items, key=lambda i: i.index_no)), today)
    return catalogue, problems


def restrict(problems: Problems, root: Path, only: list[Path]) -> None:
    """Keep only the problems of the files ``only`` names (a folder: every file in it) and of catalogue.yml."""
    wanted = [_relative(root, p) for p in only]
    problems.items = [p for p in problems.items if p.path == CATALOGUE_FILE
                      or any(p.path == w or p.path.startswith(w.rstrip("/") + "/") or w == "" for w in wanted)]


def _relative(root: Path, path: Path) -> str:
    """``path`` relative to ``root`` with ``/`` separators; ``""`` for the root itself."""
    rel = os.path.relpath(path.resolve(), root.resolve()).replace(os.sep, "/")
    return "" if rel == "." else rel


def _report_misnamed(paths: list[str], problems: Problems) -> None:
    for rel in paths:
        problems.add(rel, 0, "bad-path",
                     Text(f"文件 {rel} 的扩展名不是 .md，不会被发布。", f"{rel} does not end in .md, so it would never be published."),
                     Text("把文件改名为 <五位序号>.md（Windows 资源管理器中先打开“文件扩展名”显示）。",
                          "Rename it to <5-digit number>.md (in Windows Explorer, first turn on 'File name extensions')."))


def _load_items(root: Path, config: Config, problems: Problems, paths: list[str],
                how: Run, today: date, memory: Memory | None) -> list[Item]:
    groups: dict[str, list[str | None]] = {}
    for rel in paths:
        place = place_of(rel)
        if place is None:
            problems.add(rel, 0, "bad-path", Text(f"文件 {rel} 的位置或名称不符合 disclosures/<年份>/<五位序号>.md。",
                                                  f"{rel} is not named disclosures/<year>/<5-digit number>.md."))
            continue
        group = groups.setdefault(place.original, [None, None])
        group[1 if place.translation else 0] = rel
    jobs = [(original if pair[0] else None, pair[1]) for original, pair in sorted(groups.items())]
    results = memory.run(root, config, jobs, how) if memory is not None else run_jobs(root, config, jobs, how)
    for result in results:
        problems.extend(result.problems)
    _check_unique(results, problems)
    items = [r.item for r in results if r.item is not None]
    _check_repeals(items, problems)
    _check_links_between(items, problems, today)
    return items


def _check_unique(results: list[Result], problems: Problems) -> None:
    """Each index number once. A file whose number belongs to another file at the number's own place
    is a copy: its index-no-mismatch says so, and the original is left alone. Files of which none is
    at that place are duplicates: each is named in the other's message."""
    claims: dict[str, list[Result]] = {}
    for result in sorted(results, key=lambda r: r.rel):
        if result.index_no is not None:
            claims.setdefault(result.index_no, []).append(result)
    for index_no, claimants in claims.items():
        if len(claimants) < 2:
            continue
        owner = next((r for r in claimants if r.rel == item_path(index_no)), None)
        for other in claimants[1:] if owner is None else ():
            _report_duplicate(index_no, claimants[0], other, problems)
        for copy in claimants if owner is not None else ():
            if copy is not owner:
                _explain_copy(index_no, owner, copy, problems)


def _report_duplicate(index_no: str, first: Result, other: Result, problems: Problems) -> None:
    problems.add(other.rel, other.index_line, "duplicate-index-no",
                 Text(f"索引号 {index_no} 已被 {first.rel} 使用。",
                      f"index number {index_no} is already used by {first.rel}."), key="index_no")
    problems.add(first.rel, first.index_line, "duplicate-index-no",
                 Text(f"索引号 {index_no} 也被 {other.rel} 使用。",
                      f"index number {index_no} is also used by {other.rel}."), key="index_no")


def _explain_copy(index_no: str, owner: Result, copy: Result, problems: Problems) -> None:
    """Say in the copy's index-no-mismatch whose number it carries (moving the file is no fix then)."""
    place = place_of(copy.rel)
    for n, problem in enumerate(problems.items):
        if problem.path == copy.rel and problem.code == "index-no-mismatch" and place:
            own = place.index_no(index_no.split("/")[0])
            problems.items[n] = replace(
                problem,
                message=Text(f"索引号 {index_no} 是 {owner.rel} 的，与本文件的位置 {copy.rel} 不符："
                             "复制条目后忘了改索引号？",
                             f"index number {index_no} belongs to {owner.rel}, not to this file {copy.rel}: "
                             "copied from it without changing the index number?"),
                hint=Text(f"把索引号改为与文件位置一致的 {own}。",
                          f"Change the index number to the one of this file's place: {own}."))


def _check_repeals(items: list[Item], problems: Problems) -> None:
    """``repealed_by`` names another item of this repository."""
    known = {i.index_no for i in items}
    for item in items:
        target = item.repealed_by
        if target is None or (target in known and target != item.index_no):
            continue
        line = item.key_lines.get("repealed_by", 1)
        if target == item.index_no:
            message = Text(f"repealed_by 不能是本文件自己的索引号 {target}。",
                           f"repealed_by cannot be this item's own index number {target}.")
        else:
            message = Text(f"repealed_by 的索引号 {target} 在本仓库中找不到对应条目。",
                           f"repealed_by names {target}, which is not an item in this repository.")
        problems.add(item.path, line, "repeal-incomplete", message, Text(
            "填写废止本文件的那份文件的索引号（须已收录在 disclosures/ 中），或删除 repealed_by。",
            "Give the index number of the item that repealed this one (it must be in disclosures/), "
            "or remove repealed_by."), key="repealed_by")


#: The keys naming other items that must be public: interpretations and related documents.
LINK_KEYS = ("interprets", "related")


def _check_links_between(items: list[Item], problems: Problems, today: date) -> None:
    """``interprets`` and ``related`` name other items that are proactively disclosed, and already
    published when the item naming them is: a page never names an item that is not public."""
    by_index_no = {i.index_no: i for i in items}
    for item in items:
        for key in LINK_KEYS:
            for target_no in getattr(item, key):
                problem = _link_problem(item, key, target_no, by_index_no.get(target_no), today)
                if problem is not None:
                    code, message, hint = problem
                    problems.add(item.path, item.key_lines.get(key, 1), code, message, hint, key=key)


def _link_problem(item: Item, key: str, target_no: str, target: Item | None,
                  today: date) -> tuple[str, Text, Text] | None:
    fix = Text(f"填写已主动公开的条目的索引号，或从 {key} 中删除 {target_no}。",
               f"Give the index number of a published item, or remove {target_no} from {key}.")
    if target_no == item.index_no:
        return "link-missing", Text(f"{key} 不能是本条目自己的索引号 {target_no}。",
                                    f"{key} cannot name this item's own index number {target_no}."), fix
    if target is None:
        return "link-missing", Text(f"{key} 中的索引号 {target_no} 在本仓库中找不到对应条目。",
                                    f"{key} names {target_no}, which is not an item in this repository."), fix
    if target.disclosure != PROACTIVE or target.draft:
        why = Text("是草稿", "is a draft") if target.disclosure == PROACTIVE else Text(
            f"的公开属性是 {target.disclosure}，不会发布", f"is disclosed as '{target.disclosure}', never published")
        return "link-not-public", Text(
            f"{key} 中的 {target_no} {why.zh}：链接到它会泄露未公开的信息。",
            f"{key} names {target_no}, which {why.en}: linking to it would reveal what is not public."), fix
    if item.is_published(today) and not target.is_published(today):
        return "link-not-public", Text(
            f"{key} 中的 {target_no} 要到 {target.date_published} 才发布，而本条目已经发布。",
            f"{key} names {target_no}, which is published only on {target.date_published}, but this item "
            "is already published."), Text(
            f"把本条目的发布日期推迟到 {target.date_published} 或以后，或从 {key} 中删除 {target_no}。",
            f"Set this item's date_published to {target.date_published} or later, or remove {target_no} from {key}.")
    return None
