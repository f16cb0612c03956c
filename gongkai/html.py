"""Small helpers for the HTML that generated pages embed in their Markdown."""

from __future__ import annotations

import posixpath


def esc(value: object) -> str:
    """Escape text for HTML content and attributes (what ``html.escape`` gives, without its call: the
    generated pages escape over a hundred thousand values a build)."""
    text = value if type(value) is str else str(value)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&#x27;"))


def rel_url(from_url: str, to_url: str) -> str:
    """A link from the page at site-relative ``from_url`` to ``to_url``.

    Both are directory-style URLs (``disclosures/2022/00001/``) or file paths
    (``feeds/all.rss.xml``); relative links keep the site working under any base path.
    The same link as ``posixpath.relpath`` gives, by splitting the two paths once (the item pages and
    listings make tens of thousands of links a build); a path with ``.`` or ``..`` goes through relpath.
    """
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    here, there = [s for s in base.split("/") if s], [s for s in to_url.split("/") if s]
    if _DOTS & {*here, *there}:
        return _relpath_url(base, to_url)
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:])
    if to_url.endswith("/") or not to_url:
        return target + "/" if target else "./"
    return target or "."


_DOTS = frozenset({".", ".."})


def _relpath_url(base: str, to_url: str) -> str:
    """:func:`rel_url` by ``posixpath.relpath``, for paths with ``.`` or ``..`` segments."""
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
