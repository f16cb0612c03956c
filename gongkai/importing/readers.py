"""Reading a file into lines: which reader a file needs, and the reader of text files."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..text import Text
from .lines import Line, Place, Reading, Unreadable

#: The file types ``gongkai import`` reads.
SUFFIXES = (".txt", ".docx", ".pdf")

#: Control characters no document text has (tab, line and page breaks aside): a sign of a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_file(path: Path) -> Reading:
    """The lines of ``path``; raises :class:`Unreadable` with the reason when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise Unreadable(Text(f"不支持 {suffix or '无扩展名'} 文件。", f"{suffix or 'a file without extension'} "
                              "files are not supported."),
                         Text("只能导入 .txt、.docx 和带文字层的 .pdf；.doc 和 .wps 请先在 Word 或 WPS 中另存为 .docx。",
                              "Only .txt, .docx and .pdf with a text layer can be imported; save .doc and .wps files "
                              "as .docx in Word or WPS first."))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Unreadable(Text(f"无法读取文件：{exc.strerror}。", f"the file cannot be read: {exc.strerror}."),
                         Text("检查文件名是否正确、文件是否存在且可以读取。",
                              "Check that the name is right and that the file exists and can be read.")) from None
    if not data.strip():
        raise Unreadable(Text("文件是空的。", "the file is empty."),
                         Text("换用含有正文的文件。", "Use a file that has the document's text."))
    if suffix == ".txt":
        return read_text(data)
    if suffix == ".docx":
        from .word import read_docx
        return read_docx(data)
    from .pdf import read_pdf
    return read_pdf(data)


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a text file and its encoding's name: UTF-8 (with or without BOM), UTF-16 with a BOM,
    else GB18030 (which includes GBK and GB2312)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), "UTF-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "GB18030"


def read_text(data: bytes) -> Reading:
    """A text file: one :class:`Line` per non-empty line; whether lines belong together is left to the text."""
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError:
        text, encoding = "", ""
    if not encoding or _CONTROL.search(text):
        raise Unreadable(Text("文件既不是 UTF-8 也不是 GB18030 编码的文本（可能是二进制文件或已损坏）。",
                              "the file is neither UTF-8 nor GB18030 text (it may be a binary file, or damaged)."),
                         Text("用记事本或 WPS 打开文件，另存为 UTF-8 编码的 .txt 后再导入。",
                              "Open it in a text editor or WPS, save it as a .txt in UTF-8, and import that."))
    lines = tuple(Line(raw.strip(" \t\u3000\ufeff"), Place(number))
                  for number, raw in enumerate(text.splitlines(), start=1) if raw.strip(" \t\u3000\ufeff"))
    return Reading(lines, Text(f"文本文件（{encoding} 编码）", f"text file ({encoding})"))
