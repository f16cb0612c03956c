"""Reading a PDF's text layer with pdfminer.six: lines with their place on the page.

pdfminer.six rather than pypdf: its layout analysis gives each text line's box, which the
repairs need (a paragraph's first-line indent, a line that ends short of the margin, what
stands at the top and foot of every page), and it brings the Adobe-GB1 character maps that
Chinese PDFs made with the standard CID fonts (STSong-Light, as in many office exports) need.
A scanned PDF has no text layer: it is reported, not read by OCR.
"""

from __future__ import annotations

import io
import logging
from collections import Counter
from dataclasses import dataclass

from ..text import Text
from .lines import Line, Place, Reading, Unreadable


@dataclass(frozen=True)
class _Box:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    height: float
    indented: bool
    """The text starts with spaces (a first-line indent drawn as ideographic spaces)."""


def read_pdf(data: bytes) -> Reading:
    boxes, image_pages, pages = _layout(data)
    if not boxes:
        if image_pages:
            raise Unreadable(Text(f"PDF 没有文字层，只有图像（扫描件？共 {pages} 页）：无法导入文字。",
                                  f"the PDF has no text layer, only images (a scan? {pages} page(s)): there is no text "
                                  "to import."),
                             Text("找到原始的 Word 或带文字层的 PDF 再导入；扫描件须由人工录入或先做文字识别（OCR）并校对。",
                                  "Find the original Word file or a PDF with text and import that; a scan must be "
                                  "typed in, or recognised by OCR and proofread first."))
        raise Unreadable(Text("PDF 中没有任何文字。", "the PDF has no text at all."),
                         Text("检查是否选错了文件。", "Check that this is the right file."))
    notes = tuple((Place(1, page), Text(f"第 {page} 页没有文字层（扫描页？），未导入。",
                                       f"page {page} has no text layer (a scanned page?) and was not imported."))
                  for page in sorted(image_pages - {b.page for b in boxes}))
    return Reading(_lines(boxes), Text(f"PDF 文件（{pages} 页，文字层）", f"PDF file ({pages} page(s), text layer)"),
                   notes)


def _layout(data: bytes) -> tuple[list[_Box], set[int], int]:
    """The text lines of every page in reading order, the pages with images, and the number of pages."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTFigure, LTImage, LTPage, LTTextBox, LTTextLine

    boxes: list[_Box] = []
    image_pages: set[int] = set()
    pages = 0
    quiet = logging.getLogger("pdfminer")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), start=1):
            pages = number
            assert isinstance(page, LTPage)
            found = []
            for item in _walk(page, (LTTextBox, LTFigure)):
                text = item.get_text() if isinstance(item, LTTextLine) else ""
                if text.strip():
                    indented = text[:1] in ("\u3000", "\t") or text.startswith("  ")
                    found.append(_Box(text.strip(), number, item.x0, item.x1, page.height - item.y1, item.height,
                                      indented))
                elif isinstance(item, LTImage):
                    image_pages.add(number)
            boxes += sorted(found, key=lambda b: (round(b.top), b.x0))
    except Exception as exc:  # noqa: BLE001 - a damaged PDF can fail anywhere inside the parser
        raise Unreadable(Text(f"PDF 文件已损坏或无法解析（{type(exc).__name__}）。",
                              f"the PDF is damaged or cannot be parsed ({type(exc).__name__})."),
                         Text("用 PDF 阅读器打开检查；能打开时“另存为”或“打印为 PDF”得到新文件再导入。加密的 PDF 须先去掉密码。",
                              "Open it in a PDF reader; if it opens, save or print it as a new PDF and import that. "
                              "An encrypted PDF must have its password removed first.")) from None
    finally:
        quiet.setLevel(level)
    return boxes, image_pages, pages


def _walk(container, containers):
    for item in container:
        yield item
        if isinstance(item, containers):
            yield from _walk(item, containers)


def _lines(boxes: list[_Box]) -> tuple[Line, ...]:
    """Lines with what the layout says of ``continues``: an indented line (a paragraph's first, or a
    centred or right-aligned one) starts a paragraph; a line after one that reaches the right margin
    continues it; otherwise the text decides (None), as at the top of a page."""
    left = Counter(round(b.x0) for b in boxes).most_common(1)[0][0]
    right = max(b.x1 for b in boxes)
    lines: list[Line] = []
    on_page = 0
    for i, box in enumerate(boxes):
        before = boxes[i - 1] if i and boxes[i - 1].page == box.page else None
        on_page = on_page + 1 if before else 1
        continues = None
        if box.indented or box.x0 > left + 0.5 * box.height:
            continues = False
        elif before is not None and before.x1 >= right - 2 * before.height:
            continues = True
        lines.append(Line(box.text, Place(on_page, box.page), continues=continues))
    return tuple(lines)
