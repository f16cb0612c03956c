"""Reading a Word file (.docx) with python-docx: paragraphs, headings by style, tables."""

from __future__ import annotations

import io
import re
import zipfile

from ..html import esc
from ..text import Text
from .lines import Line, Place, Reading, Unreadable
from .markdown import escape_markdown

#: ``Heading 2`` (and the Chinese ``标题 2``): the heading level of a paragraph style.
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_TITLE_STYLES = ("title", "标题")


def read_docx(data: bytes) -> Reading:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
        raise Unreadable(Text(f"不是可以读取的 Word（.docx）文件：{exc}。", f"not a readable Word (.docx) file: {exc}."),
                         Text("在 Word 或 WPS 中打开文件，另存为 .docx 后再导入；.doc 格式须先转换。",
                              "Open it in Word or WPS and save it as .docx, then import that; .doc files must be "
                              "converted first.")) from None
    lines: list[Line] = []
    numbering = _Numbering(document)
    for number, part in enumerate(document.iter_inner_content(), start=1):
        place = Place(number, unit="paragraph")
        if isinstance(part, Table):
            lines.append(Line("", place, continues=False, block=table_block(part)))
            continue
        text = part.text.strip(" \t\u3000")
        if text:
            text = numbering.label(part) + text
            lines.append(Line(text.replace("\n", " "), place, continues=False, level=_style_level(part)))
    return Reading(tuple(lines), Text("Word 文件（.docx）", "Word file (.docx)"))


def _style_level(paragraph) -> int | None:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    match = _HEADING_STYLE.match(name.strip())
    if match:
        return int(match.group(1))
    return 0 if name.strip().lower() in _TITLE_STYLES else None


def table_block(table) -> str:
    """A Markdown table, or an HTML table when cells span several rows or columns (Markdown cannot)."""
    from docx.table import _Cell

    grid: list[list[tuple[str, int, str | None]]] = []  # per row: (text, colspan, vMerge)
    for tr in table._tbl.tr_lst:
        grid.append([(_cell_text(_Cell(tc, table)), tc.grid_span, tc.vMerge) for tc in tr.tc_lst])
    spans = any(span > 1 or merge is not None for row in grid for _, span, merge in row)
    return _html_table(grid) if spans else _markdown_table([[text for text, _, _ in row] for row in grid])


def _cell_text(cell) -> str:
    return " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def _markdown_table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    cells = [[escape_markdown(c).replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cells[1:]])


def _html_table(grid: list[list[tuple[str, int, str | None]]]) -> str:
    """``<table>`` with colspan and rowspan; the first row is the header row."""
    columns = [[] for _ in grid]  # the grid column each cell starts at
    for r, row in enumerate(grid):
        col = 0
        for _, span, _ in row:
            columns[r].append(col)
            col += span
    html = ["<table>"]
    for r, row in enumerate(grid):
        cells = []
        for c, (text, span, merge) in enumerate(row):
            if merge == "continue":
                continue
            rowspan = 1
            while merge == "restart" and r + rowspan < len(grid) and _continues(grid, columns, r + rowspan, columns[r][c]):
                rowspan += 1
            tag = "th" if r == 0 else "td"
            attrs = (f' colspan="{span}"' if span > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
            cells.append(f"<{tag}{attrs}>{esc(text)}</{tag}>")
        html.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(html + ["</table>"])


def _continues(grid, columns, r: int, col: int) -> bool:
    return any(start == col and grid[r][i][2] == "continue" for i, start in enumerate(columns[r]))


#: Word's number formats and how each writes a number (Chinese counting for 一、 and （一）).
_CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese_counting(n: int) -> str:
    """1–99 in Chinese counting: 一, 十, 十一, 二十一."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _CHINESE_DIGITS[ones]
    return (_CHINESE_DIGITS[tens] if tens > 1 else "") + "十" + (_CHINESE_DIGITS[ones] if ones else "")


_FORMATS = {"decimal": str, "chineseCounting": chinese_counting, "chineseCountingThousand": chinese_counting,
            "ideographTraditional": chinese_counting, "taiwaneseCounting": chinese_counting,
            "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))}


class _Numbering:
    """Word's automatic numbering (a paragraph's or its style's numPr): the number Word shows before the
    text, such as 一、 or 1., which is not part of the paragraph's text."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) → (format, text, start)
        self._counts: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            for lvl in abstract.get(ref.get(qn("w:val")) if ref is not None else None, root).findall(qn("w:lvl")):
                self._levels[(num.get(qn("w:numId")), int(lvl.get(qn("w:ilvl"), "0")))] = (
                    self._val(lvl, "w:numFmt", "decimal"), self._val(lvl, "w:lvlText", ""),
                    int(self._val(lvl, "w:start", "1")))

    def _val(self, element, tag: str, default: str) -> str:
        child = element.find(self._qn(tag))
        return child.get(self._qn("w:val"), default) if child is not None else default

    def label(self, paragraph) -> str:
        """The number Word shows before ``paragraph`` ("" when it is not numbered); counts as it goes."""
        num_id, level = self._num_pr(paragraph)
        if num_id is None or (num_id, level) not in self._levels:
            return ""
        counts = self._counts.setdefault(num_id, [0] * 9)
        counts[level] += 1
        counts[level + 1:] = [0] * (8 - level)
        text = self._levels[(num_id, level)][1]
        for i in range(level + 1):
            fmt, _, start = self._levels.get((num_id, i), ("decimal", "", 1))
            number = _FORMATS.get(fmt, str)(max(counts[i], 1) + start - 1)
            text = text.replace(f"%{i + 1}", number)
        return text.strip()

    def _num_pr(self, paragraph) -> tuple[str | None, int]:
        for element in (paragraph._p, paragraph.style.element if paragraph.style is not None else None):
            ppr = element.pPr if element is not None else None
            num_pr = ppr.numPr if ppr is not None else None
            if num_pr is not None and num_pr.numId is not None:
                level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
                return (str(num_pr.numId.val) if num_pr.numId.val else None), int(level)
        return None, 0
