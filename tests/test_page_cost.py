"""What a generated page costs, without changing a byte of it: each body converted once per build (the
check's conversion reused, an untranslated item's two pages sharing one), wide tables wrapped where they
are made, and the Markdown skeleton of item and listing pages converted by one shared converter, never
parsed again for HTML gongkai made. Every cached answer is compared with a fresh one."""

from __future__ import annotations

import dataclasses

import lxml.html
import markdown
import markdown.treeprocessors
import pytest
import yaml

from conftest import FIXTURES, REPO
from gongkai import bodies, body_findings, generated, pages
from gongkai.loader import load_catalogue
from gongkai.site import load_site

CASES = yaml.safe_load((FIXTURES / "hostile" / "cases.yml").read_text(encoding="utf-8"))
HOSTILE = [c[key] for c in CASES for key in ("body", "en_body") if key in c]
CATALOGUE, _ = load_catalogue(REPO)
SEED = CATALOGUE.published[0]
WIDE = ("正文。\n\n| 项目 | 上年结转 | 本年新收 | 办理结果 |\n|---|---|---|---|\n| 申请 | 1 | 2 | 3 |\n\n"
        "<table><caption>表三 收到和处理申请情况</caption><tr><td>数</td></tr></table>\n")


def _fresh(body: str) -> str:
    """A body as published, converted by a new Python-Markdown instance (no cache, no reuse)."""
    return bodies.sanitise(bodies._converter().convert(body))


def _item(body: str, translated: bool = False):
    translation = dataclasses.replace(SEED.translation, body=body) if translated and SEED.translation else None
    return dataclasses.replace(SEED, body=body, translation=translation, attachments=())


def test_a_cached_body_is_the_html_of_a_fresh_conversion():
    for body in HOSTILE + [WIDE, "## 一\n\n[x]: https://example.org/\n\n[x]\n", "[x]\n", "# 一\n\n# 一\n"]:
        body_findings.check_rendered(body)  # the check converts it first; the page takes that conversion
        text = bodies.published_text(body)  # what the item publishes
        assert bodies.body_html(text) == _fresh(text), body
        assert bodies.body_html(text) == _fresh(text), body  # the second page of an untranslated item
        assert (text, bodies.RENDER_OPTIONS) not in bodies._checked  # taken once, not kept twice


SOURCES = ["\n{}", "\n\n{}\n\n\n", "{}", "\n    code\n\n\n{}\n    code\n\n"]
"""Bodies as the text below a front matter may hold them: blank lines around them, code blocks at an end."""


def test_blank_lines_around_a_body_make_no_markdown():
    """The check renders the text an item publishes (bodies.published_text), not the text below its front
    matter: the same HTML, so the same findings."""
    for body in HOSTILE + [WIDE, "    code\n", "```\nx\n```\n"]:
        for source in (form.format(body.strip("\n")) for form in SOURCES):
            assert bodies.convert(source) == bodies.convert(bodies.published_text(source)), source


def test_the_check_and_the_page_convert_a_body_once(monkeypatch):
    converted = []
    convert = bodies.convert
    monkeypatch.setattr(bodies, "convert", lambda text: converted.append(text) or convert(text))
    bodies._checked.clear()
    for body in HOSTILE + [WIDE]:
        for source in (form.format(body.strip("\n")) for form in SOURCES):
            converted.clear()
            body_findings.check_rendered(source)  # the check is given the text below the front matter
            text = bodies.published_text(source)  # the item (validate), and so its page, the published text
            assert bodies.body_html(text) == _fresh(text), source
            assert converted == [text], source
            assert not bodies._checked  # taken once, not kept
            bodies._published.current.clear()


def test_the_reused_converter_carries_nothing_from_one_body_to_the_next():
    # A link reference defined in one body does not resolve in the next; heading ids start again.
    first, second = "# 标题\n\n[ref]: https://example.org/\n", "# 标题\n\n[ref]\n"
    assert bodies.convert(first) == bodies._converter().convert(first)
    assert bodies.convert(second) == bodies._converter().convert(second) == '<h1 id="标题">标题</h1>\n<p>[ref]</p>'


def test_a_wide_body_table_is_wrapped_in_a_region_labelled_in_the_pages_language():
    for lang, translated, labels in (("zh", False, ["表格 1", "表格：表三 收到和处理申请情况"]),
                                     ("en", False, ["Table 1", "Table: 表三 收到和处理申请情况"]),
                                     ("en", True, ["Table 1", "Table: 表三 收到和处理申请情况"])):
        page = pages.item_page(_item(WIDE, translated), CATALOGUE, lang)
        html = page.content(markdown.markdown(page.markdown.split("\n---\n", 1)[1]))
        document = lxml.html.fromstring(f"<div>{html}</div>")
        regions = document.xpath("//div[@class='gk-body']/div[@class='gk-scroll'][@role='region'][@tabindex='0']")
        assert [r.get("aria-label") for r in regions] == labels, (lang, translated)
        assert [len(r.xpath("./table")) for r in regions] == [1, 1]
        assert not document.xpath("//table[@class='gk-meta']/ancestor::div[@class='gk-scroll']")  # restacks instead


EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html"]  # MkDocs' list for mkdocs.yml
CONFIGS = {"toc": {"permalink": False}}


class _Links(markdown.treeprocessors.Treeprocessor):
    """The links and images in Markdown's tree: what MkDocs' own tree processor would resolve against the
    page (raw HTML is not in the tree; it is stashed and put back as it is)."""

    def run(self, root):
        self.found = [e.tag for e in root.iter() if e.tag in ("a", "img")]


def test_item_and_listing_pages_leave_nothing_in_their_markdown_for_mkdocs_to_resolve():
    """Their Markdown is converted without MkDocs (PageMarkdown), which gives MkDocs' HTML only if
    MkDocs' link resolution would have nothing to do."""
    alone = [p for p in load_site(REPO).pages.values() if p.markdown_alone]
    assert {p.src_uri.split("/")[0] for p in alone} == {"disclosures", "catalogue"}
    assert any(".en.md" in p.src_uri for p in alone) and any("/category/" in p.src_uri for p in alone)
    converter = generated.PageMarkdown(EXTENSIONS, CONFIGS)
    for page in alone:
        skeleton = page.markdown.split("\n---\n", 1)[1]
        md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
        links = _Links(md)
        md.treeprocessors.register(links, "links", 0)
        expected = md.convert(skeleton)
        assert links.found == [], page.src_uri
        assert converter.convert(skeleton) == (expected, md.toc_tokens), page.src_uri


@pytest.mark.parametrize("text", ["<!-- gongkai-block:0 -->\n\n## 附件\n\n<!-- gongkai-block:1 -->\n",
                                  '!!! warning "No English translation yet"\n\n    This item has not been translated.\n'])
def test_the_shared_converter_gives_each_page_its_own_copy_of_the_table_of_contents(text):
    converter = generated.PageMarkdown(["toc", "admonition"], {})
    first_html, first = converter.convert(text)
    for token in first:
        token["children"].append({"level": 9, "id": "x", "name": "x", "children": []})
    again_html, again = converter.convert(text)
    assert again_html == first_html == markdown.Markdown(extensions=["toc", "admonition"]).convert(text)
    assert all(not token["children"] for token in again)
