"""`gongkai report <YYYY>`: the draft annual report in the 30号 format."""

from __future__ import annotations

import json
import re

import pytest

from conftest import BUILD_EPOCH, write_item
from statistics_helpers import expected, fixture_repo

from gongkai.cli import main
from gongkai.loader import load_catalogue
from gongkai.problems import Problems
from gongkai.source import parse_text
from gongkai.statistics import vocabulary as v

SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
MARKER = re.compile(r"【待填写：[^】]+】")


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)  # 2026-11-27
    return fixture_repo(tmp_path)


@pytest.fixture()
def report(repo, capsys) -> tuple:
    target = repo / "disclosures" / "2025" / "00001.md"
    code = main(["report", "2024", "--root", str(repo), "-o", str(target), "--date", "2025-01-20"])
    err = capsys.readouterr().err
    assert code == 0, err
    return repo, target, target.read_text(encoding="utf-8"), err


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_six_sections_in_order_with_placeholders_only_where_the_office_writes(report):
    _, _, text, err = report
    assert re.findall(r"^## (.+)$", text, flags=re.M) == SECTIONS
    sections = _sections(text)
    for name in (SECTIONS[0], SECTIONS[4], SECTIONS[5]):
        assert MARKER.search(sections[name]), name
    for name in SECTIONS[1:4]:
        assert "待填写" not in sections[name], name
    assert "【待填写" in err  # the command says what to do next


def test_placeholders_are_the_ones_gongkai_new_writes_and_check_finds(report):
    """One placeholder form for the whole tool (gongkai.template): ``【待填写：中文 / English】``, so the editor
    reads what to write in both languages, and the ``placeholder`` check finds every one."""
    from gongkai.template import PLACEHOLDER_PATTERN

    _, _, text, _ = report
    markers = MARKER.findall(text)
    assert len(markers) == 3
    assert PLACEHOLDER_PATTERN.findall(text) == markers
    for marker in markers:
        zh, en = marker.removeprefix("【待填写：").removesuffix("】").split(" / ")
        assert re.search(r"[\u4e00-\u9fff]", zh) and re.fullmatch(r"[ -~]+", en), marker


def test_front_matter_is_an_annual_report_item(report):
    _, _, text, _ = report
    problems = Problems()
    doc = parse_text("disclosures/2025/00001.md", text, problems)
    assert not problems
    meta = {k: value.value for k, value in doc.meta.items()}
    assert meta["index_no"] == "XMFAO/2025-00001"
    assert meta["title"] == "厦门市人民政府外事办公室2024年政府信息公开工作年度报告"
    assert (meta["genre"], meta["category"], meta["disclosure"], meta["draft"]) == (
        "annual-report", "open-government", "proactive", True)
    assert meta["date_written"] == meta["date_published"] == "2025-01-20"


def test_tables_are_frozen_from_the_data_and_marked_in_the_draft(report):
    """The draft holds a marker where each table goes; the figures are frozen beside it (the built page's
    tables: test_annual_reports.py)."""
    repo, _, text, _ = report
    sections = _sections(text)
    for section, n in zip(SECTIONS[1:4], (2, 3, 4)):
        assert sections[section].strip().endswith(f"<!-- gongkai-report:table{n} -->")
    frozen = json.loads((repo / "disclosures/statistics/reports/2024.json").read_text(encoding="utf-8"))
    assert [frozen["table3"][k] for k in v.TABLE3_ROW_KEYS] == [expected(2024)["table3"][k] for k in v.TABLE3_ROW_KEYS]
    want = expected(2024)["table4"]
    assert [frozen["table4"][kind] for kind in v.APPEAL_KIND_KEYS] == [want[kind] for kind in v.APPEAL_KIND_KEYS]
    assert "2024年主动公开政府信息 6 条，其中政策文件 3 条" in sections[SECTIONS[1]]
    assert "新收政府信息公开申请 15 件，上年结转 2 件，办结 15 件，结转下年度继续办理 2 件" in sections[SECTIONS[0]]


def test_saved_draft_is_a_valid_item_once_the_placeholders_are_replaced(report):
    repo, target, text, _ = report
    catalogue, problems = load_catalogue(repo)
    # With the markers in, the only acceptable complaint is the placeholder check.
    assert all(p.code == "placeholder" for p in problems), problems.report()
    target.write_text(MARKER.sub("本机关撰写的内容。", text), encoding="utf-8")
    catalogue, problems = load_catalogue(repo)
    assert not problems, problems.report()
    item = catalogue.find("XMFAO/2025-00001")
    assert item is not None and item.draft and not item.is_published(catalogue.today)


def test_printing_instead_of_saving_picks_the_next_free_number(repo, capsys):
    assert main(["report", "2023", "--root", str(repo), "--date", "2024-01-15"]) == 0
    out, err = capsys.readouterr()
    assert "index_no: XMFAO/2024-00008" in out  # the fixture has 2024/00001 … 00007
    assert "disclosures/2024/00008.md" in err


def test_printing_stops_when_no_number_is_left(repo, capsys):
    """The next free number is the one ``gongkai new`` picks (gongkai.template.next_number): none after 99999."""
    write_item(repo, "XMFAO/2024-99999", date_written="2024-01-02", date_published="2024-01-02")
    assert main(["report", "2023", "--root", str(repo), "--date", "2024-01-15"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "100000" not in err
    assert "2024 年的五位序号已用完" in err and "no 5-digit number is left for 2024" in err


def test_no_report_without_a_statistics_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    repo = fixture_repo(tmp_path, years=("2023",))
    target = repo / "disclosures" / "2025" / "00001.md"
    assert main(["report", "2024", "--root", str(repo), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "2024年没有统计文件" in err and "requests: []" in err
    assert not target.exists()


def test_existing_files_are_not_overwritten(report, capsys):
    repo, target, _, _ = report
    before = target.read_bytes()
    assert main(["report", "2024", "--root", str(repo), "-o", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_force_regenerates_over_the_draft_it_wrote(report, capsys):
    # The draft holds 【待填写】 placeholders; as a draft it only warns, so the repository still loads.
    repo, target, _, _ = report
    assert main(["report", "2024", "--root", str(repo), "-o", str(target), "--force", "--date", "2025-01-20"]) == 0
    assert "【待填写" in target.read_text(encoding="utf-8")
    assert main(["check", "--root", str(repo)]) == 0
    assert "placeholder" in capsys.readouterr().err


def test_a_broken_statistics_file_stops_the_report(repo, capsys):
    (repo / "disclosures" / "statistics" / "2024.yml").write_text("requests: 1\n", encoding="utf-8")
    assert main(["report", "2024", "--root", str(repo)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "disclosures/statistics/2024.yml:1:" in err


def test_an_output_path_through_a_file_is_refused_without_a_traceback(repo, capsys):
    target = repo / "README.md" / "report.md"  # README.md is a file, not a folder
    (repo / "README.md").write_text("readme\n", encoding="utf-8")
    code = main(["report", "2024", "--root", str(repo), "-o", str(target), "--date", "2025-01-20"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"cannot write {target}: " in err and f"无法写入 {target}：" in err
    assert "none of its folders may be an existing file" in err and "Traceback" not in err
    assert (repo / "README.md").read_text(encoding="utf-8") == "readme\n"
