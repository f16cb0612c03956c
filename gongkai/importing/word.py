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
    for number, part in enumerate(document.iter_inner_content(), start=1):
        place = Place(number, unit="paragraph")
        if isinstance(part, Table):
            lines.append(Line("", place, continues=False, block=table_block(part)))
            continue
        text = part.text.strip(" \t\u3000")
        if text:
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
