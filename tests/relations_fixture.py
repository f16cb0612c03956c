"""A repository of documents in relation and in time: a policy with two interpretations and three
changes, a repealed item with the item that replaced it, related items, an on-request item nothing may
name, and ``extra`` filler items (to build the site at two sizes)."""

from __future__ import annotations

from pathlib import Path

from conftest import make_repo, write_item
from publishing_fixture import translation

POLICY = "XMFAO/2025-00001"
INTERPRETATIONS = ("XMFAO/2025-00002", "XMFAO/2025-00003")
REPEALED = "XMFAO/2024-00001"
REPLACEMENT = "XMFAO/2025-00004"
ON_REQUEST = "XMFAO/2025-00005"

#: The policy's changes: (date, Chinese note, English note or None).
CHANGES = (("2025-02-10", "更正第二段中的日期", "Corrected a date in the second paragraph"),
           ("2025-03-01", "补充附件说明", None),
           ("2025-04-15", "更新联系电话", "Updated the telephone number"))


def _changes() -> list[str]:
    return ["{" + f"date: {day}, note: {zh}" + (f", note_en: {en}" if en else "") + "}" for day, zh, en in CHANGES]


def make_relations_repo(tmp_path: Path, extra: int = 0) -> Path:
    root = make_repo(tmp_path)
    write_item(root, POLICY, title="关于做好外事服务工作的规定", genre="normative-document", category="policy-documents",
               date_written="2025-01-10", date_published="2025-01-15", doc_number="厦外规〔2025〕1号",
               changes=_changes(), related=[REPLACEMENT],
               translation=translation("Provisions on foreign affairs services", "What the provisions say."))
    write_item(root, INTERPRETATIONS[0], title="《关于做好外事服务工作的规定》政策解读", genre="interpretation",
               category="notices", date_written="2025-01-16", date_published="2025-01-16",
               interprets=[POLICY], translation=translation("Interpretation of the provisions"))
    write_item(root, INTERPRETATIONS[1], title="一图读懂外事服务规定", genre="interpretation",
               category="notices", date_written="2025-01-17", date_published="2025-01-17",
               interprets=[POLICY])
    write_item(root, REPEALED, title="旧的外事服务办法", genre="normative-document", category="policy-documents",
               date_written="2024-02-01", date_published="2024-02-05", validity="repealed",
               repealed_on="2025-03-01", repealed_by=REPLACEMENT)
    write_item(root, REPLACEMENT, title="新的外事服务办法", genre="normative-document", category="policy-documents",
               date_written="2025-02-20", date_published="2025-03-01", doc_number="厦外规〔2025〕2号",
               translation=translation("New measures on foreign affairs services"))
    write_item(root, ON_REQUEST, title="依申请公开的文件", disclosure="on-request", date_written="2025-01-01",
               date_published="2025-01-01")
    for n in range(extra):
        write_item(root, f"XMFAO/2023-{n + 1:05d}", title=f"填充条目{n + 1}", date_written="2023-01-01",
                   date_published=f"2023-{n % 12 + 1:02d}-01", category="services", doc_number=f"厦外〔2023〕{n + 1}号")
    return root
