"""A complete site built into a temporary folder from fixture items, checked file by file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import build, item_text, make_repo, pagefind_files, pagefind_pages, site_texts, write_item

#: Items that must appear nowhere in site/, each with a unique marker in title, summary and body.
HIDDEN = {
    "XMFAO/2024-00002": dict(disclosure="on-request"),
    "XMFAO/2024-00003": dict(disclosure="not-disclosed"),
    "XMFAO/2024-00004": dict(draft="true"),
    "XMFAO/2026-00001": dict(date_written="2026-11-20", date_published="2026-11-28"),  # embargoed: tomorrow
}


#: An item (without translation) showing its attached image twice, in Markdown and in HTML.
CHART = dict(attachments="[{file: 00001-chart.png, title: 统计图}]",
             body='正文第一段。\n\n![统计图](00001-chart.png)\n\n<img src="00001-chart.png" alt="统计图">\n')


def marker(index_no: str) -> str:
    return "GKHIDDEN" + index_no.replace("/", "x").replace("-", "y")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    root = make_repo(tmp_path_factory.mktemp("site"), seed=True)
    write_item(root, "XMFAO/2024-00001", title="公开的测试通知", summary="公开条目的概述。",
               keywords=["测试", "通知"], attachments="[{file: 00001-table.pdf, title: 附件一：统计表}]",
               body='正文第一段。\n\n见[附件一](00001-table.pdf "统计表")。\n',
               translation="---\ntitle: A public test notice\n---\n\nEnglish body.\n\n"
                           "See [**the table**](./00001-table.pdf#page=2).\n")
    (root / "disclosures/2024/00001-table.pdf").write_bytes(b"%PDF-1.4\n% fixture attachment\n")
    for index_no, fields in HIDDEN.items():
        m = marker(index_no)
        write_item(root, index_no, title=f"不公开条目{m}", summary=f"概述{m}", body=f"正文{m}\n", **fields)
    for n in range(1, 53):  # 52 public items in 2023: two catalogue pages of 50 and 2
        write_item(root, f"XMFAO/2023-{n:05d}", title=f"二〇二三年第{n}号通知",
                   date_written="2023-01-01", date_published=f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}",
                   **(CHART if n == 1 else {}))
    (root / "disclosures/2023/00001-chart.png").write_bytes(b"\x89PNG\r\n\x1a\n fixture image\n")
    site = root / "site"
    result = build(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root, site


def test_non_public_items_appear_nowhere(built):
    _, site = built
    texts = site_texts(site)
    # Pagefind's index files are gzip: scan them decompressed (words are lower-cased there).
    texts.update({path: data.decode("utf-8", "replace").lower() for path, data in pagefind_files(site).items()})
    assert "pagefind/pagefind-entry.json" in texts and "sitemap.xml" in texts
    assert any(path.endswith(".pf_index") for path in texts)
    for index_no in HIDDEN:
        leaks = [path for path, text in texts.items()
                 if marker(index_no) in text or marker(index_no).lower() in text or index_no in text]
        assert leaks == [], f"{index_no} leaked into {leaks}"
    for index_no in HIDDEN:
        year, number = index_no.split("/")[1].split("-")
        assert not (site / "disclosures" / year / number).exists()
        assert not (site / "en" / "disclosures" / year / number).exists()


def test_every_public_item_has_a_page_in_both_languages(built):
    _, site = built
    expected = {"2022/00001", "2024/00001"} | {f"2023/{n:05d}" for n in range(1, 53)}
    for lang_dir in ("", "en/"):
        found = {p.parent.relative_to(site / f"{lang_dir}disclosures").as_posix()
                 for p in (site / f"{lang_dir}disclosures").rglob("index.html")}
        assert found == expected


def test_item_page_shows_metadata_in_page_language(built):
    _, site = built
    zh = (site / "disclosures/2024/00001/index.html").read_text(encoding="utf-8")
    en = (site / "en/disclosures/2024/00001/index.html").read_text(encoding="utf-8")
    assert re.search(r'<th scope="row">索引号</th><td>XMFAO/2024-00001</td>', zh)
    assert re.search(r'<th scope="row">主题分类</th><td>通知公告</td>', zh)
    assert re.search(r'<th scope="row">关键词</th><td>测试、通知</td>', zh)
    assert re.search(r'<th scope="row">Index No\.</th><td>XMFAO/2024-00001</td>', en)
    assert re.search(r'<th scope="row">Subject category</th><td>Notices and announcements</td>', en)
    assert re.search(r'<th scope="row">Genre</th><td>Notice</td>', en)
    assert re.search(r'<th scope="row">Disclosure type</th><td>Proactive disclosure</td>', en)
    assert re.search(r'<th scope="row">公开属性</th><td>主动公开</td>', zh)
    assert "<h1" in en and "A public test notice" in en
    assert "English body." in en and "正文第一段" not in en
    assert "unofficial" in en


def test_english_page_without_translation_says_so_and_marks_chinese(built):
    _, site = built
    en = (site / "en/disclosures/2023/00001/index.html").read_text(encoding="utf-8")
    assert "No English translation yet" in en
    assert re.search(r'<h1[^>]*><span lang="zh-CN">二〇二三年第1号通知</span></h1>', en)
    body = re.search(r'<div class="gk-body" lang="zh-CN">\s*(.*?)</div>', en, re.S)
    assert body and "正文第一段。" in body.group(1)
    assert re.search(r'<th scope="row">Issuing body</th><td>Foreign Affairs Office', en)
    assert '<html lang="en"' in en


def test_language_switcher_lands_on_the_same_item(built):
    _, site = built
    zh = (site / "disclosures/2024/00001/index.html").read_text(encoding="utf-8")
    en = (site / "en/disclosures/2024/00001/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./\.\./en/disclosures/2024/00001/" hreflang="en"', zh)
    assert re.search(r'href="\.\./\.\./\.\./\.\./disclosures/2024/00001/" hreflang="zh"', en)


def _rows(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<tr><td>([^<]+)</td><td><a href="([^"]+)">.*?</td><td>(\d{4}-\d{2}-\d{2})</td></tr>', html)


def test_catalogue_by_year_is_paginated_newest_first(built):
    _, site = built
    first = _rows((site / "catalogue/2023/index.html").read_text(encoding="utf-8"))
    second = _rows((site / "catalogue/2023/page/2/index.html").read_text(encoding="utf-8"))
    assert len(first) == 50 and len(second) == 2
    dates = [d for _, _, d in first + second]
    assert dates == sorted(dates, reverse=True)
    assert {i for i, _, _ in first + second} == {f"XMFAO/2023-{n:05d}" for n in range(1, 53)}
    href = dict((i, h) for i, h, _ in first + second)["XMFAO/2023-00007"]
    assert (site / "catalogue/2023" / href / "index.html").resolve() == (site / "disclosures/2023/00007/index.html")


def test_catalogue_by_category_and_overview_in_both_languages(built):
    _, site = built
    zh = (site / "catalogue/index.html").read_text(encoding="utf-8")
    en = (site / "en/catalogue/index.html").read_text(encoding="utf-8")
    assert "通知公告" in zh and "(53 条)" in zh
    assert "Notices and announcements" in en and "(53 items)" in en
    notices = _rows((site / "en/catalogue/category/notices/index.html").read_text(encoding="utf-8"))
    assert len(notices) == 50
    seed = _rows((site / "en/catalogue/category/rule-of-law/index.html").read_text(encoding="utf-8"))
    assert [i for i, _, _ in seed] == ["XMFAO/2022-00001"]
    assert "Law-based government</a> (1 item)" in en


def test_items_are_not_in_the_global_navigation(built):
    _, site = built
    # The guide links no item itself, so any item link on it would come from the navigation.
    for page in ("guide/index.html", "en/guide/index.html", "catalogue/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "disclosures/2023/" not in html and "disclosures/2024/" not in html, page


def test_home_page_lists_latest_items(built):
    _, site = built
    home = (site / "index.html").read_text(encoding="utf-8")
    rows = _rows(home)
    assert len(rows) == 10
    assert rows[0][0] == "XMFAO/2024-00001"


def test_sitemap_lists_public_pages_only(built):
    _, site = built
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://gongkai.example.gov.cn/disclosures/2024/00001/" in sitemap
    assert "https://gongkai.example.gov.cn/en/disclosures/2024/00001/" in sitemap
    assert "2024/00002" not in sitemap and "2026/00001" not in sitemap


def test_search_has_one_index_per_language_with_content_pages_only(built):
    _, site = built
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == {"zh": 63, "en": 63}
    pages = pagefind_pages(site)
    # The editors' guides are not public material: not in the index (nor the home, listings, site map).
    guides = {"/guide/", "/request/", "/subscribe/", "/accessibility/", "/privacy/"}
    statistics = {"/statistics/", "/statistics/2022/", "/statistics/2023/", "/statistics/2024/"}
    expected = {"/disclosures/2022/00001/", "/disclosures/2024/00001/"} | guides | statistics | {
        f"/disclosures/2023/{n:05d}/" for n in range(1, 53)}
    assert {p["url"] for p in pages["zh"]} == expected  # no home, catalogue listing or search page
    assert {p["url"] for p in pages["en"]} == {"/en" + url for url in expected}
    zh = next(p for p in pages["zh"] if p["url"] == "/disclosures/2024/00001/")
    en = next(p for p in pages["en"] if p["url"] == "/en/disclosures/2024/00001/")
    assert zh["meta"]["title"] == "公开的测试通知" and en["meta"]["title"] == "A public test notice"
    assert zh["filters"] == {"year": ["2024"], "category": ["通知公告"]}
    assert en["filters"] == {"year": ["2024"], "category": ["Notices and announcements"]}
    assert zh["meta"]["index_no"] == en["meta"]["index_no"] == "XMFAO/2024-00001"
    assert zh["meta"]["date"] == "2024-03-05"
    assert "English body" in en["content"] and "正文第一段" not in en["content"]
    # The article only: not the navigation tabs (公开目录 / Catalogue), header or footer.
    assert "公开目录" not in zh["content"].replace("\u200b", "") and "Catalogue" not in en["content"]


def test_search_page_and_home_search_box_in_both_languages(built):
    _, site = built
    for page, bundle in (("search/index.html", "../pagefind/"), ("en/search/index.html", "../../pagefind/")):
        html = (site / page).read_text(encoding="utf-8")
        assert f'data-gk-bundle="{bundle}"' in html and "<pagefind-results" in html, page
        assert "data-pagefind-body" not in html, page
    assert 'action="search/"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'action="search/"' in (site / "en/index.html").read_text(encoding="utf-8")
    for page, tab in (("guide/index.html", "搜索"), ("en/guide/index.html", "Search")):  # the nav tab
        assert re.search(rf'<a href="\.\./search/" class="md-tabs__link">\s*{tab}\s*</a>',
                         (site / page).read_text(encoding="utf-8")), page


def test_bad_item_stops_the_build_with_every_problem_and_no_traceback(tmp_path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", text=item_text("XMFAO/2024-00001", category="nope"))
    write_item(root, "XMFAO/2024-00002", text=item_text("XMFAO/2024-00002", date_written="2024-02-30"))
    result = build(root, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert "disclosures/2024/00001.md:7:11: unknown-value [category]" in result.stderr
    assert "disclosures/2024/00002.md:5:15: bad-date [date_written]" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_attachment_is_published_once_and_linked_from_both_languages(built):
    _, site = built
    assert (site / "disclosures/2024/00001/00001-table.pdf").read_bytes().startswith(b"%PDF-1.4")
    for page in ("disclosures/2024/00001/index.html", "en/disclosures/2024/00001/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        href = re.search(r'<a href="([^"]+)" download>', html).group(1)
        assert (site / page).parent.joinpath(href).resolve() == (site / "disclosures/2024/00001/00001-table.pdf")
        assert "(PDF, 30 B)" in html


@pytest.mark.parametrize("page, attribute, target", [
    ("disclosures/2024/00001/index.html", "href", "disclosures/2024/00001/00001-table.pdf"),
    ("en/disclosures/2024/00001/index.html", "href", "disclosures/2024/00001/00001-table.pdf#page=2"),
    ("disclosures/2023/00001/index.html", "src", "disclosures/2023/00001/00001-chart.png"),
    ("en/disclosures/2023/00001/index.html", "src", "disclosures/2023/00001/00001-chart.png"),
])
def test_links_and_images_in_the_body_reach_the_published_attachment(built, page, attribute, target):
    _, site = built
    html = (site / page).read_text(encoding="utf-8")
    article = html[html.index("</table>"):html.index("gk-attachments") if "gk-attachments" in html else None]
    found = re.findall(rf'<(?:a|img) {attribute}="([^"]+)"', article)
    assert found, article
    path, _, fragment = target.partition("#")
    for url in found:
        resolved = (site / page).parent.joinpath(url.split("#")[0]).resolve()
        assert resolved == (site / path).resolve() and resolved.is_file()
        assert url.partition("#")[2] == fragment
    if attribute == "src":
        assert len(found) == 2 and article.count('alt="统计图"') == 2
    else:
        assert re.search(r'<a href="[^"]+"( title="统计表")?>(附件一|<strong>the table</strong>)</a>', article)


def test_not_found_page_exists_in_each_language_and_switches_to_the_other(built):
    _, site = built
    for page, lang, heading, prefix in (("404.html", "zh", "页面不存在", "/"), ("en/404.html", "en", "Page not found", "/en/")):
        tree = lxml_html.fromstring((site / page).read_text(encoding="utf-8"))
        assert tree.get("lang") == lang
        assert [h.text_content() for h in tree.xpath("//article//h1")] == [heading]
        # A host serves it at any missing address: its links are absolute paths, to its own language.
        links = [a.get("href") for a in tree.xpath("//article//a")]
        assert prefix + "catalogue/" in links and prefix + "site-map/" in links
        switcher = {a.get("hreflang"): a.get("href") for a in tree.xpath("//a[contains(@class, 'md-select__link')]")}
        assert switcher == {"zh": "/404.html", "en": "/en/404.html"}
        assert not tree.xpath("//link[@hreflang]")


def test_markup_in_titles_and_summaries_is_text_not_html(tmp_path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", title="'通知</title><script>alert(5)</script>'",
               summary="'x\" autofocus onfocus=\"alert(7)'")
    result = build(root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out/disclosures/2024/00001/index.html").read_text(encoding="utf-8")
    assert "<script>alert(5)" not in html and 'onfocus="alert(7)"' not in html
    assert "<title>通知&lt;/title&gt;&lt;script&gt;alert(5)&lt;/script&gt;" in html
    assert 'content="x&#x27;' not in html and "autofocus onfocus" not in html.replace("&quot; autofocus", "")


def test_item_page_leads_back_to_its_catalogue_year(built):
    _, site = built
    for page, labels in (("disclosures/2023/00007/index.html", ("公开目录", "2023年")),
                         ("en/disclosures/2023/00007/index.html", ("Disclosure catalogue", "2023"))):
        html = (site / page).read_text(encoding="utf-8")
        crumb = re.search(r'<nav class="gk-crumb" aria-label="[^"]+">(.*?)</nav>', html).group(1)
        links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumb)
        assert [label for _, label in links] == list(labels)
        year_page = (site / page).parent.joinpath(links[1][0], "index.html").resolve()
        assert year_page == (site / page).parent.joinpath("../../../catalogue/2023/index.html").resolve()
        assert "XMFAO/2023-00007" in year_page.read_text(encoding="utf-8")
