"""An item body's HTML: the one allow-list and the sanitiser that enforces it.

Item bodies are untrusted input. :data:`ELEMENTS`, :data:`ATTRIBUTES` and :data:`CLASSES` say what a
body may contain once rendered; everything else is refused by the check
(:func:`gongkai.body_findings.check`, ``gongkai check``, with the file position of the offending tag
or attribute) and removed by :func:`sanitise` (the build, with nh3) before a body reaches a page, a
feed or the search index. The check explains; the sanitiser guarantees, even where the check has a hole.

:func:`render` turns the Markdown into HTML once per distinct body in a build: the check's conversion
is kept for the page, and an untranslated item's two pages share one published HTML.
"""

from __future__ import annotations

import re
from html import escape

import lxml.html
import markdown
import nh3
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension, slugify_unicode

from . import links

# -- the allow-list ----------------------------------------------------------------

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

#: The elements an official document needs: headings, paragraphs, lists, tables, figures, emphasis.
ELEMENTS = frozenset({
    *_HEADINGS, "p", "br", "hr", "blockquote", "div", "span", "pre", "code",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "q", "cite",
    "figure", "figcaption", "a", "img",
})

#: Attributes by element (``*``: on every element). No ``style``, no ``on*``, no ``id`` beyond
#: headings and table headers (the targets of ``#anchor`` links and of ``headers``).
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"lang", "dir", "title"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"rowspan", "colspan", "scope", "headers", "id", "align"}),
    "td": frozenset({"rowspan", "colspan", "headers", "align"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed"}),
    **{h: frozenset({"id"}) for h in _HEADINGS},
}

#: ``class`` values allowed by element: the admonitions (``!!! note``) of the Markdown, and the
#: statistics tables the annual report draft embeds (``gongkai statistics report``).
CLASSES: dict[str, frozenset[str]] = {
    "div": frozenset({"admonition", "note", "info", "tip", "warning", "danger", "important", "abstract"}),
    "p": frozenset({"admonition-title"}),
    "table": frozenset({"gk-stats", "gk-table2", "gk-table3", "gk-table4"}),
    "td": frozenset({"gk-corner"}),
}

#: Attributes whose value is an address, and the schemes an address may use.
URL_ATTRIBUTES = frozenset({"href", "src"})
URL_SCHEMES = links.SAFE_SCHEMES

#: Ids the theme's own script looks up start with "_" (``__search``, ``__drawer``…): a body may not
#: shadow them.
_ID = re.compile(r"[^\W_][\w\-]*", re.UNICODE)


def allowed_attribute(tag: str, name: str) -> bool:
    return name in ATTRIBUTES["*"] or name in ATTRIBUTES.get(tag, frozenset()) or (
        name == "class" and tag in CLASSES)


def is_external(address: str) -> bool:
    """An address that leaves the site: a scheme, or ``//host`` / ``\\host`` (which browsers read as one)."""
    cleaned = links.scheme(address)
    stripped = address.strip().replace("\\", "/")
    return cleaned is not None or stripped.startswith("//")


def unsafe_scheme(address: str) -> bool:
    """A scheme outside :data:`URL_SCHEMES`; a one-letter one is a Windows drive (a broken link, not code)."""
    found = links.scheme(address)
    return found is not None and len(found) > 1 and found not in URL_SCHEMES


# -- rendering and sanitising ----------------------------------------------------------

_EXTENSIONS = ("attr_list", "md_in_html", "admonition")
_TABLES = {"use_align_attribute": True}
_TOC = {"permalink": False, "slugify": slugify_unicode}

#: How :func:`render` converts a body: part of every cached conversion's key, so that HTML made with
#: other options is never returned.
RENDER_OPTIONS: tuple = (_EXTENSIONS, tuple(_TABLES.items()), tuple(_TOC.items()))


def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[*_EXTENSIONS, TableExtension(**_TABLES), TocExtension(**_TOC)])


_markdown: list[markdown.Markdown] = []
"""The one converter, made on first use and reset before each body (building one costs as much as a body)."""


def published_text(source: str) -> str:
    """The body an item publishes from the text below its front matter: without the blank lines before and
    after it, ending in one line break. The check renders this same text (:func:`render`), so that the
    build publishes the check's conversion instead of converting the body again."""
    return source.strip("\n") + "\n"


def render(body: str) -> str:
    """The HTML Python-Markdown makes of ``body``, before sanitising: tables with ``align``
    (never ``style``), headings with ids, admonitions, ``attr_list`` and ``markdown="1"``.

    The check renders a body (:func:`check_rendered`) before the build publishes it (:func:`body_html`):
    the check's conversion is kept until the build takes it, so that no body is converted twice."""
    key = (body, RENDER_OPTIONS)
    if key in _checked:
        return _checked[key]
    html = convert(body)
    _checked[key] = html
    return html


def convert(body: str) -> str:
    """:func:`render` without the cache: a fresh conversion of ``body``."""
    if not _markdown:
        _markdown.append(_converter())
    return _markdown[0].reset().convert(body)


_checked: dict[tuple[str, tuple], str] = {}
"""Bodies :func:`render` converted that :func:`body_html` has not taken yet, by text and options."""


def _keep(tag: str, name: str, value: str) -> str | None:
    """nh3's last word on an attribute value: no shadowed ids, no image from another host, and no
    address a browser reads as a scheme outside the list once it drops whitespace (nh3 keeps
    ``java<tab>script:``)."""
    if name in ("id", "headers") and not all(_ID.fullmatch(v) for v in value.split()):
        return None
    if name in URL_ATTRIBUTES and unsafe_scheme(value):
        return None
    if tag == "img" and name == "src" and is_external(value):
        return None
    return value


def sanitise(html: str) -> str:
    """``html`` with everything outside the allow-list removed (comments too): safe to publish."""
    return nh3.clean(
        html, tags=set(ELEMENTS), clean_content_tags={"script", "style", "template", "textarea", "title",
                                                      "noscript", "svg", "math", "iframe", "object"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
        url_schemes=set(URL_SCHEMES), strip_comments=True, link_rel=None, attribute_filter=_keep)


def body_html(body: str) -> str:
    """An item body as the published HTML: rendered, then sanitised, once per distinct text in a build
    (an untranslated item's English page shows its Chinese body; the preview reuses the previous pass's)."""
    converted = _checked.pop((body, RENDER_OPTIONS), None)
    html = _published.current.get(body) or _published.previous.get(body)
    if html is None:
        html = sanitise(converted if converted is not None else convert(body))
    _published.current[body] = html
    return html


class _Published:
    def __init__(self, previous: dict[str, str]) -> None:
        self.previous = previous
        self.current: dict[str, str] = {}


_published = _Published({})
"""The published bodies of this build (or preview pass) and of the preview pass before, by text."""


def take_published() -> dict[str, str]:
    """The bodies this process published (:func:`body_html`), handed over: a worker process's, for its
    parent (:func:`keep_published`). The worker keeps none, nor any conversion not yet taken."""
    taken = _published.current
    _published.current = {}
    _checked.clear()
    return taken


def keep_published(published: dict[str, str]) -> None:
    """Keep bodies another process published (:func:`take_published`), for :func:`body_html`."""
    _published.current.update(published)


def remember_for_preview() -> None:
    """Start a new preview pass (``mkdocs serve``): bodies converted in the previous pass are reused, so
    that an edit converts only the bodies that changed. Only the last pass is kept: memory stays one
    site's bodies, and nothing stale outlives an edit (the text itself is the key)."""
    global _published, _headings
    _published = _Published(_published.current)
    _headings = _Published(_headings.current if _headings is not None else {})


_headings: _Published | None = None
"""The preview's :func:`headings` of this pass and of the pass before, by HTML (None outside the preview:
a build reads each page's headings once, and keeping them would only add to its memory)."""


def headings(html: str) -> tuple[tuple[int, str, str], ...]:
    """``(level, id, text as HTML)`` of each heading with an id in published ``html``, in order: the
    page's table of contents (the generator cannot see headings inside a block of HTML). The preview
    reuses the previous pass's result for the same HTML (:func:`remember_for_preview`)."""
    if "<h" not in html:
        return ()
    if _headings is None:
        return _parse_headings(html)
    found = _headings.current.get(html)
    if found is None:
        found = _headings.previous.get(html)
        if found is None:
            found = _parse_headings(html)
        _headings.current[html] = found
    return found


def _parse_headings(html: str) -> tuple[tuple[int, str, str], ...]:
    # the sanitiser's output is well-formed: lxml's fast parser reads it as a browser would
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    return tuple((int(e.tag[1]), e.get("id"), escape(" ".join(e.text_content().split())))
                 for e in wrapper.iter(*_HEADINGS) if e.get("id"))


def toc_tokens(found: tuple[tuple[int, str, str], ...]) -> list[dict]:
    """:func:`headings` nested as Python-Markdown's toc extension gives them (``level``, ``id``,
    ``name``, ``children``): each heading under the nearest higher-level one before it."""
    root: list[dict] = []
    stack: list[dict] = []
    for level, anchor, name in found:
        token = {"level": level, "id": anchor, "name": name, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root
