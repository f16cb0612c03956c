"""An item's body as git remembers it: changes made after publication without a change entry.

``gongkai check`` warns (``unrecorded-change``) when the body of a published item was changed, in a
commit or in the work tree, on a day after it was public and after the latest date in its ``changes``.
Like ``gongkai translations`` (:mod:`gongkai.translation_status`), git decides; outside a git work tree,
or without git, nothing is reported.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .catalogue import Catalogue, Item
from .clock import TIMEZONE
from .office import PROACTIVE
from .problems import Problems
from .source import parse_text
from .text import Text


@dataclass(frozen=True)
class Version:
    """One state of an item file: a commit's, or the work tree's (``commit`` empty)."""

    commit: str
    day: date
    """The day (Asia/Shanghai) the state was committed, or today for the work tree."""
    body: str
    published: date | None
    """The date published this state gives, if it is proactive and not a draft (else None)."""


def _git(root: Path, *args: str) -> str | None:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8",
                              check=True).stdout
    except (OSError, subprocess.CalledProcessError, UnicodeDecodeError):
        return None


def _state(rel: str, text: str, commit: str, day: date) -> Version | None:
    doc = parse_text(rel, text.replace("\r\n", "\n"), Problems())
    if not doc.ok:
        return None
    meta = {key: value.value for key, value in doc.meta.items()}
    try:
        published = date.fromisoformat(str(meta.get("date_published", "")).strip())
    except ValueError:
        return None
    public = meta.get("disclosure") == PROACTIVE and meta.get("draft") is not True
    return Version(commit, day, doc.body.strip(), published if public else None)


def versions(root: Path, rel: str, today: date) -> list[Version]:
    """The states of ``rel``, oldest first: each commit that touched it, then the work tree if it differs."""
    log = _git(root, "log", "--format=%H %ct", "--no-renames", "--", rel)
    if log is None:
        return []
    found = []
    for line in reversed(log.split("\n")):
        if not line.strip():
            continue
        commit, stamp = line.split()
        text = _git(root, "show", f"{commit}:{rel}")
        day = datetime.fromtimestamp(int(stamp), TIMEZONE).date()
        state = _state(rel, text, commit, day) if text is not None else None
        if state is not None:
            found.append(state)
    try:
        current = _state(rel, (root / rel).read_text(encoding="utf-8-sig"), "", today)
    except (OSError, UnicodeDecodeError):
        current = None
    if current is not None and (not found or current.body != found[-1].body):
        found.append(current)
    return found


def _changed_files(root: Path) -> set[str]:
    """Files under disclosures/ that more than one commit touched, or that the work tree changed."""
    prefix = (_git(root, "rev-parse", "--show-prefix") or "").strip()
    log = _git(root, "log", "--format=", "--name-only", "--no-renames", "--", "disclosures")
    status = _git(root, "status", "--porcelain", "--untracked-files=no", "--", "disclosures")
    if log is None or status is None:
        return set()
    counts: dict[str, int] = {}
    for name in log.split("\n"):
        if name.strip():
            counts[name.strip()] = counts.get(name.strip(), 0) + 1
    found = {name for name, count in counts.items() if count > 1}
    found |= {line[3:].strip() for line in status.split("\n") if len(line) > 3}
    return {name.removeprefix(prefix) for name in found}


def last_unrecorded_change(item: Item, states: list[Version]) -> Version | None:
    """The latest state whose body differs from the one before, made on a day after the one before was
    published and after the latest date in ``changes``; None when every change is recorded."""
    recorded = item.last_updated
    for before, after in reversed(list(zip(states, states[1:]))):
        public = before.published is not None and before.published < after.day
        if public and after.body != before.body and (recorded is None or after.day > recorded):
            return after
    return None


def check_changes(catalogue: Catalogue, root: Path, problems: Problems) -> None:
    """Warn about every published item whose body changed in git without a new ``changes`` entry."""
    changed = _changed_files(root)
    for item in catalogue.published:
        if item.path not in changed:
            continue
        found = last_unrecorded_change(item, versions(root, item.path, catalogue.today))
        if found is not None:
            _warn(item, found, problems)


def _warn(item: Item, found: Version, problems: Problems) -> None:
    where = Text(f"提交 {found.commit[:10]}", f"commit {found.commit[:10]}") if found.commit else \
        Text("尚未提交的修改", "the uncommitted work tree")
    latest = item.last_updated.isoformat() if item.last_updated else None
    problems.add(item.path, item.key_lines.get("changes", 1), "unrecorded-change", Text(
        f"已发布条目的正文在 {found.day}（{where.zh}）被修改，但 changes 中没有这次修改的记录"
        f"（{'最近一条是 ' + latest if latest else '没有任何记录'}）。",
        f"the body of this published item changed on {found.day} ({where.en}), but changes has no entry for it "
        f"({'the latest is ' + latest if latest else 'it has none'})."),
        Text(f"在 changes 中加一条：- {{date: {found.day}, note: 说明修改了什么, note_en: what changed}}。"
             "索引号和网址保持不变。",
             f"Add to changes: - {{date: {found.day}, note: 说明修改了什么, note_en: what changed}}. "
             "The index number and address stay the same."), key="changes", severity="warning")
