"""Which items need translating: no English version yet, or a Chinese original changed since.

A translation records the SHA-256 of the original it was made from
(``source_sha256``, written by ``gongkai translations --record``). When it
records none, git history decides: the original's last commit after the
translation's last commit means the translation is out of date.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue, Item
from .office import PROACTIVE
from .text import Text

#: The states of an item's translation, most urgent first.
STATES: dict[str, Text] = {
    "outdated": Text("原文已修改，译文需更新", "original changed since translation"),
    "missing": Text("没有译文", "not translated"),
    "unknown": Text("无法判断（未记录哈希，也没有 git 历史）", "cannot tell (no recorded hash, no git history)"),
    "current": Text("译文是最新的", "translation up to date"),
}


@dataclass(frozen=True)
class Status:
    """The translation state of one item."""

    item: Item
    state: str
    """A key of :data:`STATES`."""
    how: str
    """``hash``, ``git`` or ``""``: what decided the state."""

    @property
    def translation_path(self) -> str:
        return self.item.path.removesuffix(".md") + ".en.md"


def translation_statuses(catalogue: Catalogue, root: Path) -> list[Status]:
    """The state of every proactively disclosed item (others are never published), newest first."""
    items = sorted((i for i in catalogue.items if i.disclosure == PROACTIVE), key=Item.sort_key, reverse=True)
    times: dict[str, float] | None = None
    result = []
    for item in items:
        if item.translation is None:
            result.append(Status(item, "missing", ""))
        elif item.translation.source_sha256:
            same = item.translation.source_sha256.strip().lower() == item.sha256
            result.append(Status(item, "current" if same else "outdated", "hash"))
        else:
            if times is None:
                times = git_times(root)
            original, translation = times.get(item.path), times.get(item.translation.path)
            if original is None or translation is None:
                result.append(Status(item, "unknown", ""))
            else:
                result.append(Status(item, "outdated" if original > translation else "current", "git"))
    return result


def git_times(root: Path) -> dict[str, float]:
    """Repository-relative path -> time of its last change under disclosures/: the last commit
    (``git log -1 --format=%ct``, read for every file in one pass), or infinity for a file changed
    but not committed. Empty when ``root`` is not a git work tree or git is missing."""
    try:
        log = subprocess.run(["git", "-C", str(root), "log", "--format=%x00%ct", "--name-only", "--no-renames",
                              "--", "disclosures"], capture_output=True, text=True, encoding="utf-8", check=True)
        status = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "-z", "--untracked-files=all",
                                 "--", "disclosures"], capture_output=True, text=True, encoding="utf-8", check=True)
        prefix = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True,
                                text=True, encoding="utf-8", check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}
    times: dict[str, float] = {}
    when = 0.0
    for line in log.stdout.splitlines():
        if line.startswith("\0"):
            when = float(line[1:])
        elif line.strip():
            times.setdefault(line.strip().removeprefix(prefix), when)
    for entry in status.stdout.split("\0"):
        if len(entry) > 3 and entry[:2].strip():
            times[entry[3:].removeprefix(prefix)] = float("inf")
    return times


_SOURCE_LINE = re.compile(r"^source_sha256[ \t]*:.*$", re.M)


def record_source_hash(original: Path, translation: Path) -> str:
    """Write the original's current SHA-256 into the translation's front matter as ``source_sha256``;
    returns the hash. Keeps the translation's encoding mark and line endings."""
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    data = translation.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ValueError("no front matter")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise ValueError("front matter not closed")
    entry = f"source_sha256: {digest}"
    found = [i for i in range(1, end) if _SOURCE_LINE.match(lines[i])]
    if found:
        lines[found[0]] = entry
    else:
        lines.insert(end, entry)
    out = newline.join(lines)
    translation.write_bytes((b"\xef\xbb\xbf" if bom else b"") + out.encode("utf-8"))
    return digest
