"""What every generated part of the site is made of: pages, the context of fragments, and the pieces
every generated page has (front matter, notices). Shared by the renderers, which never import each other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalogue import Catalogue
from .html import esc, yaml_quote


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build adds to the site."""

    src_uri: str
    """Its virtual source path in docs/, e.g. ``disclosures/2022/00001.en.md``."""
    url: str
    """Its site-relative URL, e.g. ``en/disclosures/2022/00001/``."""
    lang: str
    markdown: str
    headings: tuple[tuple[int, str, str], ...] = ()
    """An item page's body headings (``bodies.headings``), for the page's table of contents."""


@dataclass(frozen=True)
class FragmentContext:
    """What a ``<!-- gongkai:NAME -->`` fragment may know: the data, the page's language and URL."""

    catalogue: Catalogue
    statistics: Any
    """The :class:`gongkai.statistics.tables.Statistics` (not imported: the statistics package has
    renderers of its own that import this module, and imports never go round in a circle)."""
    lang: str
    url: str
    """The site-relative URL of the hand-written page the fragment goes into."""


def front_matter(title: str, description: str | None = None, searchable: bool = True) -> str:
    """A generated page's front matter. The theme prints ``title`` and ``description`` into the HTML
    head as they are, so they are HTML-escaped here: an item's title is text, never markup."""
    lines = ["---", f"title: {yaml_quote(esc(title))}"]
    if description:
        lines.append(f"description: {yaml_quote(esc(' '.join(description.split())))}")
    if not searchable:  # listings: the search finds the items themselves, not the pages that list them
        lines += ["search:", "  exclude: true"]
    return "\n".join(lines + ["---", ""])


def notice(kind: str, title: str, text: str) -> str:
    """A Material admonition (``note``, ``info``, ``warning``…) with a title and one paragraph."""
    return f'!!! {kind} "{title}"\n\n    {text}'
