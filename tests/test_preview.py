"""The editors' preview, ``make serve`` (``mkdocs serve --dirty``), driven as an editor uses it: a real server
on a small repository, pages fetched over HTTP and watched in headless Chromium while sources change.

What is asserted is behaviour, never a duration: the search index is not built and the search page says
so in both languages; the browser reloads by itself after an edit under the pages' unchanged
Content-Security-Policy; an edit shows in the item page and the listing; a deleted item's pages are gone.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import lxml.html
import pytest
from conftest import build_env, make_repo, write_item
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait
from test_browser import CHROMIUM_FLAGS

from gongkai import csp

WAIT = 180  # seconds a rebuild may take on a busy machine before the test gives up


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def wait_until(check, what: str):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"preview never showed: {what}")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("preview"), seed=True)
    for n in range(1, 4):
        write_item(root, f"XMFAO/2024-{n:05d}", title=f"预览测试第{n}号", body=f"第{n}号的正文。\n")
    port = _free_port()
    log = (root / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}",
                                "-f", str(root / "mkdocs.yml")], cwd=root, env=build_env(), stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: process.poll() is not None or "Serving on" in (root / "serve.log").read_text(), "a server")
        assert process.poll() is None, (root / "serve.log").read_text()
        yield root, base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium')}")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def test_the_preview_builds_no_search_index_and_the_search_page_says_so(preview):
    root, base = preview
    assert get(base + "pagefind/pagefind-entry.json")[0] == 404
    zh, en = get(base + "search/")[1], get(base + "en/search/")[1]
    assert "预览中不提供搜索" in zh and "正式构建（make build 或发布）会生成索引" in zh
    assert "No search in the preview" in en and "The full build (make build, or publishing) builds it" in en
    assert "<pagefind-input" not in zh + en
    assert "search index (Pagefind) not built in the preview" in (root / "serve.log").read_text()


def test_the_preview_reloads_through_a_script_file_the_unchanged_policy_allows(preview):
    _, base = preview
    page = get(base + "disclosures/2024/00001/")[1]
    document = lxml.html.document_fromstring(page)
    reload_script = document.xpath('//script[@src="/gk-livereload.js"]')
    assert len(reload_script) == 1 and reload_script[0].get("data-epoch")
    served_policy = document.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert len(served_policy) == 1
    script_src = next(d for d in served_policy[0].split("; ") if d.startswith("script-src "))
    assert "'unsafe-inline'" not in script_src
    assert set(csp.inline_script_hashes(page)) <= set(script_src.split()[1:])  # MkDocs' inline one is gone
    assert get(base + "gk-livereload.js")[0] == 200


def test_an_edit_reloads_the_open_page_and_shows_in_the_listing(preview, browser):
    root, base = preview
    browser.get(base + "disclosures/2024/00002/")
    assert "第2号的正文。" in browser.page_source
    write_item(root, "XMFAO/2024-00002", title="预览测试改过的标题", body="改过的正文。\n")
    WebDriverWait(browser, WAIT, poll_frequency=0.5).until(lambda b: "改过的正文。" in b.page_source)  # reloaded by itself
    assert "预览测试改过的标题" in browser.page_source
    listing = wait_until(lambda: (lambda html: "预览测试改过的标题" in html and html)(get(base + "catalogue/2024/")[1]),
                         "the new title in the year's listing")
    assert "预览测试第2号" not in listing
    assert "改过的正文" not in get(base + "disclosures/2024/00003/")[1]


def test_a_deleted_item_is_no_longer_served_in_either_language(preview):
    root, base = preview
    assert get(base + "disclosures/2024/00003/")[0] == 200
    (root / "disclosures/2024/00003.md").unlink()
    wait_until(lambda: get(base + "disclosures/2024/00003/")[0] == 404, "the deleted item gone")
    assert get(base + "en/disclosures/2024/00003/")[0] == 404
    assert not re.search("预览测试第3号", get(base + "catalogue/2024/")[1])
