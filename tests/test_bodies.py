"""gongkai.bodies on its own: what the sanitiser keeps, and the item page's table of contents that the
body's headings still give though the body is one block of HTML."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from gongkai import bodies


def test_the_sanitiser_keeps_an_official_document_intact():
    body = ("## 一、总体情况\n\n正文 **加粗** 和 *强调*，H~2~O 写作 H<sub>2</sub>O，<abbr title=\"政府信息公开\">政务公开</abbr>。\n\n"
            "| 项目 | 数量 |\n|:--|--:|\n| 申请 | 3 |\n\n> 引用\n\n1. 第一\n2. 第二\n\n"
            "[链接](https://www.gov.cn/ \"中国政府网\") 与 [邮件](mailto:wsb@xm.gov.cn)\n")
    assert bodies.sanitise(bodies.render(body)) == bodies.render(body)


def test_headings_nest_as_the_toc_extension_nests_them():
    html = '<h2 id="a">A &amp; B</h2><p>x</p><h3 id="b">B</h3><h2 id="c">C</h2><h2>no id</h2>'
    assert bodies.toc_tokens(bodies.headings(html)) == [
        {"level": 2, "id": "a", "name": "A &amp; B", "children": [{"level": 3, "id": "b", "name": "B", "children": []}]},
        {"level": 2, "id": "c", "name": "C", "children": []}]


def test_item_page_lists_the_body_headings_in_its_table_of_contents(real_site: Path):
    for page in ("disclosures/2022/00001/index.html", "en/disclosures/2022/00001/index.html"):
        document = lxml.html.parse(str(real_site / page)).getroot()
        toc = [(a.get("href"), a.text_content().strip())
               for a in document.xpath('//nav[contains(@class, "md-nav--secondary")]//a')]
        body = [("#" + h.get("id"), h.text_content().strip())
                for h in document.xpath('//div[contains(@class, "gk-body")]//*[self::h2 or self::h3]')]
        assert len(toc) == 8 and toc == body, page
    assert toc[0][1].startswith("1. Strengthening organisational leadership")
