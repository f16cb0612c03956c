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


def table(css: str, head: list[str], rows: list[list[str]], caption: str | None = None,
          caption_class: str = "") -> str:
    """A data table: ``caption`` (text), one row of column headers (text) and ``rows`` of cells (HTML).

    The one builder of the generated pages' simple tables (listings, feeds, open data, the guides'
    references); tables with row headers (metadata, statistics) are built where they are.
    """
    css_attr = f' class="{caption_class}"' if caption_class else ""
    cap = "" if caption is None else f"<caption{css_attr}>{esc(caption)}</caption>\n"
    ths = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{css}">\n{cap}<thead><tr>{ths}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'
