"""The hostile corpus (tests/fixtures/hostile/cases.yml): every case is refused by the check at its place,
or harmless; and with the body check switched off (a hole in the check) the sanitiser alone keeps every
case harmless on both language pages, in the feeds and in the search index."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest
import yaml
from selenium.webdriver.common.by import By

from conftest import FIXTURES, build_env, item_text, make_repo, pagefind_pages
from gongkai.loader import load_catalogue

CASES: list[dict] = yaml.safe_load((FIXTURES / "hostile" / "cases.yml").read_text(encoding="utf-8"))

#: Schemes a browser runs or renders as a document; none may be in a built page's address.
EXECUTABLE = re.compile(r"^(javascript|vbscript|data):")
#: Elements no item body may bring into a page (said here independently of gongkai.bodies).
FORBIDDEN = {"script", "style", "iframe", "object", "embed", "form", "input", "button", "textarea", "base",
             "meta", "link", "svg", "math", "noscript", "template", "frame", "frameset", "applet"}
#: Attributes that hold an address a browser follows.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster", "background"}


def _number(index: int) -> str:
    return f"{index + 1:05d}"


def _write_case(root: Path, index: int, case: dict) -> None:
    number = _number(index)
    folder = root / "disclosures" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    fields = dict(case.get("fields", {}))
    fields["keywords"] = fields.get("keywords") or [f"hostile{number}"]
    text = item_text(f"XMFAO/2024-{number}", body=case["body"] + "\n", **fields)
    if "attachments" in case:
        listed = "".join(f"  - file: {a['file']}\n    title: {yaml.safe_dump(a['title'], allow_unicode=True).strip()}"
                         .replace("\n...", "") + "\n" for a in case["attachments"])
        text = text.replace("\n---\n\n", f"\nattachments:\n{listed}---\n\n", 1)
        for attachment in case["attachments"]:
            (folder / attachment["file"]).write_bytes(b"%PDF-1.4\n" if attachment["file"].endswith(".pdf") else
                                                      b"\x89PNG\r\n\x1a\n")
    (folder / f"{number}.md").write_text(text, encoding="utf-8")
    if "en_body" in case or "en_fields" in case:
        en = {"title": "Translated notice", "summary": "Translated summary", **case.get("en_fields", {})}
        head = "".join(f"{key}: {value}\n" for key, value in en.items())
        (folder / f"{number}.en.md").write_text(f"---\n{head}---\n\n{case.get('en_body', 'Body.')}\n",
                                                encoding="utf-8")


def _repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path)
    for index, case in enumerate(CASES):
        _write_case(root, index, case)
    return root


def test_the_corpus_is_large_and_covers_every_class():
    assert len(CASES) >= 40
    assert len({c["name"] for c in CASES}) == len(CASES)
    classes = {c["class"] for c in CASES}
    assert {"attribute breaking", "javascript URL", "SVG and MathML", "unclosed tags", "mutation XSS", "Markdown",
            "attr_list", "table cells", "front matter", "attachment titles", "translations", "comments",
            "external image", "style"} <= classes


def _expected(root: Path, path: str, entries: list, severity: str) -> list:
    """``[code, line, column, severity]`` of each ``[code, body line, text]`` entry of the corpus."""
    lines = (root / path).read_text(encoding="utf-8").split("\n")
    body_start = lines.index("---", 1) + 3  # the closing ---, a blank line, then the body
    found = []
    for code, line, text in entries:
        number = body_start + line - 1
        assert text in lines[number - 1], (path, line, text)
        found.append([code, number, lines[number - 1].index(text) + 1, severity])
    return found


def test_check_refuses_each_case_at_its_place_or_lets_it_pass(tmp_path: Path):
    root = _repo(tmp_path)
    _, problems = load_catalogue(root)
    found: dict[str, list] = {}
    for p in problems:
        found.setdefault(p.path, []).append([p.code, p.line, p.column, p.severity])
    for index, case in enumerate(CASES):
        path = f"disclosures/2024/{_number(index)}"
        expected = (_expected(root, path + ".md", case.get("refused", []), "error")
                    + _expected(root, path + ".md", case.get("warned", []), "warning"))
        assert sorted(found.get(path + ".md", [])) == sorted(expected), (case["name"], problems.report())
        if case.get("refused_en"):
            expected_en = _expected(root, path + ".en.md", case["refused_en"], "error")
            assert sorted(found.get(path + ".en.md", [])) == sorted(expected_en), (case["name"], problems.report())
    assert len(found) == sum(bool(c.get("refused") or c.get("warned")) + bool(c.get("refused_en")) for c in CASES)
    for p in problems:  # every message and fix in both languages
        assert p.message.zh and p.message.en and p.hint and p.hint.zh and p.hint.en


# -- the build with the body check switched off -----------------------------------------------

#: ``mkdocs build`` with validate.check_body replaced by a no-op: a hole in the check, everywhere.
_BUILD_WITHOUT_BODY_CHECK = (
    "import sys, gongkai.validate as v; v.check_body = lambda *a, **k: None; "
    "from mkdocs.__main__ import cli; sys.argv = ['mkdocs', 'build', '--strict', '-f', sys.argv[1], '-d', sys.argv[2]]; "
    "cli()")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = _repo(tmp_path_factory.mktemp("hostile"))
    site = root / "site"
    result = subprocess.run([sys.executable, "-c", _BUILD_WITHOUT_BODY_CHECK, str(root / "mkdocs.yml"), str(site)],
                            cwd=root, env=build_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def item_pages(site: Path) -> list[str]:
    """Every hostile item's page in both languages, as site-relative URLs."""
    return [f"{prefix}disclosures/2024/{_number(i)}/" for i in range(len(CASES)) for prefix in ("", "en/")]


def _elements(node):
    for child in node:
        if isinstance(child.tag, str):
            yield child
            yield from _elements(child)


def _local(name: str) -> str:
    return name.rpartition("}")[2].lower()


def assert_harmless(document, where: str) -> None:
    """No event attribute, no executable address anywhere; inside a body only allowed elements,
    no style attribute, no comment."""
    for element in _elements(document):
        for name, value in element.attrib.items():
            name = _local(name) if isinstance(name, str) else name[1]
            assert not name.startswith("on"), (where, element.tag, name)
            if name in URL_ATTRIBUTES:
                address = re.sub(r"[\s\x00-\x1f]+", "", html.unescape(value)).lower()
                assert not EXECUTABLE.match(address), (where, element.tag, value)
    for body in (e for e in _elements(document) if "gk-body" in e.attrib.get("class", "").split()):
        for element in _elements(body):
            assert _local(element.tag) not in FORBIDDEN and element.tag.startswith("{http://www.w3.org/1999/xhtml}"), (
                where, element.tag)
            assert "style" not in element.attrib, (where, element.tag)
            if _local(element.tag) == "img":
                assert "//" not in element.attrib.get("src", ""), (where, element.attrib)
        assert not [n for n in body.iter() if not isinstance(n.tag, str)], (where, "comment")


def test_every_built_page_is_harmless(hostile_site: Path):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 2 * len(CASES)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        document = html5lib.parse(text, treebuilder="etree")
        assert_harmless(document, page.relative_to(hostile_site).as_posix())
        # The policy allows the inline scripts of the finished page by hash: they must be the theme's
        # three (scope, palette, anchor), none from an item's fields.
        inline = [e.text or "" for e in _elements(document) if _local(e.tag) == "script" and "src" not in e.attrib
                  and e.get("type") in (None, "module", "text/javascript")]
        assert len(inline) == 3 and not [t for t in inline if "alert" in t], (page, inline)
        assert "不予公开的内部意见" not in text  # the comment is gone from the published source
        assert "tracker.example.net" not in text


def test_the_sanitiser_keeps_what_the_allow_list_allows(hostile_site: Path):
    """Harmless cases keep their content: the text of a broken attribute and the table stay readable."""
    by_name = {c["name"]: i for i, c in enumerate(CASES)}
    page = lambda name, prefix="": (hostile_site / f"{prefix}disclosures/2024/{_number(by_name[name])}/index.html"
                                    ).read_text(encoding="utf-8")
    assert '<img alt="&gt;" src="x">' in page("quoted-gt-in-div")
    assert "本页已停止服务" in page("style-blanks-the-page") and "position:fixed" not in page("style-blanks-the-page")
    assert re.search(r'<td align="left"><span>红字</span></td>', page("table-cell-style"))
    assert '<a href="https://example.org/" title="&gt;">x</a>' in page("translation-body-autofocus", "en/")
    assert page("attr-list-shadows-theme-id").count('id="__search"') == 1  # the theme's own, not the body's
    title = page("front-matter-fields")
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in title
    assert "&lt;img src=x onerror=alert(1)&gt;名单" in page("attachment-title")


def test_feeds_carry_no_markup_a_reader_would_run(hostile_site: Path):
    feeds = sorted(hostile_site.glob("**/feeds/*.xml"))
    assert feeds
    for feed in feeds:
        root = ET.parse(feed).getroot()
        for node in root.iter():
            # what feed readers show as HTML (RSS descriptions, Atom type="html") must be harmless once
            # parsed; Atom's default type="text" and RSS titles are shown as text
            as_html = _local(node.tag) == "description" or node.get("type") in ("html", "xhtml")
            if as_html and node.text:
                fragment = html5lib.parseFragment(node.text, treebuilder="etree")
                assert_harmless(fragment, feed.name)
                assert not [e for e in _elements(fragment) if _local(e.tag) in FORBIDDEN | {"img"}], (
                    feed.name, node.text)


def test_search_index_holds_text_only(hostile_site: Path):
    """Pagefind indexes the built (sanitised) pages as text; what its results show is tested in Chromium."""
    indexed = pagefind_pages(hostile_site)
    assert sum(len(found) for found in indexed.values()) >= 2 * len(CASES)
    contents = "".join(f["content"] for found in indexed.values() for f in found)
    assert "不予公开的内部意见" not in contents and "tracker.example.net" not in contents
    assert "position:fixed" not in contents and "data-pagefind-ignore" not in contents


# -- in the browser ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_browser(tmp_path_factory):
    from page_trap import trap_browser
    # no network log: a request to another host would be a CSP violation (img-src, default-src) here
    driver = trap_browser(tmp_path_factory.mktemp("chromium-hostile"), network=False)
    yield driver
    driver.quit()


def test_no_case_runs_anything_in_chromium(hostile_site: Path, hostile_browser):
    """Each item page, Chinese and English, with a trap on dialogs, CSP violations, script errors and
    requests to other hosts: nothing fires (a blocked inline handler would be a violation)."""
    from page_trap import caught, visit
    from test_browser import serving
    with serving(hostile_site) as url:
        for page in item_pages(hostile_site):
            visit(hostile_browser, url + page)
            assert caught(hostile_browser) == {"dialogs": [], "violations": [], "errors": [], "foreign": []}, page
        visit(hostile_browser, url + "search/?q=onerror")
        from test_browser import results
        summary, links = results(hostile_browser, url)
        assert links  # the hostile text is found, and shown as text
        excerpts = hostile_browser.find_elements(By.CSS_SELECTOR, "pagefind-results .gk-result")
        assert not hostile_browser.find_elements(By.CSS_SELECTOR, "pagefind-results img, pagefind-results svg")
        assert excerpts and caught(hostile_browser) == {"dialogs": [], "violations": [], "errors": [], "foreign": []}
