"""Documents in relation and in time, read from a real build of the relations fixture: interpretations and
related items linked both ways in both languages, the change history and the feed ``updated`` dates, the
repeal notice, the open data; the checks refusing links to items that are not public."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from conftest import BUILD_DAY, build, write_item
from relations_fixture import (CHANGES, INTERPRETATIONS, ON_REQUEST, POLICY, REPEALED, REPLACEMENT,
                               make_relations_repo)

from gongkai.loader import load_catalogue

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://gongkai.example.gov.cn/"
PREFIX = {"zh": "", "en": "en/"}


def page(index_no: str, lang: str) -> str:
    year, number = index_no.split("/")[1].split("-")
    return f"{PREFIX[lang]}disclosures/{year}/{number}/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_relations_repo(tmp_path_factory.mktemp("relations"))
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def document(site: Path, url: str) -> html.HtmlElement:
    return html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def section(site: Path, url: str, name: str) -> list[tuple[str, str]]:
    """``(site-relative target, link text)`` of the links listed under the heading ``gk-<name>``."""
    doc = document(site, url)
    heading = doc.get_element_by_id(f"gk-{name}")
    listing = heading.getnext()
    assert listing.tag == "ul", etree.tostring(listing)
    return [(posixpath.normpath(posixpath.join(url, a.get("href"))) + "/", a.text_content())
            for a in listing.iter("a")]


def headings(site: Path, url: str) -> list[str]:
    return [h.get("id") for h in document(site, url).iter("h2") if (h.get("id") or "").startswith("gk-")]


@pytest.mark.parametrize("lang,label,titles", [
    ("zh", "政策解读", ["一图读懂外事服务规定", "《关于做好外事服务工作的规定》政策解读"]),
    ("en", "Interpretations", ["一图读懂外事服务规定", "Interpretation of the provisions"]),
])
def test_the_policy_lists_its_two_interpretations(site: Path, lang: str, label: str, titles: list[str]):
    url = page(POLICY, lang)
    assert document(site, url).get_element_by_id("gk-interpretations").text_content() == label
    assert section(site, url, "interpretations") == [(page(INTERPRETATIONS[1], lang), titles[0]),
                                                     (page(INTERPRETATIONS[0], lang), titles[1])]


@pytest.mark.parametrize("lang,label,title", [("zh", "解读的文件", "关于做好外事服务工作的规定"),
                                              ("en", "Document interpreted", "Provisions on foreign affairs services")])
def test_each_interpretation_links_the_policy(site: Path, lang: str, label: str, title: str):
    for interpretation in INTERPRETATIONS:
        url = page(interpretation, lang)
        assert document(site, url).get_element_by_id("gk-interpreted").text_content() == label
        assert section(site, url, "interpreted") == [(page(POLICY, lang), title)]
        assert "gk-interpretations" not in headings(site, url)


def test_an_untranslated_interpretation_is_marked_chinese_on_the_english_policy_page(site: Path):
    doc = document(site, page(POLICY, "en"))
    link = doc.get_element_by_id("gk-interpretations").getnext().find(".//a")
    assert link.find("span").get("lang") == "zh-CN"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_related_items_link_each_other(site: Path, lang: str):
    assert [target for target, _ in section(site, page(POLICY, lang), "related")] == [page(REPLACEMENT, lang)]
    assert [target for target, _ in section(site, page(REPLACEMENT, lang), "related")] == [page(POLICY, lang)]
    assert "gk-related" not in headings(site, page(INTERPRETATIONS[0], lang))


@pytest.mark.parametrize("lang,title,text", [
    ("zh", "本文件已废止", "本文件已于 2025-03-01 废止。废止它的文件：新的外事服务办法 (XMFAO/2025-00004)。"),
    ("en", "This document has been repealed",
     "This document was repealed on 2025-03-01. It was repealed by New measures on foreign affairs services "
     "(XMFAO/2025-00004)."),
])
def test_a_repealed_item_says_so_at_the_top_and_links_its_replacement(site: Path, lang: str, title: str, text: str):
    url = page(REPEALED, lang)
    doc = document(site, url)
    body = doc.find_class("md-typeset")[0].find(".//div[@data-pagefind-body]")
    first = [e for e in body if e.tag not in ("nav", "h1")][0]
    assert "admonition" in first.classes and "danger" in first.classes
    assert first.find_class("admonition-title")[0].text_content() == title
    assert first.findall("p")[1].text_content() == text
    link = first.find(".//a")
    assert posixpath.normpath(posixpath.join(url, link.get("href"))) + "/" == page(REPLACEMENT, lang)


@pytest.mark.parametrize("lang,label", [("zh", "本文件废止的文件"), ("en", "Documents this one repealed")])
def test_the_replacement_lists_what_it_repealed(site: Path, lang: str, label: str):
    url = page(REPLACEMENT, lang)
    assert document(site, url).get_element_by_id("gk-repealed-items").text_content() == label
    assert [target for target, _ in section(site, url, "repealed-items")] == [page(REPEALED, lang)]
    assert not document(site, url).find_class("gk-validity")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_change_history_is_shown_newest_first_with_the_last_update(site: Path, lang: str):
    doc = document(site, page(POLICY, lang))
    updated = doc.find_class("gk-updated")[0].text_content()
    assert updated == {"zh": "最后更新：2025-04-15 · 修订记录", "en": "Last updated: 2025-04-15 · Change history"}[lang]
    rows = [li.text_content() for li in doc.find_class("gk-changes")[0].iter("li")]
    expected = [f"{day} {en if lang == 'en' and en else zh}" for day, zh, en in reversed(CHANGES)]
    assert rows == expected
    untranslated = doc.find_class("gk-changes")[0].findall("li")[1].find("span")
    assert (untranslated is not None and untranslated.get("lang") == "zh-CN") == (lang == "en")
    assert not document(site, page(REPLACEMENT, lang)).find_class("gk-updated")


def atom_entries(site: Path, lang: str) -> dict[str, etree._Element]:
    root = etree.parse(str(site / PREFIX[lang] / "feeds/all.atom.xml")).getroot()
    return {e.findtext(f"{ATOM}id"): e for e in root.iter(f"{ATOM}entry")}


def related_links(entry: etree._Element) -> list[str]:
    return [link.get("href") for link in entry.iter(f"{ATOM}link") if link.get("rel") == "related"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_atom_updated_is_the_latest_change_and_entries_link_both_ways(site: Path, lang: str):
    entries = atom_entries(site, lang)
    policy = entries[SITE_URL + page(POLICY, lang)]
    assert policy.findtext(f"{ATOM}updated") == "2025-04-15T00:00:00+08:00"
    assert policy.findtext(f"{ATOM}published") == "2025-01-15T00:00:00+08:00"
    assert related_links(policy) == [SITE_URL + page(n, lang) for n in (INTERPRETATIONS[1], INTERPRETATIONS[0],
                                                                      REPLACEMENT)]
    for interpretation in INTERPRETATIONS:
        entry = entries[SITE_URL + page(interpretation, lang)]
        assert related_links(entry) == [SITE_URL + page(POLICY, lang)]
        assert entry.findtext(f"{ATOM}updated") == entry.findtext(f"{ATOM}published")
    assert related_links(entries[SITE_URL + page(REPEALED, lang)]) == [SITE_URL + page(REPLACEMENT, lang)]
    root = etree.parse(str(site / PREFIX[lang] / "feeds/all.atom.xml")).getroot()
    assert root.findtext(f"{ATOM}updated") == "2025-04-15T00:00:00+08:00"


def test_rss_items_carry_the_related_links(site: Path):
    root = etree.parse(str(site / "feeds/all.rss.xml")).getroot()
    items = {i.findtext("link"): i for i in root.iter("item")}
    policy = items[SITE_URL + page(POLICY, "zh")]
    titles = [link.get("title") for link in policy.iter(f"{ATOM}link")]
    assert titles == ["政策解读：一图读懂外事服务规定（XMFAO/2025-00003）",
                      "政策解读：《关于做好外事服务工作的规定》政策解读（XMFAO/2025-00002）",
                      "相关文件：新的外事服务办法（XMFAO/2025-00004）"]


def test_open_data_gives_the_relations_both_ways_and_the_changes(site: Path):
    records = {r["index_no"]: r for r in json.loads((site / "data/catalogue.json").read_text())["items"]}
    policy = records[POLICY]
    assert policy["interpretations"] == [INTERPRETATIONS[1], INTERPRETATIONS[0]]
    assert policy["related"] == [REPLACEMENT] and records[REPLACEMENT]["related"] == [POLICY]
    assert policy["last_updated"] == "2025-04-15"
    assert policy["changes"] == [{"date": d, "note": {"zh": zh, "en": en}} for d, zh, en in CHANGES]
    assert all(records[n]["interprets"] == [POLICY] for n in INTERPRETATIONS)
    assert records[REPLACEMENT]["repeals"] == [REPEALED]
    assert ON_REQUEST not in records and ON_REQUEST not in (site / "data/catalogue.csv").read_text(encoding="utf-8-sig")


# -- refusals -------------------------------------------------------------------------------------

def problems_of(root: Path) -> list[tuple[str, str, int, str, str]]:
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    return [(p.code, p.path, p.line, p.message.zh, p.message.en) for p in problems]


def test_an_interpretation_of_an_on_request_item_is_refused(tmp_path: Path):
    root = make_relations_repo(tmp_path)
    write_item(root, "XMFAO/2025-00006", genre="interpretation", date_written="2025-02-01",
               date_published="2025-02-01", interprets=[ON_REQUEST])
    assert problems_of(root) == [(
        "link-not-public", "disclosures/2025/00006.md", 11,
        "interprets 中的 XMFAO/2025-00005 的公开属性是 on-request，不会发布：链接到它会泄露未公开的信息。",
        "interprets names XMFAO/2025-00005, which is disclosed as 'on-request', never published: linking to it "
        "would reveal what is not public.")]
    result = build(root)
    assert result.returncode != 0
    assert "link-not-public" in result.stderr and "Traceback" not in result.stderr
    assert not (root / "site" / "disclosures" / "2025" / "00006").exists()


def test_links_to_a_draft_an_embargoed_or_a_missing_item_are_refused(tmp_path: Path):
    root = make_relations_repo(tmp_path)
    write_item(root, "XMFAO/2025-00006", draft="true", date_written="2025-02-01", date_published="2025-02-01")
    write_item(root, "XMFAO/2026-00001", date_written="2026-01-01", date_published="2026-12-31")
    write_item(root, "XMFAO/2025-00007", date_written="2025-02-01", date_published="2025-02-01",
               related=["XMFAO/2025-00006", "XMFAO/2026-00001", "XMFAO/2025-00099", "XMFAO/2025-00007"])
    found = sorted((code, message) for code, path, _, _, message in problems_of(root))
    assert found == sorted([
        ("link-not-public", "related names XMFAO/2025-00006, which is a draft: linking to it would reveal what is "
                            "not public."),
        ("link-not-public", "related names XMFAO/2026-00001, which is published only on 2026-12-31, but this item "
                            "is already published."),
        ("link-missing", "related names XMFAO/2025-00099, which is not an item in this repository."),
        ("link-missing", "related cannot name this item's own index number XMFAO/2025-00007."),
    ])


def test_an_embargoed_interpretation_may_name_an_embargoed_policy(tmp_path: Path):
    root = make_relations_repo(tmp_path)
    write_item(root, "XMFAO/2026-00001", date_written="2026-01-01", date_published="2026-12-31")
    write_item(root, "XMFAO/2026-00002", genre="interpretation", date_written="2026-01-01",
               date_published="2026-12-31", interprets=["XMFAO/2026-00001"])
    assert problems_of(root) == []


def test_a_bad_index_number_in_the_list_is_reported_at_its_line(tmp_path: Path):
    root = make_relations_repo(tmp_path)
    write_item(root, "XMFAO/2025-00006", date_written="2025-02-01", date_published="2025-02-01",
               interprets=[POLICY, "2025-1"])
    assert [(c, line, en) for c, _, line, _, en in problems_of(root)] == [
        ("bad-index-no", 13, "'interprets': '2025-1' is not a valid index number.")]
