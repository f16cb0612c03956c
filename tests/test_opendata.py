"""Open data: data/catalogue.json against its JSON Schema, data/catalogue.csv for Excel, from a real build."""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import BUILD_DAY, FIXTURES, build, make_repo
from publishing_fixture import MARKERS, MARKUP_SUMMARY, PUBLISHED, SITE_URL, make_publishing_repo

from gongkai import opendata
from gongkai.loader import load_catalogue
from gongkai.site import Site

GOLDEN = FIXTURES / "publishing"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = make_publishing_repo(tmp_path_factory.mktemp("opendata"))
    result = build(repo, repo / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return repo / "site"


@pytest.fixture(scope="module")
def data(site: Path) -> dict:
    return json.loads((site / "data/catalogue.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema(site: Path) -> dict:
    return json.loads((site / "data/catalogue.schema.json").read_text(encoding="utf-8"))


def validator(schema: dict) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_catalogue_json_is_valid_against_its_published_schema(data: dict, schema: dict):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    validator(schema).validate(data)


def test_schema_is_versioned_and_matches_the_data(data: dict, schema: dict, site: Path):
    assert data["version"] == opendata.SCHEMA_VERSION
    assert schema["$id"].endswith(":" + opendata.SCHEMA_VERSION)
    assert opendata.SCHEMA_VERSION in schema["title"]
    assert data["schema"] == SITE_URL + "data/catalogue.schema.json"
    assert (site / "data/catalogue.schema.json").read_bytes() == opendata.schema()


@pytest.mark.parametrize("change", [
    lambda d: d["items"][0].pop("title"),
    lambda d: d["items"][0]["title"].update(en=""),
    lambda d: d["items"][0].update(date_published="1 March 2024"),
    lambda d: d["items"][0]["category"].pop("en"),
    lambda d: d["items"][0].update(secret="extra field"),
    lambda d: d.update(version="2.0.0"),
    lambda d: d["items"][0]["attachments"].append({"file": "a.pdf", "title": "t", "url": "u"}),
])
def test_schema_rejects_a_broken_document(data: dict, schema: dict, change):
    broken = copy.deepcopy(data)
    change(broken)
    with pytest.raises(jsonschema.ValidationError):
        validator(schema).validate(broken)


def test_json_has_every_published_item_sorted_by_index_number(data: dict):
    assert [i["index_no"] for i in data["items"]] == sorted(PUBLISHED)
    assert data["count"] == len(PUBLISHED)
    assert data["office"] == {"zh": "厦门市人民政府外事办公室",
                              "en": "Foreign Affairs Office of Xiamen Municipal People's Government"}
    # The newest 发布日期 of the data, not the build date (2026-11-27).
    assert data["as_of"] == max(d for _, d, _ in PUBLISHED.values()).isoformat() == "2025-02-01"
    assert data["as_of"] != BUILD_DAY.isoformat()


def test_json_records_carry_both_languages(data: dict):
    items = {i["index_no"]: i for i in data["items"]}
    translated = items["XMFAO/2024-00002"]
    assert translated["title"] == {"zh": "标题00002", "en": "Notice two"}
    assert translated["summary"] == {"zh": "概述二", "en": "Summary two"}
    assert translated["keywords"] == {"zh": ["通知", "培训"], "en": None}
    assert translated["url"] == {"zh": SITE_URL + "disclosures/2024/00002/",
                                 "en": SITE_URL + "en/disclosures/2024/00002/"}
    assert translated["category"] == {"key": "notices", "zh": "通知公告", "en": "Notices and announcements"}
    assert translated["publisher"]["key"] == "xmfao"
    assert translated["genre"] == {"key": "notice", "zh": "通知", "en": "Notice"}
    untranslated = items["XMFAO/2024-00003"]
    assert untranslated["title"] == {"zh": "标题00003", "en": None}
    assert untranslated["summary"] == {"zh": MARKUP_SUMMARY, "en": None}
    assert untranslated["url"]["en"] == SITE_URL + "en/disclosures/2024/00003/"
    repealed = items["XMFAO/2025-00002"]
    assert repealed["validity"] == {"key": "repealed", "zh": "废止", "en": "Repealed"}
    assert (repealed["repealed_on"], repealed["repealed_by"]) == ("2025-06-01", "XMFAO/2025-00003")
    assert repealed["doc_number"] == "厦外〔2025〕2号"
    assert repealed["date_written"] == repealed["date_published"] == "2025-02-01"
    assert repealed["attachments"] == [{"file": "guide.pdf", "title": "办理指南",
                                        "url": SITE_URL + "disclosures/2025/00002/guide.pdf",
                                        "size": len(b"%PDF-1.4 fixture\n")}]


def test_csv_opens_in_excel_with_the_right_rows(site: Path, data: dict):
    raw = (site / "data/catalogue.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # no bare line feed anywhere (no field has one here)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == [c for c, _ in opendata.COLUMNS]
    assert [r[0] for r in rows[1:]] == sorted(PUBLISHED)
    by_no = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    row = by_no["XMFAO/2025-00002"]
    assert row["title_zh"] == "标题00002" and row["title_en"] == ""
    assert row["category"] == "notices" and row["category_en"] == "Notices and announcements"
    assert row["attachment_urls"] == SITE_URL + "disclosures/2025/00002/guide.pdf"
    assert by_no["XMFAO/2024-00002"]["keywords_zh"] == "通知; 培训"
    assert by_no["XMFAO/2024-00003"]["summary_zh"] == MARKUP_SUMMARY
    # The CSV is the JSON, flattened.
    assert [r for r in rows[1:]] == [opendata.csv_row(i) for i in data["items"]]


def test_no_non_public_item_in_data(site: Path):
    for path in sorted(p for p in (site / "data").rglob("*") if p.is_file()):
        text = path.read_bytes().decode("utf-8-sig")
        for reason, marker in MARKERS.items():
            assert marker not in text, f"{reason} item in {path.name}"


def test_subscribe_page_documents_the_schema_and_columns(site: Path):
    for page in ("subscribe/index.html", "en/subscribe/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert opendata.SCHEMA_VERSION in text
        for column, _ in opendata.COLUMNS:
            assert f"<code>{column}</code>" in text, (page, column)


# -- golden file: a tiny hand-written input and the CSV written by hand -------------------------

def test_golden_csv(tmp_path: Path):
    root = make_repo(tmp_path)
    shutil.copytree(GOLDEN / "input", root / "disclosures", dirs_exist_ok=True)
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    assert catalogue is not None, problems.report()
    files = dict(opendata.files(catalogue, Site(catalogue, root, SITE_URL).absolute))
    assert files["data/catalogue.csv"] == (GOLDEN / "expected/data/catalogue.csv").read_bytes()


def test_empty_catalogue_gives_valid_empty_data(tmp_path: Path):
    root = make_repo(tmp_path)
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    assert catalogue is not None, problems.report()
    data = opendata.document(catalogue, Site(catalogue, root, SITE_URL).absolute)
    assert (data["count"], data["as_of"], data["items"]) == (0, None, [])
    validator(json.loads(opendata.schema())).validate(data)
    assert opendata.to_csv(data).count(b"\r\n") == 1


def test_each_year_has_its_own_files_which_together_are_the_whole_catalogue(data: dict, schema: dict, site: Path):
    years = sorted({rec["date_published"][:4] for rec in data["items"]})
    assert sorted(p.name for p in (site / "data").glob("[0-9]*")) == sorted(
        f"{year}.{ext}" for year in years for ext in ("csv", "json"))
    whole_csv = (site / "data/catalogue.csv").read_text(encoding="utf-8-sig").splitlines()
    joined, csv_rows = [], []
    for year in years:
        part = json.loads((site / f"data/{year}.json").read_text(encoding="utf-8"))
        validator(schema).validate(part)
        assert part["year"] == int(year) and part["count"] == len(part["items"]) > 0
        assert all(rec["date_published"].startswith(f"{year}-") for rec in part["items"])
        assert {k: v for k, v in part.items() if k not in ("year", "count", "items")} == {
            k: v for k, v in data.items() if k not in ("count", "items")}
        joined += part["items"]
        lines = (site / f"data/{year}.csv").read_text(encoding="utf-8-sig").splitlines()
        assert lines[0] == whole_csv[0]
        csv_rows += lines[1:]
    assert sorted(joined, key=lambda r: r["index_no"]) == data["items"]
    assert sorted(csv_rows) == sorted(whole_csv[1:])


def test_the_open_data_page_links_each_year(site: Path, data: dict):
    page = (site / "en/subscribe/index.html").read_text(encoding="utf-8")
    for year in sorted({rec["date_published"][:4] for rec in data["items"]}):
        assert f'href="../../data/{year}.json"' in page and f'href="../../data/{year}.csv"' in page


@pytest.mark.parametrize("source", ["publishing", "empty"])
def test_the_files_are_the_documents_as_to_json_and_to_csv_write_them(tmp_path: Path, source: str):
    """The files encode each item once for the whole catalogue and its year: the same bytes as encoding
    each document on its own."""
    root = make_publishing_repo(tmp_path) if source == "publishing" else make_repo(tmp_path)
    catalogue, problems = load_catalogue(root, BUILD_DAY)
    assert catalogue is not None, problems.report()
    absolute = Site(catalogue, root, SITE_URL).absolute
    expected = {opendata.JSON_PATH: opendata.to_json(opendata.document(catalogue, absolute)),
                opendata.CSV_PATH: opendata.to_csv(opendata.document(catalogue, absolute)),
                opendata.SCHEMA_PATH: opendata.schema()}
    for year in opendata.years(catalogue):
        part = opendata.document(catalogue, absolute, year)
        expected |= dict(zip(opendata.year_paths(year), (opendata.to_json(part), opendata.to_csv(part))))
    assert len(expected) > (5 if source == "publishing" else 2)
    assert dict(opendata.files(catalogue, absolute)) == expected
