"""The editors' guide: its field and code tables are generated from the schema, the codes and catalogue.yml."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH, REPO, make_repo
from lxml import html

from gongkai import reference
from gongkai.cli import main
from gongkai.codes import CODES
from gongkai.config import Term, Vocabulary
from gongkai.loader import load_catalogue
from gongkai.schema import FIELDS, TRANSLATION_KEYS
from gongkai.text import Text


def _tables(page: Path) -> dict[str, list[list[str]]]:
    """caption -> rows of cell texts (a line break read as a space), for the page's reference tables."""
    tree = html.fromstring(page.read_text(encoding="utf-8"))
    for br in tree.iter("br"):
        br.tail = " " + (br.tail or "")
    return {t.findtext("caption"): [[" ".join(td.text_content().split()) for td in tr.findall("td")]
                                    for tr in t.findall("tbody/tr")]
            for t in tree.xpath("//table[contains(@class, 'gk-reference')]")}


def test_guide_is_in_both_languages_and_linked_from_the_footer_only(real_site: Path):
    zh = (real_site / "editors/index.html").read_text(encoding="utf-8")
    en = (real_site / "en/editors/index.html").read_text(encoding="utf-8")
    assert "<h1 id=\"_1\">编辑指南</h1>" in zh or ">编辑指南</h1>" in zh
    assert ">Editors' guide</h1>" in en or ">Editors&#39; guide</h1>" in en
    index_zh = html.fromstring((real_site / "index.html").read_text(encoding="utf-8"))
    index_en = html.fromstring((real_site / "en/index.html").read_text(encoding="utf-8"))
    for index, label, menu in ((index_zh, "编辑工作区", "编辑指南"), (index_en, "For editors", "Editors' guide")):
        footer = {a.text_content().strip(): a.get("href") for a in index.xpath("//footer//nav//a")}
        assert footer[label].endswith("editors/")
        public_menu = [a.text_content().strip() for a in index.xpath("//nav[contains(@class, 'md-nav') or "
                                                                      "contains(@class, 'md-tabs')]//a")]
        assert public_menu and menu not in public_menu and label not in public_menu


def test_field_table_lists_every_key_of_the_schema_in_order(real_site: Path):
    for lang, page, caption in (("zh", "editors/index.html", "条目文件头字段"),
                                ("en", "en/editors/index.html", "Front-matter keys of an item")):
        rows = _tables(real_site / page)[caption]
        assert [row[0].split()[0] for row in rows] == [f.key for f in FIELDS]
        for row, f in zip(rows, FIELDS):
            assert row[0] == f"{f.key} {f.label(lang)}"
            assert row[1] == {"zh": {True: "是", False: "否"}, "en": {True: "yes", False: "no"}}[lang][f.required]
            assert f.help(lang).replace("`", "") in row[2]
            assert f"{f.key}: {f.example}" in row[2]


def test_field_table_lists_the_vocabularies_of_catalogue_yml(real_site: Path):
    rows = {row[0].split()[0]: row[2] for row in _tables(real_site / "en/editors/index.html")[
        "Front-matter keys of an item"]}
    assert ("Allowed values: plans-and-reports (Plans and summaries); rule-of-law (Law-based government);"
            in rows["category"])
    assert "proactive (Proactive disclosure); on-request (Disclosure upon request); not-disclosed (Not disclosed)" \
        in rows["disclosure"]
    assert "This office's prefix is XMFAO." in rows["index_no"]
    assert "Allowed attachment types: doc, docx, et, jpeg, jpg, ofd, pdf, png, wps, xls, xlsx, zip; " \
           "each attachment at most 20 MB." in rows["attachments"]


def test_translation_table_lists_the_translatable_keys(real_site: Path):
    rows = _tables(real_site / "en/editors/index.html")["Keys of an English translation (.en.md)"]
    assert sorted(row[0].split()[0] for row in rows) == sorted(TRANSLATION_KEYS)
    assert {row[0].split()[0]: row[1] for row in rows}["title"] == "yes"


def test_code_table_lists_every_code(real_site: Path):
    for lang, page, caption in (("zh", "editors/index.html", "问题代码"), ("en", "en/editors/index.html",
                                                                          "Problem codes")):
        rows = _tables(real_site / page)[caption]
        assert [row[0] for row in rows] == list(CODES)
        for row, code in zip(rows, CODES.values()):
            assert row[1] == code.title(lang)
            assert row[2] == code.fix(lang).replace("`", "")


#: The guide's template, written by hand: what the editor must fill in is a placeholder, the rest is what
#: `gongkai new --no-input` fills in by itself (the only publisher, proactive, in force).
GUIDE_TEMPLATE = [
    "---", "index_no: XMFAO/【待填写：年份-五位序号 / year-number】", "title: 【待填写：标题 / Title】",
    "publisher: xmfao", "date_written: 【待填写：成文日期 / Date written】",
    "date_published: 【待填写：发布日期 / Date published】", "category: 【待填写：主题分类 / Subject category】",
    "genre: 【待填写：体裁分类 / Genre】", "disclosure: proactive", "validity: in-force", "---", "",
    "【待填写：正文 / body】"]


@pytest.mark.parametrize("page", ["editors/index.html", "en/editors/index.html"])
def test_template_in_the_guide_leaves_every_choice_to_the_editor(real_site: Path, page: str):
    tree = html.fromstring((real_site / page).read_text(encoding="utf-8"))
    template = tree.xpath("//pre/code")[0].text_content()
    assert template.splitlines() == GUIDE_TEMPLATE


def test_the_guide_template_pasted_with_only_title_and_body_is_refused(tmp_path: Path):
    """An editor who pastes it and changes only the title and the body publishes nothing wrong."""
    root = make_repo(tmp_path)
    text = "\n".join(GUIDE_TEMPLATE).replace("【待填写：标题 / Title】", "关于春节放假的通知") \
        .replace("【待填写：正文 / body】", "春节放假7天。") + "\n"
    path = root / "disclosures/2026/00001.md"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    assert [(p.code, p.line) for p in problems] == [("placeholder", n) for n in (2, 5, 6, 7, 8)]


def test_gongkai_new_writes_the_guide_template_with_its_number_and_dates(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)  # 2026-11-27
    root = make_repo(tmp_path)
    assert main(["new", "--no-input", "--root", str(root)]) == 0
    written = (root / "disclosures/2026/00001.md").read_text(encoding="utf-8").splitlines()
    expected = [line.replace("XMFAO/【待填写：年份-五位序号 / year-number】", "XMFAO/2026-00001")
                .replace("【待填写：成文日期 / Date written】", "2026-11-27")
                .replace("【待填写：发布日期 / Date published】", "2026-11-27") for line in GUIDE_TEMPLATE]
    assert written == expected


def test_tables_follow_the_schema_not_a_copy(monkeypatch):
    """Add a vocabulary term and a field: both appear in the guide without touching it."""
    catalogue, _ = load_catalogue(REPO)
    config = catalogue.config
    category = config.vocabulary("category")
    terms = dict(category.terms, treaties=Term("treaties", Text("条约", "Treaties")))
    config = replace(config, vocabularies=dict(config.vocabularies, category=Vocabulary("category", terms)))
    extra = replace(FIELDS[3], key="signed_by", label=Text("签发人", "Signed by"))
    monkeypatch.setattr(reference, "FIELDS", FIELDS + (extra,))
    table = reference.field_reference(config, "en")
    assert "<code>treaties</code> (Treaties)" in table
    assert "<code>signed_by</code><br>Signed by" in table
