"""Small helpers for the HTML that generated pages embed in their Markdown."""

from __future__ import annotations

import posixpath
from html import escape


def esc(value: object) -> str:
    """Escape text for HTML content and attributes."""
    return escape(str(value), quote=True)


def rel_url(from_url: str, to_url: str) -> str:
    """A link from the page at site-relative ``from_url`` to ``to_url``.

    Both are directory-style URLs (``disclosures/2022/00001/``) or file paths
    (``feeds/all.rss.xml``); relative links keep the site working under any base path.
    """
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = posixpath.relpath("/" + to_url, "/" + base) if to_url else posixpath.relpath("/", "/" + base)
    if to_url.endswith("/") or not to_url:
        target = target.rstrip("/") + "/"
    return "./" if target == "./" else target.removeprefix("./")


def yaml_quote(text: str) -> str:
    """``text`` as a double-quoted YAML scalar, safe on one front-matter line."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
