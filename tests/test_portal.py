"""The site as a government portal: the footer from catalogue.yml's portal:, its checks, wide tables in scroll
regions, and public pages apart from the editors' material (the browser side: tests/test_portal_browser.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import html

from conftest import REPO, make_repo

from gongkai.loader import load_catalogue
from gongkai.portal import telephone_uri
from gongkai.scroll import wrap_wide_tables

EDITORS_PAGES = ("editors/", "statistics-guide/")
#: What a public page must never show: repository paths and the editors' commands.
INTERNAL = re.compile(r"disclosures/(statistics/|\d{4}/\d{5}\.)|\.ya?ml\b|\bgongkai (check|new|report|translations)\b"
                      r"|\bmake (test|serve|check|build)\b|\bmkdocs\b")


def footer(page: Path) -> html.HtmlElement:
    return html.parse(str(page)).getroot().xpath("//footer//div[contains(@class, 'gk-footer')]")[0]


@pytest.mark.parametrize(("page", "labels"), [
    ("index.html", ("主办单位：", "电话：", "电子邮箱：", "网站标识码：", "ICP备案号：", "公安机关备案号：")),
    ("en/disclosures/2022/00001/index.html", ("Run by: ", "Telephone: ", "E-mail: ", "Website ID: ", "ICP filing: ",
                                              "Public security filing: ")),
])
def test_footer_gives_host_contact_identification_and_badge_from_catalogue_yml(real_site, page, labels):
    foot = footer(real_site / page)
    text = " ".join(foot.text_content().split())
    for label in labels:
        assert label in text, label
    assert ("厦门市人民政府外事办公室" if page == "index.html" else "Foreign Affairs Office of Xiamen") in text
    links = {a.text_content().strip(): a.get("href") for a in foot.xpath(".//a")}
    assert links["0592-2856077"] == "tel:+865922856077"
    assert links["gongkai@example.gov.cn"] == "mailto:gongkai@example.gov.cn"
    assert links["闽ICP备00000000号"] == "https://beian.miit.gov.cn/"
    assert links["闽公网安备35020302000000号"] == "https://beian.mps.gov.cn/#/query/webSearch?code=35020302000000"
    badge = foot.xpath(".//a[contains(@class, 'gk-footer__badge')]")[0]
    assert badge.get("href") == "https://bszs.conac.cn/sitename?method=show&id=0000000000000000"
    image = badge.xpath("./img")[0]
    assert image.get("alt") and (real_site / page).parent.joinpath(image.get("src")).resolve().is_file()
    assert "Material for MkDocs" not in text and "Made with" not in text
    own = [a.get("href") for a in foot.xpath(".//nav//a")]
    for path in ("site-map/", "accessibility/", "privacy/", "editors/"):
        target = (real_site / page).parent.joinpath(next(h for h in own if h.endswith(path)), "index.html").resolve()
        assert target.is_file() and ("/en/" in str(target)) == page.startswith("en/")
    assert "https://zfwzzc.www.gov.cn/" in own


def test_logo_and_favicon_are_the_configured_files(real_site):
    page = html.parse(str(real_site / "catalogue/index.html")).getroot()
    icon = page.xpath("//link[@rel='icon']")[0].get("href")
    logo = page.xpath("//*[contains(@class, 'md-logo')]//img")[0].get("src")
    assert icon.endswith("assets/gk-favicon.svg") and logo.endswith("assets/gk-logo.svg")
    assert (real_site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_public_pages_show_no_repository_paths_or_commands(real_site):
    shown = {}
    for page in sorted(real_site.rglob("index.html")):
        rel = page.relative_to(real_site).as_posix()
        if any(rel.removeprefix("en/").startswith(p) for p in EDITORS_PAGES):
            continue
        article = html.parse(str(page)).getroot().xpath("//article")
        text = " ".join(article[0].text_content().split()) if article else ""
        if found := INTERNAL.findall(text):
            shown[rel] = found
    assert shown == {}
    # ... while the editors' pages, which are allowed to, do name them (the pattern finds what it should).
    assert INTERNAL.search(html.parse(str(real_site / "statistics-guide/index.html")).getroot().text_content())


def test_editors_pages_are_not_in_the_public_menu_or_search(real_site):
    home = html.parse(str(real_site / "index.html")).getroot()
    menu = [a.get("href") for a in home.xpath("//nav[contains(@class, 'md-tabs') or contains(@class, 'md-nav')]//a")]
    assert menu and not [h for h in menu if "editors" in h or "statistics-guide" in h]
    for page in EDITORS_PAGES:
        assert "data-pagefind-body" not in (real_site / page / "index.html").read_text(encoding="utf-8")


def test_wide_tables_go_in_labelled_focusable_scroll_regions():
    page = ('<p>x</p><table><caption>表 1 <b>预算</b></caption><tr><td><table><tr><td>inner</td></tr></table>'
            '</td></tr></table><table class="gk-list"><tr><td>a</td></tr></table>'
            '<div class="gk-scroll" role="region"><table><tr><td>b</td></tr></table></div><table><tr><td>c</td></tr>\n'
            '</table>')
    out = html.fromstring(f"<div>{wrap_wide_tables(page, 'zh')}</div>")
    regions = out.xpath("./div[@class='gk-scroll'][@tabindex]")
    assert [r.get("aria-label") for r in regions] == ["表格：表 1 预算", "表格 2"]
    assert [(r.get("role"), r.get("tabindex")) for r in regions] == [("region", "0"), ("region", "0")]
    assert [len(r.xpath(".//table")) for r in regions] == [2, 1]  # the nested table stays inside its table
    assert len(out.xpath(".//div[@class='gk-scroll']")) == 3  # the existing region is not wrapped again
    assert out.xpath("./table[@class='gk-list']")  # listings restack on phones instead
    assert wrap_wide_tables("<table><tr><td>x</td></tr></table>", "en").startswith(
        '<div class="gk-scroll" role="region" tabindex="0" aria-label="Table 1">')


def test_annual_report_tables_in_an_item_body_scroll_inside_the_page(real_site):
    # The statistics year page holds Tables 二–四; every table not restacking is in a region.
    page = html.parse(str(real_site / "statistics/2022/index.html")).getroot()
    tables = page.xpath("//article//table[not(contains(@class, 'gk-list')) and not(contains(@class, 'gk-meta'))]")
    assert tables and all(t.xpath("ancestor::div[contains(@class, 'gk-scroll')][@tabindex='0'][@aria-label]")
                          for t in tables)


def test_telephone_numbers_become_tel_addresses():
    assert telephone_uri("0592-2856077") == "tel:+865922856077"
    assert telephone_uri("+86 592 2856077") == "tel:+865922856077"
    assert telephone_uri("") == ""


BAD_PORTAL = """
portal:
  email: not-an-address
  site_code: ""
  badge:
    image: ../outside.svg
    link: bszs.conac.cn
  icp:
    number: 闽ICP备00000000号
  police: 闽公网安备35020302000000号
  feedback: https://zfwzzc.www.gov.cn/
  logo: assets/missing-logo.svg
"""


def test_bad_portal_values_are_all_reported_at_their_lines_in_both_languages(tmp_path):
    root = make_repo(tmp_path)
    catalogue_yml = root / "disclosures/catalogue.yml"
    text = catalogue_yml.read_text(encoding="utf-8")
    start, end = text.index("portal:"), text.index("\nfeeds:")
    text = text[:start] + BAD_PORTAL.strip() + "\n" + text[end:]
    catalogue_yml.write_text(text, encoding="utf-8")
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    lines = text.split("\n")
    found = {p.key: p for p in problems}
    expected = {"portal.email": "email:", "portal.site_code": "site_code:", "portal.badge.image": "image:",
                "portal.badge.link": "link: bszs", "portal.icp.link": "icp:", "portal.police": "police:",
                "portal.logo": "logo:"}
    assert sorted(found) == sorted(expected)
    for key, start_of_line in expected.items():
        problem = found[key]
        assert problem.path == "disclosures/catalogue.yml" and problem.code == "catalogue-config"
        assert lines[problem.line - 1].strip().startswith(start_of_line), (key, problem.line)
        assert problem.message.zh and problem.message.en and problem.hint.zh and problem.hint.en
        assert re.search(r"[\u4e00-\u9fff]", problem.message.zh)
        assert key in problem.message.en or key == "portal.icp.link"
    # a filing without its link: the filing's schema says so, naming the mapping and the key
    assert (found["portal.icp.link"].message.zh, found["portal.icp.link"].message.en) == (
        "portal.icp缺少必填字段 “link”。", "portal.icp lacks the required key 'link'.")
    assert "docs/assets/missing-logo.svg" in found["portal.logo"].message.en


def test_a_catalogue_without_portal_gets_the_neutral_defaults(tmp_path):
    root = make_repo(tmp_path)
    catalogue_yml = root / "disclosures/catalogue.yml"
    text = catalogue_yml.read_text(encoding="utf-8")
    catalogue_yml.write_text(text[:text.index("portal:")] + text[text.index("feeds:"):], encoding="utf-8")
    catalogue, problems = load_catalogue(root)
    assert catalogue is not None, problems.report()
    portal = catalogue.config.portal
    assert (portal.logo, portal.favicon, portal.site_code, portal.icp) == (
        "assets/gk-logo.svg", "assets/gk-favicon.svg", "", None)
    assert (REPO / "docs" / portal.logo).is_file() and (REPO / "docs" / portal.favicon).is_file()
    shutil.rmtree(root)
