"""The machinery every checker shares (gongkai.fields) and the one place of paths (gongkai.layout)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.fields import DateReading, did_you_mean, read_date, suggest
from gongkai.layout import Place, index_place, item_path, place_of


@pytest.mark.parametrize("raw, reading", [
    ("2024-03-05", DateReading(day=date(2024, 3, 5))),
    ("2024-02-30", DateReading(impossible=True)),
    ("2024年3月5日", DateReading(iso="2024-03-05")),
    ("2024 年 3 月 5 日", DateReading(iso="2024-03-05")),
    ("2024/3/5", DateReading(iso="2024-03-05")),
    ("2024.03.05", DateReading(iso="2024-03-05")),
    ("2024-3-5", DateReading(iso="2024-03-05")),
    ("20240305", DateReading(iso="2024-03-05")),
    ("2024/02/30", DateReading(impossible=True)),
    ("20241345", DateReading(impossible=True)),
    ("next Monday", DateReading()),
    ("2024-03", DateReading()),
])
def test_one_date_reader_for_every_checker(raw, reading):
    assert read_date(raw) == reading


def test_did_you_mean_by_label_alias_case_and_spelling():
    keys = ["received", "applicant", "date_published"]
    assert suggest("recieved", keys) == "received"
    assert suggest("发布日期", keys, labels={"发布日期": "date_published"}) == "date_published"
    assert suggest("company", keys, aliases={"company": "applicant"}) == "applicant"
    assert suggest("Date-Published", keys, normalise=True) == "date_published"
    assert suggest("zzz", keys) is None
    assert did_you_mean("received") == did_you_mean("received", "")
    assert did_you_mean("title", "标题").zh == "是否想写 “title”（标题）？"
    assert did_you_mean("title").en == " Did you mean 'title'?"
    assert did_you_mean(None).zh == did_you_mean(None).en == ""


def test_an_item_place_and_its_index_number_say_the_same():
    place = place_of("disclosures/2022/00001.md")
    assert place == Place("2022", "00001") and place.index_no("XMFAO") == "XMFAO/2022-00001"
    assert place_of("disclosures/2022/00001.en.md") == Place("2022", "00001", translation=True)
    assert place_of("disclosures/2022/00001.en.md").original == "disclosures/2022/00001.md"
    assert index_place("XMFAO/2022-00001") == Place("2022", "00001")
    assert item_path("XMFAO/2022-00001") == "disclosures/2022/00001.md"
    for bad in ("disclosures/2022/1.md", "disclosures/report.md", "docs/2022/00001.md", "2022/00001.md"):
        assert place_of(bad) is None, bad
    assert index_place("XMFAO-2022-00001") is None and item_path("nonsense") == ""


def test_one_index_number_without_brackets_is_read_and_placed(tmp_path):
    """``related: <number>`` (no list) is one entry: checked where the value is, never a traceback
    (entry_place used to index into the text of the number)."""
    from conftest import make_repo

    from gongkai.loader import load_catalogue

    root = make_repo(tmp_path, seed=True)
    item = next((root / "disclosures" / "2022").glob("[0-9][0-9][0-9][0-9][0-9].md"))
    text = item.read_text(encoding="utf-8")
    item.write_text(text.replace("\n---\n", "\nrelated: XMFAO/2022-0001\n---\n", 1), encoding="utf-8")
    _, problems = load_catalogue(root, workers=1)
    line = text.split("\n---\n")[0].count("\n") + 2
    assert [(p.code, p.line, p.column) for p in problems.items] == [("bad-index-no", line, 10)]
