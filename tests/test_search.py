"""The search core (gongkai/search.py) without MkDocs: Pagefind over a hand-written site, and the markup."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, pagefind_pages
from gongkai import search, search_index
from gongkai.generated import FragmentContext
from gongkai.catalogue import Item
from gongkai.loader import load_catalogue
from gongkai.problems import BuildStepError

SEARCH_FIXTURES = FIXTURES / "search"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> tuple[Path, search_index.IndexSummary]:
    site = tmp_path_factory.mktemp("search") / "site"
    shutil.copytree(SEARCH_FIXTURES / "site", site)
    return site, search_index.build_index(site)


def test_one_index_per_page_language(indexed):
    site, summary = indexed
    assert summary.pages == {"zh": 1, "en": 1}
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"zh", "en"}
    for lang in ("zh", "en"):
        assert list((site / "pagefind/index").glob(f"{lang}_*.pf_index")), lang
        assert len(list((site / "pagefind/fragment").glob(f"{lang}_*.pf_fragment"))) == 1, lang
        assert len(list((site / "pagefind").glob(f"pagefind.{lang}_*.pf_meta"))) == 1, lang
    assert (site / "pagefind/pagefind-component-ui.js").is_file()
    assert "zh 1" in summary.describe() and "en 1" in summary.describe()


def test_only_marked_articles_are_indexed_with_their_filters_and_metadata(indexed):
    site, _ = indexed
    expected = json.loads((SEARCH_FIXTURES / "expected.json").read_text(encoding="utf-8"))
    found = {lang: [{"url": f["url"], "title": f["meta"]["title"], "filters": f["filters"],
                     "index_no": f["meta"]["index_no"], "date": f["meta"]["date"]} for f in fragments]
             for lang, fragments in pagefind_pages(site).items()}
    assert found == expected
    contents = " ".join(f["content"] for fragments in pagefind_pages(site).values() for f in fragments)
    assert "导航" not in contents and "Navigation" not in contents  # only the marked article
    assert "目录列表页" not in contents and "home page" not in contents  # unmarked pages


def test_chinese_is_segmented_into_words(indexed):
    site, _ = indexed
    [zh] = pagefind_pages(site)["zh"]
    assert "领事\u200b保护" in zh["content"]  # Pagefind Extended's segmentation, not one run of characters


def test_a_rebuild_replaces_the_previous_bundle(indexed, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SEARCH_FIXTURES / "site", site)
    stale = site / "pagefind" / "fragment" / "zh_stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    search_index.build_index(site)
    assert not stale.exists()
    # Same pages, same index chunks and fragments, byte for byte. Pagefind 1.5 still writes the filter
    # names of its per-language metadata file (*.pf_meta, named after its hash) in arbitrary order.
    first, second = indexed[0] / "pagefind", site / "pagefind"

    def stable(bundle: Path) -> list[str]:
        return sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*")
                      if p.is_file() and p.suffix != ".pf_meta" and p.name != "pagefind-entry.json")

    files = stable(first)
    assert files == stable(second) and any(f.startswith("index/") for f in files)
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []
    assert pagefind_pages(site) == pagefind_pages(indexed[0])


def test_a_site_without_pages_stops_with_a_bilingual_message(tmp_path):
    (tmp_path / "site").mkdir()
    with pytest.raises(BuildStepError) as error:
        search_index.build_index(tmp_path / "site")
    assert "Pagefind 未能生成搜索索引" in str(error.value)
    assert "Pagefind failed to build the search index (exit code 1)" in str(error.value)
    assert "did not contain any html files" in str(error.value)


def test_a_site_without_search_marks_is_refused(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<html lang="zh"><body><h1>无标记</h1><p>正文</p></body></html>',
                                     encoding="utf-8")
    with pytest.raises(BuildStepError) as error:
        search_index.build_index(site)
    assert "data-pagefind-body" in error.value.text.zh and "overrides/main.html" in error.value.text.en
    assert not (site / "pagefind").exists()


# -- markup ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> tuple[Item, object]:
    catalogue, problems = load_catalogue(REPO, date(2026, 11, 27))
    assert catalogue is not None, problems.report()
    [item] = [i for i in catalogue.published if i.index_no == "XMFAO/2022-00001"]
    return item, catalogue


def test_item_tags_give_filters_and_metadata_in_the_page_language(seed):
    item, catalogue = seed
    assert search.item_tags(item, catalogue, "zh") == (
        '<div class="gk-search-tags" hidden><span data-pagefind-filter="year:2022"></span>'
        '<span data-pagefind-filter="category:法治政府建设"></span>'
        '<span data-pagefind-meta="index_no:XMFAO/2022-00001"></span>'
        '<span data-pagefind-meta="date:2022-03-01"></span>'
        '<span data-pagefind-sort="date:2022-03-01"></span></div>')
    assert 'data-pagefind-filter="category:Law-based government"' in search.item_tags(item, catalogue, "en")


def test_search_page_links_the_bundle_relatively_in_both_languages(seed):
    _, catalogue = seed
    zh = search.search_fragment(FragmentContext(catalogue, None, "zh", "search/"))
    en = search.search_fragment(FragmentContext(catalogue, None, "en", "en/search/"))
    assert 'data-gk-bundle="../pagefind/" data-gk-root="../">' in zh  # one partition: nothing to merge
    assert 'data-gk-bundle="../../pagefind/" data-gk-root="../../">' in en
    assert '<script type="module" src="../assets/gk-search.js"></script>' in zh
    assert '<script type="module" src="../../assets/gk-search.js"></script>' in en
    assert 'label="主题分类"' in zh and 'label="Subject category"' in en
    assert "索引号 {{ meta.index_no }} · 发布日期 {{ meta.date }}" in zh
    assert "Index No. {{ meta.index_no }} · Date published {{ meta.date }}" in en
    assert '<a href="../catalogue/">公开目录</a>' in zh and '<a href="../../en/catalogue/">' not in en
    assert '<a href="../catalogue/">Disclosure catalogue</a>' in en


def test_search_box_is_a_labelled_form_to_the_search_page():
    zh = search.searchbox_fragment(FragmentContext(None, None, "zh", ""))
    en = search.searchbox_fragment(FragmentContext(None, None, "en", "en/"))
    assert '<form class="gk-searchbox" role="search" action="search/" method="get">' in zh
    assert '<label for="gk-q-zh">搜索公开信息</label>' in zh and 'id="gk-q-zh" type="search" name="q"' in zh
    assert 'action="search/"' in en and '<label for="gk-q-en">Search disclosed information</label>' in en


def test_year_filter_is_the_year_published_as_in_the_catalogue(tmp_path):
    from datetime import date

    from conftest import make_repo, write_item
    from gongkai.loader import load_catalogue

    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2023-00001", date_written="2023-12-28", date_published="2024-01-05")
    catalogue, problems = load_catalogue(root, today=date(2024, 6, 1))
    assert not problems, problems.report()
    assert list(catalogue.by_year) == [2024]
    assert 'data-pagefind-filter="year:2024"' in search.item_tags(catalogue.published[0], catalogue, "zh")
