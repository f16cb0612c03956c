"""A catalogue indexed in partitions of years, each its own Pagefind bundle, merged by the search page:
the plan, the search page's markup, and a built site searched in Chromium in both languages."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import build, make_repo, write_item
from gongkai import search, search_index
from gongkai.generated import FragmentContext
from test_browser import browser, search as search_in  # noqa: F401 - the browser fixture

# -- the plan ------------------------------------------------------------------------


def test_whole_years_are_packed_oldest_first_up_to_the_partition_size():
    slugs = [f"2019/{n:05d}" for n in (2, 1)] + ["2020/00001"] + [f"2021/{n:05d}" for n in (1, 2, 3)]
    assert search_index.partitions(slugs, size=3) == (
        ("2019/00001", "2019/00002", "2020/00001"), ("2021/00001", "2021/00002", "2021/00003"))
    assert search_index.partitions(slugs, size=100) == (tuple(sorted(slugs)),)


def test_a_year_larger_than_a_partition_is_split_by_index_number():
    slugs = [f"2022/{n:05d}" for n in range(1, 6)] + ["2023/00001"]
    assert search_index.partitions(slugs, size=2) == (
        ("2022/00001", "2022/00002"), ("2022/00003", "2022/00004"), ("2022/00005", "2023/00001"))


def test_no_items_is_one_partition_for_the_other_pages():
    assert search_index.partitions([], size=10) == ((),)


def test_each_run_globs_whole_years_as_folders_and_split_years_item_by_item(tmp_path):
    for name in ("disclosures", "guide", "statistics", "en", "pagefind"):
        (tmp_path / name).mkdir()
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    parts = (("2021/00001", "2021/00002"), ("2021/00003", "2022/00001"))
    first, second = search_index._whole_years(parts)
    assert search_index.language_globs(tmp_path, "zh", parts[0], primary=True, whole_years=first) == [
        "{disclosures/2021/00001/**/*.html,disclosures/2021/00002/**/*.html,"
        "{guide/**/*.html,index.html,statistics/**/*.html}}"]
    assert search_index.language_globs(tmp_path, "en", parts[1], primary=False, whole_years=second) == [
        "{en/disclosures/2022/**/*.html,en/disclosures/2021/00003/**/*.html}"]


def test_the_search_page_merges_the_bundles_of_the_other_partitions(monkeypatch):
    catalogue = SimpleNamespace(published=[SimpleNamespace(slug=s) for s in ("2022/00001", "2023/00001", "2024/00001")])
    monkeypatch.setenv(search_index.PARTITION_VARIABLE, "1")
    zh = search.search_fragment(FragmentContext(catalogue, None, "zh", "search/"))
    en = search.search_fragment(FragmentContext(catalogue, None, "en", "en/search/"))
    assert 'data-gk-bundle="../pagefind/" data-gk-root="../" data-gk-merge="../pagefind/parts/1/ ../pagefind/parts/2/">' in zh
    assert 'data-gk-merge="../../pagefind/parts/1/ ../../pagefind/parts/2/">' in en


# -- a built site ------------------------------------------------------------------------

#: One item a year, each in its own partition: a word they all share and a word of their own, in both languages.
ITEMS = {
    "XMFAO/2022-00001": ("2022", "pangolinone", "Notice on pangolinone matters"),
    "XMFAO/2023-00001": ("2023", "pangolintwo", None),  # untranslated: only the Chinese index has its body
    "XMFAO/2024-00001": ("2024", "pangolinthree", "Notice on pangolinthree matters"),
}


@pytest.fixture(scope="module")
def partitioned(tmp_path_factory):
    """The site built with one item per partition, served under a sub-path (as on GitHub Pages)."""
    tmp = tmp_path_factory.mktemp("partitions")
    root = make_repo(tmp)
    for index_no, (year, word, english) in ITEMS.items():
        translation = (f"---\ntitle: {english}\nsummary: Summary {word}.\n---\n\nShared walrusword, {word}.\n"
                       if english else None)
        write_item(root, index_no, title=f"关于{word}的通知", summary=f"概述 {word}",
                   date_written=f"{year}-03-01", date_published=f"{year}-03-05",
                   body=f"共同词 穿山甲保护，本条 {word}。\n", translation=translation)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(search_index.PARTITION_VARIABLE, "1")
        result = build(root, tmp / "www" / "gongkai")
    assert result.returncode == 0, result.stdout + result.stderr
    with _serving(tmp / "www") as url:
        yield tmp / "www" / "gongkai", url + "gongkai/", result.stderr


@contextlib.contextmanager
def _serving(folder: Path):
    handler = functools.partial(type("Quiet", (http.server.SimpleHTTPRequestHandler,),
                                     {"log_message": lambda *args: None}), directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def test_each_partition_is_a_bundle_with_both_languages_and_no_copy_of_the_search_code(partitioned):
    site, _, log = partitioned
    bundles = [site / "pagefind", site / "pagefind/parts/1", site / "pagefind/parts/2"]
    assert not (site / "pagefind/parts/3").exists()
    for bundle in bundles:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert sorted(entry["languages"]) == ["en", "zh"], bundle
    for bundle in bundles[1:]:
        assert not list(bundle.glob("*.js")) and not list(bundle.glob("wasm.*")), bundle
    assert (site / "pagefind/pagefind-component-ui.js").is_file()
    assert "in 3 bundles" in log and "of it after the pages were written" in log


@pytest.mark.parametrize("page, query, expected", [
    ("search/", "穿山甲", ["2022/00001", "2023/00001", "2024/00001"]),
    ("search/", "pangolinthree", ["2024/00001"]),
    ("en/search/", "walrusword", ["2022/00001", "2024/00001"]),
    ("en/search/", "pangolinone", ["2022/00001"]),
])
def test_a_search_finds_the_items_of_every_partition_in_both_languages(partitioned, browser, page, query, expected):
    _, base, _ = partitioned
    summary, links = search_in(browser, base, page, query)
    prefix = "en/" if page.startswith("en/") else ""
    assert sorted(links) == [f"{prefix}disclosures/{slug}/" for slug in expected], summary
    count = len(expected)
    assert summary == (f"找到 {count} 个 {query} 的相关结果" if not prefix else
                       f"{count} result{'s' if count > 1 else ''} for {query}")


def test_the_year_filter_counts_the_items_of_every_partition(partitioned, browser):
    _, base, _ = partitioned
    search_in(browser, base, "search/", "穿山甲")
    years = browser.execute_script(
        "return window.PagefindComponents.getInstanceManager().getInstance('default').availableFilters.year")
    assert years == {"2022": 1, "2023": 1, "2024": 1}


def test_a_rebuild_with_fewer_partitions_leaves_no_stale_bundle(partitioned, tmp_path):
    site, _, _ = partitioned
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    search_index.build_index(copy)
    assert not (copy / "pagefind/parts").exists()
