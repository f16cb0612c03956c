"""The real site in a real browser (Debian's headless Chromium): search, language, phones."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=390,844")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def server(real_site: Path):
    handler = functools.partial(_QuietHandler, directory=str(real_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


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


def search(browser, url: str, query: str) -> list[str]:
    """Open ``url`` with Material's ``?q=`` search and return the result links' paths."""
    browser.get(f"{url}?q={quote(query)}")
    WebDriverWait(browser, 20).until(
        lambda d: d.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text.strip()
        not in ("", "正在初始化搜索引擎", "Initializing search"))
    links = browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item > .md-search-result__link")
    return [link.get_attribute("href").removeprefix(url).split("?")[0] for link in links]


def test_chinese_search_finds_the_seed_item(browser, server):
    assert search(browser, server, "领事保护")[0] == "disclosures/2022/00001/"


def test_english_search_finds_the_translation(browser, server):
    results = search(browser, server + "en/", "consular protection")
    assert results and results[0] == "disclosures/2022/00001/"  # relative to /en/: the English page


def test_search_for_an_absent_word_finds_nothing(browser, server):
    assert search(browser, server, "量子纠缠") == []


def test_item_page_fits_a_phone_screen(browser, server):
    browser.get(server + "disclosures/2022/00001/")
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("厦门市人民政府外事办公室关于")


AXE = Path(__file__).resolve().parents[1] / "node_modules/axe-core/axe.min.js"

#: One page of each kind, in both languages.
PAGES = ("", "en/", "disclosures/2022/00001/", "en/disclosures/2022/00001/", "catalogue/", "en/catalogue/",
         "catalogue/2022/", "en/catalogue/category/plans-and-reports/", "guide/", "en/request/",
         "statistics/", "statistics/2022/", "en/statistics/2022/", "subscribe/", "en/subscribe/",
         "editors/", "en/editors/", "statistics-guide/", "404.html")


@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_wcag_aa_violations(browser, server, page):
    """axe-core (the engine of common accessibility checkers) finds nothing against WCAG 2.1 A and AA."""
    browser.get(server + page)
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    violations = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.map(n => n.html.slice(0, 120))])));")
    assert violations == []
