"""A repository for the feed and open data tests: published items in two categories, with and
without translation, and four items that must appear nowhere (embargoed, on request, not
disclosed, draft), each carrying a unique marker in its title, summary and body."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import make_repo, write_item

SITE_URL = "https://gongkai.example.gov.cn/"
FEED_LIMIT = 3

#: Markers of the items that must never be published, by the reason they are not.
MARKERS = {
    "embargoed": "QXEMBARGOEDQX",
    "on-request": "QXONREQUESTQX",
    "not-disclosed": "QXNOTDISCLOSEDQX",
    "draft": "QXDRAFTQX",
}

#: Published items: index number -> (category, date published, English title or None).
PUBLISHED = {
    "XMFAO/2024-00001": ("notices", date(2024, 3, 5), None),
    "XMFAO/2024-00002": ("notices", date(2024, 4, 10), "Notice two"),
    "XMFAO/2024-00003": ("plans-and-reports", date(2024, 5, 20), None),
    "XMFAO/2025-00001": ("plans-and-reports", date(2025, 1, 15), "Plan for 2025"),
    "XMFAO/2025-00002": ("notices", date(2025, 2, 1), None),
    "XMFAO/2025-00003": ("notices", date(2025, 2, 1), "Notice three"),
}

#: Newest first: 发布日期, then index number, both descending.
NEWEST_FIRST = ["XMFAO/2025-00003", "XMFAO/2025-00002", "XMFAO/2025-00001", "XMFAO/2024-00003",
                "XMFAO/2024-00002", "XMFAO/2024-00001"]

#: A summary with characters that are markup in HTML: feeds must carry it as text.
MARKUP_SUMMARY = "A&B <b>not bold</b> 概述"


def translation(title: str, summary: str | None = None, body: str = "English body.\n") -> str:
    lines = ["---", f"title: {title}"] + ([f"summary: {summary}"] if summary else []) + ["---", "", body]
    return "\n".join(lines)


def make_publishing_repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path)
    config = root / "disclosures" / "catalogue.yml"
    text = config.read_text(encoding="utf-8")
    assert "limit: 50" in text
    config.write_text(text.replace("limit: 50", f"limit: {FEED_LIMIT}"), encoding="utf-8")

    def published(index_no: str, **fields: object) -> None:
        category, day, _ = PUBLISHED[index_no]
        write_item(root, index_no, **{"title": f"标题{index_no[-5:]}", "category": category,
                                      "date_written": day.isoformat(), "date_published": day.isoformat(),
                                      **fields})

    published("XMFAO/2024-00001", summary="概述一")
    published("XMFAO/2024-00002", summary="概述二", keywords=["通知", "培训"],
              translation=translation("Notice two", "Summary two"))
    published("XMFAO/2024-00003", summary=f'"{MARKUP_SUMMARY}"', genre="plan")
    published("XMFAO/2025-00001", genre="plan", summary="计划概述",
              body="## 标题\n\n计划正文第一段。\n", translation=translation(
                  "Plan for 2025", None, "The **first** paragraph of the plan.\n\nThe second one.\n"))
    published("XMFAO/2025-00002", body="本通知**说明**办理方式\n和所需材料。\n\n第二段。\n",
              doc_number="厦外〔2025〕2号", validity="repealed", repealed_on="2025-06-01",
              repealed_by="XMFAO/2025-00003", attachments=["{file: guide.pdf, title: 办理指南}"])
    (root / "disclosures" / "2025" / "guide.pdf").write_bytes(b"%PDF-1.4 fixture\n")
    published("XMFAO/2025-00003", summary="概述三", translation=translation("Notice three", "Summary three"))

    def hidden(index_no: str, reason: str, day: str, category: str, **fields: object) -> None:
        marker = MARKERS[reason]
        write_item(root, index_no, title=f"{marker}标题", summary=f"{marker}概述", body=f"{marker}正文。\n",
                   category=category, date_written=day, date_published=day, keywords=[marker], **fields)

    hidden("XMFAO/2026-00001", "embargoed", "2026-12-01", "budgets",
           translation=translation(f"{MARKERS['embargoed']} title", f"{MARKERS['embargoed']} summary",
                                   f"{MARKERS['embargoed']} body.\n"))
    hidden("XMFAO/2025-00004", "on-request", "2025-03-01", "personnel", disclosure="on-request")
    hidden("XMFAO/2025-00005", "not-disclosed", "2025-03-02", "notices", disclosure="not-disclosed")
    hidden("XMFAO/2025-00006", "draft", "2025-03-03", "services", draft="true")
    return root
