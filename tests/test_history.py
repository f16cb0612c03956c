"""``gongkai check`` warns when git saw the body of a published item change without a new ``changes``
entry; a correction recorded in ``changes`` keeps the 索引号 and the address."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import build, item_text, make_repo, write_item
from test_editor_commands import git, gongkai

ITEM = "disclosures/2025/00001.md"


def check(root: Path) -> subprocess.CompletedProcess:
    return gongkai("check", cwd=root)  # today is the build day, 2026-11-27


def head(root: Path) -> str:
    return subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()


def write(root: Path, body: str, **fields: object) -> None:
    write_item(root, "XMFAO/2025-00001", date_written="2025-01-10", date_published="2025-01-10", body=body, **fields)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An item published and committed on 2025-01-10, its body then changed on 2025-02-01 and committed."""
    root = make_repo(tmp_path)
    write(root, "第一版正文。\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "publish", when="2025-01-10T09:00:00+08:00")
    write(root, "第一版正文，改了一个字。\n")
    git(root, "commit", "-qam", "correct the body", when="2025-02-01T09:00:00+08:00")
    return root


def test_a_body_changed_after_publication_without_a_change_entry_is_warned_about(repo: Path):
    result = check(repo)
    commit = head(repo)[:10]
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"{ITEM}:1:1: unrecorded-change [changes] 已发布条目的正文在 2025-02-01（提交 {commit}）被修改，"
        "但 changes 中没有这次修改的记录（没有任何记录）。\n"
        f"    the body of this published item changed on 2025-02-01 (commit {commit}), but changes has no entry "
        "for it (it has none).\n"
        "    修改方法: 在 changes 中加一条：- {date: 2025-02-01, note: 说明修改了什么, note_en: what changed}。"
        "索引号和网址保持不变。\n"
        "    How to fix: Add to changes: - {date: 2025-02-01, note: 说明修改了什么, note_en: what changed}. "
        "The index number and address stay the same.\n"
        "发现 0 个错误、1 个警告。 / Found 0 error(s) and 1 warning(s).\n")


def test_a_change_entry_of_that_day_silences_the_warning(repo: Path):
    write(repo, "第一版正文，改了一个字。\n", changes=["{date: 2025-02-01, note: 更正错字, note_en: Corrected a typo}"])
    git(repo, "commit", "-qam", "record the change", when="2025-02-03T09:00:00+08:00")
    result = check(repo)
    assert result.returncode == 0 and "unrecorded-change" not in result.stderr + result.stdout
    assert "All clear" in result.stdout


def test_an_older_change_entry_does_not_cover_a_later_change(repo: Path):
    write(repo, "第三版正文。\n", changes=["{date: 2025-02-01, note: 更正错字}"])
    git(repo, "commit", "-qam", "record, then change again", when="2025-02-01T10:00:00+08:00")
    write(repo, "第四版正文。\n", changes=["{date: 2025-02-01, note: 更正错字}"])
    result = check(repo)  # the work tree changed on the build day, 2026-11-27
    assert "unrecorded-change" in result.stderr
    assert "changed on 2026-11-27 (the uncommitted work tree), but changes has no entry for it (the latest is " \
           "2025-02-01)" in result.stderr


def test_changes_before_publication_and_front_matter_changes_are_not_warned_about(tmp_path: Path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2025-00002", date_written="2025-01-10", date_published="2025-01-20", body="草稿。\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "embargoed", when="2025-01-10T09:00:00+08:00")
    write_item(root, "XMFAO/2025-00002", date_written="2025-01-10", date_published="2025-01-20", body="定稿。\n")
    git(root, "commit", "-qam", "finish before it goes public", when="2025-01-20T09:00:00+08:00")
    write_item(root, "XMFAO/2025-00002", date_written="2025-01-10", date_published="2025-01-20", body="定稿。\n",
               keywords=["外事"])
    git(root, "commit", "-qam", "keywords only", when="2025-03-01T09:00:00+08:00")
    result = check(root)
    assert result.returncode == 0 and "unrecorded-change" not in result.stderr


def test_a_recorded_correction_keeps_the_index_number_and_the_address(repo: Path):
    write(repo, "第一版正文，改了一个字。\n", changes=["{date: 2025-02-01, note: 更正错字}"])
    result = build(repo)
    assert result.returncode == 0, result.stderr
    page = (repo / "site/disclosures/2025/00001/index.html").read_text(encoding="utf-8")
    assert "<td>XMFAO/2025-00001</td>" in page and "更正错字" in page and "第一版正文，改了一个字。" in page


def test_outside_git_nothing_is_reported(tmp_path: Path):
    root = make_repo(tmp_path)
    (root / "disclosures/2025").mkdir(parents=True)
    (root / ITEM).write_text(item_text("XMFAO/2025-00001", date_written="2025-01-10", date_published="2025-01-10"),
                             encoding="utf-8")
    result = check(root)
    assert result.returncode == 0 and "All clear" in result.stdout
