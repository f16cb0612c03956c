"""Every page type of the real site and of a fixture site (tests/portal_fixture.py), in both languages,
in headless Chromium: accessibility (axe-core at 390 and 1280 px, light, dark and larger text), no
sideways scrolling at 320/390/768/1280 px, no failed or third-party request, a sensible keyboard order,
the larger-text switch, the language switch on a search, and screenshots for the pull request.
The Nu HTML Checker (vnu) checks the same pages' HTML in one Java run.

One site build per fixture and one Chromium for the module; each page is loaded once and resized, restyled
(larger text, dark scheme) in place.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, build
from portal_fixture import PAGES as FIXTURE_PAGES
from portal_fixture import make_portal_repo
from test_browser import CHROMIUM_FLAGS, FINISHED, serving

AXE = REPO / "node_modules/axe-core/axe.min.js"
VNU = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"
SCREENSHOTS = Path(os.environ.get("GONGKAI_SCREENSHOTS", REPO / "screenshots"))

WIDTHS = (320, 390, 768, 1280)
AXE_WIDTHS = (390, 1280)

#: One page of each type of the real site, in both languages.
REAL_PAGES = tuple(prefix + path for path in (
    "", "catalogue/", "catalogue/2022/", "catalogue/category/rule-of-law/", "disclosures/2022/00001/",
    "guide/", "request/", "subscribe/", "statistics/", "statistics/2022/", "search/?q=领事保护", "site-map/",
    "accessibility/", "privacy/", "editors/", "statistics-guide/", "reports/", "404.html",
) for prefix in ("", "en/"))

CASES = [("real", page) for page in REAL_PAGES] + [("fixture", page) for page in FIXTURE_PAGES]

#: Errors the Nu HTML Checker finds in Material's own templates, not in ours or in generated pages.
KNOWN_THEME_ERRORS = {
    "material-toggle-autocomplete": re.compile(r"Attribute “autocomplete” is only allowed when the input type is"),
    "material-toc-label-without-control": re.compile(
        r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control"),
}
KNOWN_THEME_EXTRACTS = {
    "material-toggle-autocomplete": 'class="md-toggle"',
    "material-toc-label-without-control": 'for="__toc"',
}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    root = make_portal_repo(tmp_path_factory.mktemp("portal"))
    result = build(root, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def sites(real_site, fixture_site):
    with serving(real_site) as real, serving(fixture_site) as fixture:
        yield {"real": (real, real_site), "fixture": (fixture, fixture_site)}


@pytest.fixture(scope="module")
def chrome(tmp_path_factory):
    options = Options()
    options.binary_location = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument("--hide-scrollbars")
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-portal')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("GONGKAI_CHROMEDRIVER", "/usr/bin/chromedriver")),
                              options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    yield driver
    driver.quit()


def set_width(driver, width: int, height: int = 900) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def set_scheme(driver, scheme: str) -> None:
    """Light or dark, with reduced motion: Material then draws no transitions, which axe would catch midway."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": scheme}, {"name": "prefers-reduced-motion", "value": "reduce"}]})


def dark(driver) -> None:
    """The dark scheme, as Material draws it for a reader whose device prefers dark (its palette script sets
    the body's data-md-color-scheme from the media query; set here directly, without a reload)."""
    set_scheme(driver, "dark")
    driver.execute_script("document.body.setAttribute('data-md-color-scheme', 'slate')")


def overflow(driver) -> int:
    """How far the page scrolls sideways (0 when it fits)."""
    return driver.execute_script(
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth")


#: What a colour scheme or the larger text can change: axe's rules on colours and on sizes. The whole WCAG 2.1
#: A and AA set runs in the light scheme at normal size; these again in dark and in larger-text mode.
STYLE_RULES = {"dark": ["color-contrast", "link-in-text-block"],
               "large": ["color-contrast", "link-in-text-block", "scrollable-region-focusable", "target-size"]}


def axe(driver, mode: str = "light") -> list:
    """axe-core's critical and serious violations of WCAG 2.1 A and AA: (rule, impact, first elements)."""
    if not driver.execute_script("return typeof axe !== 'undefined'"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    only = ({"type": "rule", "values": STYLE_RULES[mode]} if mode in STYLE_RULES
            else {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: arguments[0], resultTypes: ['violations']})"
        ".then(r => done(r.violations.filter(v => ['critical', 'serious'].includes(v.impact))"
        ".map(v => [v.id, v.impact, v.nodes.slice(0, 3).map(n => [n.html.slice(0, 100),"
        " n.any.concat(n.all).map(c => c.message).join(' ')])])));", only)


def requests(driver, origin: str) -> list[str]:
    """Failed requests, requests to other hosts and console errors since the last call."""
    found, urls = [], {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message["method"], message.get("params", {})
        if method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            urls[params["requestId"]] = url
            if urlsplit(url).scheme in ("http", "https") and not url.startswith(origin):
                found.append(f"other host: {url}")
        elif method == "Network.responseReceived" and params["response"]["status"] >= 400:
            found.append(f"{params['response']['status']}: {params['response']['url']}")
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            found.append(f"failed ({params.get('errorText')}): {urls.get(params['requestId'])}")
    found += [f"console: {e['message']}" for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return found


def load(driver, url: str, fresh: bool = False) -> None:
    """Open ``url``; ``fresh`` forgets what the site stored first (Material keeps the colour scheme it chose)."""
    if fresh:  # (after leaving the page: Material saves its palette again as a page unloads)
        driver.get("about:blank")
        driver.execute_cdp_cmd("Storage.clearDataForOrigin",
                               {"origin": "/".join(url.split("/")[:3]), "storageTypes": "local_storage"})
    driver.get(url)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


@pytest.mark.parametrize(("site", "page"), CASES, ids=[f"{s}:{p or 'home'}" for s, p in CASES])
def test_page_works_at_every_width_for_every_reader(chrome, sites, site, page):
    """axe at 390 and 1280 px (light, larger text, dark), widths 320–1280 (normal and larger text),
    and every request the page makes, each found problem named."""
    base, _ = sites[site]
    origin = base.rstrip("/")
    problems: dict[str, list] = {}
    chrome.get_log("performance"), chrome.get_log("browser")
    set_scheme(chrome, "light")
    set_width(chrome, 1280)
    load(chrome, base + page, fresh=True)
    if "?q=" in page:  # check the results too, once the search has answered
        WebDriverWait(chrome, 30).until(lambda d: FINISHED.search(d.find_element(By.CSS_SELECTOR, "pagefind-summary").text))
        if not chrome.find_element(By.CSS_SELECTOR, "pagefind-summary").text.startswith(("未找到", "No results")):
            WebDriverWait(chrome, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "pagefind-results .gk-result mark"))
    for large in (False, True):
        chrome.execute_script("document.documentElement.classList.toggle('gk-large', arguments[0])", large)
        mode = "large" if large else "light"
        for width in WIDTHS:
            set_width(chrome, width)
            if (extra := overflow(chrome)) > 0:
                problems.setdefault("scrolls sideways", []).append(f"{mode} {width}px: {extra}px")
            if width in AXE_WIDTHS and (found := axe(chrome, mode)):
                problems.setdefault("axe", []).append((mode, width, found))
    chrome.execute_script("document.documentElement.classList.remove('gk-large')")
    dark(chrome)
    for width in AXE_WIDTHS:
        set_width(chrome, width)
        if found := axe(chrome, "dark"):
            problems.setdefault("axe", []).append(("dark", width, found))
    set_scheme(chrome, "light")
    if found := requests(chrome, origin):
        problems["requests"] = sorted(set(found))
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)


def tab_stops(driver, count: int) -> list[str]:
    """What Tab reaches, ``count`` times from the top of the page: a short name for each stop."""
    stops = []
    for _ in range(count):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        stops.append(driver.execute_script("""
            const e = document.activeElement;
            if (e.matches('.gk-skip')) return 'skip';
            if (e.matches('.md-select button')) return 'language';
            if (e.matches('.gk-text-size')) return 'larger-text';
            if (e.matches('.gk-header-search')) return 'search';
            if (e.closest('.gk-pager')) return 'pager';
            if (e.closest('#gk-content')) return 'content';
            if (e.closest('.md-header, .md-tabs')) return 'header';
            return e.tagName.toLowerCase();"""))
    return stops


@pytest.mark.parametrize(("site", "page"), [("real", ""), ("real", "en/disclosures/2022/00001/"),
                                            ("fixture", "catalogue/2022/"), ("real", "search/")])
def test_keyboard_reaches_skip_link_header_controls_and_pagination_in_order(chrome, sites, site, page):
    base, _ = sites[site]
    set_width(chrome, 1280)
    load(chrome, base + page)
    stops = tab_stops(chrome, 30)
    assert stops[0] == "skip"
    header = [s for s in stops[:stops.index("content")] if s in ("language", "larger-text", "search")]
    assert header == ["language", "larger-text", "search"], stops
    # The skip link leads straight to the content: the next Tab is inside it.
    load(chrome, base + page)
    tab_stops(chrome, 1)
    ActionChains(chrome).send_keys(Keys.ENTER).perform()
    assert chrome.execute_script("return document.activeElement.id") == "gk-content"
    ActionChains(chrome).send_keys(Keys.TAB).perform()
    assert chrome.execute_script("return !!document.activeElement.closest('#gk-content')")
    if page.startswith("catalogue/2022/"):
        assert "pager" in tab_stops(chrome, 70)


def test_larger_text_is_remembered_across_pages(chrome, sites):
    base, _ = sites["real"]
    set_width(chrome, 390)
    load(chrome, base + "disclosures/2022/00001/")
    size = chrome.execute_script("return parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    button = chrome.find_element(By.CSS_SELECTOR, "button.gk-text-size")
    assert (button.get_attribute("aria-label"), button.get_attribute("aria-pressed")) == ("大字版", "false")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    load(chrome, base + "en/catalogue/")
    assert chrome.execute_script("return document.documentElement.classList.contains('gk-large')")
    assert chrome.find_element(By.CSS_SELECTOR, "button.gk-text-size").get_attribute("aria-pressed") == "true"
    load(chrome, base + "disclosures/2022/00001/")
    larger = chrome.execute_script("return parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert larger >= size * 1.2 and overflow(chrome) <= 0
    chrome.find_element(By.CSS_SELECTOR, "button.gk-text-size").click()
    load(chrome, base + "en/")
    assert not chrome.execute_script("return document.documentElement.classList.contains('gk-large')")


def test_language_switch_keeps_the_search_query(chrome, sites):
    base, _ = sites["real"]
    set_width(chrome, 1280)
    load(chrome, base + "search/?q=" + "领事保护")
    chrome.execute_script("document.querySelector('a.gk-language[hreflang=en]').click()")
    WebDriverWait(chrome, 10).until(lambda d: "/en/search/" in d.current_url)
    assert urlsplit(chrome.current_url).query == "q=%E9%A2%86%E4%BA%8B%E4%BF%9D%E6%8A%A4"


def test_search_controls_are_in_readable_type_on_phones(chrome, sites):
    base, _ = sites["real"]
    set_width(chrome, 390)
    load(chrome, base + "search/?q=" + "领事保护")
    WebDriverWait(chrome, 30).until(lambda d: FINISHED.search(d.find_element(By.CSS_SELECTOR, "pagefind-summary").text))
    sizes = chrome.execute_script("return ['.pf-input-clear', '.pf-dropdown-trigger-label'].map("
                                  "s => [...document.querySelectorAll(s)].map(e => parseFloat(getComputedStyle(e).fontSize)))")
    assert all(sizes) and min(min(found) for found in sizes) >= 16


CHART_PAGES = tuple(prefix + path for path in ("statistics/", "statistics/2022/") for prefix in ("", "en/"))


@pytest.mark.parametrize("page", CHART_PAGES)
def test_chart_labels_are_legible_on_phones(chrome, sites, page):
    """Every label and value of every chart at least 12 CSS px on screen at 390 and 1280 px (the SVG's own
    font size times the scale the browser draws it at), and the page never scrolls sideways for a chart."""
    base, _ = sites["real"]
    for width in (390, 1280):
        set_width(chrome, width)
        load(chrome, base + page)
        sizes = chrome.execute_script(
            "return [...document.querySelectorAll('.gk-chart svg text')].map("
            "t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a])")
        assert sizes, "no chart"
        small = [(text, round(size, 1)) for text, size in sizes if size < 12]
        assert small == [], f"{width}px: {small}"
        assert overflow(chrome) == 0


def test_metadata_stacks_on_phones_after_the_translation_notice(chrome, sites):
    base, _ = sites["fixture"]
    set_width(chrome, 390)
    load(chrome, base + "en/disclosures/2025/00003/")  # untranslated
    notice, table = (chrome.find_element(By.CSS_SELECTOR, css).rect["y"]
                     for css in (".admonition.warning", "table.gk-meta"))
    assert notice < table
    label, value = (chrome.find_element(By.CSS_SELECTOR, f"table.gk-meta tr:first-child {c}").rect for c in ("th", "td"))
    assert value["y"] >= label["y"] + label["height"] - 1 and label["width"] > 300  # label above value, full width


def test_print_shows_title_metadata_body_and_address_without_navigation(chrome, sites):
    base, _ = sites["fixture"]
    set_width(chrome, 1280)
    load(chrome, base + "disclosures/2025/00004/")
    chrome.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    shown = ("return [...document.querySelectorAll(arguments[0])]"
             ".some(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')")
    try:
        hidden = [css for css in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".gk-crumb", ".md-skip")
                  if chrome.execute_script(shown, css)]
        printed = [css for css in ("article h1", "table.gk-meta", "article .gk-scroll table", ".gk-attachments",
                                   ".gk-print-only") if chrome.execute_script(shown, css)]
        address = chrome.find_element(By.CSS_SELECTOR, ".gk-print-only").text
        region = chrome.execute_script("return getComputedStyle(document.querySelector('article .gk-scroll')).overflowX")
    finally:
        set_scheme(chrome, "light")
    assert hidden == [] and len(printed) == 5
    assert address == "本页地址：https://gongkai.example.gov.cn/disclosures/2025/00004/"
    assert region == "visible"  # a wide table prints whole, not clipped at its scroll region


def test_screenshots_for_the_pull_request(chrome, sites):
    """Home, an item, the catalogue and a statistics year at 390 and 1280 px, light and dark, saved where the
    pull-request workflow uploads them from."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    shots = (("real", "", "home"), ("real", "disclosures/2022/00001/", "item"), ("real", "catalogue/", "catalogue"),
             ("fixture", "statistics/2024/", "statistics-year"))
    for scheme in ("light", "dark"):
        set_scheme(chrome, scheme)
        for width in (390, 1280):
            for site, page, name in shots:
                set_width(chrome, width)
                load(chrome, sites[site][0] + page, fresh=True)
                if scheme == "dark":
                    dark(chrome)
                height = min(chrome.execute_script("return document.documentElement.scrollHeight"), 4000)
                set_width(chrome, width, height)
                path = SCREENSHOTS / f"{name}-{width}-{scheme}.png"
                chrome.save_screenshot(str(path))
                assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    set_scheme(chrome, "light")
    assert len(list(SCREENSHOTS.glob("*.png"))) == 16


def test_html_is_valid_apart_from_known_theme_errors(sites):
    """The Nu HTML Checker over the same pages, in one run: no error from our templates or generated pages."""
    files = []
    for site, page in CASES:
        _, site_dir = sites[site]
        path = site_dir / page.split("?")[0]
        files.append(str(path if page.endswith(".html") else path / "index.html"))
    java = os.environ.get("GONGKAI_JAVA") or shutil.which("java")
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m["type"] == "error"]
    unknown = [(m["url"].split("/site/")[-1], m.get("lastLine"), m["message"]) for m in errors
               if not any(rule.search(m["message"]) and KNOWN_THEME_EXTRACTS[name] in m.get("extract", "")
                          for name, rule in KNOWN_THEME_ERRORS.items())]
    assert unknown == []
    assert len({m["url"] for m in messages}) <= len(files)
