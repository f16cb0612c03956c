"""Property: any mix of the hostile corpus's fragments, published as an item page and rendered by
Python-Markdown with the site's extensions (as MkDocs renders it), never yields an event attribute, a
style attribute or an executable address."""

from __future__ import annotations

import dataclasses
import html
import re

import html5lib
import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, REPO
from gongkai import body_findings, pages
from gongkai.loader import load_catalogue

CASES = yaml.safe_load((FIXTURES / "hostile" / "cases.yml").read_text(encoding="utf-8"))
FRAGMENTS = sorted({c[key] for c in CASES for key in ("body", "en_body") if key in c}
                   | {"\n", "\n\n", "> ", "| a |\n|---|\n| ", "    ", "`", "<div>", "</div>", "<p>", "[", "](",
                      "{: ", '"', "'", ">", "<", "&", "#", "!", "<!--", "-->", "\n---\n", "!!! note\n    "})
EXECUTABLE = re.compile(r"^(javascript|vbscript|data):")
CATALOGUE, _ = load_catalogue(REPO)
SEED = CATALOGUE.published[0]
#: mkdocs.yml's markdown_extensions (the file's other tags, such as !ENV, are MkDocs's own).
EXTENSIONS = yaml.safe_load("markdown_extensions:" + (REPO / "mkdocs.yml").read_text(encoding="utf-8")
                            .split("\nmarkdown_extensions:")[1].split("\n\n")[0])["markdown_extensions"]


def _as_mkdocs_renders(text: str) -> str:
    item = dataclasses.replace(SEED, body=text, translation=None, attachments=())
    page = pages.item_page(item, CATALOGUE, "zh")
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    configs = {next(iter(e)): next(iter(e.values())) for e in EXTENSIONS if isinstance(e, dict)}
    rendered = markdown.Markdown(extensions=names, extension_configs=configs).convert(
        page.markdown.split("\n---\n", 1)[1])
    return page.content(rendered)  # as the hook's on_page_content does


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8))
def test_no_mix_of_hostile_fragments_yields_anything_executable(parts):
    built = _as_mkdocs_renders("".join(parts))
    for element in html5lib.parse(built, treebuilder="etree", namespaceHTMLElements=False).iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in ("script", "style", "svg", "math", "iframe", "object", "embed"), built
        for name, value in element.attrib.items():
            name = name if isinstance(name, str) else name[1]
            assert not name.lower().startswith("on") and name.lower() != "style", built
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href", "data"):
                assert not EXECUTABLE.match(re.sub(r"[\s\x00-\x1f]+", "", html.unescape(value)).lower()), built


MARKDOWN_ONLY = ["文字", "text ", "\n", "\n\n", "[", "]", "(", ")", "![", "](", "https://example.org/a.png",
                 "//cdn.example.net/p.png", "javascript:alert(1)", "00001.pdf", " \"title\"", "`", "*", "# ", "| ",
                 "---", "> ", "- ", "1. ", "&#106;", "\\", "[r]: ", "https://tracker.example.net/x.png"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN_ONLY), min_size=1, max_size=12))
def test_the_quick_check_of_plain_markdown_finds_what_rendering_finds(parts):
    """Bodies without a tag, attribute list or admonition skip rendering in the check: same findings."""
    body = "".join(parts)
    assert [(f.offset, f.code) for f in body_findings.check(body)] == [(f.offset, f.code) for f in body_findings.check_rendered(body)]
