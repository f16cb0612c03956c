"""The core without MkDocs: loading, validation results, the publishing rule, rendering helpers."""

from __future__ import annotations

import itertools
import posixpath
from datetime import date

import pytest

from conftest import REPO, make_repo, write_item

from gongkai.html import rel_url
from gongkai.loader import load_catalogue
from gongkai.listings import catalogue_pages
from gongkai.pages import item_page
from gongkai.site import load_site
from gongkai.problems import SourceError


def test_seed_item_metadata():
    catalogue, problems = load_catalogue(REPO, today=date(2026, 11, 27))
    assert not problems
    item = catalogue.find("XMFAO/2022-00001")
    assert (item.year, item.number, item.publisher, item.category, item.genre) == (
        2022, "00001", "xmfao", "rule-of-law", "report")
    assert item.date_written == date(2022, 3, 1)
    assert item.translation is not None and item.translation.title.startswith("Report of the Foreign Affairs")
    assert "## 一、加强组织领导，把牢正确方向提升法治意识" in item.body
    # The closing metadata lines of the paper document are not body text.
    for line in ("（此件主动公开）", "抄送", "印发", "联系人"):
        assert line not in item.body
    # The fragment repeated across a page join was resolved.
    assert "社会主义思想和习近平法治思想为指导" in item.body and "义思想义思想" not in item.body


@pytest.mark.parametrize("fields, published", [
    ({}, True),
    ({"disclosure": "on-request"}, False),
    ({"disclosure": "not-disclosed"}, False),
    ({"draft": "true"}, False),
    ({"draft": "false"}, True),
    ({"date_published": "2024-06-02"}, False),
    ({"date_published": "2024-06-01"}, True),
])
def test_publishing_rule(tmp_path, fields, published):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", date_written="2024-01-01", **fields)
    catalogue, problems = load_catalogue(root, today=date(2024, 6, 1))
    assert not problems, problems.report()
    assert [i.index_no for i in catalogue.published] == (["XMFAO/2024-00001"] if published else [])


def test_published_items_are_newest_first_with_index_tiebreak(tmp_path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", date_published="2024-05-01")
    write_item(root, "XMFAO/2024-00002", date_published="2024-03-01")
    write_item(root, "XMFAO/2024-00003", date_published="2024-05-01")
    catalogue, _ = load_catalogue(root, today=date(2024, 6, 1))
    assert [i.index_no for i in catalogue.published] == [
        "XMFAO/2024-00003", "XMFAO/2024-00001", "XMFAO/2024-00002"]


def test_problems_are_all_reported_at_once(tmp_path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", title=None, genre="poem")
    write_item(root, "XMFAO/2024-00002", date_published="2024-01-01", date_written="2024-02-01")
    catalogue, problems = load_catalogue(root, today=date(2024, 6, 1))
    assert catalogue is None
    assert sorted((p.path, p.line, p.code, p.key) for p in problems) == [
        ("disclosures/2024/00001.md", 1, "missing-key", "title"),
        ("disclosures/2024/00001.md", 7, "unknown-value", "genre"),
        ("disclosures/2024/00002.md", 6, "date-order", "date_published"),
    ]


def test_load_site_raises_with_problems_not_a_traceback(tmp_path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", category="nope")
    with pytest.raises(SourceError) as error:
        load_site(root)
    assert "disclosures/2024/00001.md:7:11: unknown-value [category]" in str(error.value)


@pytest.mark.parametrize("src, dst, expected", [
    ("disclosures/2022/00001/", "disclosures/2022/00001/a.pdf", "a.pdf"),
    ("en/disclosures/2022/00001/", "disclosures/2022/00001/a.pdf", "../../../../disclosures/2022/00001/a.pdf"),
    ("catalogue/2022/", "disclosures/2022/00001/", "../../disclosures/2022/00001/"),
    ("", "catalogue/", "catalogue/"),
    ("en/", "en/catalogue/", "catalogue/"),
    ("catalogue/", "", "../"),
    ("catalogue/", "catalogue/", "./"),
])
def test_rel_url(src, dst, expected):
    assert rel_url(src, dst) == expected


def _relpath_link(src: str, dst: str) -> str:
    """The link as ``posixpath.relpath`` makes it (what rel_url computed before it split the paths itself)."""
    base = src if src.endswith("/") or not src else posixpath.dirname(src) + "/"
    target = posixpath.relpath("/" + dst, "/" + base) if dst else posixpath.relpath("/", "/" + base)
    if dst.endswith("/") or not dst:
        target = target.rstrip("/") + "/"
    return "./" if target == "./" else target.removeprefix("./")


_SEGMENTS = ["", "en", "catalogue", "2022", "00001", "a.pdf", "all.rss.xml", ".", ".."]


def test_rel_url_is_the_link_posixpath_relpath_gives():
    paths = ["/".join(p) for n in range(3) for p in itertools.product(_SEGMENTS, repeat=n)]
    for src in paths:
        for dst in paths:
            for a, b in ((src, dst), (src + "/", dst), (src, dst + "/"), (src + "/", dst + "/")):
                assert rel_url(a, b) == _relpath_link(a, b), (a, b)


def test_generated_markdown_escapes_titles(tmp_path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", title='"<b>粗体</b> & *星号*"')
    catalogue, problems = load_catalogue(root, today=date(2024, 6, 1))
    assert not problems, problems.report()
    page = item_page(catalogue.published[0], catalogue, "zh")
    assert "<h1>&lt;b&gt;粗体&lt;/b&gt; &amp; *星号*</h1>" in page.text
    assert "<b>粗体</b>" not in page.text.split("---", 2)[2]
    listing = "\n".join(p.text for p in catalogue_pages(catalogue, "en"))
    assert "&lt;b&gt;粗体&lt;/b&gt; &amp;" in listing and "<b>" not in listing


def _repeal_repo(tmp_path, repealing: dict):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2023-00001", genre="normative-document", date_written="2023-01-02",
               date_published="2023-01-05", validity="repealed", repealed_on="2024-02-01",
               repealed_by="XMFAO/2024-00001")
    write_item(root, "XMFAO/2024-00001", **{"date_written": "2024-01-20", "date_published": "2024-02-01", **repealing})
    return root


def test_repealed_by_links_a_published_item(tmp_path):
    root = _repeal_repo(tmp_path, {})
    catalogue, problems = load_catalogue(root, today=date(2024, 6, 1))
    assert not problems, problems.report()
    page = item_page(catalogue.find("XMFAO/2023-00001"), catalogue, "en").text
    assert ('<th scope="row">Repealed by</th><td><a href="../../2024/00001/">XMFAO/2024-00001</a></td>'
            in page)


@pytest.mark.parametrize("hidden", [{"draft": "true"}, {"disclosure": "on-request"},
                                    {"date_published": "2024-07-01"}])
def test_repealed_by_never_names_an_unpublished_item(tmp_path, hidden):
    from gongkai import opendata

    root = _repeal_repo(tmp_path, hidden)
    catalogue, problems = load_catalogue(root, today=date(2024, 6, 1))
    assert not problems, problems.report()
    repealed = catalogue.find("XMFAO/2023-00001")
    for lang in ("zh", "en"):
        assert "XMFAO/2024-00001" not in item_page(repealed, catalogue, lang).text
    files = dict(opendata.files(catalogue, lambda url: "https://example.org/" + url))
    assert b"XMFAO/2024-00001" not in files["data/catalogue.json"]
    assert b"XMFAO/2024-00001" not in files["data/catalogue.csv"]


@pytest.mark.parametrize("target, says", [("XMFAO/2024-00009", "is not an item in this repository"),
                                          ("XMFAO/2023-00001", "cannot be this item's own index number")])
def test_repealed_by_must_name_another_item(tmp_path, target, says):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2023-00001", date_written="2023-01-02", validity="repealed", repealed_on="2024-02-01",
               repealed_by=target)
    catalogue, problems = load_catalogue(root, today=date(2024, 6, 1))
    assert catalogue is None
    [problem] = list(problems)
    assert (problem.path, problem.line, problem.code, problem.key) == (
        "disclosures/2023/00001.md", 12, "repeal-incomplete", "repealed_by")
    assert says in problem.message.en
