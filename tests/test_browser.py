"""The real site in a real browser (Debian's headless Chromium): search, language, phones."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import build, make_repo, write_item

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=390,844")

#: Pagefind's summary once a search has finished (zh and en strings of its Component UI).
FINISHED = re.compile(r"找到 \d+ 个|未找到|\d+ results? for|No results for")

#: A fixture site's public item and its non-public ones, each with a unique word in title, summary and body.
PUBLIC_MARKER = "quokkapublic"
HIDDEN = {
    "XMFAO/2024-00002": ("quokkaonrequest", dict(disclosure="on-request")),
    "XMFAO/2024-00003": ("quokkanotdisclosed", dict(disclosure="not-disclosed")),
    "XMFAO/2024-00004": ("quokkadraft", dict(draft="true")),
    "XMFAO/2026-00001": ("quokkaembargoed", dict(date_written="2026-11-20", date_published="2026-11-28")),
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextlib.contextmanager
def serving(site_dir: Path):
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(real_site: Path):
    with serving(real_site) as url:
        yield url


@pytest.fixture(scope="module")
def hidden_server(tmp_path_factory):
    """A fixture site with one public item and four non-public ones, built and served."""
    root = make_repo(tmp_path_factory.mktemp("hidden"))
    write_item(root, "XMFAO/2024-00001", title=f"公开条目 {PUBLIC_MARKER}", summary=f"概述 {PUBLIC_MARKER}",
               body=f"正文 {PUBLIC_MARKER}\n")
    for index_no, (word, fields) in HIDDEN.items():
        write_item(root, index_no, title=f"不公开条目 {word}", summary=f"概述 {word}", body=f"正文 {word}\n",
                   keywords=[word], **fields)
    result = build(root, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(root / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = Options()
    options.binary_location = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium')}")
    driver = webdriver.Chrome(service=Service(os.environ.get("GONGKAI_CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    yield driver
    driver.quit()


def results(browser, base: str) -> tuple[str, list[str]]:
    """Wait until Pagefind has answered; its summary and the result links' paths relative to ``base``."""
    wait = WebDriverWait(browser, 30)
    wait.until(lambda d: FINISHED.search(d.find_element(By.CSS_SELECTOR, "pagefind-summary").text))
    summary = browser.find_element(By.CSS_SELECTOR, "pagefind-summary").text
    if not summary.startswith(("未找到", "No results")):
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "pagefind-results .gk-result a"))
    links = browser.find_elements(By.CSS_SELECTOR, "pagefind-results .gk-result a")
    return summary, [link.get_attribute("href").removeprefix(base) for link in links]


def search(browser, base: str, page: str, query: str) -> tuple[str, list[str]]:
    """Open the search page ``page`` with ``?q=query``; Pagefind's summary and result paths."""
    browser.get(f"{base}{page}?q={quote(query)}")
    return results(browser, base)


def test_chinese_search_finds_the_seed_item(browser, server):
    summary, links = search(browser, server, "search/", "领事保护")
    assert links[0] == "disclosures/2022/00001/"
    assert summary.startswith("找到") and "领事保护" in summary
    title = browser.find_element(By.CSS_SELECTOR, "pagefind-results .gk-result-title").text
    assert title == "厦门市人民政府外事办公室关于2021年法治政府建设工作情况的报告"
    meta = browser.find_element(By.CSS_SELECTOR, "pagefind-results .gk-result-meta").text
    assert meta == "索引号 XMFAO/2022-00001 · 发布日期 2022-03-01"
    assert "<mark>" in browser.find_element(By.CSS_SELECTOR, ".gk-result-excerpt").get_attribute("innerHTML")


def test_english_search_finds_the_translation(browser, server):
    summary, links = search(browser, server, "en/search/", "consular protection")
    assert links and links[0] == "en/disclosures/2022/00001/"
    assert "consular protection" in summary
    meta = browser.find_element(By.CSS_SELECTOR, "pagefind-results .gk-result-meta").text
    assert meta == "Index No. XMFAO/2022-00001 · Date published 2022-03-01"


def test_search_for_an_absent_word_finds_nothing(browser, server):
    assert search(browser, server, "search/", "量子纠缠") == ("未找到 量子纠缠 的相关结果", [])
    assert search(browser, server, "en/search/", "xylophone")[1] == []


def test_search_pages_do_not_find_listings_or_themselves(browser, server):
    # "公开目录" is on every catalogue page, the home page and the search page, none of them indexed;
    # among indexed pages only the guide and the request page say it.
    _, links = search(browser, server, "search/", "公开目录")
    assert links and not [link for link in links if link.startswith(("catalogue/", "search/")) or link == ""]


def test_typing_searches_and_keeps_the_query_in_the_address(browser, server):
    browser.get(server + "search/")
    field = WebDriverWait(browser, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, "pagefind-input input"))
    field.send_keys("领事保护")
    _, links = results(browser, server)
    assert links[0] == "disclosures/2022/00001/"
    assert unquote(browser.current_url).endswith("search/?q=领事保护")
    field.send_keys(Keys.ESCAPE)  # clears the search, and the address
    WebDriverWait(browser, 10).until(lambda d: "?q=" not in d.current_url)


def test_search_field_is_labelled_and_results_are_announced(browser, server):
    browser.get(server + "en/search/")
    field = WebDriverWait(browser, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, "pagefind-input input"))
    label = browser.find_element(By.CSS_SELECTOR, f'label[for="{field.get_attribute("id")}"]')
    assert label.get_attribute("textContent").strip() == "Search this site"
    assert field.get_attribute("type") == "search"
    assert field.get_attribute("placeholder") == "Type a word, e.g. consular protection"
    # Screen readers hear the live regions Pagefind fills briefly after each search: record them.
    browser.execute_script("""
        window.gkAnnounced = [];
        const regions = document.querySelector('[data-pagefind-announcer]');
        new MutationObserver(() => regions.querySelectorAll('[aria-live]').forEach(
            r => r.textContent && window.gkAnnounced.push(r.textContent))).observe(
            regions, {subtree: true, childList: true, characterData: true});""")
    field.send_keys("consular protection")
    WebDriverWait(browser, 30).until(lambda d: any(
        re.fullmatch(r"[1-9]\d* results? for consular protection", said)
        for said in d.execute_script("return window.gkAnnounced")))


def test_home_page_search_box_opens_the_search_page(browser, server):
    for home, first in (("", "disclosures/2022/00001/"), ("en/", "en/disclosures/2022/00001/")):
        browser.get(server + home)
        field = browser.find_element(By.CSS_SELECTOR, "form.gk-searchbox input[name=q]")
        field.send_keys("领事保护" if not home else "consular protection")
        field.submit()
        _, links = results(browser, server)
        assert browser.current_url.split("?")[0] == f"{server}{home}search/"
        assert links[0] == first


def test_non_public_items_cannot_be_found(browser, hidden_server):
    for page in ("search/", "en/search/"):
        assert search(browser, hidden_server, page, PUBLIC_MARKER)[1] == [
            ("" if page == "search/" else "en/") + "disclosures/2024/00001/"]
        for index_no, (word, _) in HIDDEN.items():
            summary, links = search(browser, hidden_server, page, word)
            assert links == [] and summary.startswith(("未找到", "No results")), (index_no, page, summary)


# Widths, accessibility (axe-core) and requests of every page type: tests/test_portal_browser.py.


def test_header_search_button_leads_to_the_search_page_of_the_language(browser, server):
    for page, expected in (("guide/", "search/"), ("en/disclosures/2022/00001/", "en/search/")):
        browser.get(server + page)
        button = browser.find_element(By.CSS_SELECTOR, ".md-header__inner a.gk-header-search")
        assert button.get_attribute("aria-label") == ("Search" if page.startswith("en/") else "搜索")
        assert button.get_attribute("href") == server + expected
        assert button.is_displayed()
