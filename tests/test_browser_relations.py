"""Documents in relation and in time in headless Chromium, at phone (390 px) and desktop (1280 px) widths:
the repeal notice above everything, the relation lists and change history on screen without overflow, the
exact lookup by 索引号 and 发文字号, and no WCAG 2.1 AA violation on the new pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import build
from relations_fixture import make_relations_repo
from test_browser import browser, serving  # noqa: F401 - the shared browser

WIDTHS = (390, 1280)
AXE = Path(__file__).resolve().parents[1] / "node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="module")
def relations_server(tmp_path_factory):
    root = make_relations_repo(tmp_path_factory.mktemp("relations-browser"))
    result = build(root)
    assert result.returncode == 0, result.stderr
    with serving(root / "site") as url:
        yield url


def at_width(browser, width: int) -> None:
    browser.set_window_size(width, 900)


def overflow(browser) -> int:
    return browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", ["disclosures/2024/00001/", "en/disclosures/2024/00001/"])
def test_the_repeal_notice_is_the_first_thing_under_the_title(browser, relations_server, page, width):
    at_width(browser, width)
    browser.get(relations_server + page)
    notice = browser.find_element(By.CSS_SELECTOR, ".admonition.gk-validity")
    table = browser.find_element(By.CSS_SELECTOR, "table.gk-meta")
    title = browser.find_element(By.TAG_NAME, "h1")
    assert notice.is_displayed() and title.location["y"] < notice.location["y"] < table.location["y"]
    assert notice.location["y"] < 900  # on the first screen
    assert overflow(browser) <= 0
    link = notice.find_element(By.TAG_NAME, "a")
    link.click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("disclosures/2025/00004/"))
    assert browser.find_element(By.ID, "gk-repealed-items").is_displayed()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", ["disclosures/2025/00001/", "en/disclosures/2025/00001/"])
def test_relations_and_changes_fit_the_screen(browser, relations_server, page, width):
    at_width(browser, width)
    browser.get(relations_server + page)
    for section in ("gk-interpretations", "gk-related", "gk-changes"):
        assert browser.find_element(By.ID, section).is_displayed()
    assert len(browser.find_elements(By.CSS_SELECTOR, "ol.gk-changes li")) == 3
    assert browser.find_element(By.CSS_SELECTOR, ".gk-updated").is_displayed()
    assert overflow(browser) <= 0


def lookup(browser, base: str, page: str, query: str) -> None:
    browser.get(base + page)
    field = browser.find_element(By.CSS_SELECTOR, "form.gk-lookup input")
    field.send_keys(query)
    browser.find_element(By.CSS_SELECTOR, "form.gk-lookup button").click()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page,query,target", [
    ("catalogue/", "XMFAO/2025-00001", "disclosures/2025/00001/"),
    ("catalogue/", " xmfao/2024-00001 ", "disclosures/2024/00001/"),
    ("catalogue/", "厦外规〔2025〕2号", "disclosures/2025/00004/"),
    ("en/catalogue/", "厦外规[2025]1号", "en/disclosures/2025/00001/"),
])
def test_the_lookup_opens_the_item_of_an_index_or_document_number(browser, relations_server, page, query, target,
                                                                  width):
    at_width(browser, width)
    lookup(browser, relations_server, page, query)
    WebDriverWait(browser, 10).until(lambda d: d.current_url == relations_server + target)


@pytest.mark.parametrize("page,message", [
    ("catalogue/", "没有索引号或发文字号为 “XMFAO/2025-00005” 的已公开信息。 改为全文搜索"),
    ("en/catalogue/", "No published item has the index number or document number 'XMFAO/2025-00005'. "
                      "Search the full text instead"),
])
def test_the_lookup_says_when_nothing_is_found_even_for_an_unpublished_item(browser, relations_server, page,
                                                                           message):
    at_width(browser, 390)
    lookup(browser, relations_server, page, "XMFAO/2025-00005")  # on request: never published
    result = browser.find_element(By.CSS_SELECTOR, ".gk-lookup-result")
    WebDriverWait(browser, 10).until(lambda d: result.text)
    assert result.text == message
    assert browser.current_url == relations_server + page
    assert overflow(browser) <= 0


def test_other_words_open_the_full_text_search(browser, relations_server):
    lookup(browser, relations_server, "catalogue/", "外事服务")
    WebDriverWait(browser, 10).until(lambda d: "/search/?q=" in d.current_url)


@pytest.mark.parametrize("page", ["disclosures/2025/00001/", "en/disclosures/2025/00001/", "disclosures/2024/00001/",
                                  "en/disclosures/2024/00001/", "catalogue/", "en/catalogue/", "catalogue/article20/",
                                  "en/catalogue/article20/2/", "catalogue/validity/repealed/"])
def test_new_pages_have_no_wcag_aa_violations(browser, relations_server, page):
    for width in WIDTHS:
        at_width(browser, width)
        browser.get(relations_server + page)
        browser.execute_script(AXE.read_text(encoding="utf-8"))
        violations = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            ".then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.map(n => n.html.slice(0, 120))])));")
        assert violations == [], (width, violations)
