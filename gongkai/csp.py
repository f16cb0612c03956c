"""The Content-Security-Policy and referrer policy every built page carries, as ``<meta>`` elements.

The policy allows what the site itself serves and nothing else: scripts only from the site, plus the
theme's inline scripts by their SHA-256 (computed from each finished page, never ``'unsafe-inline'``);
no plug-ins; no ``<base>`` or form leading elsewhere. Item bodies cannot bring scripts (``bodies``);
the policy is the second line behind the sanitiser.

Directives, and why:

- ``default-src 'self'``: styles, images, fonts, fetches (Pagefind's index chunks, the sitemap the
  theme reads), workers: only from the site. Nothing is ever loaded from another host.
- ``script-src 'self' 'sha256-…'``: the theme's bundle and the site's own files, and exactly the
  inline scripts of this page (Material's colour-palette, scope and anchor bootstraps).
  ``'wasm-unsafe-eval'`` only on pages that run Pagefind (its search runs as WebAssembly).
- ``img-src 'self' data:``: the theme's stylesheet draws its icons from ``data:`` SVG images (an image
  cannot run script; item bodies cannot use ``data:`` addresses, see ``bodies``).
- ``object-src 'none'``, ``base-uri 'self'``, ``form-action 'self'``: no plug-ins, no ``<base>``
  redirecting relative links, no form posting elsewhere.

``frame-ancestors`` cannot be set by ``<meta>``; the HTTP header for it is in docs/deployment.md.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

from selectolax.lexbor import LexborHTMLParser

REFERRER = "strict-origin-when-cross-origin"

#: Script types a browser executes (anything else, e.g. ``application/json``, is data).
_EXECUTED_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript"})

#: The directives every page has, in order; ``script-src`` is completed per page.
BASE_POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

#: The marker of the search page (see ``search.search_fragment``): Pagefind runs there.
SEARCH_MARKER = "data-gk-search"


def inline_script_hashes(page: str) -> list[str]:
    """``'sha256-…'`` of each inline script the finished ``page`` executes, in order, without repeats."""
    return _script_hashes(LexborHTMLParser(page))


def _script_hashes(document: LexborHTMLParser) -> list[str]:
    found: list[str] = []
    for script in document.tags("script"):  # the elements css("script") finds, without the selector engine
        attributes = script.attributes
        kind = (attributes.get("type") or "").strip().lower()
        if "src" in attributes or kind not in _EXECUTED_TYPES:
            continue
        text = script.text(deep=True)
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in found:
            found.append(f"'sha256-{digest}'")
    return found


#: The middle of :data:`SEARCH_MARKER` in each ASCII case (the parser lowercases only ASCII letters of an
#: attribute name, and no character reference is read in one): a page with none holds no marked element.
_MARKER_MIDDLES = ("-gk-", "-gK-", "-Gk-", "-GK-")


def _runs_search(page: str, document: LexborHTMLParser) -> bool:
    """Whether an element of ``page`` carries :data:`SEARCH_MARKER`; the selector engine, which visits every
    element, runs only on a page whose text could hold it."""
    if not any(middle in page for middle in _MARKER_MIDDLES):
        return False
    return document.css_first(f"[{SEARCH_MARKER}]") is not None


def policy(page: str) -> str:
    """The Content-Security-Policy for the finished ``page``."""
    document = LexborHTMLParser(page)
    wasm = ["'wasm-unsafe-eval'"] if _runs_search(page, document) else []
    script_src = " ".join(["'self'", *wasm, *_script_hashes(document)])
    directives = [BASE_POLICY[0], ("script-src", script_src), *BASE_POLICY[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


#: ``<meta charset>`` must be in the first 1024 bytes of a page, so in its first 1024 characters.
_CHARSET_WITHIN = 1024


def _insertion_point(page: str) -> int | None:
    """Just after ``<meta charset>`` when it opens the ``<head>`` (it must stay in the first 1024 bytes),
    else just after ``<head>``; None without a ``<head>`` tag.

    The tokenizer reads from the start, and emits a tag only once it has read its ``>``: a beginning of
    the page gives the same tags as the whole page up to where it ends. So the first 1024 characters
    are read, which decide on every page the theme makes; then the text before the first ``</head>``;
    then the whole page."""
    point, decided = _point_in(page[:_CHARSET_WITHIN])
    if decided:
        return point
    end = page.find("</head>")
    point = _point_in(page[:end])[0] if end > 0 else None
    return point if point is not None else _point_in(page)[0]


def _point_in(page: str) -> tuple[int | None, bool]:
    """The insertion point in ``page``, and whether a tag after ``<head>`` decided it."""
    finder = _PointFinder(page)
    try:
        finder.feed(page)
    except _Decided:
        pass
    return finder.after_head, finder.decided


class _Decided(Exception):
    """Raised by :class:`_PointFinder` once it has found the point: the rest of the text is not read."""


class _PointFinder(HTMLParser):
    """Reads start tags until the first one after ``<head>`` (the standard library's tokenizer: the start
    of a page is the theme's own markup, and it is read far faster than by html5lib's), and stops there."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.after_head: int | None = None
        self.decided = False
        self._text = text

    def _end(self) -> int:
        """Where the start tag being read ends, as an index into the text (the tokenizer counts lines)."""
        line, column = self.getpos()
        start = 0
        for _ in range(line - 1):
            start = self._text.index("\n", start) + 1
        return start + column + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.after_head = self._end()
        elif self.after_head is not None:
            self.decided = True
            if tag == "meta" and any(name == "charset" for name, _ in attrs):
                self.after_head = self._end()
            raise _Decided

    handle_startendtag = handle_starttag


def apply(page: str) -> str:
    """``page`` with the policy and the referrer policy at the top of its ``<head>``, before any script.
    A page without ``<head>`` tag is returned as it is."""
    at = _insertion_point(page)
    if at is None:
        return page
    metas = (f'\n<meta http-equiv="Content-Security-Policy" content="{policy(page)}">'
             f'\n<meta name="referrer" content="{REFERRER}">')
    return page[:at] + metas + page[at:]
