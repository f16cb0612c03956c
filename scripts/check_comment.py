#!/usr/bin/env python3
"""The pull-request comment with `gongkai check`'s messages, in Chinese and English.

Run by .github/workflows/check-comment.yml (from main, never with the pull request's code) on the
artifact the pull-request workflow uploaded: ``status`` (the check's exit status) and ``messages.txt``
(its output). Both were written by the pull request's code, so they are only data here: the messages
are shown verbatim in a code block no text can close, and are cut to fit a GitHub comment.

Usage: check_comment.py FOLDER [COMMIT]   (prints the comment's Markdown)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: The first line of every such comment, so a later run updates it instead of adding another.
MARKER = "<!-- gongkai-check -->"
#: GitHub refuses comments longer than 65,536 characters; leave room for the text around the messages.
LIMIT = 60_000


def fence(text: str) -> str:
    """A backtick fence longer than any run of backticks in ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def comment(folder: Path, commit: str = "") -> str:
    status = (folder / "status").read_text(encoding="utf-8", errors="replace").strip()
    messages = (folder / "messages.txt").read_text(encoding="utf-8", errors="replace")
    known = re.fullmatch(r"[0-9a-f]{7,40}", commit) is not None
    zh, en = (f"（提交 {commit[:12]}）", f" (commit {commit[:12]})") if known else ("", "")
    if status == "0":
        return (f"{MARKER}\n### 检查结果 / Check result\n\n"
                f"✅ `gongkai check` 没有发现问题{zh}。\n✅ `gongkai check` found no problems{en}.\n")
    if len(messages) > LIMIT:
        messages = messages[:LIMIT] + "\n…（以下从略，完整信息见检查记录 / cut here: the check's log has the rest）\n"
    marks = fence(messages)
    return (f"{MARKER}\n### 检查结果 / Check result\n\n"
            f"❌ `gongkai check` 发现了问题{zh}：请在合并前修改下列文件（在编辑页面或“Files changed”中），"
            "保存后会重新检查。\n"
            f"❌ `gongkai check` found problems{en}: fix the files below before the pull request is merged (in "
            "the editing page or under Files changed); each save is checked again.\n\n"
            f"{marks}text\n{messages.rstrip()}\n{marks}\n")


if __name__ == "__main__":
    sys.stdout.write(comment(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else ""))
