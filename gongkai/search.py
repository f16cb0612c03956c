"""Full-text search with Pagefind: the index, the search page and the home page's search box.

After the whole site is written (every language), :func:`build_index` runs the
Pagefind indexer shipped in the ``pagefind-bin-extended`` wheel (Chinese
segmentation included, nothing downloaded) over the site folder. Pagefind
reads each page's ``<html lang>`` and writes one index per language into
``site/pagefind/``, split into small chunks: a visitor downloads only the
chunks for the words they type and the fragments of the results shown, never
the whole index.

What is indexed is decided in the pages themselves: the theme override marks
the article of every page ``data-pagefind-body`` unless the page's front matter
says ``search: {exclude: true}`` (catalogue listings, the home page, the search
page), and each item page carries its filters (year, subject category) and the
metadata its result shows (索引号, 发布日期) from :func:`item_tags`.

The search page (``<!-- gongkai:search -->``) uses Pagefind's Component UI
from the same bundle, with strings in the page's language, and runs the query
given as ``?q=`` in its address.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue, Item
from .generated import FragmentContext, notice
from .html import esc, rel_url
from .problems import BuildStepError
from .text import Text, url_prefix

BUNDLE_DIR = "pagefind"
"""Where the index and Pagefind's own UI files go, relative to the site folder."""

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

PREVIEW_REPORT = "search index (Pagefind) not built in the preview (mkdocs serve); `make build` builds it"


# -- the index ------------------------------------------------------------------

@dataclass(frozen=True)
class IndexSummary:
    """What :func:`build_index` wrote."""

    pages: dict[str, int]
    """Indexed pages per language, e.g. ``{"en": 1050, "zh": 1049}``."""
    seconds: float

    def describe(self) -> str:
        counts = ", ".join(f"{lang} {n}" for lang, n in sorted(self.pages.items()))
        return f"search index (Pagefind): {counts} pages in {self.seconds:.1f} s"


def pagefind_executable() -> Path:
    """The Pagefind binary from the ``pagefind-bin-extended`` wheel (the one that segments Chinese)."""
    try:
        from pagefind_bin_extended import get_executable  # the wheel's own locator
    except ImportError:
        raise BuildStepError(Text(
            "未安装 Pagefind（pagefind-bin-extended），无法生成搜索索引。请运行 make venv 安装 requirements.txt。",
            "Pagefind (pagefind-bin-extended) is not installed, so the search index cannot be built. "
            "Run `make venv` to install requirements.txt.")) from None
    return get_executable()


def build_index(site_dir: Path) -> IndexSummary:
    """Index the finished site in ``site_dir`` into ``site_dir/pagefind/``, one index per ``<html lang>``.

    Pagefind runs once per language of the site (:func:`language_globs`): it holds everything it indexes
    in memory until it writes, so one run per language needs about the memory of the largest language
    instead of all of them. The runs write into the same bundle (their index files are named by language)
    and :func:`_merge_entries` joins their entry files into the one the search page reads.

    Raises :class:`~gongkai.problems.BuildStepError` when Pagefind is missing or fails.
    """
    site_dir = Path(site_dir)
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)  # a previous build's chunks would linger under other hashes
    started = time.monotonic()
    entries = [_run_pagefind(site_dir, glob) for glob in language_globs(site_dir)]
    data = _merge_entries(entries)
    (bundle / "pagefind-entry.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                                encoding="utf-8")
    seconds = time.monotonic() - started
    return IndexSummary({lang: info["page_count"] for lang, info in data["languages"].items()}, seconds)


def language_globs(site_dir: Path) -> list[str]:
    """Pagefind's file globs, one per language: the English pages under ``en/``, every other page."""
    others = sorted(p.name for p in Path(site_dir).iterdir() if p.name not in (url_prefix("en").strip("/"), BUNDLE_DIR))
    parts = [f"{name}/**/*.html" if (Path(site_dir) / name).is_dir() else name for name in others
             if (Path(site_dir) / name).is_dir() or name.endswith(".html")]
    return ["{" + ",".join(parts) + "}", url_prefix("en") + "**/*.html"]


def _run_pagefind(site_dir: Path, glob: str) -> dict:
    """One Pagefind run over the pages matching ``glob``; its entry file's data."""
    try:
        result = subprocess.run(
            [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR, "--glob", glob],
            capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BuildStepError(Text(f"Pagefind 无法运行：{error}", f"Pagefind could not run: {error}")) from None
    entry = site_dir / BUNDLE_DIR / "pagefind-entry.json"
    if result.returncode != 0 or not entry.is_file():
        output = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise BuildStepError(Text(f"Pagefind 未能生成搜索索引（退出码 {result.returncode}）：\n{output}",
                                  f"Pagefind failed to build the search index (exit code {result.returncode}):\n"
                                  f"{output}"))
    if "Did not find a data-pagefind-body element" in result.stdout + result.stderr:
        # Pagefind then indexes every whole page (navigation, listings): a broken theme override.
        shutil.rmtree(site_dir / BUNDLE_DIR)
        raise BuildStepError(Text(
            "没有任何页面带有 data-pagefind-body 标记，搜索索引会收录整页（导航、目录列表）。"
            "请检查 overrides/main.html 的 content 块。",
            "No page carries the data-pagefind-body mark, so the search would index whole pages "
            "(navigation, listings). Check the content block in overrides/main.html."))
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.unlink()
    return data


def _merge_entries(entries: list[dict]) -> dict:
    """One entry file of the runs' languages, sorted (Pagefind lists them in hash-map order): the same
    site gives the same bytes."""
    languages = {lang: info for entry in entries for lang, info in entry["languages"].items()}
    return {**entries[0], "languages": dict(sorted(languages.items()))}


#: The theme's own search (lunr and its worker), which this site does not use: never copied into site/.
UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def unused_theme_file(path: str) -> bool:
    """Whether ``path`` (relative to the site folder) is one of :data:`UNUSED_THEME_FILES`."""
    return path.startswith(UNUSED_THEME_FILES)


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


# -- the search page and the search box -----------------------------------------

_RESULT_TEMPLATE = """<script type="text/pagefind-template">
<li class="gk-result">
<p class="gk-result-title"><a href="{{{{ meta.url | default(url) | safeUrl }}}}">{{{{ meta.title }}}}</a></p>
{{{{#if meta.index_no}}}}<p class="gk-result-meta">{index_no} {{{{ meta.index_no }}}} · {date} {{{{ meta.date }}}}</p>{{{{/if}}}}
{{{{#if excerpt}}}}<p class="gk-result-excerpt">{{{{+ excerpt +}}}}</p>{{{{/if}}}}
</li>
</script>"""


def search_fragment(ctx: FragmentContext) -> str:
    """The search page's UI (``<!-- gongkai:search -->``): Pagefind's Component UI in the page's language."""
    lang, page_url = ctx.lang, ctx.url
    if ctx.preview:
        return notice("info", UI["preview_title"](lang), esc(UI["preview"](lang))) + "\n"

    def link(path: str) -> str:
        return esc(rel_url(page_url, path))

    catalogue = rel_url(page_url, url_prefix(lang) + "catalogue/")
    template = _RESULT_TEMPLATE.format(index_no=esc(UI["index_no"](lang)), date=esc(UI["date"](lang)))
    return "\n".join([
        f'<div class="gk-search" data-gk-search data-gk-bundle="{link(BUNDLE_DIR + "/")}" data-gk-root="{link("")}">',
        f'<link rel="stylesheet" href="{link(BUNDLE_DIR + "/pagefind-component-ui.css")}">',
        f'<pagefind-input placeholder="{esc(UI["placeholder"](lang))}" debounce="300"></pagefind-input>',
        '<div class="gk-search-filters">',
        f'<pagefind-filter-dropdown filter="category" label="{esc(UI["category"](lang))}"></pagefind-filter-dropdown>',
        f'<pagefind-filter-dropdown filter="year" label="{esc(UI["year"](lang))}" sort="alphabetical">'
        "</pagefind-filter-dropdown>",
        "</div>",
        "<pagefind-summary></pagefind-summary>",
        f'<pagefind-results hide-sub-results>\n{template}\n</pagefind-results>',
        f'<noscript><p>{esc(UI["noscript"](lang))} <a href="{esc(catalogue)}">{esc(UI["catalogue"](lang))}</a></p>'
        "</noscript>",
        f'<script type="module" src="{link(SCRIPT)}"></script>',
        "</div>",
        "",
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
