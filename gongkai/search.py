"""Full-text search: the search page, the home page's search box, and what item pages tell the index
(the index itself, built by Pagefind, is :mod:`gongkai.search_index`).

What is indexed is decided in the pages themselves: the theme override marks
the article of every page ``data-pagefind-body`` unless the page's front matter
says ``search: {exclude: true}`` (catalogue listings, the home page, the search
page), and each item page carries its filters (year, subject category) and the
metadata its result shows (索引号, 发布日期) from :func:`item_tags`.

The search page (``<!-- gongkai:search -->``) uses Pagefind's Component UI
from the same bundle, with strings in the page's language, and runs the query
given as ``?q=`` in its address. A large catalogue's index is in bundles of
years (:func:`search_plan`): the first search covers the newest years, and a
notice under the result count offers the older ones (``&years=all``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue, Item
from .generated import FragmentContext, notice
from .html import esc, rel_url
from .search_index import BUNDLE_DIR, bundle_path, catalogue_partitions, published_years
from .text import Text, url_prefix

SEARCH_PAGE = "search/"
"""The URL of the search page (per language: ``search/``, ``en/search/``)."""

SCRIPT = "assets/gk-search.js"
"""The search page's script (in docs/assets/; its styles are in gk-search.css, loaded by mkdocs.yml)."""

UI = {
    "label": Text("搜索公开信息", "Search disclosed information"),
    "placeholder": Text("输入关键词，如：领事保护", "Type a word, e.g. consular protection"),
    "button": Text("搜索", "Search"),
    "category": Text("主题分类", "Subject category"),
    "year": Text("年份", "Year"),
    "index_no": Text("索引号", "Index No."),
    "date": Text("发布日期", "Date published"),
    "noscript": Text("搜索需要浏览器启用 JavaScript。也可以在公开目录中按年份或主题分类浏览全部信息。",
                     "Search needs JavaScript in your browser. You can also browse every item by year or "
                     "subject in the catalogue."),
    "catalogue": Text("公开目录", "Disclosure catalogue"),
    "preview_title": Text("预览中不提供搜索", "No search in the preview"),
    "preview": Text("这是编辑预览（make serve）：为了让修改在几秒内显示，预览不生成搜索索引。"
                    "正式构建（make build 或发布）会生成索引，搜索在发布的网站上正常可用。",
                    "This is the editors' preview (make serve): so that an edit shows within seconds, the preview "
                    "does not build the search index. The full build (make build, or publishing) builds it, and "
                    "search works on the published site."),
}

YEARS_UI = {
    "shown": Text("已显示 {first} 年的结果。", "Showing results from {first}."),
    "button": Text("同时搜索 {later} 年的信息", "Also search {later}"),
    "loading": Text("正在同时搜索 {later} 年的信息……", "Also searching {later}…"),
    "all": Text("已显示全部年份（{all} 年）的结果。", "Showing results from all years ({all})."),
}
"""The notice of a search that covered the newest years only, and of the one over every year."""

PREVIEW_REPORT = "search index (Pagefind) not built in the preview (mkdocs serve); `make build` builds it"


# -- what item pages tell the index ---------------------------------------------

def item_tags(item: Item, catalogue: Catalogue, lang: str) -> str:
    """Hidden, empty elements giving Pagefind an item's filters and the metadata its result shows."""
    # The year of 发布日期, as in the catalogue and the statistics (not the index number's year).
    tags = [("filter", "year", str(item.date_published.year)),
            ("filter", "category", catalogue.label("category", item.category, lang)),
            ("meta", "index_no", item.index_no),
            ("meta", "date", item.date_published.isoformat()),
            ("sort", "date", item.date_published.isoformat())]
    spans = "".join(f'<span data-pagefind-{kind}="{esc(key)}:{esc(value)}"></span>' for kind, key, value in tags)
    return f'<div class="gk-search-tags" hidden>{spans}</div>'


# -- which bundles a search covers ---------------------------------------------------

@dataclass(frozen=True)
class SearchPlan:
    """Which bundles the search page searches first and which when the reader asks for every year."""

    first: tuple[int, ...]
    """The partitions of the first search: the primary (the newest years) and any that hold part of its
    years (a year larger than a partition), so that a year is never half searched."""
    later: tuple[int, ...]
    """The other partitions, older years, searched when the reader asks."""
    first_years: tuple[str, ...]
    """The years (of 发布日期) the first search covers, newest first."""
    later_years: tuple[str, ...]
    """The years only the later partitions hold, newest first."""


def search_plan(catalogue: Catalogue) -> SearchPlan:
    """The :class:`SearchPlan` of the catalogue's partitions (:func:`catalogue_partitions`)."""
    years = published_years(catalogue)
    held = [{years[slug] for slug in items} for items in catalogue_partitions(catalogue)]
    first, covered = [0], set(held[0])
    while len(first) < len(held) and held[len(first)] & covered:
        covered |= held[len(first)]
        first.append(len(first))
    later = set().union(*held[len(first):]) - covered
    return SearchPlan(tuple(first), tuple(range(len(first), len(held))),
                      tuple(sorted(covered, reverse=True)), tuple(sorted(later, reverse=True)))


def year_range(years: tuple[str, ...] | list[str], lang: str) -> str:
    """``2016—2024`` (zh) or ``2016–2024`` (en), oldest first; one year alone."""
    low, high = min(years), max(years)
    return low if low == high else f"{low}{'—' if lang == 'zh' else '–'}{high}"


# -- the search page and the search box -----------------------------------------

_RESULT_TEMPLATE = """<script type="text/pagefind-template">
<li class="gk-result">
<p class="gk-result-title"><a href="{{{{ meta.url | default(url) | safeUrl }}}}">{{{{ meta.title }}}}</a></p>
{{{{#if meta.index_no}}}}<p class="gk-result-meta">{index_no} {{{{ meta.index_no }}}} · {date} {{{{ meta.date }}}}</p>{{{{/if}}}}
{{{{#if excerpt}}}}<p class="gk-result-excerpt">{{{{+ excerpt +}}}}</p>{{{{/if}}}}
</li>
</script>
<script type="text/pagefind-template" data-template="placeholder">
<li class="gk-result gk-result-placeholder" aria-hidden="true"></li>
</script>"""
"""Each result's template, and the empty box it shows until the result scrolls into view. The Component UI
draws one placeholder per result at once (thousands for a common word); its own is an animated skeleton,
which kept a phone busy for seconds before the first result showed."""


def search_fragment(ctx: FragmentContext) -> str:
    """The search page's UI (``<!-- gongkai:search -->``): Pagefind's Component UI in the page's language."""
    lang, page_url = ctx.lang, ctx.url
    if ctx.preview:
        return notice("info", UI["preview_title"](lang), esc(UI["preview"](lang))) + "\n"

    def link(path: str) -> str:
        return esc(rel_url(page_url, path))

    catalogue = rel_url(page_url, url_prefix(lang) + "catalogue/")
    template = _RESULT_TEMPLATE.format(index_no=esc(UI["index_no"](lang)), date=esc(UI["date"](lang)))
    plan = search_plan(ctx.catalogue)
    merged = " ".join(link(bundle_path(part)) for part in plan.first[1:])
    later = " ".join(link(bundle_path(part)) for part in plan.later)
    attributes = (f' data-gk-merge="{merged}"' if merged else "") + (
        f' data-gk-years="{" ".join(plan.first_years)}" data-gk-later="{later}"'
        f' data-gk-later-years="{" ".join(plan.later_years)}"' if later else "")
    return "\n".join([
        f'<div class="gk-search" data-gk-search data-gk-bundle="{link(BUNDLE_DIR + "/")}" data-gk-root="{link("")}"'
        + attributes + ">",
        f'<link rel="stylesheet" href="{link(BUNDLE_DIR + "/pagefind-component-ui.css")}">',
        f'<pagefind-input placeholder="{esc(UI["placeholder"](lang))}" debounce="300"></pagefind-input>',
        '<div class="gk-search-filters">',
        f'<pagefind-filter-dropdown filter="category" label="{esc(UI["category"](lang))}"></pagefind-filter-dropdown>',
        f'<pagefind-filter-dropdown filter="year" label="{esc(UI["year"](lang))}" sort="alphabetical">'
        "</pagefind-filter-dropdown>",
        "</div>",
        "<pagefind-summary></pagefind-summary>",
        *([_years_notice(plan, lang)] if later else []),
        f'<pagefind-results hide-sub-results>\n{template}\n</pagefind-results>',
        f'<noscript><p>{esc(UI["noscript"](lang))} <a href="{esc(catalogue)}">{esc(UI["catalogue"](lang))}</a></p>'
        "</noscript>",
        f'<script type="module" src="{link(SCRIPT)}"></script>',
        "</div>",
        "",
    ])


def _years_notice(plan: SearchPlan, lang: str) -> str:
    """What the search page says under the result count when the first search covered the newest years
    only: a button to search the older ones too, and what it says while and after it does (gk-search.js
    shows one of them; the region is announced)."""
    first, later = year_range(plan.first_years, lang), year_range(plan.later_years, lang)
    every = year_range(plan.first_years + plan.later_years, lang)
    return "\n".join([
        '<div class="gk-search-years" aria-live="polite">',
        f'<p data-gk-years-state="first" hidden>{esc(YEARS_UI["shown"](lang).format(first=first))} '
        f'<button type="button" data-gk-all-years>'
        f'{esc(YEARS_UI["button"](lang).format(later=later))}</button></p>',
        f'<p data-gk-years-state="loading" tabindex="-1" hidden>{esc(YEARS_UI["loading"](lang).format(later=later))}</p>',
        f'<p data-gk-years-state="all" tabindex="-1" hidden>{esc(YEARS_UI["all"](lang).format(all=every))}</p>',
        "</div>",
    ])


def searchbox_fragment(ctx: FragmentContext) -> str:
    """A plain search form (``<!-- gongkai:searchbox -->``) that opens the search page with ``?q=``."""
    lang, page_url = ctx.lang, ctx.url
    action = rel_url(page_url, url_prefix(lang) + SEARCH_PAGE)
    field = f"gk-q-{lang}"
    return "\n".join([
        f'<form class="gk-searchbox" role="search" action="{esc(action)}" method="get">',
        f'<label for="{field}">{esc(UI["label"](lang))}</label>',
        f'<input id="{field}" type="search" name="q" placeholder="{esc(UI["placeholder"](lang))}" '
        'enterkeyhint="search" autocomplete="off">',
        f'<button type="submit" class="md-button md-button--primary">{esc(UI["button"](lang))}</button>',
        "</form>",
        "",
    ])
