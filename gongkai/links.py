"""Links and images in an item's body: where they point, and pointing them at the item's attachments.

The check (``validate``) and the item pages (``pages``) read links with the same functions, so a
link the check accepts is a link the built site serves:

- :func:`targets` finds every link or image destination: Markdown ``[text](url)``, ``![alt](url)``,
  reference definitions ``[ref]: url``, ``<scheme:…>`` autolinks, and the HTML attributes
  ``href``, ``src``, ``action``, ``formaction`` and ``xlink:href``;
- :func:`scheme` is the URI scheme a browser would see (entities decoded, whitespace dropped),
  which must be one of :data:`SAFE_SCHEMES`;
- :func:`point_to_attachments` rewrites the links to an attachment into HTML with the attachment's
  address. MkDocs checks every relative Markdown link against its documentation files (which the
  attachments are not) but leaves HTML alone, as it does the attachment list's links.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Iterator
from urllib.parse import unquote

#: The schemes a link may use; anything else (``javascript:``, ``data:``, ``vbscript:``…) is refused.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_IGNORED = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_OPEN = re.compile(r"!?\[")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]\n]+\]:[ \t]*\n?[ \t]*(?P<url>\S+)", re.M)
_AUTOLINK = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*)>")
_ATTRIBUTE = re.compile(r"(?<![\w:.-])(?P<name>href|src|action|formaction|xlink:href)\s*=\s*"
                        r"(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'<>`]+))", re.I)
_TAG = re.compile(r"<[A-Za-z][^<>]*>")


@dataclass(frozen=True)
class Target:
    """One link or image destination in a text."""

    kind: str
    """``link``, ``image``, ``definition`` (``[ref]: url``), ``autolink`` or ``attribute``."""
    url: str
    """The destination as written, without angle brackets or a title."""
    start: int
    """Offset of the destination in the text."""
    raw: str
    """Everything a browser could read as the address (for :func:`scheme`): the whole destination."""
    span: tuple[int, int] = (0, 0)
    """Inline links and images: the whole ``[text](…)``; attributes: the value."""
    text: tuple[int, int] = (0, 0)
    """Inline links and images: the text between the brackets."""
    title: str | None = None
    """Inline links and images: the title, without its quotes."""
    in_tag: bool = False
    """Attributes: inside an HTML tag (not a word in the text that looks like one)."""


def scheme(address: str) -> str | None:
    """The URI scheme a browser reads in ``address``: HTML entities decoded, whitespace and control
    characters dropped, lower-cased; None for a relative address."""
    cleaned = _IGNORED.sub("", html.unescape(address)).lower().lstrip("<")
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


def is_relative(target: Target) -> bool:
    """An address inside the site (no scheme, not only an ``#anchor``): it must name an attachment.
    A path on a Windows computer (``C:\\…``, a one-letter "scheme") counts as one: it leads nowhere."""
    url = target.url.strip()
    found = scheme(target.raw)
    other_host = url.replace("\\", "/").startswith("//")  # //host/… (or \\host) is another site
    return bool(url) and not url.startswith("#") and not other_host and (found is None or len(found) == 1)


def is_unsafe(target: Target) -> str | None:
    """The scheme of ``target`` when it is not one of :data:`SAFE_SCHEMES` (nor a Windows drive)."""
    found = scheme(target.raw)
    return found if found is not None and len(found) > 1 and found not in SAFE_SCHEMES else None


def attachment_name(url: str) -> str:
    """The file name a relative address points at: ``./00001-a.pdf#page=2`` -> ``00001-a.pdf``."""
    return unquote(_split(url)[0].removeprefix("./"))


def _split(url: str) -> tuple[str, str]:
    """``(path, "?query#fragment")`` of a relative address."""
    url = url.strip()
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    return url[:cut], url[cut:]


def targets(text: str, skip_code: bool = True) -> list[Target]:
    """Every link and image destination in ``text``, in order. With ``skip_code``, Markdown inside
    `code spans` is not read (it is shown as written); HTML attributes are always read."""
    found: list[Target] = []
    if "[" in text or "<" in text:
        masked = _mask_code(text) if skip_code and "`" in text else text
        found += _inline(text, masked) if "](" in masked else []
        found += [Target("definition", m.group("url").removeprefix("<").removesuffix(">"), m.start("url"),
                         m.group("url")) for m in _DEFINITION.finditer(masked)] if "]:" in masked else []
        found += [Target("autolink", m.group("url"), m.start("url"), m.group("url"))
                  for m in _AUTOLINK.finditer(text)] if "<" in text else []
    if "=" in text:
        tags = [m.span() for m in _TAG.finditer(text)] if "<" in text else []
        for m in _ATTRIBUTE.finditer(text):
            group = next(g for g in ("dq", "sq", "bare") if m.group(g) is not None)
            start = m.start(group)
            inside = any(s < start < e for s, e in tags)
            found.append(Target("attribute", html.unescape(m.group(group)), start, m.group(group), m.span(group),
                                in_tag=inside))
    unique = {t.start: t for t in reversed(found)}  # ![x](<data:…>) is one link, not also an autolink
    return sorted(unique.values(), key=lambda t: t.start)


def _mask_code(text: str) -> str:
    """``text`` with the content of code spans blanked out (same length, so offsets still hold)."""
    return _CODE_SPAN.sub(lambda m: m.group(1) + re.sub(r"[^\n]", " ", m.group(2)) + m.group(1), text)


def _inline(text: str, masked: str) -> Iterator[Target]:
    """``[text](url "title")`` and ``![alt](url)``, also nested (an image inside a link)."""
    for match in _OPEN.finditer(masked):
        start, image = match.start(), match.group() == "!["
        if start and masked[start - 1] == "\\":  # \[ is a bracket; \![ an exclamation mark and a link
            if not image:
                continue
            start, image = start + 1, False
        close = _closing(masked, match.end() - 1, "[", "]")
        if close < 0 or masked[close + 1:close + 2] != "(":
            continue
        end = _closing(masked, close + 1, "(", ")")
        if end < 0:
            continue
        offset, url, title = _destination(text[close + 2:end])
        yield Target("image" if image else "link", url, close + 2 + offset, text[close + 2:end], (start, end + 1),
                     (match.end(), close), title)


def _closing(text: str, at: int, opening: str, closing: str) -> int:
    """The offset of the bracket closing the one at ``at``, within its paragraph; -1 if none."""
    depth = 0
    limit = _BLANK_LINE.search(text, at)
    stop = limit.start() if limit else len(text)
    i = at
    while i < stop:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


_TITLE = re.compile(r"\s+(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|\((?P<pa>[^()]*)\))\s*$")


def _destination(inside: str) -> tuple[int, str, str | None]:
    """``(offset, url, title)`` of what is between a link's parentheses."""
    offset = len(inside) - len(inside.lstrip())
    rest = inside.strip()
    if rest.startswith("<") and ">" in rest:
        url, after = rest[1:].split(">", 1)
        match = _TITLE.match(" " + after) if after.strip() else None
        return offset + 1, url, _title(match)
    match = _TITLE.search(rest)
    url = rest[:match.start()] if match else rest
    return offset, url, _title(match)


def _title(match: re.Match | None) -> str | None:
    return next((match.group(g) for g in ("dq", "sq", "pa") if match.group(g) is not None), None) if match else None


def point_to_attachments(text: str, names: frozenset[str] | set[str], url_of: Callable[[str], str]) -> str:
    """``text`` with each link and image to one of the attachment ``names`` pointing at ``url_of(name)``.

    Markdown links become HTML (``<a href="…">text</a>``, the text still Markdown; ``<img>``), HTML
    attributes get the new value; every other link is left as written.
    """
    if not names or ("](" not in text and "=" not in text):
        return text
    edits: list[tuple[int, int, str]] = []
    for target in targets(text):
        if target.kind not in ("link", "image", "attribute") or not is_relative(target):
            continue
        name = attachment_name(target.url)
        if name not in names or (target.kind == "attribute" and not target.in_tag):
            continue
        url = html.escape(url_of(name) + _split(target.url)[1])
        edits += _edits(text, target, url)
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _edits(text: str, target: Target, url: str) -> list[tuple[int, int, str]]:
    """The replacements that point ``target`` at ``url`` (already escaped for HTML)."""
    start, end = target.span
    title = f' title="{html.escape(target.title)}"' if target.title is not None else ""
    if target.kind == "attribute":
        quoted = text[start - 1:start] in ("\"", "'")
        return [(start, end, url if quoted else f'"{url}"')]
    if target.kind == "image":
        alt = html.escape(text[target.text[0]:target.text[1]])
        return [(start, end, f'<img src="{url}" alt="{alt}"{title}>')]
    return [(start, target.text[0], f'<a href="{url}"{title}>'), (target.text[1], end, "</a>")]
