"""The editing page's front-matter format (admin/gk-cms.js), run in headless Chromium without Decap or Node.

The format is what decides the bytes an editor's save writes: schema key order, plain dates, no empty
optional or helper keys, and an edit of one key changes that key's lines only.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, make_repo
from test_browser import browser, serving  # noqa: F401 - the shared headless Chromium fixture

SEED = (REPO / "disclosures" / "2022" / "00001.md").read_text(encoding="utf-8")
SEED_EN = (REPO / "disclosures" / "2022" / "00001.en.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):  # noqa: F811
    """A blank page with our format's scripts (the page's own start-up switched off)."""
    folder = tmp_path_factory.mktemp("format")
    for source in (REPO / "admin" / "gk-schema.js", REPO / "admin" / "gk-cms.js",
                   REPO / "node_modules" / "js-yaml" / "dist" / "js-yaml.min.js"):
        shutil.copy(source, folder / source.name)
    (folder / "no-start.js").write_text("window.GK_CMS_NO_START = true;\n", encoding="utf-8")
    scripts = "".join(f'<script src="{n}"></script>' for n in
                      ("js-yaml.min.js", "gk-schema.js", "no-start.js", "gk-cms.js"))
    (folder / "index.html").write_text(f"<!doctype html><title>format</title>{scripts}", encoding="utf-8")
    with serving(folder) as url:
        browser.get(url)
        yield browser


def edited(page, text: str, **changes: object) -> str:
    """What the format writes after reading ``text`` and an editor changing ``changes``."""
    return page.execute_script("const d = GK_CMS.fromFile(arguments[0]); Object.assign(d, arguments[1]);"
                               "return GK_CMS.toFile(d);", text, changes)


def written(page, data: dict) -> str:
    return page.execute_script("return GK_CMS.toFile(arguments[0]);", data)


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_every_item_and_translation_reads_and_writes_back_byte_for_byte(page):
    files = sorted((REPO / "disclosures").rglob("*.md"))
    assert len(files) >= 2
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert edited(page, text) == text, path


def test_editing_the_keywords_changes_only_that_line(page):
    keywords = ["法治政府建设", "宪法宣传", "普法责任制", "领事保护", "放管服改革", "政府信息公开"]
    after = edited(page, SEED, keywords=keywords)
    assert changed_lines(SEED, after) == ["-  - 放管服", "+  - 放管服改革"]
    assert "summary: >-\n" in after  # the folded summary is kept as it was


def test_a_changed_summary_is_rewritten_alone(page):
    after = edited(page, SEED, summary="新的概述。")
    assert changed_lines(SEED, after)[-1] == "+summary: 新的概述。"
    assert all(line.startswith("-") for line in changed_lines(SEED, after)[:-1])


def test_emptying_an_optional_key_removes_it_and_a_new_one_goes_to_its_schema_place(page):
    added = edited(page, SEED, doc_number="厦外〔2022〕12号")
    assert changed_lines(SEED, added) == ["+doc_number: 厦外〔2022〕12号"]
    assert added.index("doc_number:") > added.index("publisher:") and added.index("doc_number:") < added.index(
        "date_written:")
    assert edited(page, added, doc_number="") == SEED
    assert changed_lines(SEED, edited(page, SEED, keywords=[])) == [
        "-keywords:", "-  - 法治政府建设", "-  - 宪法宣传", "-  - 普法责任制", "-  - 领事保护", "-  - 放管服", "-  - 政府信息公开"]


def test_the_translation_keeps_its_own_keys_and_order(page):
    assert edited(page, SEED_EN, title="New title").splitlines()[1] == "title: New title"
    assert changed_lines(SEED_EN, edited(page, SEED_EN, title="New title"))[1] == "+title: New title"


#: What Decap hands the format for a new item: every field of the form, empty ones included, and our helpers.
NEW_ITEM = {
    "index_no": "XMFAO/2026-00007", "title": "关于2026年外事工作的通知", "publisher": "xmfao", "doc_number": "",
    "date_written": "2026-12-01", "date_published": "2026-12-02", "category": "notices", "genre": "notice",
    "disclosure": "proactive", "validity": "in-force", "repealed_on": "", "repealed_by": "",
    "keywords": ["外事", "  ", "yes"], "summary": "", "attachments": [], "draft": False, "personal_data_allowed": [],
    "body": "正文第一段。\n\n第二段。", "gk_year": "2026", "gk_number": "00007", "gk_kind": "original",
}

NEW_ITEM_TEXT = """---
index_no: XMFAO/2026-00007
title: 关于2026年外事工作的通知
publisher: xmfao
date_written: 2026-12-01
date_published: 2026-12-02
category: notices
genre: notice
disclosure: proactive
validity: in-force
keywords:
  - 外事
  - "yes"
---

正文第一段。

第二段。
"""


def test_a_new_item_has_every_required_key_in_schema_order_and_no_empty_or_helper_key(page, tmp_path: Path):
    text = written(page, NEW_ITEM)
    assert text == NEW_ITEM_TEXT
    root = make_repo(tmp_path)
    (root / "disclosures" / "2026").mkdir()
    (root / "disclosures" / "2026" / "00007.md").write_text(text, encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "gongkai.cli", "check"], cwd=root, capture_output=True,
                           text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("value", ["yes", "No", "on", "null", "2022年报告", "a: b", "# note", "- item", " lead",
                                   "[x]", "12", "1_000", "0x1f", "1e3", "2022-3-1", "0592-2856077", "2022-03-01", "00007-budget.pdf", "引号\"和'撇号", "普通标题"])
def test_every_text_reads_back_as_the_same_text(page, value: str):
    text = written(page, {**NEW_ITEM, "title": value})
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == value.strip()
    assert isinstance(meta["date_written"], type(yaml.safe_load("d: 2026-12-01")["d"]))
    if value == "普通标题":
        assert "title: 普通标题\n" in text  # plain where plain is safe


def test_attachments_are_written_as_file_and_title(page):
    text = written(page, {**NEW_ITEM, "attachments": [{"file": "00007-budget.pdf", "title": "预算表"}]})
    assert "attachments:\n  - file: 00007-budget.pdf\n    title: 预算表\n" in text


GITHUB = """
const [year, contents, refs] = arguments;
const asked = [];
window.fetch = async (url, options) => {
  asked.push([url, options.headers.Authorization]);
  const body = url.includes("/contents/") ? contents : refs;
  return {ok: body !== null, status: body === null ? 404 : 200, json: async () => body};
};
localStorage.setItem("decap-cms-user", JSON.stringify({backendName: "github", token: "t0ken"}));
const number = await GK_CMS.nextNumber(year, {backend: {repo: "xmfao/gongkai", branch: "main"}});
return [number, asked];
"""


def test_on_github_the_next_number_counts_main_and_the_open_cms_branches(page):
    contents = [{"name": n} for n in ("00001.md", "00001.en.md", "00003.md", "00003-budget.pdf", "README.md")]
    refs = [{"ref": "refs/heads/cms/originals/2026/00004"}, {"ref": "refs/heads/cms/originals/2026/00002"}]
    number, asked = page.execute_script(f"return (async () => {{{GITHUB}}})();", "2026", contents, refs)
    assert number == "00005"
    assert asked == [["https://api.github.com/repos/xmfao/gongkai/contents/disclosures/2026?ref=main", "token t0ken"],
                     ["https://api.github.com/repos/xmfao/gongkai/git/matching-refs/heads/cms/originals/2026/",
                      "token t0ken"]]
    first, _ = page.execute_script(f"return (async () => {{{GITHUB}}})();", "2027", None, [])
    assert first == "00001"  # a year without a folder yet
