"""The statutory catalogue tree (法定主动公开内容, a page per item of Article 20), the listings by genre,
validity and publisher, the exact lookup's data, and pages that never grow with the number of items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from conftest import BUILD_DAY, build, make_repo
from relations_fixture import INTERPRETATIONS, POLICY, REPEALED, REPLACEMENT, make_relations_repo
from test_relations import page, site  # noqa: F401 - the relations fixture's build

from gongkai.loader import load_catalogue
from gongkai.office import ARTICLE20_ITEMS


def article(site: Path, url: str) -> html.HtmlElement:
    doc = html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))
    return doc.find_class("md-content__inner")[0]


def listed(site: Path, url: str) -> list[str]:
    """The index numbers in a listing's table."""
    return [row.findall("td")[0].text_content() for row in article(site, url).iter("tr") if row.findall("td")]


@pytest.mark.parametrize("lang,prefix", [("zh", ""), ("en", "en/")])
def test_every_article20_item_has_a_page_and_the_overview_lists_them_all(site: Path, lang: str, prefix: str):
    overview = article(site, f"{prefix}catalogue/article20/")
    links = [(a.get("href"), a.text_content()) for a in overview.find(".//ul").iter("a")]
    assert [href for href, _ in links] == [f"{n}/" for n in range(1, 16)]
    assert links[0][1] == {"zh": "第二十条第（一）项 行政法规、规章和规范性文件",
                           "en": "Article 20, item (1) Administrative regulations, rules and normative documents"}[lang]
    assert links[14][1].startswith({"zh": "第二十条第（十五）项 ", "en": "Article 20, item (15) "}[lang])
    counts = [li.text_content().rsplit("(", 1)[1] for li in overview.find(".//ul").iter("li")]
    assert counts[0] == {"zh": "3 条)", "en": "3 items)"}[lang]
    for n in range(1, 16):
        heading = article(site, f"{prefix}catalogue/article20/{n}/").find(".//h1").text_content()
        assert heading.endswith(f"（{'一二三四五六七八九十'[n - 1] if n <= 10 else '十' + '一二三四五'[n - 11]}）项"
                                if lang == "zh" else f"item ({n})")
        assert ARTICLE20_ITEMS[n - 1](lang) in article(site, f"{prefix}catalogue/article20/{n}/").text_content()


@pytest.mark.parametrize("lang,prefix,empty", [("zh", "", "暂无已公开的信息。"), ("en", "en/", "Nothing has been published yet.")])
def test_article20_pages_list_what_is_filed_there_and_say_when_empty(site: Path, lang: str, prefix: str, empty: str):
    # normative documents are filed under item (1) by their genre; interpretations are not
    assert listed(site, f"{prefix}catalogue/article20/1/") == [REPLACEMENT, POLICY, REPEALED]
    assert listed(site, f"{prefix}catalogue/article20/2/") == []
    assert article(site, f"{prefix}catalogue/article20/2/").find_class("gk-list") == []
    assert empty in article(site, f"{prefix}catalogue/article20/2/").text_content()
    crumb = article(site, f"{prefix}catalogue/article20/2/").find_class("gk-crumb")[0]
    assert [a.get("href") for a in crumb.iter("a")] == ["../../", "../"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_listings_by_genre_validity_and_publisher(site: Path, prefix: str):
    assert listed(site, f"{prefix}catalogue/genre/interpretation/") == [INTERPRETATIONS[1], INTERPRETATIONS[0]]
    assert listed(site, f"{prefix}catalogue/validity/repealed/") == [REPEALED]
    assert REPEALED not in listed(site, f"{prefix}catalogue/validity/in-force/")
    assert len(listed(site, f"{prefix}catalogue/publisher/xmfao/")) == 5
    index = article(site, f"{prefix}catalogue/")
    hrefs = {a.get("href") for a in index.iter("a")}
    assert {"article20/", "genre/interpretation/", "validity/repealed/", "validity/in-force/",
            "publisher/xmfao/", "category/policy-documents/"} <= hrefs


def test_the_lookup_data_holds_each_year_s_index_and_document_numbers(site: Path):
    data = {p.name: json.loads(p.read_text()) for p in sorted((site / "data/lookup").iterdir())}
    assert sorted(data) == ["2024.json", "2025.json"]
    assert data["2025.json"]["items"][0] == [POLICY, "厦外规〔2025〕1号", "disclosures/2025/00001/"]
    assert [row[0] for row in data["2024.json"]["items"]] == [REPEALED]
    assert "XMFAO/2025-00005" not in (site / "data/lookup/2025.json").read_text()  # on request


def test_a_bad_article20_item_in_catalogue_yml_is_refused(tmp_path: Path):
    root = make_repo(tmp_path)
    config = root / "disclosures/catalogue.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("article20_item: 7", "article20_item: 16"),
                      encoding="utf-8")
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    assert catalogue is None
    assert [(p.code, p.message.en) for p in problems] == [
        ("catalogue-config", "article20_item must be an item number of Article 20 (1 to 15) or a list of them; got "
                             "the number 16.")]


def largest_page(site: Path, under: str = "") -> tuple[int, str]:
    return max((p.stat().st_size, p.relative_to(site).as_posix()) for p in (site / under).rglob("*.html"))


def test_no_page_grows_with_the_number_of_items(tmp_path: Path):
    """Built with 110 and with 260 more items (all in one year, category, genre and Article 20 item), the
    largest page, and the largest listing in each language, stay the same size (within 1 %): both sizes have
    listings with middle pages (links to the previous and the next page)."""
    sizes = {}
    for extra in (110, 260):
        (tmp_path / str(extra)).mkdir()
        root = make_relations_repo(tmp_path / str(extra), extra=extra)
        result = build(root)
        assert result.returncode == 0, result.stderr
        sizes[extra] = largest_page(root / "site"), largest_page(root / "site", "catalogue"), largest_page(
            root / "site", "en/catalogue")
        assert len(list((root / "site/catalogue/article20/5").rglob("index.html"))) == -(-extra // 50)
    for small, large in zip(sizes[110], sizes[260]):
        assert large[0] <= small[0] * 1.01, sizes
