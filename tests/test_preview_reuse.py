"""What the preview takes again from its previous pass (:class:`gongkai.preview.Reuse`, the headings memo of
:mod:`gongkai.bodies`): an unchanged item's page is the previous pass's, and any change to what a page is
made from (the item, a related item's title, a label in catalogue.yml) makes it again, in the page and in
the listings. The whole preview against a clean build is tests/test_preview_rebuild.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import BUILD_DAY, item_text, make_repo, write_item

from gongkai import bodies, layout, sitemaps
from gongkai.preview import Reuse
from gongkai.site import Site, load_site


def _item(n: int, **fields: object) -> str:
    values: dict[str, object] = {"title": f"复用第{n}号", "body": f"## 第{n}号的小标题\n\n第{n}号的正文。\n"}
    values.update(fields)
    return item_text(f"XMFAO/2024-{n:05d}", **values)


def _save(path: Path, text: str) -> None:
    """Write ``path`` and move its time on, so that the preview sees a change even within one clock tick."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


def _pass(root: Path) -> Site:
    site = load_site(root, "https://gongkai.example.gov.cn/", today=BUILD_DAY, preview=True)
    site.pages  # noqa: B018 - the pass makes its pages
    site.completed = True
    return site


@pytest.fixture
def repo(tmp_path):
    root = make_repo(tmp_path, seed=True)
    for n in (1, 2):
        write_item(root, f"XMFAO/2024-{n:05d}", text=_item(n))
    write_item(root, "XMFAO/2024-00003", text=_item(3, related=["XMFAO/2024-00002"]))
    return root


def _page(site: Site, n: int, lang: str = "zh"):
    return site.pages[layout.item_src_uri(f"2024/{n:05d}", lang)]


def _html(site: Site, n: int, lang: str = "zh") -> str:
    page = _page(site, n, lang)
    return page.markdown + "".join(page.blocks)


def test_an_unchanged_item_page_is_the_previous_pass_and_an_edit_reaches_its_related_items(repo):
    first = _pass(repo)
    _save(repo / "disclosures/2024/00002.md", _item(2, title="复用改过的标题"))
    second = _pass(repo)
    assert _page(second, 1) is _page(first, 1) and _page(second, 1, "en") is _page(first, 1, "en")
    assert "复用改过的标题" in _html(second, 2) and "复用改过的标题" in _html(second, 2, "en")
    assert "复用改过的标题" in _html(second, 3) and "复用第2号" not in _html(second, 3)  # names item 2
    assert "复用改过的标题" in _html(second, 3, "en")
    listing = second.pages[next(uri for uri, p in second.pages.items() if p.url == "catalogue/2024/")]
    assert "复用改过的标题" in listing.markdown + "".join(listing.blocks)
    assert _reused(second, "item") == len(second.catalogue.published) * 2 - 4  # items 2 and 3 remade
    assert _reused(second, "statistics") == len(second.statistics.years) * 2  # a title leaves the figures equal
    assert second.pages == _fresh(second).pages


def _reused(site: Site, kind: str) -> int:
    """How many results of ``kind`` (the first part of their keys) the site's pass took from the one before."""
    return sum(1 for key, (_, result) in site.reuse.current.items()
               if key[0] == kind and site.reuse.previous.get(key, (None, None))[1] is result)


def test_a_listing_page_is_the_previous_pass_while_its_items_and_their_count_are_equal(repo):
    first = _pass(repo)
    listing = {p.url: uri for uri, p in first.pages.items()}
    year, other = listing["en/catalogue/2024/"], listing["catalogue/2022/"]
    _save(repo / "disclosures/2022/00001.md", (repo / "disclosures/2022/00001.md").read_text(encoding="utf-8"))
    second = _pass(repo)
    assert second.pages[year] is first.pages[year] and second.pages[other] is first.pages[other]
    _save(repo / "disclosures/2024/00002.md", _item(2, title="复用改过的标题"))
    third = _pass(repo)
    assert third.pages[other] is first.pages[other] and third.pages[year] != first.pages[year]
    write_item(repo, "XMFAO/2024-00007", text=_item(7))
    fourth = _pass(repo)
    assert "复用第7号" in fourth.pages[listing["catalogue/2024/"]].blocks[-1]
    assert fourth.pages[other] is first.pages[other] and fourth.pages == _fresh(fourth).pages
    assert _reused(fourth, "listing") > 0


def _fresh(site: Site) -> Site:
    """A site of the same sources that reuses nothing."""
    return Site(site.catalogue, site.root, site.site_url, site.statistics, preview=True)


def test_a_years_statistics_page_is_the_previous_pass_until_its_figures_change(repo):
    first = _pass(repo)
    year, other = layout.src_uri("statistics/2024/index.md", "en"), layout.src_uri("statistics/2022/index.md", "zh")
    assert year in first.pages and other in first.pages
    _save(repo / "disclosures/2024/00001.md", _item(1, body="改过的正文。\n"))
    second = _pass(repo)
    assert second.pages[year] is first.pages[year] and second.pages[other] is first.pages[other]
    write_item(repo, "XMFAO/2024-00007", text=_item(7))
    third = _pass(repo)
    assert third.pages[other] is first.pages[other]
    assert third.pages[year] != first.pages[year] and third.pages == _fresh(third).pages
    assert "(by date published): 4." in third.pages[year].markdown
    assert "(by date published): 3." in first.pages[year].markdown


def test_a_feed_is_the_previous_pass_unless_an_entry_or_what_it_links_to_changed(repo):
    first = _pass(repo)
    before = {o.path: o.content for o in first.outputs()}
    _save(repo / "disclosures/2024/00002.md", _item(2, title="复用改过的标题"))
    second = _pass(repo)
    after = {o.path: o.content for o in second.outputs()}
    assert after == {o.path: o.content for o in _fresh(second).outputs()}
    feed = after["feeds/all.atom.xml"].decode("utf-8")
    assert feed.count("复用改过的标题") == 2  # item 2's entry, and item 3's link to it
    assert "复用第2号" not in feed and before["feeds/all.atom.xml"] != after["feeds/all.atom.xml"]
    unchanged = [path for path in after if path.endswith(".xml") and before[path] == after[path]]
    assert unchanged  # feeds of categories without item 2 or 3 are the previous pass's
    assert "复用改过的标题" in after["data/catalogue.json"].decode("utf-8")


def test_a_relation_dropped_by_one_item_leaves_the_other_items_page_feed_and_record(repo):
    _pass(repo)
    _save(repo / "disclosures/2024/00003.md", _item(3))  # no longer names item 2 as related
    second = _pass(repo)
    assert second.pages == _fresh(second).pages
    after = {o.path: o.content for o in second.outputs()}
    assert after == {o.path: o.content for o in _fresh(second).outputs()}
    assert "复用第3号" not in _html(second, 2) and "复用第2号" not in _html(second, 3)
    records = {r["index_no"]: r for r in json.loads(after["data/2024.json"])["items"]}
    assert records["XMFAO/2024-00002"]["related"] == [] and records["XMFAO/2024-00003"]["related"] == []


def test_a_label_changed_in_the_catalogue_file_makes_every_page_again(repo):
    first = _pass(repo)
    catalogue = repo / "disclosures/catalogue.yml"
    text = catalogue.read_text(encoding="utf-8")
    assert text.count("zh: 通知公告") == 1 and text.count("en: Notices and announcements") == 1
    _save(catalogue, text.replace("zh: 通知公告", "zh: 通知与公告").replace(
        "en: Notices and announcements", "en: Notices, announcements"))
    second = _pass(repo)
    assert second.reuse.reused == 0
    assert "通知与公告" in _html(second, 1) and "通知公告" not in _html(second, 1)
    assert "Notices, announcements" in _html(second, 1, "en") and _page(second, 1) != _page(first, 1)


def test_a_pass_that_made_no_pages_hands_on_the_pass_before(repo):
    first = _pass(repo)
    _save(repo / "disclosures/2024/00001.md", _item(1, body="改过的正文。\n"))
    load_site(repo, "https://gongkai.example.gov.cn/", today=BUILD_DAY, preview=True)  # stopped before its pages (as a failed pass can)
    _save(repo / "disclosures/2024/00001.md", _item(1, body="又改过的正文。\n"))
    third = _pass(repo)
    assert _page(third, 2) is _page(first, 2)
    assert "又改过的正文" in _html(third, 1) and "第1号的小标题" not in _html(third, 1)


def test_reuse_takes_a_result_only_for_equal_inputs_and_keeps_only_the_last_pass():
    made: list[str] = []

    def make(value: str):
        return lambda: made.append(value) or value

    first = Reuse(None, "config")
    assert first.get("a", (1,), make("a1")) == "a1" and first.get("b", (1,), make("b1")) == "b1"
    second = Reuse(first, "config")
    assert second.get("a", (1,), make("a2")) == "a1" and second.get("b", (2,), make("b2")) == "b2"
    third = Reuse(second, "config")
    assert third.get("b", (1,), make("b3")) == "b3"  # the inputs of the pass before last are not kept
    assert Reuse(third, "other config").get("b", (1,), make("b4")) == "b4"
    assert made == ["a1", "b1", "b2", "b3", "b4"]


def test_headings_in_the_preview_are_those_of_the_html_itself():
    bodies.remember_for_preview()
    one = '<h2 id="a">一</h2><p>x</p><h3 id="b">二 <em>三</em></h3>'
    assert bodies.headings(one) == ((2, "a", "一"), (3, "b", "二 三"))
    bodies.remember_for_preview()
    assert bodies.headings(one) == ((2, "a", "一"), (3, "b", "二 三"))
    assert bodies.headings(one.replace("二", "四")) == ((2, "a", "一"), (3, "b", "四 三"))
    assert bodies.headings("<p>no heading</p>") == () and bodies.headings("<h2>no id</h2>") == ()


SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           + "".join(f"<url><loc>https://gongkai.example.gov.cn/{path}</loc><lastmod>2026-11-27</lastmod></url>\n"
                     for path in ("", "disclosures/2024/00001/", "en/catalogue/2023/"))
           + "</urlset>\n").encode("utf-8")


def test_the_sitemaps_are_the_previous_pass_while_mkdocs_writes_the_same_sitemap(repo, tmp_path):
    site = _pass(repo)
    features = [f for f in site.features if type(f).__name__ == "Sitemaps"]
    expected = tmp_path / "expected"
    expected.mkdir()
    (expected / "sitemap.xml").write_bytes(SITEMAP)
    report = sitemaps.split(expected, site.absolute(""), site.absolute)  # what a build writes
    served = tmp_path / "served"
    (served / "sitemaps").mkdir(parents=True)
    (served / "sitemaps" / "2019.xml").write_text("a year an earlier pass had", encoding="utf-8")
    for n in range(2):
        if n:
            _save(repo / "disclosures/2024/00001.md", _item(1, body="改过的正文。\n"))
            site = _pass(repo)
        reused = site.reuse.reused
        (served / "sitemap.xml").write_bytes(SITEMAP)  # MkDocs writes its sitemap on every pass
        assert features[0].finish(site.data, served, preview=True) == report
        assert files(served) == files(expected)
        assert site.reuse.reused == reused + n  # the second pass's sitemaps are the first's


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_folder_listing_is_kept_until_a_file_or_folder_is_added_removed_or_renamed(tmp_path):
    from gongkai.preview import FolderListings

    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text("1", encoding="utf-8")
    listings, folders = FolderListings(), [str(tmp_path / "a"), str(tmp_path / "missing")]

    def names() -> list[str]:
        return listings.get("key", folders, lambda: sorted(p.name for p in (tmp_path / "a").rglob("*")))

    assert names() == ["b", "one.txt"] and names() == ["b", "one.txt"] and listings.made == 1
    (tmp_path / "a" / "b" / "one.txt").write_text("changed", encoding="utf-8")  # a name list stays the same
    assert names() == ["b", "one.txt"] and listings.made == 1
    (tmp_path / "a" / "b" / "two.txt").write_text("2", encoding="utf-8")
    assert names() == ["b", "one.txt", "two.txt"] and listings.made == 2
    (tmp_path / "a" / "b" / "two.txt").rename(tmp_path / "a" / "b" / "three.txt")
    assert names() == ["b", "one.txt", "three.txt"] and listings.made == 3
    (tmp_path / "a" / "c").mkdir()
    assert "c" in names() and listings.made == 4
    (tmp_path / "a" / "c").rmdir()
    assert "c" not in names() and listings.made == 5
    names().append("not kept")  # each caller gets its own list
    assert names() == ["b", "one.txt", "three.txt"] and listings.made == 5


def test_the_preview_writes_a_further_file_again_only_when_its_bytes_changed_or_it_is_gone(repo, tmp_path):
    site_dir = tmp_path / "served"
    first = _pass(repo)
    first.write_outputs(site_dir)
    feed, data = site_dir / "feeds/all.atom.xml", site_dir / "data/2022.json"
    os.utime(feed, ns=(10**9, 10**9))
    os.utime(data, ns=(10**9, 10**9))
    data.unlink()
    _save(repo / "disclosures/2024/00002.md", _item(2, title="复用改过的标题"))
    second = _pass(repo)
    second.write_outputs(site_dir)
    assert all((site_dir / o.path).read_bytes() == o.content for o in second.outputs() if o.content is not None)
    assert "复用改过的标题" in feed.read_text(encoding="utf-8") and data.is_file()  # changed, gone: written
    schema = site_dir / "data/catalogue.schema.json"
    os.utime(schema, ns=(10**9, 10**9))
    third = _pass(repo)
    third.write_outputs(site_dir)
    assert schema.stat().st_mtime_ns == 10**9  # the same bytes: not written again
    built = Site(third.catalogue, third.root, third.site_url, third.statistics)  # a build writes every file
    built.write_outputs(site_dir)
    assert schema.stat().st_mtime_ns != 10**9


def test_a_years_statistics_files_are_the_previous_pass_until_its_figures_change(repo):
    first = _pass(repo)
    before = {o.path: o.content for o in first.outputs()}
    _save(repo / "disclosures/2024/00001.md", _item(1, body="改过的正文。\n"))
    second = _pass(repo)
    second.outputs()
    assert _reused(second, "statistics data") == len(second.statistics.years)
    write_item(repo, "XMFAO/2024-00007", text=_item(7))
    third = _pass(repo)
    after = {o.path: o.content for o in third.outputs()}
    assert after == {o.path: o.content for o in _fresh(third).outputs()}
    assert after["statistics/2022.csv"] is before["statistics/2022.csv"]
    assert after["statistics/2024.json"] != before["statistics/2024.json"]
