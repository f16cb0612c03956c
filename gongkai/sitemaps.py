"""Sitemaps that stay small however long the catalogue grows.

MkDocs writes one ``sitemap.xml`` of every page. After the build, :func:`split` moves its entries into
one sitemap per year (``sitemaps/2024.xml``: the items published that year and that year's catalogue
listing, in both languages) and one of the other pages (``sitemaps/pages.xml``), and makes
``sitemap.xml`` a sitemap index of them (sitemaps.org protocol 0.9), so no single file grows without
bound: a sitemap may hold at most 50,000 addresses, and a year of even a large portal stays far below.
The entries are kept as MkDocs wrote them (language alternates included), in the same order.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

INDEX = "sitemap.xml"
DIR = "sitemaps/"
PAGES = "pages"
"""The sitemap of everything that belongs to no year (home, guides, statistics, search...)."""

_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML = "http://www.w3.org/1999/xhtml"
_YEAR = re.compile(r"(?:en/)?(?:disclosures|catalogue)/(\d{4})/")
ET.register_namespace("", _NS)
ET.register_namespace("xhtml", _XHTML)


def group_of(path: str) -> str:
    """``2024`` for an item or year listing of 2024 (either language), else :data:`PAGES`."""
    match = _YEAR.match(path)
    return match.group(1) if match else PAGES


def split(site_dir: Path, site_url: str, absolute: Callable[[str], str],
          made: Callable[[bytes], Split | None] | None = None) -> str | None:
    """Replace ``site_dir/sitemap.xml`` by an index of per-year sitemaps; a one-line report, or None
    when MkDocs wrote no sitemap. ``site_url`` is the base the entries' addresses start with. ``made`` gives
    the :func:`split_text` of MkDocs' sitemap instead (the preview's, which may be the previous pass's)."""
    index = Path(site_dir) / INDEX
    if not index.is_file():
        return None
    found = (made or (lambda text: split_text(text, site_url, absolute)))(index.read_bytes())
    if found is None:
        return None  # already an index (a preview pass in which MkDocs did not write the sitemap again)
    for path, content in found.files.items():
        (Path(site_dir) / path).parent.mkdir(parents=True, exist_ok=True)
        (Path(site_dir) / path).write_bytes(content)
    for old in (Path(site_dir) / DIR).glob("*.xml"):  # a year the preview's previous pass had
        if f"{DIR}{old.name}" not in found.files:
            old.unlink()
    index.with_name(INDEX + ".gz").unlink(missing_ok=True)  # MkDocs' compressed copy of the old single file
    return found.report


@dataclass(frozen=True)
class Split:
    """What :func:`split` writes: each file's bytes by site-relative path (the index last), and its report."""

    files: dict[str, bytes]
    report: str


def split_text(text: bytes, site_url: str, absolute: Callable[[str], str]) -> Split | None:
    """The :class:`Split` of MkDocs' ``sitemap.xml`` ``text``; None when it already is an index."""
    root = ET.fromstring(text)
    if root.tag != f"{{{_NS}}}urlset":
        return None
    groups: dict[str, list[ET.Element]] = {}
    for url in root.findall(f"{{{_NS}}}url"):
        loc = url.findtext(f"{{{_NS}}}loc", "").strip()
        groups.setdefault(group_of(loc.removeprefix(site_url)), []).append(url)
    entries, files = [], {}
    for name in sorted(groups, key=lambda g: (g == PAGES, g)):
        urlset = ET.Element(f"{{{_NS}}}urlset")
        urlset.extend(groups[name])
        path = f"{DIR}{name}.xml"
        files[path] = _xml(urlset)
        lastmods = [u.findtext(f"{{{_NS}}}lastmod") for u in groups[name]]
        entries.append((absolute(path), max((m for m in lastmods if m), default=None)))
    sitemapindex = ET.Element(f"{{{_NS}}}sitemapindex")
    for loc, lastmod in entries:
        sitemap = ET.SubElement(sitemapindex, f"{{{_NS}}}sitemap")
        ET.SubElement(sitemap, f"{{{_NS}}}loc").text = loc
        if lastmod:
            ET.SubElement(sitemap, f"{{{_NS}}}lastmod").text = lastmod
    files[INDEX] = _xml(sitemapindex)
    count = sum(len(urls) for urls in groups.values())
    return Split(files, f"sitemap index: {count} addresses in {len(entries)} sitemaps under {DIR}")


def _xml(root: ET.Element) -> bytes:
    ET.indent(root, space="    ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"
