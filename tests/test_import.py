"""`gongkai import`, run as an editor moving an archive would: text, Word and PDF files made here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, build, make_repo
from import_samples import PDF_PARAGRAPH, make_docx, two_page_pdf
from test_editor_commands import gongkai

from gongkai.importing.officialdoc import DATE_LINE, DOC_NUMBER, chinese_date
from gongkai.loader import load_catalogue

#: The seed: text copied out of the office's PDF, from which disclosures/2022/00001.md was made by hand.
SEED = Path(__file__).parent / "fixtures" / "import" / "000_f9d01605950ad4a3.txt"


def split(text: str) -> tuple[dict, str]:
    """Front matter (parsed) and body of an item's text."""
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body


def problems_by_line(root: Path, rel: str) -> list[tuple[str, int]]:
    """What the real checker says about one file: (code, line) pairs."""
    _, problems = load_catalogue(root, only=[root / rel])
    return sorted((p.code, p.line) for p in problems if p.path == rel)


def report_lines(stdout: str, rel: str) -> list[int]:
    """The item lines the import report names (``rel:LINE``)."""
    return sorted(int(n) for n in re.findall(rf"{re.escape(rel)}:(\d+)", stdout))


# -- the seed ----------------------------------------------------------------------------------------------

def test_the_seed_gives_the_repositorys_item_apart_from_the_repeated_fragment(tmp_path: Path):
    root = make_repo(tmp_path)
    result = gongkai("import", str(SEED), cwd=root)
    assert result.returncode == 0, result.stderr
    meta, body = split((root / "disclosures/2022/00001.md").read_text(encoding="utf-8"))
    hand_meta, hand_body = split((REPO / "disclosures/2022/00001.md").read_text(encoding="utf-8"))
    # keywords and summary are the editor's own words: the import names them as still to write
    assert meta == {k: v for k, v in hand_meta.items() if k not in ("keywords", "summary")}
    assert "[keywords] 关键词（可选）未填写" in result.stdout and "[summary] 内容概述（可选）未填写" in result.stdout
    mark = ("【待填写：换页处重复了“义思想”，删去多余的一份后去掉本标记 / '义思想' is repeated at a page join: "
            "delete the extra copy, then this mark】")
    assert "社会主义思想" + mark + "义思想和习近平法治思想" in body
    assert body.replace("思想" + mark + "义思想和", "思想和") == hand_body
    # flagged with its place in the source and in the item, never silently deleted
    assert (f"{SEED.as_posix()}:35 → disclosures/2022/00001.md:51: 换页处的重复片段“义思想”：上一段以它结尾（第 33 行），"
            "本段以它开头；两份都保留，并在正文中加了标记") in result.stdout
    assert "fragment repeated at a page join, '义思想'" in result.stdout
    for guess in ("[category] 主题分类推测为 rule-of-law：标题含有主题分类“法治政府建设”",
                  "[genre] 体裁分类推测为 report：标题以体裁“报告”结尾", "[date_published] 发布日期取印发日期 2022-03-01"):
        assert guess in result.stdout
    assert "联系人信息“（联系人：查永斌 电话：2856011）”未写入正文" in result.stdout
    assert "查永斌" not in body and "2856011" not in body and "抄送" not in body and "印发" not in body
    # the real checker refuses only the marked fragment, at the line the report gives
    assert problems_by_line(root, "disclosures/2022/00001.md") == [("placeholder", 51)]


# -- Word --------------------------------------------------------------------------------------------------

def test_a_word_file_gives_headings_an_html_table_the_number_and_the_date(tmp_path: Path):
    root = make_repo(tmp_path)
    make_docx(tmp_path / "notice.docx")
    result = gongkai("import", str(tmp_path / "notice.docx"), cwd=root)
    assert result.returncode == 0, result.stderr
    meta, body = split((root / "disclosures/2023/00001.md").read_text(encoding="utf-8"))
    assert meta["title"] == "厦门市人民政府外事办公室关于2023年领事保护宣传工作的通知"
    assert meta["doc_number"] == "厦外〔2023〕7号"
    assert meta["date_written"].isoformat() == "2023-03-15"
    assert (meta["category"], meta["genre"], meta["disclosure"]) == ("consular-protection", "notice", "proactive")
    assert body == (
        "\n各区人民政府，市直各有关单位：\n\n为做好领事保护宣传工作，现将有关事项通知如下。\n\n## 一、工作目标\n\n"
        "提升公民海外安全意识。\n\n### （一）宣传重点\n\n突出重点人群和重点地区。\n\n#### 1.宣传材料\n\n"
        "<table>\n<tr><th>项目</th><th>时间</th><th>单位</th></tr>\n<tr><td rowspan=\"2\">讲座</td><td>3月</td>"
        "<td>市外办</td></tr>\n<tr><td>4月</td><td>各区</td></tr>\n</table>\n\n特此通知。\n")
    assert "发文字号：“厦外【2023】7号”规范为“厦外〔2023〕7号”" in result.stdout
    assert "成文日期：二〇二三年三月十五日 → 2023-03-15" in result.stdout
    assert "发文机关标志“厦门市人民政府外事办公室文件”，未写入正文" in result.stdout
    assert "Word 文件（.docx）" in result.stdout
    assert problems_by_line(root, "disclosures/2023/00001.md") == []


def test_an_imported_word_file_is_published_with_its_headings_and_merged_table(tmp_path: Path):
    from lxml import html as lxml_html

    root = make_repo(tmp_path)
    make_docx(tmp_path / "notice.docx")
    assert gongkai("import", str(tmp_path / "notice.docx"), cwd=root).returncode == 0
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = lxml_html.fromstring((root / "site/disclosures/2023/00001/index.html").read_bytes())
    article = page.xpath("//article")[0]
    assert [h.text_content().strip() for h in article.xpath(".//h2|.//h3")][:2] == ["一、工作目标", "（一）宣传重点"]
    table = article.xpath(".//table[.//td[text()='讲座']]")[0]
    assert [[(c.tag, c.get("rowspan"), c.text_content()) for c in tr.xpath("./th|./td")] for tr in table.xpath(".//tr")] == [
        [("th", None, "项目"), ("th", None, "时间"), ("th", None, "单位")],
        [("td", "2", "讲座"), ("td", None, "3月"), ("td", None, "市外办")],
        [("td", None, "4月"), ("td", None, "各区")]]


def test_word_numbering_in_chinese_counting():
    from gongkai.importing.word import chinese_counting

    assert [chinese_counting(n) for n in (1, 9, 10, 11, 20, 21, 99)] == ["一", "九", "十", "十一", "二十", "二十一", "九十九"]


def test_a_word_table_without_merged_cells_is_a_markdown_table(tmp_path: Path):
    import docx

    from gongkai.importing.word import table_block

    table = docx.Document().add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "项目", (0, 1): "金额|元", (1, 0): "<b>x</b>", (1, 1): "3"}.items():
        table.cell(r, c).text = text
    assert table_block(table) == "| 项目 | 金额\\|元 |\n| --- | --- |\n| &lt;b&gt;x&lt;/b&gt; | 3 |"


# -- PDF ---------------------------------------------------------------------------------------------------

def test_a_two_page_pdf_loses_its_page_numbers_and_header_and_is_joined_across_the_page(tmp_path: Path):
    root = make_repo(tmp_path)
    two_page_pdf(tmp_path / "notice.pdf")
    result = gongkai("import", str(tmp_path / "notice.pdf"), cwd=root)
    assert result.returncode == 0, result.stderr
    rel = "disclosures/2022/00001.md"
    meta, body = split((root / rel).read_text(encoding="utf-8"))
    assert (meta["title"], meta["doc_number"], meta["publisher"]) == (
        "厦门市人民政府外事办公室关于做好2022年涉外安全工作的通知", "厦外〔2022〕12号", "xmfao")
    assert body == ("\n各区外事办、各有关单位：\n\n为做好2022年涉外安全工作，切实维护我市公民和企业在海外的合法权益，"
                    f"现将有关事项通知如下。\n\n## 一、加强组织领导\n\n{PDF_PARAGRAPH}\n\n特此通知。\n")
    pdf = (tmp_path / "notice.pdf").as_posix()
    assert f"{pdf}（第 1 页第 12 行 / page 1, line 12）: 删去页码“—1—”" in result.stdout
    assert f"{pdf}（第 2 页第 1 行 / page 2, line 1）: 删去页眉页脚（每页重复）“厦门市外办关于做好涉外安全工作的通知”" in result.stdout
    assert f"{pdf}（第 2 页第 2 行 / page 2, line 2）: 与上一段接上：上一段在句子中间断开（换页）" in result.stdout
    assert "PDF 文件（2 页，文字层）" in result.stdout
    # no category label in the title: a placeholder, never an invented value; the checker refuses only it
    assert meta["category"].startswith("【待填写")
    assert problems_by_line(root, rel) == [("placeholder", 8)] and report_lines(result.stdout, rel) == [8]


def test_a_scanned_pdf_is_reported_and_the_other_files_still_imported(tmp_path: Path):
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    root = make_repo(tmp_path)
    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan))
    c.drawImage(ImageReader(Image.new("L", (40, 60), 200)), 50, 50, 400, 600)
    c.showPage()
    c.save()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not a PDF\n")
    result = gongkai("import", str(scan), str(broken), str(SEED), cwd=root)
    assert result.returncode == 1
    assert (f"{scan.as_posix()}: 错误 error: PDF 没有文字层，只有图像（扫描件？共 1 页）：无法导入文字。\n"
            "    the PDF has no text layer, only images (a scan? 1 page(s)): there is no text to import.\n") in result.stderr
    assert f"{broken.as_posix()}: 错误 error: PDF 文件已损坏或无法解析" in result.stderr
    assert "the PDF is damaged or cannot be parsed" in result.stderr
    assert "Traceback" not in result.stderr
    assert "已导入 1 个文件，失败 2 个。 / 1 file(s) imported, 2 failed." in result.stdout
    assert sorted(p.name for p in (root / "disclosures").rglob("*.md")) == ["00001.md"]


@pytest.mark.parametrize("name, data, message", [
    ("old.doc", b"\xd0\xcf\x11\xe0", "不支持 .doc 文件。"),
    ("binary.txt", bytes(range(256)) * 4, "文件既不是 UTF-8 也不是 GB18030 编码的文本"),
    ("zip.docx", b"PK\x03\x04 not really a zip", "不是可以读取的 Word（.docx）文件"),
    ("empty.txt", b"  \n", "文件是空的。"),
])
def test_an_unreadable_file_gets_a_clear_message_in_both_languages(tmp_path: Path, name: str, data: bytes,
                                                                    message: str):
    root = make_repo(tmp_path)
    (tmp_path / name).write_bytes(data)
    result = gongkai("import", str(tmp_path / name), str(tmp_path / "missing.txt"), cwd=root)
    assert result.returncode == 1
    assert message in result.stderr and "How to fix:" in result.stderr and "Traceback" not in result.stderr
    assert "无法读取文件" in result.stderr  # the missing file too: every file is reported
    assert not list((root / "disclosures").rglob("*.md"))


# -- text files --------------------------------------------------------------------------------------------

NOTICE = """关于2024年国庆节假期安全提醒的通知

各有关单位：

国庆节假期临近，请提醒出境人员注意安全。如遇紧急情况，请联系值班人员13912345678。

特此通知。

厦门市人民政府外事办公室
2024年9月20日
"""


def test_a_gb18030_file_without_a_disclosure_mark_is_imported_and_the_mark_left_to_the_editor(tmp_path: Path):
    root = make_repo(tmp_path)
    source = tmp_path / "通知.txt"
    source.write_bytes(NOTICE.encode("gb18030"))
    result = gongkai("import", str(source), cwd=root)
    assert result.returncode == 0, result.stderr
    rel = "disclosures/2024/00001.md"
    meta, body = split((root / rel).read_text(encoding="utf-8"))
    assert "文本文件（GB18030 编码）" in result.stdout and "text file (GB18030)" in result.stdout
    assert meta["title"] == "关于2024年国庆节假期安全提醒的通知"
    assert meta["disclosure"] == "【待填写：公开属性 / Disclosure type】"
    assert ("[disclosure] 公开属性：原件没有公开属性标注（如“（此件主动公开）”），不作推测，已写成占位文字。"
            in result.stdout)
    # the mobile number is not written; the report gives its line
    assert "13912345678" not in body and "【待填写：此处删去了手机号码“139…” / a mobile phone number ('139…') was removed here】" in body
    assert f"{source.as_posix()}:5 → {rel}:" in result.stdout and "疑似手机号码“13912345678”" in result.stdout
    # the checker refuses exactly the lines the report names: category, disclosure and the removed number
    lines = report_lines(result.stdout, rel)
    assert [line for _, line in problems_by_line(root, rel)] == lines and len(lines) == 3
    assert {code for code, _ in problems_by_line(root, rel)} == {"placeholder"}


def test_dry_run_writes_nothing_and_numbers_follow_each_other(tmp_path: Path):
    root = make_repo(tmp_path, seed=True)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(NOTICE, encoding="utf-8")
    second.write_text(NOTICE.replace("2024年9月20日", "2022年9月20日"), encoding="utf-8")
    dry = gongkai("import", "--dry-run", str(first), str(second), str(first), cwd=root)
    assert dry.returncode == 0, dry.stderr
    assert "--- disclosures/2024/00001.md ---" in dry.stdout and "--- disclosures/2024/00002.md ---" in dry.stdout
    assert "--- disclosures/2022/00002.md ---" in dry.stdout  # after the repository's own 00001
    assert not (root / "disclosures/2024").exists()
    before = (root / "disclosures/2022/00001.md").read_bytes()
    assert "disclosures/2024/00001.md 已有同样标题的条目：是否重复导入？" in dry.stdout  # the third file
    real = gongkai("import", "--year", "2022", str(first), cwd=root)
    assert real.returncode == 0 and "→ disclosures/2022/00002.md" in real.stdout
    again = gongkai("import", "--year", "2022", str(first), cwd=root)
    assert "→ disclosures/2022/00003.md" in again.stdout
    assert "disclosures/2022/00002.md has the same title: imported twice?" in again.stdout
    assert gongkai("import", "--year", "22", str(first), cwd=root).returncode == 2
    assert (root / "disclosures/2022/00001.md").read_bytes() == before


# -- the parts of a 公文 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("written, iso", [("二〇二二年三月一日", "2022-03-01"), ("二○二三年十二月三十一日", "2023-12-31"),
                                          ("2022年3月1日", "2022-03-01"), ("２０２２年１０月２０日", "2022-10-20")])
def test_chinese_dates(written: str, iso: str):
    assert chinese_date(DATE_LINE.match(written)).isoformat() == iso


@pytest.mark.parametrize("written", ["厦外〔2022〕12号", "厦外【2022】12号", "厦外[2022]12号", "厦外（2022）12号"])
def test_document_numbers_in_any_brackets(written: str):
    m = DOC_NUMBER.match(written)
    assert (m.group("org"), m.group("year"), m.group("number")) == ("厦外", "2022", "12")


def test_page_join_repairs_keep_structure_apart():
    from gongkai.importing.lines import Line, Place
    from gongkai.importing.repair import repair

    lines = tuple(Line(t, Place(n)) for n, t in enumerate([
        "一、总体要求", "各单位要高度重视，切实加强", "组织领导。", "— 2 —", "第3页", "厦门市人民政府外事办公室", "2022年3月1日"], 1))
    paragraphs, repairs = repair(lines)
    assert [p.text for p in paragraphs] == ["一、总体要求", "各单位要高度重视，切实加强组织领导。", "厦门市人民政府外事办公室", "2022年3月1日"]
    assert [text for _, text, _ in repairs.dropped] == ["—2—", "第3页"]


def test_a_title_over_two_lines_a_bracketed_number_and_a_signature_on_one_line():
    from gongkai.importing.lines import Line, Place
    from gongkai.importing.officialdoc import recognise
    from gongkai.importing.repair import repair

    text = ["厦门市人民政府外事办公室关于", "2023年因公出国（境）管理工作的报告", "厦外[2023]3号", "市政府：",
            "现将有关情况报告如下。", "专此报告。", "厦门市人民政府外事办公室 2023年1月5日", "（此件依申请公开）"]
    doc = recognise(repair(tuple(Line(t, Place(n)) for n, t in enumerate(text, 1)))[0])
    assert doc.title.text == "厦门市人民政府外事办公室关于2023年因公出国（境）管理工作的报告"
    assert (doc.doc_number.text, doc.doc_number_normalised) == ("厦外[2023]3号", "厦外〔2023〕3号")
    assert (doc.salutation.text, doc.closing.text) == ("市政府：", "专此报告。")
    assert [o.text for o in doc.offices] == ["厦门市人民政府外事办公室"] and doc.written.isoformat() == "2023-01-05"
    assert doc.disclosure_label == "依申请公开"
    assert [b.text for b in doc.body] == ["市政府：", "现将有关情况报告如下。", "专此报告。"]


@pytest.mark.parametrize("text, markdown", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("*重点* 与 [链接](x)", "\\*重点\\* 与 \\[链接\\]\\(x)"),
    ("# 不是标题", "\\# 不是标题"), ("1. 不是列表", "1\\. 不是列表"), ("- 不是列表", "\\- 不是列表"),
    ("1.加强学习", "1.加强学习"),
])
def test_document_text_is_written_as_markdown_that_shows_it_as_written(text: str, markdown: str):
    from gongkai.importing.markdown import escape_markdown

    assert escape_markdown(text) == markdown


def test_an_existing_file_is_never_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    from gongkai.cli import main
    from gongkai.commands import import_files

    root = make_repo(tmp_path, seed=True)
    before = (root / "disclosures/2022/00001.md").read_bytes()
    monkeypatch.setattr(import_files, "next_number", lambda root, year: "00001")  # as if another editor raced us
    assert main(["import", "--root", str(root), str(SEED)]) == 1
    assert "disclosures/2022/00001.md 已经存在，不会被覆盖。" in capsys.readouterr().err
    assert (root / "disclosures/2022/00001.md").read_bytes() == before


PIECES = ["厦门市人民政府外事办公室文件", "厦外【2022】12号", "厦门市人民政府外事办公室关于", "2022年工作情况的报告", "市委、市政府：",
          "为做好工作，现报告如下：", "一、加强组织领导。各处室要认真落实", "责任，确保工作落到实处。", "（一）工作目标",
          "1. 完善制度", "社会主义思想", "义思想和法治思想", "专此报告。", "特此通知。", "厦门市人民政府外事办公室",
          "二〇二二年三月一日", "2022年13月40日", "（此件主动公开）", "（此件不予公开）", "（联系人：张三 电话：13912345678）",
          "抄送：市委办。", "2022年3月2日印发", "— 2 —", "第3页", "<script>alert(1)</script>", "*重点* [链接](x)",
          "身份证号110105194912310029。", "附件：1.名单", "# 标题", "---", "title: 假", "【待填写】"]


def test_any_mix_of_parts_converts_into_an_item_the_checker_reads_and_refuses_only_at_placeholders(tmp_path: Path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from gongkai.config import load_config
    from gongkai.importing.conversion import convert
    from gongkai.importing.lines import Line, Place, Reading
    from gongkai.problems import Problems
    from gongkai.text import Text

    root = make_repo(tmp_path)
    config = load_config(root, Problems())
    rel = "disclosures/2022/00001.md"
    (root / rel).parent.mkdir()

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.sampled_from(PIECES), max_size=14))
    def check(pieces: list[str]):
        reading = Reading(tuple(Line(t, Place(n)) for n, t in enumerate(pieces, 1)), Text("测试", "test"))
        imported = convert(reading, config)
        (root / rel).write_text(imported.text("XMFAO/2022-00001"), encoding="utf-8")
        found = problems_by_line(root, rel)
        assert {code for code, _ in found} <= {"placeholder"}, (pieces, found)
        # every line the checker refuses is one the import reported, and the other way round
        assert {line for _, line in found} == {n.item_line for n in imported.notes if n.item_line}, (pieces, found)

    check()


def test_text_copied_out_of_a_pdf_loses_the_running_header_beside_its_page_numbers():
    from gongkai.importing.lines import Line, Place
    from gongkai.importing.repair import repair

    text = ["厦门市外办文件", "关于做好涉外安全工作的通知", "各单位要高度重视涉外安全工作，切实加强", "- 1 -", "厦门市外办文件",
            "组织领导。", "- 2 -", "厦门市外办文件", "特此通知。", "- 3 -"]
    paragraphs, repairs = repair(tuple(Line(t, Place(n)) for n, t in enumerate(text, 1)))
    assert [p.text for p in paragraphs] == ["关于做好涉外安全工作的通知", "各单位要高度重视涉外安全工作，切实加强组织领导。", "特此通知。"]
    assert [(place.line, why.en) for place, _, why in repairs.dropped] == [
        (1, "running header or footer"), (4, "page number"), (5, "running header or footer"), (7, "page number"),
        (8, "running header or footer"), (10, "page number")]
