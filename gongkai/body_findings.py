"""Where an item body leaves the allow-list of :mod:`gongkai.bodies`: the check's findings, each at the
place in the source that produced it (``gongkai check``).

The body is rendered and the result parsed by html5lib as a browser would (the tree is the truth about
what would reach a reader); html5lib's tokenizer then reads the source to say where each finding was
written. The sanitiser (:func:`gongkai.bodies.sanitise`) removes the same things from the build; this
module explains them to the editor.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from typing import Iterator

from . import links
from .bodies import (CLASSES, ELEMENTS, URL_ATTRIBUTES, allowed_attribute, is_external, published_text, render,
                     unsafe_scheme)
from .layout import REPORT_MARKERS
from .text import Text

# -- findings ---------------------------------------------------------------------

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
    from html5lib._tokenizer import HTMLTokenizer  # here: most bodies never need html5lib (its import is slow)
    from html5lib.constants import tokenTypes

    tokenizer, start_tag = HTMLTokenizer(text), tokenTypes["StartTag"]
    tokenizer.tokenQueue = deque()
    starts = _line_starts(text)
    tag_start, attribute_starts = 0, []

    def offset() -> int:
        line, column = tokenizer.stream.position()
        return starts[line - 1] + column

    more = True
    while more:
        state, before, current = tokenizer.state, offset(), tokenizer.currentToken
        count = len(current["data"]) if _is_tag(current, start_tag) else 0
        more = state()
        if state == tokenizer.dataState and tokenizer.state == tokenizer.tagOpenState:
            tag_start, attribute_starts = before, []
        if (_is_tag(tokenizer.currentToken, start_tag) and tokenizer.currentToken is current
                and len(current["data"]) > count):
            attribute_starts.append(before)
        while tokenizer.tokenQueue:
            token = tokenizer.tokenQueue.popleft()
            if token["type"] == tokenTypes["StartTag"]:
                pairs = token["data"].items() if isinstance(token["data"], dict) else token["data"]
                yield _Token("tag", token["name"].lower(), tag_start, tuple(
                    (name.lower(), value, where) for (name, value), where in zip(pairs, attribute_starts)), offset())
            elif token["type"] == tokenTypes["Comment"]:
                yield _Token("comment", "", tag_start, end=offset())


def _is_tag(token, start_tag: int) -> bool:
    return isinstance(token, dict) and token.get("type") == start_tag and isinstance(
        token.get("data"), list)


def _rendered_findings(html: str) -> Iterator[tuple[str, str, str, str]]:
    """``(kind, tag, attribute, value)`` for everything outside the allow-list in rendered ``html``,
    parsed as a browser parses it. Foreign content (SVG, MathML) is one finding, its root."""
    import html5lib
    from html5lib.constants import namespaces

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


def _attribute_findings(tag: str, name: str, value: str) -> Iterator[tuple[str, str, str, str]]:
    if not allowed_attribute(tag, name):
        yield "attribute", tag, name, value
    elif name == "class" and not set(value.split()) <= CLASSES[tag]:
        yield "attribute", tag, name, value
    elif name in URL_ATTRIBUTES and unsafe_scheme(value):
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
    plain = "<" not in body and "{" not in body and "!!!" not in body  # no marker either: each has a <
    for marker in REPORT_MARKERS if not plain else ():  # blanked, not removed: every finding keeps its offset
        body = body.replace(marker, " " * len(marker))
    if plain or not _MAY_LEAVE_THE_LIST.search(body):
        return [_finding("external-image", "img", "src", t.url, t.start) for t in links.targets(body)
                if t.kind == "image" and is_external(t.url)]
    return check_rendered(body)


def check_rendered(body: str) -> list[Finding]:
    """:func:`check` by rendering and parsing ``body``, whatever it holds."""
    tokens = list(source_tokens(body))
    places = _Places(body, tokens)
    findings: list[Finding] = []
    unsafe_in_source = sum(1 for t in links.targets(body, skip_code=False) if links.is_unsafe(t))
    # the text the item publishes (the same HTML: blank lines around a body make no Markdown), so that its
    # conversion is the one the build publishes (bodies.render)
    for kind, tag, name, value in _rendered_findings(render(published_text(body))):
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
