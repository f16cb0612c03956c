"""An item body's HTML: the one allow-list, the check that explains it and the sanitiser that enforces it.

Item bodies are untrusted input. :data:`ELEMENTS`, :data:`ATTRIBUTES` and :data:`CLASSES` say what a
body may contain once rendered; everything else is refused by :func:`check` (``gongkai check``,
with the file position of the offending tag or attribute) and removed by :func:`sanitise` (the
build, with nh3) before a body reaches a page, a feed or the search index. The check explains; the
sanitiser guarantees, even where the check has a hole.

Both read HTML as a browser does: :func:`render` turns the Markdown into HTML, html5lib parses
that (the tree is the truth about what would reach a reader) and html5lib's tokenizer reads the
source to say where each finding was written.
"""

from __future__ import annotations

import re
from collections import deque
from html import escape
from dataclasses import dataclass
from typing import Iterator

import html5lib
import lxml.html
import markdown
import nh3
from html5lib._tokenizer import HTMLTokenizer
from html5lib.constants import namespaces, tokenTypes
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension, slugify_unicode

from . import links
from .layout import REPORT_MARKERS
from .text import Text

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


def _allowed_attribute(tag: str, name: str) -> bool:
    return name in ATTRIBUTES["*"] or name in ATTRIBUTES.get(tag, frozenset()) or (
        name == "class" and tag in CLASSES)


def is_external(address: str) -> bool:
    """An address that leaves the site: a scheme, or ``//host`` / ``\\host`` (which browsers read as one)."""
    cleaned = links.scheme(address)
    stripped = address.strip().replace("\\", "/")
    return cleaned is not None or stripped.startswith("//")


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
    if name in URL_ATTRIBUTES and _unsafe_scheme(value):
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


def remember_for_preview() -> None:
    """Start a new preview pass (``mkdocs serve``): bodies converted in the previous pass are reused, so
    that an edit converts only the bodies that changed. Only the last pass is kept: memory stays one
    site's bodies, and nothing stale outlives an edit (the text itself is the key)."""
    global _published
    _published = _Published(_published.current)


def headings(html: str) -> tuple[tuple[int, str, str], ...]:
    """``(level, id, text as HTML)`` of each heading with an id in published ``html``, in order: the
    page's table of contents (the generator cannot see headings inside a block of HTML)."""
    if "<h" not in html:
        return ()
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


# -- the check ---------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One thing in a body outside the allow-list, at ``offset`` in the body text."""

    offset: int
    code: str
    message: Text
    hint: Text
    warning: bool = False


@dataclass(frozen=True)
class _Token:
    kind: str
    """``tag`` or ``comment``."""
    name: str
    start: int
    attributes: tuple[tuple[str, str, int], ...] = ()
    """``(name, value, offset)`` of each attribute."""
    end: int = 0
    """Offset just after the token's ``>``."""


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [m.end() for m in re.finditer("\n", text)]
    return starts


def source_tokens(text: str) -> Iterator[_Token]:
    """The start tags and comments of ``text`` as a browser's tokenizer reads them, each with its
    offset (of the ``<``) and its attributes' offsets (of their names)."""
    tokenizer = HTMLTokenizer(text)
    tokenizer.tokenQueue = deque()
    starts = _line_starts(text)
    tag_start, attribute_starts = 0, []

    def offset() -> int:
        line, column = tokenizer.stream.position()
        return starts[line - 1] + column

    more = True
    while more:
        state, before, current = tokenizer.state, offset(), tokenizer.currentToken
        count = len(current["data"]) if _is_tag(current) else 0
        more = state()
        if state == tokenizer.dataState and tokenizer.state == tokenizer.tagOpenState:
            tag_start, attribute_starts = before, []
        if _is_tag(tokenizer.currentToken) and tokenizer.currentToken is current and len(current["data"]) > count:
            attribute_starts.append(before)
        while tokenizer.tokenQueue:
            token = tokenizer.tokenQueue.popleft()
            if token["type"] == tokenTypes["StartTag"]:
                pairs = token["data"].items() if isinstance(token["data"], dict) else token["data"]
                yield _Token("tag", token["name"].lower(), tag_start, tuple(
                    (name.lower(), value, where) for (name, value), where in zip(pairs, attribute_starts)), offset())
            elif token["type"] == tokenTypes["Comment"]:
                yield _Token("comment", "", tag_start, end=offset())


def _is_tag(token) -> bool:
    return isinstance(token, dict) and token.get("type") == tokenTypes["StartTag"] and isinstance(
        token.get("data"), list)


def _rendered_findings(html: str) -> Iterator[tuple[str, str, str, str]]:
    """``(kind, tag, attribute, value)`` for everything outside the allow-list in rendered ``html``,
    parsed as a browser parses it. Foreign content (SVG, MathML) is one finding, its root."""
    fragment = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=True)
    html_ns = "{%s}" % namespaces["html"]

    def walk(element) -> Iterator[tuple[str, str, str, str]]:
        for child in element:
            if not isinstance(child.tag, str):  # a comment
                yield "comment", "", "", ""
                continue
            foreign = not child.tag.startswith(html_ns)
            tag = child.tag.rpartition("}")[2].lower()
            if ":" in tag:  # <vbscript:…>, a would-be autolink: the link check reports its scheme
                yield from walk(child)
                continue
            if foreign or tag not in ELEMENTS:
                yield "element", tag, "", ""  # its attributes go with it
                if not foreign and tag not in ("script", "style", "template"):
                    yield from walk(child)
                continue
            for name, value in child.attrib.items():
                name = name.rpartition("}")[2].lower() if isinstance(name, str) else name[1].lower()
                yield from _attribute_findings(tag, name, value)
            yield from walk(child)

    yield from walk(fragment)


def _unsafe_scheme(address: str) -> bool:
    """A scheme outside :data:`URL_SCHEMES`; a one-letter one is a Windows drive (a broken link, not code)."""
    found = links.scheme(address)
    return found is not None and len(found) > 1 and found not in URL_SCHEMES


def _attribute_findings(tag: str, name: str, value: str) -> Iterator[tuple[str, str, str, str]]:
    if not _allowed_attribute(tag, name):
        yield "attribute", tag, name, value
    elif name == "class" and not set(value.split()) <= CLASSES[tag]:
        yield "attribute", tag, name, value
    elif name in URL_ATTRIBUTES and _unsafe_scheme(value):
        yield "url", tag, name, value
    elif tag == "img" and name == "src" and is_external(value):
        yield "external-image", tag, name, value


#: What Markdown needs to produce anything outside the allow-list: a tag or comment (``<``), an
#: attribute list (``{``) or an admonition, whose type becomes a class (``!!!``). A body without any
#: of them (most bodies) can only bring external images, which the link targets show; checking it
#: skips rendering and parsing (the check of 10,000 items stays fast).
_MAY_LEAVE_THE_LIST = re.compile(r"[<{]|!!!")


def check(body: str) -> list[Finding]:
    """Everything in ``body`` outside the allow-list once rendered, in order, each at the place in the
    source that produced it; comments as warnings (they are not published but stay in the repository).

    Unsafe addresses the source itself shows are reported by the link check (``validate``); here only
    those it could not see."""
    for marker in REPORT_MARKERS:  # blanked, not removed: every finding keeps its offset
        body = body.replace(marker, " " * len(marker))
    if not _MAY_LEAVE_THE_LIST.search(body):
        return [_finding("external-image", "img", "src", t.url, t.start) for t in links.targets(body)
                if t.kind == "image" and is_external(t.url)]
    return check_rendered(body)


def check_rendered(body: str) -> list[Finding]:
    """:func:`check` by rendering and parsing ``body``, whatever it holds."""
    tokens = list(source_tokens(body))
    places = _Places(body, tokens)
    findings: list[Finding] = []
    unsafe_in_source = sum(1 for t in links.targets(body, skip_code=False) if links.is_unsafe(t))
    for kind, tag, name, value in _rendered_findings(render(body)):
        if kind == "url":
            unsafe_in_source -= 1
            if unsafe_in_source >= 0:
                continue
        findings.append(_finding(kind, tag, name, value, places.find(kind, tag, name, value)))
    return sorted(findings, key=lambda f: f.offset)


class _Places:
    """Where in the source each rendered finding was written; each place is used once."""

    def __init__(self, body: str, tokens: list[_Token]):
        self.body = body
        self.free: dict[tuple[str, str, str], deque[int]] = {}
        for token in tokens:
            if token.kind == "comment":
                self._add(("comment", "", ""), token.start)
                continue
            self._add(("element", token.name, ""), token.start)
            for name, value, where in token.attributes:
                self._add(("attribute", token.name, name), where)
        self.images = deque(sorted(
            [t.start for t in links.targets(body, skip_code=False) if t.kind == "image" and is_external(t.url)]
            + [where for token in tokens if token.name == "img"
               for name, value, where in token.attributes if name == "src" and is_external(value)]))
        self.searched = 0

    def _add(self, key: tuple[str, str, str], offset: int) -> None:
        self.free.setdefault(key, deque()).append(offset)

    def find(self, kind: str, tag: str, name: str, value: str) -> int:
        if kind == "external-image" and self.images:
            return self.images.popleft()
        key = ("attribute", tag, name) if kind != "element" and kind != "comment" else (kind, tag, "")
        if self.free.get(key):
            return self.free[key].popleft()
        return self._search(kind, tag, name)

    def _search(self, kind: str, tag: str, name: str) -> int:
        """A finding the tokenizer did not see as written (``{: onclick=…}`` of ``attr_list``): the next
        place its name appears, else the start of the body."""
        pattern = rf"<{re.escape(tag)}\b" if kind == "element" else rf"(?<![\w:-]){re.escape(name)}\s*="
        match = re.compile(pattern, re.I).search(self.body, self.searched)
        if not match:
            return 0
        self.searched = match.end()
        return match.start()


_FIXES = {
    "element": Text("删除 <{tag}> 标签；正文只能使用标题、段落、列表、表格、强调、图片和链接（用 Markdown 书写即可）。",
                    "Delete the <{tag}> tag; a body may only use headings, paragraphs, lists, tables, emphasis, images "
                    "and links (write them in Markdown)."),
    "attribute": Text("删除属性 {name}=；样式（style）、事件（on…）和其他属性不会发布，正文的样式由网站统一设定。",
                      "Delete the attribute {name}=; style, event (on…) and other attributes are not published: the "
                      "site styles every body the same way."),
    "url": Text("删除这个链接，或改用以 https:// 开头的网址。", "Delete the link, or use an address starting with https://."),
    "external-image": Text("把图片文件放在条目旁边，列入文件头的 attachments，再用 ![说明](文件名) 引用。",
                           "Put the image file beside the item, list it under attachments in the front matter and "
                           "show it with ![description](file name)."),
    "comment": Text("要保密的意见不要写在条目文件中；需要备注时写在合并请求（pull request）的说明里。",
                    "Keep internal remarks out of the item file; put notes in the pull request's description instead."),
}


def _finding(kind: str, tag: str, name: str, value: str, offset: int) -> Finding:
    fix = Text(_FIXES[kind].zh.format(tag=tag, name=name), _FIXES[kind].en.format(tag=tag, name=name))
    if kind == "element":
        message = Text(f"正文含有 <{tag}> 标签，不在允许的 HTML 之列，发布时会被删除。",
                       f"the body contains a <{tag}> tag, which is not among the allowed HTML and is removed "
                       "when published.")
    elif kind == "attribute":
        danger = Text("可能在读者的浏览器中运行代码", "could run code in a reader's browser") if name.startswith(
            "on") else Text("可能改变整个页面的显示", "could change how the whole page looks")
        message = Text(f"正文的 <{tag}> 含有属性 {name}=，{danger.zh}，不在允许之列。",
                       f"a <{tag}> in the body has the attribute {name}=, which {danger.en}; it is not allowed.")
    elif kind == "url":
        message = Text(f"正文的 <{tag}> 的地址使用了不允许的协议：只允许 http、https、mailto 和 tel 地址。",
                       f"the address of a <{tag}> in the body uses a scheme that is not allowed: only http, https, "
                       "mailto and tel addresses are.")
    elif kind == "external-image":
        message = Text(f"图片地址 “{value}” 指向其他网站：每位读者的浏览器都会请求该网站，图片必须作为本条目的附件发布。",
                       f"the image address '{value}' is on another site: every reader's browser would call that "
                       "site, so images must be published as this item's attachments.")
    else:
        message = Text("正文含有 HTML 注释 <!-- … -->：注释不会发布在网页上，但在公开的代码仓库中任何人都能读到。",
                       "the body contains an HTML comment <!-- … -->: comments are not published on the pages, but "
                       "anyone can read them in the public repository.")
    code = {"external-image": "external-image", "comment": "html-comment"}.get(kind, "unsafe-html")
    return Finding(offset, code, message, fix, warning=kind == "comment")
