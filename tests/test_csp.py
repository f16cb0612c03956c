"""The Content-Security-Policy on every page: present before any script, and in Chromium 0 violations,
no request to another host, with search, the language switch and the colour toggle still working."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from gongkai import cms
from page_trap import caught, trap_browser, visit
from test_browser import results, serving

REQUIRED = ("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'")


def _pages(site: Path) -> list[str]:
    """Every page the site's policy covers: all but the editing page /admin/, which has its own (Decap CMS
    needs eval and inline styles; tests/test_cms.py checks it, and it is run below)."""
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")
                  if not p.is_relative_to(site / cms.ADMIN_DIR))


@pytest.fixture(scope="module")
def trap(tmp_path_factory):
    driver = trap_browser(tmp_path_factory.mktemp("chromium-trap"))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def real_server(real_site: Path):
    with serving(real_site) as url:
        yield url


def test_every_page_carries_the_policy_before_any_script(real_site: Path):
    pages = _pages(real_site)
    kinds = {"", "en/", "404.html", "search/", "en/search/", "catalogue/", "en/catalogue/", "statistics/",
             "guide/", "en/guide/", "disclosures/2022/00001/", "en/disclosures/2022/00001/",
             "en/404.html", "site-map/", "en/site-map/", "accessibility/", "en/accessibility/", "privacy/",
             "en/privacy/"}
    assert kinds <= set(pages)
    for page in pages:
        document = lxml.html.document_fromstring((real_site / (page or "index.html") if page.endswith(".html")
                                                  else real_site / page / "index.html").read_text(encoding="utf-8"))
        head = document.find("head")
        metas = head.xpath("meta[@http-equiv='Content-Security-Policy']")
        assert len(metas) == 1 and not document.xpath("//body//meta[@http-equiv]"), page
        policy = metas[0].get("content")
        assert all(directive in policy for directive in REQUIRED), (page, policy)
        assert "unsafe-inline" not in policy and "unsafe-eval'" not in policy.replace("wasm-unsafe-eval'", "")
        assert re.search(r"script-src 'self'( 'wasm-unsafe-eval')?( 'sha256-[A-Za-z0-9+/]+=*')+;", policy), policy
        assert ("'wasm-unsafe-eval'" in policy) == page.endswith("search/"), page
        elements = list(head)
        first_script = next(i for i, e in enumerate(elements) if e.tag == "script")
        assert elements.index(metas[0]) < first_script, page
        assert head.xpath("meta[@name='referrer']/@content") == ["strict-origin-when-cross-origin"], page


def test_the_policy_blocks_a_script_the_page_did_not_have(real_site: Path, tmp_path: Path, trap):
    """The meta is in force: a script added after the build (not hashed) does not run and is reported."""
    page = (real_site / "disclosures/2022/00001/index.html").read_text(encoding="utf-8")
    (tmp_path / "index.html").write_text(page.replace("</body>", "<script>window.gkInjected = 1</script></body>"),
                                         encoding="utf-8")
    with serving(tmp_path) as url:
        visit(trap, url)
        assert trap.execute_script("return window.gkInjected") is None
        assert any(v.startswith("script-src-elem") for v in caught(trap)["violations"])


@pytest.mark.parametrize("width", [390, 1280])
def test_every_page_runs_without_a_violation_or_a_foreign_request(real_site: Path, real_server: str, trap, width):
    trap.set_window_size(width, 900)
    for page in _pages(real_site):
        visit(trap, real_server + page)
        assert caught(trap) == {"dialogs": [], "violations": [], "errors": [], "foreign": []}, (width, page)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_editing_page_runs_under_its_own_policy(real_site: Path, real_server: str, trap, width):
    """Served from 127.0.0.1, the editing page asks only the local decap-server (make edit), nothing else."""
    assert (real_site / cms.ADMIN_DIR / "index.html").is_file()
    trap.set_window_size(width, 900)
    visit(trap, f"{real_server}{cms.ADMIN_DIR}/")
    found = caught(trap)
    assert found["foreign"] and set(found["foreign"]) == {cms.LOCAL_BACKEND}
    assert {**found, "foreign": []} == {"dialogs": [], "violations": [], "errors": [], "foreign": []}


@pytest.mark.parametrize("feed", ["feeds/all.rss.xml", "en/feeds/all.atom.xml"])
def test_feeds_show_through_their_stylesheet_without_a_script_or_a_foreign_request(real_server: str, trap, feed):
    """A feed opened in the browser is styled by feed.css beside it: nothing runs, nothing is refused."""
    visit(trap, real_server + feed)
    assert trap.execute_script("return document.styleSheets.length && document.styleSheets[0].href").endswith(
        feed.rsplit("/", 1)[0] + "/feed.css")
    assert caught(trap) == {"dialogs": [], "violations": [], "errors": [], "foreign": []}


def test_search_language_switch_and_colour_toggle_work_under_the_policy(real_server: str, trap):
    trap.set_window_size(1280, 900)
    visit(trap, real_server + "search/?q=" + "领事保护")
    summary, links = results(trap, real_server)
    assert summary.startswith("找到") and links[0] == "disclosures/2022/00001/"
    assert caught(trap) == {"dialogs": [], "violations": [], "errors": [], "foreign": []}

    visit(trap, real_server + "disclosures/2022/00001/")
    switch = trap.find_element(By.CSS_SELECTOR, ".md-select__link[hreflang='en']")
    trap.execute_script("arguments[0].click()", switch)
    WebDriverWait(trap, 10).until(lambda d: d.current_url.endswith("/en/disclosures/2022/00001/"))
    assert trap.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"

    scheme = lambda: trap.execute_script("return document.body.getAttribute('data-md-color-scheme')")
    before = scheme()
    trap.find_element(By.CSS_SELECTOR, "form[data-md-component='palette'] label:not([hidden])").click()
    WebDriverWait(trap, 5).until(lambda d: scheme() != before)
    assert {before, scheme()} == {"default", "slate"}
    assert caught(trap) == {"dialogs": [], "violations": [], "errors": [], "foreign": []}


def _hash(script: str) -> str:
    import base64
    import hashlib
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def test_the_policy_hashes_exactly_the_inline_scripts_a_browser_runs():
    from gongkai import csp
    page = ('<!doctype html><html><head><meta charset="utf-8"><script>a()</script>'
            '<script type="application/json">{"not": "run"}</script><script src="x.js"></script></head>'
            '<body><textarea><script>not_a_script()</script></textarea><!-- <script>nor()</script> -->'
            '<script TYPE=" Module ">b()</script><script>a()</script><div data-gk-search></div></body></html>')
    assert csp.policy(page) == ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' "
                                f"{_hash('a()')} {_hash('b()')}; img-src 'self' data:; object-src 'none'; "
                                "base-uri 'self'; form-action 'self'")


@pytest.mark.parametrize("before", ["", "<!--" + "x" * 2000 + "-->", "<title>" + "长" * 1500 + "</title>"])
def test_the_policy_goes_after_meta_charset_however_long_the_head_before_it(before):
    from gongkai import csp
    head = f'<!doctype html><html><head>{before}<meta charset="utf-8">'
    page = head + '<script>a()</script></head><body></body></html>'
    out = csp.apply(page)
    at = len(head) if not before.startswith("<title>") else len('<!doctype html><html><head>')
    assert out[:at] == page[:at] and out[at:].startswith('\n<meta http-equiv="Content-Security-Policy"')
    assert out[at:].split(">", 2)[2] == page[at:]  # the two metas, then the page as it was


def test_the_policy_hashes_the_scripts_of_svg_and_mathml_and_of_any_letter_case():
    """Scripts are found by their element name in every namespace: an inline SVG or MathML script runs too."""
    from gongkai import csp
    page = ('<!doctype html><html><head><meta charset="utf-8"></head><body><SCRIPT>a()</SCRIPT>'
            '<svg><script>b()</script><SCRIPT>c()</SCRIPT></svg><math><script>d()</script></math></body></html>')
    assert csp.inline_script_hashes(page) == [_hash("a()"), _hash("b()"), _hash("c()"), _hash("d()")]
    assert "'wasm-unsafe-eval'" not in csp.policy(page)


@pytest.mark.parametrize(("head", "after"), [
    # lines before the point, a <head> with attributes over several lines: the point is counted in characters
    ('<!doctype html>\n<html lang="zh">\n  <head\n data-x="a\nb">\n    <meta charset="utf-8">', ""),
    ('<!doctype html>\r\n<html>\r\n<head>\r\n<meta\r\n charset=utf-8 />', ""),
    # the first tag after <head> is not <meta charset>: the policy goes just after <head>
    ('<!doctype html>\n<html>\n<head>', '\n<meta name="viewport" content="x">\n<meta charset="utf-8">'),
    ('<html><HEAD>', '<title>t</title><meta charset="utf-8">'),
])
def test_the_policy_goes_right_after_head_or_its_meta_charset(head, after):
    from gongkai import csp
    page = head + after + '<script>a()</script></head><body><p>x</p></body></html>'
    out = csp.apply(page)
    assert out.startswith(head + '\n<meta http-equiv="Content-Security-Policy" content="default-src')
    assert out[len(head):].split(">", 2)[2] == page[len(head):]


def test_a_page_without_head_tag_is_left_as_it_is():
    from gongkai import csp
    page = '<!doctype html><title>t</title><script>a()</script><p>head</p>'
    assert csp.apply(page) == page
