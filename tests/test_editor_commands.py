"""`gongkai new` and `gongkai translations`, run as an editor would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH, FIXTURES, make_repo, write_item

from gongkai.loader import load_catalogue

NEW = FIXTURES / "new"


def gongkai(*args: str, cwd: Path, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = dict(os.environ, SOURCE_DATE_EPOCH=BUILD_EPOCH, **(env or {}))  # today is 2026-11-27
    return subprocess.run([sys.executable, "-m", "gongkai.cli", *args], cwd=cwd, input=stdin, capture_output=True,
                          text=True, encoding="utf-8", env=environment, timeout=60)


# -- gongkai new -------------------------------------------------------------------------------------------

def test_new_writes_the_template_with_the_next_number_and_todays_dates(tmp_path: Path):
    root = make_repo(tmp_path, seed=True)
    result = gongkai("new", "--no-input", "--category", "notices", "--genre", "notice", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "disclosures/2026/00001.md" in result.stdout and "XMFAO/2026-00001" in result.stdout
    written = (root / "disclosures/2026/00001.md").read_bytes()
    assert written == (NEW / "2026-00001.md").read_bytes()


def test_the_template_is_flagged_until_filled_in_then_passes(tmp_path: Path):
    root = make_repo(tmp_path)
    assert gongkai("new", "--no-input", "--category", "notices", "--genre", "notice", cwd=root).returncode == 0
    path = root / "disclosures/2026/00001.md"
    check = gongkai("check", cwd=root)
    assert check.returncode == 1
    assert "disclosures/2026/00001.md:3:8: placeholder" in check.stderr
    assert "disclosures/2026/00001.md:13:1: placeholder" in check.stderr
    assert "Found 2 error(s)" in check.stderr
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("【待填写：标题 / Title】", "关于2026年元旦放假的通知")
                    .replace("【待填写：正文 / body】", "元旦放假1天。"), encoding="utf-8")
    check = gongkai("check", cwd=root)
    assert check.returncode == 0, check.stderr


def test_new_without_vocabulary_options_leaves_placeholders_not_guesses(tmp_path: Path):
    root = make_repo(tmp_path)
    assert gongkai("new", "--no-input", cwd=root).returncode == 0
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    # one placeholder per line the editor must fill in, nothing else
    assert sorted((p.code, p.line) for p in problems) == [
        ("placeholder", 3), ("placeholder", 7), ("placeholder", 8), ("placeholder", 13)]


def test_a_new_draft_passes_the_check_with_warnings_only(tmp_path: Path):
    root = make_repo(tmp_path)
    assert gongkai("new", "--draft", "--no-input", cwd=root).returncode == 0
    check = gongkai("check", cwd=root)
    assert check.returncode == 0, check.stderr
    # title, category, genre and body still hold placeholders: a reminder each, no unknown-value error
    for line, column in ((3, 8), (7, 11), (8, 8), (14, 1)):
        assert f"disclosures/2026/00001.md:{line}:{column}: placeholder" in check.stderr
    assert "Found 0 error(s) and 4 warning(s)." in check.stderr
    catalogue, _ = load_catalogue(root)
    assert catalogue.published == () and catalogue.items[0].category == "【待填写：主题分类 / Subject category】"


def test_a_draft_still_needs_real_dates(tmp_path: Path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", draft="true", date_written="【待填写：成文日期 / Date written】",
               genre="【待填写：体裁分类 / Genre】")
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    assert [(p.code, p.line, p.column, p.severity, p.key) for p in problems] == [
        ("placeholder", 5, 15, "error", "date_written"), ("placeholder", 8, 8, "warning", None)]
    assert "even a draft needs a real value" in problems.report()


def test_new_takes_the_next_number_after_the_highest_one(tmp_path: Path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001")
    write_item(root, "XMFAO/2024-00007")  # numbers are never reused, gaps are not filled
    result = gongkai("new", "--no-input", "--year", "2024", "--category", "notices", "--genre", "notice", cwd=root)
    assert result.returncode == 0
    assert "index_no: XMFAO/2024-00008" in (root / "disclosures/2024/00008.md").read_text(encoding="utf-8")


def test_new_asks_in_a_terminal(tmp_path: Path):
    root = make_repo(tmp_path, seed=True)
    answers = "\n".join([
        "关于调整对外服务窗口办公时间的通知",  # title
        "",  # publisher: the only one is the default
        "厦外〔2026〕5号",  # doc_number
        "2026-11-20",  # date_written
        "",  # date_published: today
        "99", "外事服务",  # category: a wrong number is asked again; a Chinese label is understood
        "5",  # genre: announcement
        "", "",  # disclosure and validity: defaults
        "说明: 窗口办公时间调整为工作日 9:00 至 17:00。",  # summary (a colon: must be quoted in YAML)
    ]) + "\n"
    result = gongkai("new", "--interactive", "--year", "2022", cwd=root, stdin=answers)
    assert result.returncode == 0, result.stderr
    assert "1–9" in result.stdout  # the retry prompt after "99"
    assert (root / "disclosures/2022/00002.md").read_bytes() == (NEW / "2022-00002-interactive.md").read_bytes()


def test_new_where_the_year_folder_is_a_file_fails_without_a_traceback(tmp_path: Path):
    root = make_repo(tmp_path)
    (root / "disclosures/2026").write_text("not a folder\n", encoding="utf-8")
    result = gongkai("new", "--no-input", cwd=root)
    assert result.returncode == 1
    assert "Error: cannot create disclosures/2026/00001.md: " in result.stderr
    assert "错误：无法创建 disclosures/2026/00001.md：" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_new_rejects_a_value_outside_the_vocabulary(tmp_path: Path):
    root = make_repo(tmp_path)
    result = gongkai("new", "--no-input", "--category", "news", cwd=root)
    assert result.returncode == 2
    assert "--category 'news' is not in the vocabulary" in result.stderr
    assert "notices (通知公告)" in result.stderr
    assert not (root / "disclosures/2026").exists()


# -- gongkai translations ------------------------------------------------------------------------------------

def git(root: Path, *args: str, when: str = "2026-01-01T10:00:00+08:00") -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when, GIT_AUTHOR_NAME="editor",
               GIT_AUTHOR_EMAIL="editor@example.gov.cn", GIT_COMMITTER_NAME="editor",
               GIT_COMMITTER_EMAIL="editor@example.gov.cn")
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


TRANSLATION = "---\ntitle: Notice\n---\n\nText.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Three items committed on 2026-01-01: 00001 translated, 00002 translated, 00003 not."""
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", translation=TRANSLATION, date_published="2024-03-01")
    write_item(root, "XMFAO/2024-00002", translation=TRANSLATION, date_published="2024-03-02")
    write_item(root, "XMFAO/2024-00003", date_published="2024-03-03")
    write_item(root, "XMFAO/2024-00004", disclosure="on-request")  # never published: not listed
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "items")
    return root


def _listed(output: str) -> dict[str, str]:
    """path -> state heading, from the command's output."""
    states, heading = {}, ""
    for line in output.splitlines():
        if line.startswith("== "):
            heading = line.split(" / ")[1].split(":")[0]
        elif line.startswith("disclosures/"):
            states[line.split("\t")[0]] = heading
    return states


def test_translations_lists_missing_ones(repo: Path):
    result = gongkai("translations", cwd=repo)
    assert result.returncode == 0
    assert _listed(result.stdout) == {"disclosures/2024/00003.md": "not translated"}
    assert "3 proactive item(s): 2 up to date, 0 outdated, 1 not translated, 0 unknown." in result.stdout


def test_translations_finds_an_original_changed_after_its_translation_by_git_history(repo: Path):
    original = repo / "disclosures/2024/00002.md"
    original.write_text(original.read_text(encoding="utf-8") + "\n补充一段。\n", encoding="utf-8")
    assert _listed(gongkai("translations", cwd=repo).stdout)["disclosures/2024/00002.md"] == \
        "original changed since translation"  # changed, not yet committed
    git(repo, "commit", "-qam", "amend the original", when="2026-02-01T10:00:00+08:00")
    result = gongkai("translations", "--all", cwd=repo)
    assert _listed(result.stdout) == {"disclosures/2024/00001.md": "translation up to date",
                                      "disclosures/2024/00002.md": "original changed since translation",
                                      "disclosures/2024/00003.md": "not translated"}
    assert "(git)" in result.stdout


def test_translations_record_and_compare_the_source_hash(repo: Path):
    result = gongkai("translations", "--record", "disclosures/2024/00002.en.md", cwd=repo)
    assert result.returncode == 0, result.stderr
    translation = (repo / "disclosures/2024/00002.en.md").read_text(encoding="utf-8")
    catalogue, _ = load_catalogue(repo)
    item = catalogue.find("XMFAO/2024-00002")
    assert translation == f"---\ntitle: Notice\nsource_sha256: {item.sha256}\n---\n\nText.\n"
    assert item.translation.source_sha256 == item.sha256
    git(repo, "commit", "-qam", "record", when="2026-03-01T10:00:00+08:00")
    original = repo / "disclosures/2024/00002.md"
    original.write_text(original.read_text(encoding="utf-8") + "\n补充一段。\n", encoding="utf-8")
    git(repo, "commit", "-qam", "amend", when="2026-04-01T10:00:00+08:00")
    # The recorded hash wins over git: a later typo fix in the translation does not make it current.
    path = repo / "disclosures/2024/00002.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Text.", "Text!"), encoding="utf-8")
    git(repo, "commit", "-qam", "typo", when="2026-05-01T10:00:00+08:00")
    result = gongkai("translations", cwd=repo)
    assert _listed(result.stdout)["disclosures/2024/00002.md"] == "original changed since translation"
    assert "(hash)" in result.stdout
    # ...and recording again (after updating the translation) makes it current.
    assert gongkai("translations", "--record", "disclosures/2024/00002.md", cwd=repo).returncode == 0
    assert "disclosures/2024/00002.md" not in _listed(gongkai("translations", cwd=repo).stdout)
    assert gongkai("check", cwd=repo).returncode == 0


def test_record_keeps_line_endings_and_byte_order_mark(repo: Path):
    path = repo / "disclosures/2024/00001.en.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: Notice\r\nsource_sha256: old\r\n---\r\n\r\nText.\r\n")
    assert gongkai("translations", "--record", str(path), cwd=repo).returncode == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf---\r\ntitle: Notice\r\nsource_sha256: ")
    assert data.count(b"source_sha256") == 1 and b"\r\n---\r\n\r\nText.\r\n" in data and b"\n\n" not in data


def test_translations_without_git_or_hash_says_it_cannot_tell(tmp_path: Path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", translation=TRANSLATION)
    result = gongkai("translations", cwd=root, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert _listed(result.stdout) == {"disclosures/2024/00001.md": "cannot tell (no recorded hash, no git history)"}
    assert "gongkai translations --record" in result.stdout


def test_translations_still_lists_when_another_file_is_broken(repo: Path):
    (repo / "disclosures/2024/00005.md").write_text("no front matter\n", encoding="utf-8")
    result = gongkai("translations", cwd=repo)
    assert result.returncode == 0
    assert "1 file(s) with errors are not listed" in result.stderr
    assert "disclosures/2024/00003.md" in _listed(result.stdout)


def test_record_refuses_what_is_not_an_item(repo: Path):
    result = gongkai("translations", "--record", "disclosures/2024/00003.md", cwd=repo)
    assert result.returncode == 1 and "English translation" in result.stderr and "does not exist" in result.stderr
    result = gongkai("translations", "--record", "README.md", cwd=repo)
    assert result.returncode == 2 and "Traceback" not in result.stderr
