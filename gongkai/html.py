"""Small helpers for the HTML that generated pages embed in their Markdown."""

from __future__ import annotations

import posixpath
from html import escape

from .text import LANGUAGE_TAGS


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


def lang_attr(lang: str) -> str:
    """`` lang="zh-CN"`` for use inside a tag."""
    return f' lang="{LANGUAGE_TAGS[lang]}"'


def markdown_title(title: str) -> str:
    """A title safe to use in YAML front matter (double-quoted, escaped)."""
    return '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
