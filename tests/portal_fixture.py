"""A fixture site with every page type the public meets, for the browser checks (tests/test_portal_browser.py).

Translated and untranslated items, a repealed item, an item with attachments and a long table, a
published annual report with Tables 二–四 (written by ``gongkai report`` and completed as the office
would), a catalogue year long enough for two listing pages, statistics years with and without data.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import write_item
from statistics_helpers import fixture_repo

from gongkai.cli import main

REPORT = "XMFAO/2025-00001"
TRANSLATED = "XMFAO/2025-00002"
REPEALED = "XMFAO/2025-00003"
ATTACHED = "XMFAO/2025-00004"
PAGED_YEAR = 2022
PAGED_ITEMS = 52  # two catalogue pages of 50 and 2

#: The page types only this fixture has (the real site has none of them), each in both languages.
OWN_PAGES = tuple(prefix + path for path in (
    f"catalogue/{PAGED_YEAR}/",  # a listing with a pager
    f"catalogue/{PAGED_YEAR}/page/2/",
    "disclosures/2025/00001/",  # the annual report, Tables 二–四 in its body
    "disclosures/2025/00002/",  # translated
    "disclosures/2025/00003/",  # repealed, untranslated
    "disclosures/2025/00004/",  # attachments and a wide table
    "statistics/2024/",  # a year with a statistics file
) for prefix in ("", "en/"))

#: Every page type: the fixture's own, and the rest with this fixture's data (in Chinese; the real site's
#: pages of these types are checked in both languages).
PAGES = OWN_PAGES + ("", "catalogue/", "catalogue/category/notices/", "statistics/", f"statistics/{PAGED_YEAR}/",
                     "search/?q=通知", "site-map/", "404.html")

WIDE_TABLE = ("| 项目 | " + " | ".join(f"第{n}季度预算执行数（万元）" for n in range(1, 9)) + " |\n"
              "|---|" + "---|" * 8 + "\n"
              "| 外事服务 | " + " | ".join(str(100 + n) for n in range(8)) + " |\n")


def make_portal_repo(tmp_path: Path) -> Path:
    """The repository of the fixture site, ready to build."""
    root = fixture_repo(tmp_path)
    report = root / "disclosures/2025/00001.md"
    code = main(["report", "2024", "--root", str(root), "-o", str(report), "--date", "2025-01-20"])
    assert code == 0
    text = re.sub(r"【待填写：[^】]+】", "本机关撰写的内容。", report.read_text(encoding="utf-8"))
    report.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    write_item(root, TRANSLATED, title="关于领事证件办理的通知", date_written="2025-02-01", date_published="2025-02-03",
               summary="领事证件办理时间调整。", keywords=["领事", "证件"],
               translation="---\ntitle: Notice on consular documents\nsummary: New opening hours for consular "
                           "documents.\nkeywords:\n  - consular\n---\n\nThe office hours change.\n")
    write_item(root, REPEALED, title="关于外事接待工作的规定（已废止）", date_written="2025-02-10",
               date_published="2025-02-12", genre="normative-document", category="policy-documents",
               validity="repealed", repealed_on="2025-03-01", repealed_by=TRANSLATED,
               body="第一条 为规范外事接待工作，制定本规定。\n")
    write_item(root, ATTACHED, title="2025年部门预算", date_written="2025-03-01", date_published="2025-03-05",
               category="budgets", genre="budget",
               attachments="[{file: 00004-budget.pdf, title: 2025年部门预算表}]",
               body=f"见[预算表](00004-budget.pdf)。\n\n{WIDE_TABLE}\n")
    (root / "disclosures/2025/00004-budget.pdf").write_bytes(b"%PDF-1.4\n% fixture attachment\n")
    for n in range(1, PAGED_ITEMS + 1):
        write_item(root, f"XMFAO/{PAGED_YEAR}-{n:05d}", title=f"二〇二二年第{n}号通知",
                   date_written=f"{PAGED_YEAR}-01-01", date_published=f"{PAGED_YEAR}-{1 + n % 12:02d}-{1 + n % 28:02d}")
    return root
