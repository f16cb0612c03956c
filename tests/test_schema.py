"""The schemas' own declarations are sound: every example value passes its checker, and what is generated
from a schema (the statistics guide's request and appeal tables) lists exactly its keys."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from lxml import html

from conftest import REPO
from statistics_helpers import fixture_repo

from gongkai import opendata
from gongkai.catalogue_schema import CSV_1_1, DECLARED, DERIVED, RECORD_1_1, Entry, Shape, json_schema, ordered
from gongkai.config import load_config
from gongkai.problems import Problems
from gongkai.schema import FIELDS, ITEM_HINTS, TRANSLATION_ONLY_FIELDS, Kind, Published
from gongkai.source import parse_text
from gongkai.text import Text
from gongkai.statistics.loading import load_records
from gongkai.statistics.schema import APPEAL, ARTICLE20, REQUEST
from gongkai.item_fields import ItemChecker


@pytest.mark.parametrize("field", FIELDS + TRANSLATION_ONLY_FIELDS, ids=lambda f: f.key)
def test_every_item_field_example_passes_the_checker(field):
    problems = Problems()
    config = load_config(REPO, problems)
    doc = parse_text("disclosures/2022/00001.md", f"---\n{field.key}: {field.example}\n---\n\nText.\n", problems,
                     hints=ITEM_HINTS)
    checker = ItemChecker(doc, config, problems)
    checker.check_values((field,))
    assert not problems, problems.report()
    assert checker.values[field.key] not in (None, "", ())


def _record(schema, indent: str = "    ") -> str:
    return f"\n{indent}".join(f"{f.key}: {f.example}" for f in schema.fields)


def test_every_statistics_field_example_passes_the_checker(tmp_path: Path):
    root = fixture_repo(tmp_path, years=())
    (root / "disclosures" / "statistics" / "2024.yml").write_text(
        f"article20:\n  {_record(ARTICLE20, '  ')}\nrequests:\n  - {_record(REQUEST)}\n"
        f"appeals:\n  - {_record(APPEAL)}\ncarried_over: []\n", encoding="utf-8")
    problems = Problems()
    records = load_records(root, problems, date(2026, 11, 27))
    assert not problems, problems.report()
    (request,) = records.requests
    (appeal,) = records.appeals
    assert (request.id, request.count, request.paused_days, request.extended) == ("2024-001", 3, 5, True)
    assert (appeal.id, appeal.result) == ("F2024-1", "upheld")


@pytest.mark.parametrize("page, caption", [("statistics-guide/index.html", "字段"),
                                           ("en/statistics-guide/index.html", "Key")])
def test_the_statistics_guide_lists_the_request_and_appeal_schemas(real_site: Path, page, caption):
    tree = html.fromstring((real_site / page).read_text(encoding="utf-8"))
    tables = [t for t in tree.xpath("//article//table") if t.xpath("string(.//th[1])") == caption
              and t.xpath("string(.//th[2])") in ("必填", "Required")]
    assert [[tr.xpath("string(td[1])") for tr in t.xpath(".//tbody/tr")] for t in tables] == [
        list(REQUEST.keys), list(APPEAL.keys)]
    appeals = {tr.xpath("string(td[1])"): tr.xpath("string(td[2])") for tr in tables[1].xpath(".//tbody/tr")}
    assert appeals == ({"id": "是", "kind": "是", "filed": "是", "result": "审结后", "concluded": "审结后", "note": "否"}
                       if caption == "字段" else
                       {"id": "yes", "kind": "yes", "filed": "yes", "result": "once concluded",
                        "concluded": "once concluded", "note": "no"})


def _as_sets(value):
    """A JSON Schema with its ``required`` lists as sets (they are sets to JSON Schema)."""
    if isinstance(value, dict):
        return {k: frozenset(v) if k == "required" else _as_sets(v) for k, v in value.items()}
    return [_as_sets(v) for v in value] if isinstance(value, list) else value


def test_the_published_json_schema_is_the_one_the_item_schema_generates():
    published = json.loads(opendata.schema())
    generated = json_schema()
    assert _as_sets(published) == _as_sets(generated)
    assert set(generated["$defs"]["item"]["properties"]) == ({f.key for f in FIELDS if f.data}
                                                             | {e.key for e in DERIVED})


def test_a_value_published_later_comes_after_every_published_column_whatever_its_place_in_the_schema():
    """Column order is a published contract: a new field declared among the others still goes last."""
    new = Entry("example_later", Shape.DATE, Kind.DATE, False, Published("A date published later, or null.",
                                                                        (Text("示例日期", "An example date"),)))
    declared = DECLARED[:3] + (new,) + DECLARED[3:]
    for contract in (RECORD_1_1, CSV_1_1):
        assert [e.key for e in ordered(contract, declared)] == [*contract, "example_later"]


def test_every_published_field_has_a_meaning_for_each_of_its_columns():
    for e in DECLARED:
        assert len(e.names) == len(e.data.columns) > 0, e.key
        assert all(t.zh and t.en for t in e.data.columns), e.key
