"""The annual report cycle: `gongkai report`'s dates and numbers, Article 49, the frozen tables, the
register additions (fees, baseline, appeals concluded later, the correction limit) and the report list."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, build
from statistics_helpers import body_cells, expected, fixture_repo, table, texts

from gongkai.cli import main
from gongkai.loader import load_catalogue
from gongkai.problems import Problems
from gongkai.source import parse_text
from gongkai.statistics import load_statistics
from gongkai.statistics import vocabulary as v
from gongkai.statistics.annual import LATE, ON_TIME, annual_reports

PLACEHOLDER = re.compile(r"【待填写：[^】]+】")
ART49_ZH = ("警告：2025-03-15 晚于 2025-01-31。《条例》第四十九条要求在每年1月31日前公布上一年度的年度报告；"
            "报告列表将把它标为逾期。")
ART49_EN = ("Warning: 2025-03-15 is after 2025-01-31. Article 49 of the Regulations requires the report on the "
            "previous year by 31 January; the report list will show it as late.")


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)  # 2026-11-27
    return fixture_repo(tmp_path)


def report(repo: Path, year: int, rel: str | None, *options: str) -> tuple[int, str, str]:
    """Run ``gongkai report``; (exit code, stdout, stderr)."""
    args = ["report", str(year), "--root", str(repo), *options]
    if rel is not None:
        args += ["-o", str(repo / rel)]
    import contextlib
    import io
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def publish(repo: Path, rel: str) -> str:
    """What the office does before publishing: its own text in place of the placeholders, no ``draft``."""
    path = repo / rel
    text = PLACEHOLDER.sub("本机关撰写的内容。", path.read_text(encoding="utf-8")).replace("draft: true\n", "")
    path.write_text(text, encoding="utf-8")
    return text


def meta(text: str) -> dict:
    problems = Problems()
    doc = parse_text("disclosures/2025/00001.md", text, problems)
    return {k: value.value for k, value in doc.meta.items()}


def loaded(repo: Path):
    problems = Problems()
    catalogue, _ = load_catalogue(repo)
    statistics = load_statistics(repo, catalogue, problems)
    return catalogue, statistics, problems


def add_to_year_file(repo: Path, year: int, text: str) -> None:
    path = repo / "disclosures" / "statistics" / f"{year}.yml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# -- dates and numbers --------------------------------------------------------------------------

def test_a_report_made_in_january_is_dated_that_day_numbered_in_that_year_and_on_time(repo):
    code, _, err = report(repo, 2024, "disclosures/2025/00001.md", "--date", "2025-01-20")
    assert code == 0, err
    assert "第四十九条" not in err and "Article 49" not in err
    values = meta((repo / "disclosures/2025/00001.md").read_text(encoding="utf-8"))
    assert (values["index_no"], values["date_written"], values["date_published"]) == (
        "XMFAO/2025-00001", "2025-01-20", "2025-01-20")
    frozen = json.loads((repo / "disclosures/statistics/reports/2024.json").read_text(encoding="utf-8"))
    assert (frozen["year"], frozen["report"], frozen["frozen_on"]) == (2024, "XMFAO/2025-00001", "2025-01-20")
    publish(repo, "disclosures/2025/00001.md")
    catalogue, statistics, problems = loaded(repo)
    assert not problems.items, problems.report()
    row = next(r for r in annual_reports(catalogue, statistics) if r.year == 2024)
    assert (row.item.index_no, row.status) == ("XMFAO/2025-00001", ON_TIME)


def test_a_report_made_in_march_is_late_under_article_49(repo, capsys):
    code, _, err = report(repo, 2024, "disclosures/2025/00001.md", "--date", "2025-03-15")
    assert code == 0
    assert ART49_ZH in err and ART49_EN in err
    publish(repo, "disclosures/2025/00001.md")
    assert main(["check", "--root", str(repo)]) == 0  # a warning: the date is what happened
    out = capsys.readouterr()
    found = out.out + out.err
    assert "disclosures/2025/00001.md:6:" in found and "report-late" in found
    assert ("2024年度报告的发布日期 2025-03-15 晚于 2025-01-31：《条例》第四十九条要求在每年1月31日前公布本机关上一年度的"
            "政府信息公开工作年度报告。报告列表将其标为逾期。") in found
    catalogue, statistics, _ = loaded(repo)
    assert next(r for r in annual_reports(catalogue, statistics) if r.year == 2024).status == LATE


def test_a_report_for_a_year_two_years_back_is_dated_today_and_numbered_in_this_year(repo):
    code, out, err = report(repo, 2024, None)  # "today" is 2026-11-27
    assert code == 0, err
    values = meta(out)
    assert (values["index_no"], values["date_written"], values["date_published"]) == (
        "XMFAO/2026-00001", "2026-11-27", "2026-11-27")
    assert "《条例》第四十九条" in err and "2026-11-27 is after 2025-01-31" in err
    assert out.rstrip().endswith("厦门市人民政府外事办公室\n\n2026年11月27日")
    # saving it in another year's folder would give it another year's number: refused
    code, _, err = report(repo, 2024, "disclosures/2025/00001.md")
    assert code == 1 and "the index number takes the year of publication, 2026" in err
    assert not (repo / "disclosures/2025/00001.md").exists()
    assert not (repo / "disclosures/statistics/reports/2024.json").exists()


def test_a_report_is_never_dated_before_its_year_is_over(repo):
    code, out, err = report(repo, 2024, None, "--date", "2024-12-20")
    assert code == 0
    assert "a report on 2024 cannot be dated before 2025-01-01; it is dated 2025-01-01" in err
    values = meta(out)
    assert (values["index_no"], values["date_written"], values["date_published"]) == (
        "XMFAO/2025-00001", "2025-01-01", "2025-01-01")


def test_a_report_dated_before_its_year_is_over_by_hand_is_an_error(repo, capsys):
    report(repo, 2024, "disclosures/2025/00001.md", "--date", "2025-01-20")
    text = publish(repo, "disclosures/2025/00001.md")
    (repo / "disclosures/2025/00001.md").write_text(text.replace("2025-01-20", "2024-12-30"), encoding="utf-8")
    (repo / "disclosures/2024/00009.md").write_bytes((repo / "disclosures/2025/00001.md").read_bytes().replace(
        b"XMFAO/2025-00001", b"XMFAO/2024-00009"))
    (repo / "disclosures/2025/00001.md").unlink()
    frozen = repo / "disclosures/statistics/reports/2024.json"
    data = json.loads(frozen.read_text(encoding="utf-8"))
    data["report"] = "XMFAO/2024-00009"
    frozen.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", "--root", str(repo)]) == 1
    found = "".join(capsys.readouterr())
    assert "disclosures/2024/00009.md:6:" in found and "report-date" in found
    assert "the 2024 annual report is dated 2024-12-30, before 2025-01-01: the year is not over." in found


# -- the tables stay out of the Markdown -----------------------------------------------------------

def test_the_draft_holds_markers_not_tables_and_its_opening_names_the_regulations(repo):
    report(repo, 2024, "disclosures/2025/00001.md", "--date", "2025-01-20")
    text = (repo / "disclosures/2025/00001.md").read_text(encoding="utf-8")
    assert "<table" not in text
    for n in (2, 3, 4):
        assert text.count(f"<!-- gongkai-report:table{n} -->") == 1
    opening = text.split("---\n", 2)[2].strip().split("\n")[0]
    assert opening.startswith("本报告依据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）")
    assert ("由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
            "存在的主要问题及改进情况、其他需要报告的事项六部分组成") in opening
    assert text.rstrip().endswith("## 六、其他需要报告的事项\n\n【待填写：依据《政府信息公开信息处理费管理办法》收取信息处理费的情况"
                                  "（未收取的写明本年度未收取），以及本机关认为需要报告的其他事项 / information processing "
                                  "fees charged under the fee measures (or that none were charged), and any other "
                                  "matter the office has to report】\n\n厦门市人民政府外事办公室\n\n2025年1月20日")


def test_a_table_typed_into_the_report_or_a_lost_marker_is_refused(repo, capsys):
    report(repo, 2024, "disclosures/2025/00001.md", "--date", "2025-01-20")
    text = publish(repo, "disclosures/2025/00001.md")
    text = text.replace("<!-- gongkai-report:table3 -->", "<table><tr><td>7</td></tr></table>")
    (repo / "disclosures/2025/00001.md").write_text(text, encoding="utf-8")
    assert main(["check", "--root", str(repo)]) == 1
    found = "".join(capsys.readouterr())
    line = text.split("\n").index("<table><tr><td>7</td></tr></table>") + 1
    assert f"disclosures/2025/00001.md:{line}:" in found
    assert "an annual report's body may not contain a table of its own" in found
    assert "the report body must hold <!-- gongkai-report:table3 --> exactly once (it has 0)" in found


def test_hand_edited_frozen_figures_are_refused(repo, capsys):
    report(repo, 2024, "disclosures/2025/00001.md", "--date", "2025-01-20")
    frozen = repo / "disclosures/statistics/reports/2024.json"
    data = json.loads(frozen.read_text(encoding="utf-8"))
    data["table3"]["new"][0] += 1
    frozen.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert main(["check", "--root", str(repo)]) == 1
    found = "".join(capsys.readouterr())
    assert "disclosures/statistics/reports/2024.json:1:" in found and "report-frozen" in found
    assert "中的表格数字被手工修改过（校验值不符）" in found and "were edited by hand (the checksum does not match)" in found


def test_a_second_report_of_the_same_year_needs_force(repo):
    report(repo, 2024, "disclosures/2025/00001.md", "--date", "2025-01-20")
    code, _, err = report(repo, 2024, "disclosures/2025/00002.md", "--date", "2025-01-21")
    assert code == 1 and "the 2024 report has been written before. Add --force" in err
    assert not (repo / "disclosures/2025/00002.md").exists()


# -- register additions -----------------------------------------------------------------------------

def test_recorded_fees_fill_section_6_and_the_statistics_data(repo):
    add_to_year_file(repo, 2024, "\nprocessing_fees:\n  notices: 2\n  collected: 150.5\n")
    code, out, err = report(repo, 2024, None, "--date", "2025-01-20")
    assert code == 0, err
    section6 = out.split("## 六、其他需要报告的事项\n\n", 1)[1]
    assert section6.startswith("2024年，本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
                               "发出收费通知 2 件，收取信息处理费 150.50 元。\n\n【待填写：本机关认为需要报告的其他事项")
    from gongkai.statistics.export import year_data
    catalogue, statistics, _ = loaded(repo)
    data = year_data(statistics.year(2024), catalogue)
    assert data["processing_fees"] == {"notices": 2, "collected": 150.5}
    assert data["version"] == 2


def test_no_fees_says_none_were_charged(repo):
    add_to_year_file(repo, 2024, "\nprocessing_fees: {notices: 0, collected: 0}\n")
    _, out, _ = report(repo, 2024, None, "--date", "2025-01-20")
    assert "2024年，本机关未发出信息处理费收费通知，未收取信息处理费。" in out


def test_a_fee_that_is_not_an_amount_in_yuan_is_refused_with_its_place(repo, capsys):
    add_to_year_file(repo, 2024, "\nprocessing_fees:\n  notices: 2\n  collected: 1.234\n")
    assert main(["check", "--root", str(repo)]) == 1
    found = "".join(capsys.readouterr())
    assert "disclosures/statistics/2024.yml:" in found and "stats-wrong-type" in found
    assert "'collected' must be an amount of at least 0 with at most two decimals (yuan); got 1.234." in found
    assert "“collected” 应为不小于 0、最多两位小数的金额（元），实际是 1.234。" in found


def test_the_baseline_adds_documents_in_force_before_the_catalogue_to_table_2(repo):
    _, before, _ = loaded(repo)
    in_force = {y: before.year(y).table2.item1["normative-document"][2] for y in (2023, 2024)}
    add_to_year_file(repo, 2024, "\nbaseline:\n  normative-document: 5\n")
    _, after, problems = loaded(repo)
    assert not problems.errors, problems.report()
    assert after.year(2024).table2.item1["normative-document"][2] == in_force[2024] + 5
    assert after.year(2023).table2.item1["normative-document"][2] == in_force[2023]  # not before the baseline
    assert after.year(2024).table2.item1["regulation"] == before.year(2024).table2.item1["regulation"]
    assert expected(2024)["table2"]["normative-document"][2] == in_force[2024]
    # in JSON and CSV too
    from gongkai.statistics.export import year_csv, year_data
    catalogue, _ = load_catalogue(repo)
    assert year_data(after.year(2024), catalogue)["baseline"] == {"regulation": 0, "normative-document": 5}
    assert year_data(after.year(2024), catalogue)["table2"]["normative-document"]["in_force"] == in_force[2024] + 5
    csv_text = year_csv(after.year(2024), catalogue).decode("utf-8-sig")
    assert "table2-baseline,normative-document,in_force,5," in csv_text


def test_an_unknown_baseline_genre_is_refused(repo, capsys):
    add_to_year_file(repo, 2024, "\nbaseline:\n  normative-documents: 5\n")
    assert main(["check", "--root", str(repo)]) == 1
    found = "".join(capsys.readouterr())
    assert "normative-documents" in found and "normative-document" in found and "stats-unknown-key" in found


def test_an_appeal_concluded_after_year_end_stays_pending_in_its_year_and_counts_nowhere_else(repo):
    replace_in(repo / "disclosures/statistics/2024.yml", "    filed: 2024-05-10\n",
               "    filed: 2024-05-10\n    result: upheld\n    concluded: 2025-02-10\n")
    (repo / "disclosures/statistics/2025.yml").write_text(
        "article20: {licensing: 0, penalty: 0, compulsory: 0, fees: 0}\nrequests: []\nappeals: []\n", encoding="utf-8")
    _, statistics, problems = loaded(repo)
    assert not problems.errors, problems.report()
    want = expected(2024)["table4"]
    assert statistics.year(2024).table4.rows["litigation-direct"] == tuple(want["litigation-direct"])
    assert statistics.year(2024).table4.cell("litigation-direct", "pending") == 1
    assert all(sum(r) == 0 for r in statistics.year(2025).table4.rows.values())
    # F2024-4 of the fixture was concluded in 2025 too; newest conclusion last
    assert [(a.id, a.concluded.isoformat()) for a in statistics.year(2024).concluded_later] == [
        ("F2024-4", "2025-01-20"), ("F2024-2", "2025-02-10")]
    assert statistics.year(2025).concluded_later == ()


# -- Article 30's correction limit -----------------------------------------------------------------

@pytest.mark.parametrize("asked, late", [("2024-06-12", False), ("2024-06-13", False), ("2024-06-14", True)])
def test_the_correction_request_is_checked_against_7_working_days(repo, capsys, asked, late):
    # received Monday 2024-06-03; 06-10 is the Dragon Boat Festival: the 7th working day is 06-13
    replace_in(repo / "disclosures/statistics/2024.yml", "    corrected: 2024-06-24\n",
               f"    correction_requested: {asked}\n    corrected: 2024-06-24\n")
    assert main(["check", "--root", str(repo)]) == 0
    found = "".join(capsys.readouterr())
    message = (f"the request was received on 2024-06-03 but the correction was requested only on {asked}, more "
               "than the 7 working days Article 30 of the Regulations allows.")
    assert (message in found) is late
    assert ("stats-correction-late" in found) is late


def test_a_correction_requested_before_receipt_is_an_error(repo, capsys):
    replace_in(repo / "disclosures/statistics/2024.yml", "    corrected: 2024-06-24\n",
               "    correction_requested: 2024-06-01\n    corrected: 2024-06-24\n")
    assert main(["check", "--root", str(repo)]) == 1
    assert "correction_requested 2024-06-01 is before received 2024-06-03." in "".join(capsys.readouterr())


# -- a site with three years of reports ----------------------------------------------------------

YEAR_2025 = """article20: {licensing: 1, penalty: 0, compulsory: 0, fees: 0}
processing_fees: {notices: 1, collected: 20}
requests:
  - id: 2025-001
    received: 2025-03-03
    applicant: natural-person
    outcome: disclosed
    answered: 2025-03-10
appeals: []
"""


@pytest.fixture(scope="module")
def three_reports(tmp_path_factory):
    """The statistics fixture with reports on 2023 (on time), 2024 (late) and 2025 (on time); after the 2024
    report, the register of 2024 is corrected and an appeal of 2024 is concluded in 2025."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    repo = fixture_repo(tmp_path_factory.mktemp("reports"))
    (repo / "disclosures/statistics/2025.yml").write_text(YEAR_2025, encoding="utf-8")
    for year, rel, day in ((2023, "disclosures/2024/00008.md", "2024-01-15"),
                           (2024, "disclosures/2025/00001.md", "2025-03-15"),
                           (2025, "disclosures/2026/00001.md", "2026-01-10")):
        code, _, err = report(repo, year, rel, "--date", day)
        assert code == 0, err
        publish(repo, rel)
    stats = repo / "disclosures/statistics/2024.yml"
    replace_in(stats, "    outcome: disclosed\n    answered: 2024-10-14\n",
               "    outcome: partially-disclosed\n    answered: 2024-10-14\n")
    replace_in(stats, "    filed: 2024-05-10\n", "    filed: 2024-05-10\n    result: upheld\n    concluded: 2025-02-10\n")
    result = build(repo, repo / "site")
    mp.undo()
    assert result.returncode == 0, result.stdout + result.stderr
    return repo / "site"


def _rows(site: Path, page: str) -> list[list[str]]:
    element = table(site / page, "gk-reports")
    return [texts(tr.xpath("./th|./td")) for tr in element.xpath("./tbody/tr")]


def test_the_report_list_has_a_row_per_year_in_both_languages(three_reports):
    title = "厦门市人民政府外事办公室{}年政府信息公开工作年度报告"
    assert _rows(three_reports, "reports/index.html") == [
        ["2026", "无", "—", "尚未到期（2027-01-31 前发布）", "2026年统计"],
        ["2025", title.format(2025), "2026-01-10", "按时（2026-01-31 前）", "2025年统计"],
        ["2024", title.format(2024), "2025-03-15", "逾期（晚于 2025-01-31）", "2024年统计"],
        ["2023", title.format(2023), "2024-01-15", "按时（2024-01-31 前）", "2023年统计"],
    ]
    assert _rows(three_reports, "en/reports/index.html") == [
        ["2026", "None", "—", "Not due yet (due by 2027-01-31)", "Figures 2026"],
        ["2025", title.format(2025), "2026-01-10", "On time (by 2026-01-31)", "Figures 2025"],
        ["2024", title.format(2024), "2025-03-15", "Late (after 2025-01-31)", "Figures 2024"],
        ["2023", title.format(2023), "2024-01-15", "On time (by 2024-01-31)", "Figures 2023"],
    ]


def test_the_report_list_links_to_each_report_and_year(three_reports):
    from lxml import html
    for page, prefix in (("reports/index.html", ""), ("en/reports/index.html", "en/")):
        links = html.parse(str(three_reports / page)).getroot().xpath('//table[contains(@class, "gk-reports")]//a/@href')
        assert links[:4] == ["../statistics/2026/", "../disclosures/2026/00001/", "../statistics/2025/",
                             "../disclosures/2025/00001/"]
        for link in links:
            assert (three_reports / prefix / "reports" / link / "index.html").resolve().is_file(), link
        lang = html.parse(str(three_reports / page)).getroot().get("lang")
        assert lang == ("en" if prefix else "zh")
        english_title = html.parse(str(three_reports / page)).getroot().xpath('//table//a/span[@lang="zh-CN"]')
        assert bool(english_title) == bool(prefix)  # untranslated report titles are marked Chinese


def test_the_published_report_keeps_its_frozen_tables_after_the_register_changed(three_reports):
    page = three_reports / "disclosures/2025/00001/index.html"
    t3 = table(page, "gk-table3")
    assert body_cells(t3) == [[str(n) for n in expected(2024)["table3"][k]] for k in v.TABLE3_ROW_KEYS]
    want = expected(2024)["table4"]
    assert body_cells(table(page, "gk-table4")) == [[str(n) for kind in v.APPEAL_KIND_KEYS for n in want[kind]]]
    # the statistics page follows the corrected register and says it differs from the report
    stats = three_reports / "statistics/2024/index.html"
    rows = dict(zip(v.TABLE3_ROW_KEYS, body_cells(table(stats, "gk-table3"))))
    assert rows[v.DISCLOSED.key][0] == str(expected(2024)["table3"][v.DISCLOSED.key][0] - 1)
    text = " ".join(stats.read_text(encoding="utf-8").split())
    assert "统计数字在年度报告发布后有更正" in text
    assert ("2025-03-15 生成年度报告后，统计文件有了更正：本页的表格按现在的登记计算，与已发布的" in text)
    en = " ".join((three_reports / "en/statistics/2024/index.html").read_text(encoding="utf-8").split())
    assert "Figures corrected after the annual report" in en
    # a year whose register did not change has no such notice
    assert "统计数字在年度报告发布后有更正" not in (three_reports / "statistics/2023/index.html").read_text(encoding="utf-8")


def test_each_statistics_year_page_links_its_report(three_reports):
    from lxml import html
    for year, target, words in ((2023, "../../disclosures/2024/00008/", "发布日期 2024-01-15，按时（2024-01-31 前）"),
                                (2024, "../../disclosures/2025/00001/", "发布日期 2025-03-15，逾期（晚于 2025-01-31）")):
        root = html.parse(str(three_reports / f"statistics/{year}/index.html")).getroot()
        paragraph = root.xpath('//p[@class="gk-report-link"]')[0]
        assert paragraph.xpath(".//a/@href") == [target]
        assert words in paragraph.text_content()
    root = html.parse(str(three_reports / "en/statistics/2026/index.html")).getroot()
    paragraph = " ".join(root.xpath('//p[@class="gk-report-link"]')[0].text_content().split())
    assert paragraph == "Annual report on 2026: Not due yet (due by 2027-01-31). See the list of annual reports."


def test_an_appeal_concluded_later_is_a_note_on_its_filing_year_page(three_reports):
    zh = " ".join((three_reports / "statistics/2024/index.html").read_text(encoding="utf-8").split())
    assert "2024年立案、2024年12月31日后审结的案件（表四按格式计为“尚未审结”，不计入其他年度）：" in zh
    assert "<li>F2024-4（行政复议）：2025-01-20 审结，结果维持</li>" in zh
    assert "<li>F2024-2（未经复议直接起诉）：2025-02-10 审结，结果维持</li>" in zh
    assert "F2024-2" not in (three_reports / "statistics/2025/index.html").read_text(encoding="utf-8")
    en = " ".join((three_reports / "en/statistics/2024/index.html").read_text(encoding="utf-8").split())
    assert "<li>F2024-2 (Filed directly, without reconsideration): concluded 2025-02-10; result: Upheld</li>" in en


def test_fees_and_provisional_figures_are_on_the_pages(three_reports):
    zh = " ".join((three_reports / "statistics/2025/index.html").read_text(encoding="utf-8").split())
    assert "发出收费通知（件）</th><td>1</td>" in zh and "收取信息处理费（元）</th><td>20.00</td>" in zh
    report_page = " ".join((three_reports / "disclosures/2026/00001/index.html").read_text(encoding="utf-8").split())
    assert "发出收费通知 1 件，收取信息处理费 20.00 元" in report_page
    current = " ".join((three_reports / "statistics/2026/index.html").read_text(encoding="utf-8").split())
    assert "本年度尚未结束：数字是临时的" in current and "以下数字是临时数字" in current
    en = " ".join((three_reports / "en/statistics/2026/index.html").read_text(encoding="utf-8").split())
    assert "The year is not over: provisional figures" in en


def test_home_page_and_guide_link_to_the_report_list(three_reports):
    for page in ("index.html", "guide/index.html"):
        assert 'href="reports/"' in (three_reports / page).read_text(encoding="utf-8") or \
            'href="../reports/"' in (three_reports / page).read_text(encoding="utf-8"), page
    for page in ("en/index.html", "en/guide/index.html"):
        text = (three_reports / page).read_text(encoding="utf-8")
        assert 'href="reports/"' in text or 'href="../reports/"' in text, page


def test_real_site_report_list_in_both_languages(real_site):
    assert _rows(real_site, "reports/index.html") == [["2022", "无", "—", "未发布年度报告", "2022年统计"]]
    assert _rows(real_site, "en/reports/index.html") == [["2022", "None", "—", "No report published", "Figures 2022"]]
    statistics = " ".join((real_site / "statistics/2022/index.html").read_text(encoding="utf-8").split())
    assert "2022年度报告：未发布年度报告。见" in statistics


# -- in a browser -----------------------------------------------------------------------------------

from test_browser import browser, serving  # noqa: E402,F401 - the shared headless Chromium fixture


@pytest.mark.parametrize("width", [390, 1280])
def test_the_report_list_reads_at_phone_and_desktop_widths(three_reports, browser, width, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By
    browser.set_window_size(width, 900)
    with serving(three_reports) as base:
        for page, late in (("reports/", "逾期（晚于 2025-01-31）"), ("en/reports/", "Late (after 2025-01-31)")):
            browser.get(base + page)
            rows = browser.find_elements(By.CSS_SELECTOR, "table.gk-reports tbody tr")
            assert [r.find_element(By.TAG_NAME, "th").text for r in rows] == ["2026", "2025", "2024", "2023"]
            assert rows[2].find_elements(By.TAG_NAME, "td")[2].text == late
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0  # a wide table scrolls in its own region, not the page
            rows[2].find_element(By.CSS_SELECTOR, "td a").click()
            assert browser.current_url == base + ("en/" if page.startswith("en/") else "") + "disclosures/2025/00001/"
            browser.save_screenshot(str(tmp_path / f"{page.replace('/', '_')}{width}.png"))
            browser.get(base + page)
            browser.save_screenshot(str(Path("/tmp") / f"gk10-{page.replace('/', '_')}{width}.png"))
