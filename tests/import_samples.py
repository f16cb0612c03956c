"""Documents made for the import tests and benchmark: a Word notice and a two-page PDF notice."""

from __future__ import annotations

from pathlib import Path


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("厦门市人民政府外事办公室文件")
    document.add_paragraph("厦外【2023】7号")
    document.add_heading("厦门市人民政府外事办公室关于2023年领事保护宣传工作的通知", level=0)
    document.add_paragraph("各区人民政府，市直各有关单位：")
    document.add_paragraph("为做好领事保护宣传工作，现将有关事项通知如下。")
    document.add_heading("一、工作目标", level=1)
    document.add_paragraph("提升公民海外安全意识。")
    document.add_heading("（一）宣传重点", level=2)
    document.add_paragraph("突出重点人群和重点地区。")
    document.add_paragraph("宣传材料", style="List Number")  # numbered by Word, not in the text: 1.
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["项目", "时间", "单位"], ["讲座", "3月", "市外办"], ["", "4月", "各区"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # 讲座 spans two rows
    document.add_paragraph("特此通知。")
    document.add_paragraph("厦门市人民政府外事办公室")
    document.add_paragraph("二〇二三年三月十五日")
    document.add_paragraph("（此件主动公开）")
    document.save(path)


PDF_PARAGRAPH = ("各单位要高度重视涉外安全工作，建立健全工作机制，明确责任分工，加强与公安、商务等部门的沟通协调，"
                 "及时掌握本单位出国（境）人员情况，做好行前教育和安全提醒，确保各项措施落到实处，切实防范各类涉外安全风险。")


def make_pdf(path: Path, pages: list[list[tuple[str, str]]], header: str | None = None) -> None:
    """A PDF in reportlab's built-in Chinese CID font: per page, lines as (alignment, text), with an
    optional running header on top and a page number (— n —) at the foot."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        if header:
            c.setFont("STSong-Light", 10)
            c.drawCentredString(width / 2, height - 40, header)
        c.setFont("STSong-Light", 16)
        for n, (align, text) in enumerate(lines):
            y = height - 100 - n * 29
            if align == "center":
                c.drawCentredString(width / 2, y, text)
            elif align == "right":
                c.drawRightString(width - 112, y, text)
            else:
                c.drawString(80, y, text)
        c.setFont("STSong-Light", 12)
        c.drawCentredString(width / 2, 40, f"— {number} —")
        c.showPage()
    c.save()


def wrapped(text: str) -> list[tuple[str, str]]:
    """A paragraph as the lines of a page 27 characters wide, its first line indented by two spaces."""
    text = "\u3000\u3000" + text
    return [("left", text[i:i + 27]) for i in range(0, len(text), 27)]


def two_page_pdf(path: Path) -> None:
    body = wrapped(PDF_PARAGRAPH)
    make_pdf(path, [
        [("center", "厦门市人民政府外事办公室关于做好"), ("center", "2022年涉外安全工作的通知"), ("center", "厦外〔2022〕12号"),
         ("left", "各区外事办、各有关单位："), *wrapped("为做好2022年涉外安全工作，切实维护我市公民和企业在海外的合法权益，"
                                              "现将有关事项通知如下。"), ("left", "\u3000\u3000一、加强组织领导"), *body[:3]],
        [*body[3:], ("left", "\u3000\u3000特此通知。"), ("right", "厦门市人民政府外事办公室"), ("right", "2022年3月15日"),
         ("left", "\u3000\u3000（此件主动公开）")],
    ], header="厦门市外办关于做好涉外安全工作的通知")
