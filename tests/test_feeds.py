"""Feeds: RSS 2.0 and Atom per language and category, read back with feedparser from a real build."""

from __future__ import annotations

import html
import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from conftest import BUILD_DAY, BUILD_EPOCH, FIXTURES, build, build_env, make_repo, site_texts
from publishing_fixture import (FEED_LIMIT, MARKERS, MARKUP_SUMMARY, NEWEST_FIRST, PUBLISHED, SITE_URL,
                                make_publishing_repo)

from gongkai import feeds, opendata
from gongkai.loader import load_catalogue
from gongkai.site import Site

FEEDS = {  # feed key -> index numbers it carries, newest first (at most FEED_LIMIT)
    "all": NEWEST_FIRST[:FEED_LIMIT],
    "notices": [n for n in NEWEST_FIRST if PUBLISHED[n][0] == "notices"][:FEED_LIMIT],
    "plans-and-reports": [n for n in NEWEST_FIRST if PUBLISHED[n][0] == "plans-and-reports"][:FEED_LIMIT],
}
CATEGORY_LABELS = {"notices": ("通知公告", "Notices and announcements"),
                   "plans-and-reports": ("计划总结", "Plans and summaries")}
PUBLISHER = {"zh": "厦门市人民政府外事办公室", "en": "Foreign Affairs Office of Xiamen Municipal People's Government"}
PREFIX = {"zh": "", "en": "en/"}
OUTPUT_DIRS = ("feeds/", "en/feeds/", "data/")


def page_url(index_no: str, lang: str) -> str:
    year, number = index_no.split("/")[1].split("-")
    return f"{SITE_URL}{PREFIX[lang]}disclosures/{year}/{number}/"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_publishing_repo(tmp_path_factory.mktemp("feeds"))


@pytest.fixture(scope="module")
def site(repo: Path) -> Path:
    result = build(repo, repo / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return repo / "site"


def parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return parsed


def all_feed_files(site: Path) -> list[Path]:
    return sorted(p for d in ("feeds", "en/feeds") for p in (site / d).glob("*.xml") if p.name != "sitemap.xml")


# -- which feeds exist -----------------------------------------------------------------

def test_feeds_exist_for_all_items_and_each_category_with_items_only(site: Path):
    for lang in ("zh", "en"):
        names = sorted(p.name for p in (site / PREFIX[lang] / "feeds").iterdir())
        expected = sorted([f"{k}.{fmt}.xml" for k in FEEDS for fmt in ("rss", "atom")] + ["feed.css", "sitemap.xml"])
        assert names == expected, lang
    # Categories whose only items are not public (budgets: embargoed, personnel: on request,
    # services: draft) have no feed.
    for key in ("budgets", "personnel", "services"):
        assert not (site / f"feeds/{key}.rss.xml").exists()
        assert not (site / f"en/feeds/{key}.atom.xml").exists()


# -- feed contents, read by a feed reader ---------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("key", sorted(FEEDS))
def test_feed_reads_back_with_entries_newest_first(site: Path, lang: str, fmt: str, key: str):
    parsed = parse(site / PREFIX[lang] / "feeds" / f"{key}.{fmt}.xml")
    assert parsed.version == {"rss": "rss20", "atom": "atom10"}[fmt]
    expected = FEEDS[key]

    # Channel: language, title, self link first-class, site link, updated = newest item's date.
    channel = parsed.feed
    assert channel.language == {"zh": "zh-CN", "en": "en"}[lang]
    office = PUBLISHER[lang]
    assert channel.title.startswith(office)
    if key != "all":
        assert channel.title.endswith(CATEGORY_LABELS[key][lang == "en"])
    self_url = f"{SITE_URL}{PREFIX[lang]}feeds/{key}.{fmt}.xml"
    assert {"rel": "self", "href": self_url} in [{"rel": link.rel, "href": link.href} for link in channel.links]
    home = f"{SITE_URL}{PREFIX[lang]}" + ("" if key == "all" else f"catalogue/category/{key}/")
    assert channel.link == home
    newest = PUBLISHED[expected[0]][1]
    assert channel.updated == (f"{newest.isoformat()}T00:00:00+08:00" if fmt == "atom"
                               else newest.strftime("%a, %d %b %Y 00:00:00 +0800"))

    # Entries: count (limit), order, links, ids, dates in Asia/Shanghai, category, publisher.
    entries = parsed.entries
    assert [e.link for e in entries] == [page_url(n, lang) for n in expected]
    assert [e.id for e in entries] == [e.link for e in entries]
    for entry, index_no in zip(entries, expected):
        category, day, en_title = PUBLISHED[index_no]
        if fmt == "atom":
            assert entry.published == f"{day.isoformat()}T00:00:00+08:00"
            assert entry.updated == entry.published
            assert [(t.term, t.label) for t in entry.tags] == [(category, CATEGORY_LABELS[category][lang == "en"])]
        else:
            assert entry.published == day.strftime("%a, %d %b %Y 00:00:00 +0800")
            assert [t.term for t in entry.tags] == [CATEGORY_LABELS[category][lang == "en"]]
        assert entry.tags[0].scheme == f"{SITE_URL}{PREFIX[lang]}catalogue/category/{category}/"
        assert entry.author == PUBLISHER[lang]
        if lang == "zh":
            assert entry.title == f"标题{index_no[-5:]}"
        elif en_title:
            assert entry.title == en_title
        else:
            assert entry.title == f"{feeds.CHINESE_ONLY}标题{index_no[-5:]}"
            if fmt == "atom":  # the Chinese text is marked as such
                assert entry.title_detail.language == "zh-CN"
                assert entry.summary_detail.language == "zh-CN"
    published = [e.published_parsed for e in entries]
    assert published == sorted(published, reverse=True)


def test_feed_limit_is_honoured(site: Path):
    assert len(NEWEST_FIRST) > FEED_LIMIT
    for path in all_feed_files(site):
        assert len(parse(path).entries) <= FEED_LIMIT, path
    assert len(parse(site / "feeds/all.rss.xml").entries) == FEED_LIMIT
    assert len(parse(site / "en/feeds/notices.atom.xml").entries) == FEED_LIMIT


def test_summaries_come_from_the_summary_or_the_first_paragraph(site: Path):
    def summaries(path: str) -> dict[str, str]:
        return {e.link.split("disclosures/")[1]: e.summary for e in parse(site / path).entries}

    zh = summaries("feeds/all.atom.xml")
    assert zh["2025/00003/"] == "概述三"
    assert zh["2025/00002/"] == "本通知说明办理方式和所需材料。"  # first paragraph, markup removed
    en = summaries("en/feeds/plans-and-reports.atom.xml")
    assert en["2025/00001/"] == "The first paragraph of the plan."  # translation without a summary
    assert en["2024/00003/"] == MARKUP_SUMMARY  # untranslated: the Chinese summary
    # RSS descriptions are HTML: plain text with markup characters arrives escaped, not as markup.
    rss = summaries("feeds/plans-and-reports.rss.xml")
    assert html.unescape(rss["2024/00003/"]) == MARKUP_SUMMARY
    assert "<b>" not in rss["2024/00003/"]
    assert summaries("feeds/plans-and-reports.atom.xml")["2024/00003/"] == MARKUP_SUMMARY


def test_rss_channel_link_is_the_site_and_self_link_is_atom(site: Path):
    root = etree.parse(str(site / "feeds/notices.rss.xml")).getroot()
    channel = root.find("channel")
    assert channel.findtext("link") == f"{SITE_URL}catalogue/category/notices/"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert (self_link.get("rel"), self_link.get("href")) == ("self", f"{SITE_URL}feeds/notices.rss.xml")
    assert channel.findtext("lastBuildDate") == "Sat, 01 Feb 2025 00:00:00 +0800"
    assert channel.findtext("generator") == "gongkai"


# -- the publishing rule ------------------------------------------------------------------

def test_no_non_public_item_anywhere_in_feeds_data_or_site(site: Path):
    scanned = [p for d in OUTPUT_DIRS for p in (site / d).rglob("*") if p.is_file()]
    assert len(scanned) >= 4 * len(FEEDS) + 2 + 3
    for path in scanned:
        text = path.read_bytes().decode("utf-8-sig")
        for reason, marker in MARKERS.items():
            assert marker not in text, f"{reason} item in {path.relative_to(site)}"
    # And nowhere else in the site either (pages, search index, sitemap).
    for rel, text in site_texts(site).items():
        for reason, marker in MARKERS.items():
            assert marker not in text, f"{reason} item in {rel}"


# -- determinism ---------------------------------------------------------------------------

def test_two_builds_give_byte_identical_feeds_and_data(repo: Path, site: Path, tmp_path: Path):
    # The second build: another copy of the sources, another hash seed, and the next day's clock
    # (still before the embargo ends): nothing in feeds or data may change.
    other = tmp_path / "copy"
    shutil.copytree(repo, other, ignore=shutil.ignore_patterns("site"))
    env = build_env()
    env.update(SOURCE_DATE_EPOCH=str(int(BUILD_EPOCH) + 86400), PYTHONHASHSEED="12345")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(other / "mkdocs.yml"), "-d",
         str(tmp_path / "site2")], cwd=other, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr

    def outputs(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for d in OUTPUT_DIRS for p in sorted((root / d).rglob("*")) if p.is_file()}

    first, second = outputs(site), outputs(tmp_path / "site2")
    assert sorted(first) == sorted(second)
    assert len(first) == 4 * len(FEEDS) + 2 + 2 + 3 + 2  # feeds, stylesheets, feed sitemaps, data, lookup 2024 and 2025
    for rel in first:
        assert first[rel] == second[rel], rel


# -- in a browser ----------------------------------------------------------------------------

def test_every_feed_names_a_css_stylesheet_beside_it_in_its_language(site: Path):
    for path in all_feed_files(site):
        document = etree.parse(str(path))
        before_root = list(document.getroot().itersiblings(preceding=True))
        pi = next(n for n in before_root if isinstance(n, etree._ProcessingInstruction))
        assert (pi.target, pi.text) == ("xml-stylesheet", 'type="text/css" href="feed.css"'), path
        css = (path.parent / "feed.css").read_text(encoding="utf-8")
        lang = "en" if path.parent.parent.name == "en" else "zh"
        assert ("RSS 阅读器" if lang == "zh" else "feed reader") in css  # what to do with it
        assert "%%" not in css and "xsl" not in css.split("*/", 1)[1].lower()
        # Browsers that show the raw XML show its comments: the comment says what the file is.
        comment = next(n for n in before_root if isinstance(n, etree._Comment)).text
        assert f"{SITE_URL}{PREFIX[lang]}subscribe/" in comment and ("订阅" if lang == "zh" else "feed") in comment


def test_a_feed_opened_in_chromium_reads_as_a_page_without_a_warning(site: Path):
    """Chromium draws the feed with its CSS (no XSLT, so no warning that XSLT is going away): the
    explanation first, the feed's title, its address to copy, and each entry's title and date."""
    from test_browser import CHROMIUM_FLAGS, serving
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(os.environ.get("GONGKAI_CHROMEDRIVER", "/usr/bin/chromedriver")),
                              options=options)
    try:
        with serving(site) as base:
            for path, heading, selector in (("feeds/all.rss.xml", "这是一个订阅源", "channel"),
                                            ("en/feeds/all.atom.xml", "This is a feed", "feed")):
                driver.get(base + path)
                shown = driver.execute_script("""
                    const root = document.querySelector(arguments[0]);
                    const style = (e, p) => getComputedStyle(e, p || null);
                    const title = [...root.children].find(e => e.localName === 'title');
                    const entries = [...document.querySelectorAll('item, entry')];
                    return {banner: style(root, '::before').content, display: style(root).display,
                            title: style(title).display, entries: entries.map(e => style(e).display),
                            text: document.documentElement.textContent,
                            styled: document.styleSheets.length};""", selector)
                assert heading in shown["banner"] and shown["display"] == "block" and shown["title"] == "block"
                assert shown["styled"] == 1 and set(shown["entries"]) == {"block"}
                assert "XSLT" not in driver.page_source
    finally:
        driver.quit()


# -- links from pages -------------------------------------------------------------------------

def _resolve(site: Path, page: str, href: str) -> Path:
    return site / posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


@pytest.mark.parametrize("page,lang", [
    ("index.html", "zh"), ("en/index.html", "en"), ("disclosures/2025/00003/index.html", "zh"),
    ("en/disclosures/2025/00003/index.html", "en"), ("catalogue/category/notices/index.html", "zh"),
    ("en/catalogue/2024/index.html", "en"), ("subscribe/index.html", "zh"), ("en/guide/index.html", "en"),
])
def test_every_page_links_its_languages_feeds_in_head(site: Path, page: str, lang: str):
    text = (site / page).read_text(encoding="utf-8")
    head = text[:text.index("</head>")]
    for fmt, media in feeds.MEDIA_TYPES.items():
        hrefs = re.findall(rf'<link rel="alternate" type="{re.escape(media)}" href="([^"]+)"', head)
        assert len(hrefs) == 1, (page, fmt)
        target = _resolve(site, page, hrefs[0])
        assert target == site / PREFIX[lang] / "feeds" / f"all.{fmt}.xml"
        assert target.is_file()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_subscribe_page_lists_every_feed_and_the_open_data(site: Path, lang: str):
    page = f"{PREFIX[lang]}subscribe/index.html"
    text = (site / page).read_text(encoding="utf-8")
    hrefs = {_resolve(site, page, h) for h in re.findall(r'href="([^"#]+\.(?:xml|json|csv))"', text)}
    expected = {site / PREFIX[lang] / "feeds" / f"{k}.{fmt}.xml" for k in FEEDS for fmt in ("rss", "atom")}
    expected |= {site / opendata.JSON_PATH, site / opendata.CSV_PATH, site / opendata.SCHEMA_PATH}
    assert expected <= hrefs
    assert all(h.is_file() for h in expected)
    assert ("什么是订阅源" if lang == "zh" else "What a feed is") in text
    nav = "订阅" if lang == "zh" else "Subscribe"
    assert re.search(rf'<a href="[^"]*subscribe/"[^>]*>\s*(<span[^>]*>)?\s*{nav}', (site / PREFIX[lang] /
                                                                                      "index.html").read_text())


# -- golden files: a tiny hand-written input and the feeds written by hand --------------------

GOLDEN = FIXTURES / "publishing"


@pytest.fixture(scope="module")
def golden_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = make_repo(tmp_path_factory.mktemp("golden"))
    shutil.copytree(GOLDEN / "input", root / "disclosures", dirs_exist_ok=True)
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    assert catalogue is not None, problems.report()
    site = Site(catalogue, root, SITE_URL)
    return dict(feeds.files(catalogue, site.absolute) + opendata.files(catalogue, site.absolute))


@pytest.mark.parametrize("rel", ["feeds/all.rss.xml", "en/feeds/all.atom.xml"])
def test_golden_feeds(golden_outputs: dict[str, bytes], rel: str):
    assert golden_outputs[rel].decode("utf-8") == (GOLDEN / "expected" / rel).read_text(encoding="utf-8")
    assert golden_outputs[rel] == (GOLDEN / "expected" / rel).read_bytes()


# -- small units --------------------------------------------------------------------------------

@pytest.mark.parametrize("markdown,expected", [
    ("各处室：\n\n正文。", "各处室："),
    ("## 一、标题\n\n第一段**加粗**，[链接](https://example.org/)\n续行。\n\n第二段。", "第一段加粗，链接续行。"),
    ("<div>html</div>\n\n!!! note\n\n| a | b |\n\nText *one*\nand two.", "Text one and two."),
    ("- 第一项\n- 第二项", "第一项第二项"),
    ("", ""),
    ("字" * 400, "字" * (feeds.SUMMARY_MAX - 1) + "…"),
])
def test_first_paragraph(markdown: str, expected: str):
    assert feeds.first_paragraph(markdown) == expected


def test_feed_paths():
    assert feeds.feed_path("zh", "all", "rss") == "feeds/all.rss.xml"
    assert feeds.feed_path("en", "notices", "atom") == "en/feeds/notices.atom.xml"
    assert not os.path.isabs(feeds.feed_path("en", "all", "rss"))


def test_empty_catalogue_has_empty_feeds_of_all_items_only(tmp_path: Path):
    root = make_repo(tmp_path)
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    assert catalogue is not None, problems.report()
    files = dict(feeds.files(catalogue, Site(catalogue, root, SITE_URL).absolute))
    assert sorted(files) == ["en/feeds/all.atom.xml", "en/feeds/all.rss.xml", "en/feeds/feed.css",
                             "en/feeds/sitemap.xml", "feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/feed.css",
                             "feeds/sitemap.xml"]
    for path in ("feeds/all.rss.xml", "en/feeds/all.atom.xml"):
        parsed = feedparser.parse(files[path])
        assert (parsed.bozo, parsed.entries) == (0, [])


def test_each_language_has_a_sitemap_of_its_feeds_beside_them(site: Path):
    # Material's JavaScript fetches sitemap.xml beside every <link rel="alternate"> of a page, the feed
    # links included: without it, every page load would make a failing request.
    for lang in ("zh", "en"):
        tree = etree.parse(str(site / PREFIX[lang] / "feeds/sitemap.xml"))
        locs = tree.xpath("//s:url/s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
        feeds_there = sorted(p.name for p in (site / PREFIX[lang] / "feeds").glob("*.xml") if p.name != "sitemap.xml")
        assert sorted(loc.rsplit("/", 1)[1] for loc in locs) == feeds_there
        assert all(loc.startswith(SITE_URL + PREFIX[lang] + "feeds/") for loc in locs)
