"""The built statistics pages, charts and data files: fixture years and the real site."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from lxml import etree, html

from conftest import build
from statistics_helpers import body_cells, expected, fixture_repo, table, texts

from gongkai.statistics import vocabulary as v

#: Table 三's row labels, copied by hand from 国办公开办函〔2021〕30号 (REFERENCE.md section 3), in order.
TABLE3_ROW_LABELS = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
    "8.属于行政查询事项", "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理",
]
TABLE3_COLUMN_LABELS = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织",
                        "法律服务机构", "其他"]
TABLE2_HEADERS = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件",
                  "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可",
                  "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "行政强制",
                  "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费"]
FIVE = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
TABLE4_HEADERS = ["行政复议", "行政诉讼"] + FIVE + ["未经复议直接起诉", "复议后起诉"] + FIVE + FIVE


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    root = fixture_repo(tmp_path_factory.mktemp("site"))
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


def _page(site: Path, year: int, lang: str) -> Path:
    return site / ("" if lang == "zh" else "en/") / "statistics" / str(year) / "index.html"


# -- the three tables, every cell ---------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("year", [2023, 2024])
def test_table3_every_cell_on_the_page(fixture_site, year, lang):
    cells = body_cells(table(_page(fixture_site, year, lang), "gk-table3"))
    assert cells == [[str(n) for n in expected(year)["table3"][key]] for key in v.TABLE3_ROW_KEYS]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("year", [2023, 2024])
def test_table4_every_cell_on_the_page(fixture_site, year, lang):
    want = expected(year)["table4"]
    cells = body_cells(table(_page(fixture_site, year, lang), "gk-table4"))
    assert cells == [[str(n) for kind in v.APPEAL_KIND_KEYS for n in want[kind]]]


@pytest.mark.parametrize("year", [2023, 2024])
def test_table2_every_cell_on_the_page(fixture_site, year):
    want = expected(year)["table2"]
    cells = [c for row in body_cells(table(_page(fixture_site, year, "zh"), "gk-table2")) for c in row]
    assert cells == [str(n) for n in want["regulation"] + want["normative-document"]] + [
        str(want[k]) for k in ("licensing", "penalty", "compulsory", "fees")]


def test_tables_have_the_exact_headings_of_the_format(fixture_site):
    page = _page(fixture_site, 2024, "zh")
    t3 = table(page, "gk-table3")
    assert texts(t3.xpath("./tbody//th")) == TABLE3_ROW_LABELS
    assert texts(t3.xpath("./thead//th")) == TABLE3_COLUMN_LABELS
    assert texts(t3.xpath("./thead//td")) == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    assert texts(table(page, "gk-table2").xpath(".//th")) == TABLE2_HEADERS
    assert texts(table(page, "gk-table4").xpath(".//th")) == TABLE4_HEADERS
    assert [r.get("rowspan") for r in t3.xpath("./tbody//th[@scope='rowgroup']")] == ["22", "8", "3", "5", "3"]


def test_every_data_cell_names_existing_header_cells(fixture_site):
    root = html.parse(str(_page(fixture_site, 2024, "zh"))).getroot()
    for css in ("gk-table2", "gk-table3", "gk-table4"):
        t = table(_page(fixture_site, 2024, "zh"), css)
        ids = {e.get("id") for e in t.xpath(".//*[@id]")}
        for td in t.xpath(".//td[@headers]"):
            assert set(td.get("headers").split()) <= ids, td.get("headers")
        assert len(t.xpath(".//td[not(@headers)]")) <= 1  # only Table 三's corner note
    all_ids = [e.get("id") for e in root.xpath("//article//*[@id]")]
    assert len(all_ids) == len(set(all_ids))


def test_english_page_uses_unofficial_labels_and_says_so(fixture_site):
    page = _page(fixture_site, 2024, "en")
    text = page.read_text(encoding="utf-8")
    assert "Unofficial translation" in text and "unofficial translations; the Chinese page is authoritative" in text
    t3 = table(page, "gk-table3")
    heads = texts(t3.xpath("./tbody//th"))
    assert heads[0] == "I. New requests received this year"
    assert heads[3] == "(1) Disclosed" and "(3) Not disclosed" in heads and heads[-1] == "IV. Carried forward to the next year"
    assert texts(t3.xpath("./thead//th"))[:3] == ["Applicants", "Natural persons", "Legal persons or other organisations"]
    assert "Upheld" in texts(table(page, "gk-table4").xpath(".//th"))
    assert 'lang="zh-CN"' in text  # the link to the Chinese page


def test_english_labels_say_what_the_chinese_says(fixture_site):
    """本列 is "in each column"; 公开出版物 are publicly available publications; 规章 are rules."""
    page = _page(fixture_site, 2024, "en")
    t3 = table(page, "gk-table3")
    assert texts(t3.xpath("./thead//td")) == ["(In each column: I + II = III (7) + IV.)"]
    assert "3. Request for publicly available publications" in texts(t3.xpath("./tbody//th"))
    t2 = texts(table(page, "gk-table2").xpath(".//th"))
    assert "Rules (government rules)" in t2 and "Administrative normative documents" in t2
    assert not any("Regulations" in h for h in t2)


def test_timeliness_table(fixture_site):
    page = _page(fixture_site, 2024, "zh")
    tables = html.parse(str(page)).getroot().xpath("//article//table[caption[contains(., '申请答复时限')]]")
    assert len(tables) == 1
    t = expected(2024)["timeliness"]
    assert body_cells(tables[0]) == [[str(t[k])] for k in ("answered", "on_time", "late", "extended", "pending",
                                                            "pending_overdue")]


def test_the_time_limit_rows_read_the_same_on_the_page_and_in_the_csv(fixture_site):
    """One wording per row: the pending row names Table 三's row 四 (结转下年度继续办理) as the format does."""
    labels = ["本年办结的申请", "在期限内答复", "超过期限答复", "其中延长答复期限的", "年末尚未办结（结转下年度继续办理）",
              "其中年末已超过期限的"]
    page = html.parse(str(_page(fixture_site, 2024, "zh"))).getroot()
    (table,) = page.xpath("//article//table[caption[contains(., '申请答复时限')]]")
    assert texts(table.xpath("./tbody//th")) == labels
    rows = list(csv.reader(io.StringIO((fixture_site / "statistics/2024.csv").read_bytes().decode("utf-8-sig"))))
    assert [r[4] for r in rows if r[0] == "timeliness"] == labels


def test_proactive_tables(fixture_site):
    page = html.parse(str(_page(fixture_site, 2024, "zh"))).getroot()
    months = page.xpath("//article//table[caption[contains(., '按月份')]]")[0]
    assert body_cells(months) == [[str(n) for n in expected(2024)["proactive"]["by_month"]]]
    categories = page.xpath("//article//table[caption[contains(., '按主题分类')]]")[0]
    rows = dict(zip(texts(categories.xpath("./tbody//th")), (c[0] for c in body_cells(categories))))
    assert rows["政策文件"] == "3" and rows["政府信息公开"] == "1" and rows["领事保护"] == "0"


# -- charts ---------------------------------------------------------------------------------

SVG = re.compile(r"<svg\b[^>]*class=\"gk-chart-svg\".*?</svg>", re.S)
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("path, count", [("statistics/2024/index.html", 2), ("en/statistics/2024/index.html", 2),
                                         ("statistics/index.html", 2), ("en/statistics/index.html", 2)])
def test_charts_are_valid_svg_with_title_and_text_alternative(fixture_site, path, count):
    text = (fixture_site / path).read_text(encoding="utf-8")
    charts = SVG.findall(text)
    assert len(charts) == count
    for source in charts:
        svg = etree.fromstring(source.encode())  # well-formed XML, or this raises
        assert svg.tag == f"{SVG_NS}svg" and svg.get("role") == "img"
        title, desc = svg.find(f"{SVG_NS}title"), svg.find(f"{SVG_NS}desc")
        assert title is not None and title.text.strip() and desc is not None and desc.text.strip()
        assert svg.get("aria-labelledby") == title.get("id")
        assert svg.get("aria-describedby") == desc.get("id")
        bars = svg.findall(f"{SVG_NS}rect")
        values = [t.text for t in svg.findall(f"{SVG_NS}text[@class='gk-value']")]
        assert bars and len(values) == len(bars)
        for value in values:  # the text alternative states every value
            assert re.search(rf"[：:] ?{value}\b", desc.text), (value, desc.text)
    assert "<script" not in "".join(charts)


def test_month_chart_states_every_month(fixture_site):
    text = _page(fixture_site, 2024, "zh").read_text(encoding="utf-8")
    svg = etree.fromstring(SVG.findall(text)[0].encode())
    desc = svg.find(f"{SVG_NS}desc").text
    assert desc.startswith("1月：1 条；2月：1 条；3月：1 条；4月：0 条") and "12月：0 条" in desc
    assert len(svg.findall(f"{SVG_NS}rect")) == 12


# -- data files -----------------------------------------------------------------------------

@pytest.mark.parametrize("year", [2023, 2024])
def test_json_has_the_golden_figures_under_stable_keys(fixture_site, year):
    data = json.loads((fixture_site / f"statistics/{year}.json").read_text(encoding="utf-8"))
    want = expected(year)
    assert list(data) == ["format", "version", "year", "office", "complete", "as_of", "recorded", "proactive",
                          "table2", "table3", "table4", "timeliness", "processing_fees", "baseline", "concluded_later"]
    # version 2: in_force includes the baseline; processing_fees, baseline and concluded_later were added
    assert (data["format"], data["version"], data["year"], data["complete"], data["as_of"], data["recorded"]) == (
        "gongkai-statistics", 2, year, True, f"{year}-12-31", True)
    assert (data["processing_fees"], data["baseline"]) == (None, {})
    for key in v.TABLE3_ROW_KEYS:
        assert list(data["table3"][key].values()) == want["table3"][key]
        assert list(data["table3"][key]) == list(v.TABLE3_COLUMNS)
    for key, values in want["table3_subtotals"].items():
        assert list(data["table3"][key].values()) == values
    for kind, values in want["table4"].items():
        assert data["table4"][kind] == dict(zip(["upheld", "corrected", "other", "pending", "total"], values))
    assert data["table2"]["regulation"] == dict(zip(["issued", "repealed", "in_force"], want["table2"]["regulation"]))
    assert data["table2"]["licensing"] == want["table2"]["licensing"]
    assert data["timeliness"] == want["timeliness"]
    assert list(data["proactive"]["by_month"].values()) == want["proactive"]["by_month"]
    assert list(data["proactive"]["by_month"]) == [f"{m:02d}" for m in range(1, 13)]


def test_csv_is_utf8_with_bom_one_figure_per_row(fixture_site):
    raw = (fixture_site / "statistics/2024.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["table", "row", "column", "value", "row_label", "column_label", "derived"]
    cells = {(r[0], r[1], r[2]): r[3] for r in rows[1:]}
    want = expected(2024)
    for key in v.TABLE3_ROW_KEYS:
        for column, value in zip(v.TABLE3_COLUMNS, want["table3"][key]):
            assert cells[("table3", key, column)] == str(value)
    assert cells[("table4", "litigation-direct", "pending")] == "1"
    assert cells[("table2", "normative-document", "repealed")] == "2"
    assert cells[("timeliness", "pending_overdue", "requests")] == "1"
    assert ["table3", "carried-over", "natural-person", "1", "二、上年结转政府信息公开申请数量", "申请人情况 自然人",
            "false"] in rows
    # full parent labels, and the subtotals the format does not have marked as derived
    assert ["table3", "not-disclosed/state-secret", "commercial-enterprise", "0",
            "三、本年度办理结果 （三）不予公开 1.属于国家秘密", "申请人情况 法人或其他组织 商业企业", "false"] in rows
    subtotals = {r[1] for r in rows[1:] if r[6] == "true"}
    assert subtotals == {"not-disclosed", "unable-to-provide", "not-processed", "other"}
    assert [r[4] for r in rows if r[1] == "not-disclosed"][0] == "三、本年度办理结果 （三）不予公开 （小计）"
    assert ["table4", "litigation-direct", "pending", "1", "行政诉讼 未经复议直接起诉", "尚未审结", "false"] in rows
    # the register additions: no baseline in the fixture; F2024-4 (reconsideration, upheld) concluded in 2025
    assert ["table2-baseline", "normative-document", "in_force", "0", "第二十条第（一）项 行政规范性文件",
            "不在公开目录中的现行有效件数（已计入现行有效件数）", "false"] in rows
    later = {(r[1], r[2]): r[3] for r in rows if r[0] == "table4-concluded-later"}
    assert later[("reconsideration", "upheld")] == "1" and sum(map(int, later.values())) == 1


def test_english_csv_is_the_same_figures_with_english_labels(fixture_site):
    zh = list(csv.reader(io.StringIO((fixture_site / "statistics/2024.csv").read_bytes().decode("utf-8-sig"))))
    en = list(csv.reader(io.StringIO((fixture_site / "statistics/2024.en.csv").read_bytes().decode("utf-8-sig"))))
    assert [r[:4] + r[6:] for r in zh] == [r[:4] + r[6:] for r in en]
    assert ["table3", "not-disclosed/state-secret", "commercial-enterprise", "0",
            "III. Results this year · (3) Not disclosed · 1. State secret",
            "Applicants · Legal persons or other organisations · Commercial enterprises", "false"] in en
    assert ["table4", "litigation-direct", "pending", "1",
            "Administrative litigation · Filed directly, without reconsideration", "Pending", "false"] in en
    page = (fixture_site / "en/statistics/2024/index.html").read_text(encoding="utf-8")
    assert '<a href="../../../statistics/2024.en.csv" download>2024.en.csv</a> (CSV, English labels)' in page
    assert '<a href="../../../statistics/2024.csv" download>2024.csv</a> (CSV, Chinese labels)' in page
    assert "2024.en.csv" not in (fixture_site / "statistics/2024/index.html").read_text(encoding="utf-8")


def test_overview_lists_every_year_with_links(fixture_site):
    page = html.parse(str(fixture_site / "statistics/index.html")).getroot()
    years = table(fixture_site / "statistics/index.html", "gk-years")
    assert [r[0] for r in body_cells(years)] == ["6", "5"]
    links = page.xpath("//article//a/@href")
    assert "2024/" in links and "2023/" in links and "2024.json" in links and "2023.csv" in links


# -- the real site --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_site_2022_has_all_three_tables_without_invented_request_data(real_site, lang):
    page = _page(real_site, 2022, lang)
    text = page.read_text(encoding="utf-8")
    t3 = body_cells(table(page, "gk-table3"))
    assert len(t3) == 25 and all(cells == ["—"] * 7 for cells in t3)
    assert body_cells(table(page, "gk-table4")) == [["—"] * 15]
    t2 = [c for row in body_cells(table(page, "gk-table2")) for c in row]
    assert t2 == ["0"] * 6 + ["—"] * 4
    if lang == "zh":
        assert "依申请公开数据未填报" in text and "不表示零" in text
        assert texts(table(page, "gk-table3").xpath("./tbody//th")) == TABLE3_ROW_LABELS
    else:
        assert "Request data not recorded" in text and "not zero" in text and "Unofficial translation" in text
    assert ("2022年主动公开政府信息 1 条" if lang == "zh"
            else "Items of government information disclosed proactively in 2022 (by date published): 1.") in text


def test_real_site_statistics_navigation_and_data(real_site):
    home = (real_site / "index.html").read_text(encoding="utf-8")
    en_home = (real_site / "en/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="statistics/"[^>]*>\s*统计', home)
    assert re.search(r'href="statistics/"[^>]*>\s*Statistics', en_home)
    overview = (real_site / "statistics/index.html").read_text(encoding="utf-8")
    assert 'href="2022/"' in overview and "2022.json" in overview
    data = json.loads((real_site / "statistics/2022.json").read_text(encoding="utf-8"))
    assert (data["recorded"], data["table3"], data["table4"], data["timeliness"]) == (False, None, None, None)
    assert data["table2"]["licensing"] is None and data["proactive"]["total"] == 1
    assert data["proactive"]["by_category"]["rule-of-law"] == 1
    rows = list(csv.reader(io.StringIO((real_site / "statistics/2022.csv").read_bytes().decode("utf-8-sig"))))
    assert ["table3", "new", "total", "", "一、本年新收政府信息公开申请数量", "申请人情况 总计", "false"] in rows


@pytest.mark.parametrize("path", ["statistics-guide/index.html", "en/statistics-guide/index.html"])
def test_statistics_guide_lists_every_outcome_and_code(real_site, path):
    text = (real_site / path).read_text(encoding="utf-8")
    for key in v.OUTCOME_KEYS + v.APPLICANT_KEYS + v.APPEAL_KIND_KEYS:
        assert f"{key}</code>" in text, key
    assert "stats-personal-data" in text and "stats-calendar" in text
    assert "stats-carried-over" in text and "carried_over: []" in text and "paused_days" in text
    assert "国务院办公厅关于2026年部分节假日安排的通知" in text
    assert "gongkai:" not in text  # every marker was expanded
