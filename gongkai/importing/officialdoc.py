"""The parts of a Chinese official document (公文) and how each is written.

GB/T 9704-2012 lays a 公文 out as a head (发文机关标志, 发文字号, title, 主送机关),
the body (正文, with numbered headings 一、 （一） 1. （1）, ending in a closing
formula such as 特此通知。), the signature (发文机关署名 and 成文日期), then notes
such as the disclosure mark (（此件主动公开）) and the 版记 (抄送, 印发). This
module finds each part in the paragraphs ``repair`` gives, and says which
lines are structure rather than running text (which ``repair`` must not join).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .lines import Paragraph, Place

_NUM = "〇○零一二三四五六七八九十"
_DATE = (rf"(?P<year>\d{{4}}|[{_NUM}]{{4}})\s*年\s*(?P<month>\d{{1,2}}|[{_NUM}]{{1,3}})\s*月"
         rf"\s*(?P<day>\d{{1,2}}|[{_NUM}]{{1,3}})\s*日")
DATE_LINE = re.compile(rf"^{_DATE}$")
"""A signature date alone on its line: 2022年3月1日, 二〇二二年三月一日."""
SIGNED_LINE = re.compile(rf"^(?P<office>\S.{{1,40}}?)\s*{_DATE}$")
"""Office and date on one line."""
PRINTED_LINE = re.compile(rf"^(?P<office>.*?)\s*{_DATE}\s*印发$")
"""The 印发 line of the 版记: 厦门市人民政府外事办公室 2022年3月1日印发."""
DOC_NUMBER = re.compile(r"^[（(]?\s*(?P<org>[\u4e00-\u9fff]{1,15})\s*(?P<open>[〔【\[［（(])\s*(?P<year>\d{4})\s*"
                        r"(?P<close>[〕】\]］）)])\s*第?\s*(?P<number>\d{1,5})\s*号\s*[）)]?$")
"""发文字号: 厦外〔2022〕12号, also written with 【】, [] or () brackets."""
DISCLOSURE_MARK = re.compile(r"^[（(]\s*(?:此件|本件)?\s*(?P<mark>主动公开|依申请公开|不予公开)\s*[）)]$")
CONTACT = re.compile(r"^[（(]?\s*(?:联系人|联系电话|联系方式)\s*[:：]")
COPIED_TO = re.compile(r"^(?:抄送|主题词)\s*[:：]")
CLOSING = re.compile(r"^(?:特此|专此|谨此|此复|此致)[\u4e00-\u9fff]{0,4}[。！!]?$")
SALUTATION = re.compile(r"^[^。！？；]{2,60}[:：]$")
ATTACHMENT = re.compile(r"^附件\s*[:：\d]")
#: Numbered headings and the Markdown level of each: 一、 → ##, （一） → ###, 1. → ####, （1） → #####.
HEADINGS = (
    (re.compile(r"^[一二三四五六七八九十]{1,3}、"), 2),
    (re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]"), 3),
    (re.compile(r"^\d{1,2}[.．、](?!\d)"), 4),
    (re.compile(r"^[（(]\d{1,2}[）)]"), 5),
)
#: The 文种 (kinds of document) a title ends with.
DOCUMENT_KINDS = ("报告", "通知", "通报", "公告", "通告", "意见", "决定", "办法", "规定", "方案", "计划", "总结",
                  "批复", "函", "请示", "纪要", "规划", "细则", "要点", "预算", "决算")
#: A heading run into its paragraph ends at its first full stop when that comes this early.
HEADING_MAX = 40

_SENTENCE_END = "。！？；：!?;:…"
_CLOSERS = "”’」』）)》"


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (after any closing quotes or brackets)."""
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and (stripped[-1] in _SENTENCE_END or (stripped != text and stripped[-1] in "。！？"))


def heading_level(text: str) -> int | None:
    return next((level for pattern, level in HEADINGS if pattern.match(text)), None)


def is_structure(text: str) -> bool:
    """A line that is a part of its own: it never continues, nor is continued by, running text."""
    return bool(DATE_LINE.match(text) or PRINTED_LINE.match(text) or DOC_NUMBER.match(text)
                or DISCLOSURE_MARK.match(text) or CONTACT.match(text) or COPIED_TO.match(text)
                or CLOSING.match(text) or ATTACHMENT.match(text) or heading_level(text) is not None)


def ends_part(text: str) -> bool:
    """A line after which running text does not go on, though it has no full stop: a heading without one,
    a title (it ends with the kind of document), a signature line, any other :func:`is_structure` line."""
    if heading_level(text) is not None:
        return "。" not in text and len(text) <= HEADING_MAX
    if is_structure(text):
        return True
    return len(text) <= 60 and text.endswith(DOCUMENT_KINDS)


def chinese_date(match: re.Match) -> date | None:
    """The date a :data:`DATE_LINE`-style match names, or None when it is no real date."""
    try:
        return date(_number(match.group("year"), digits=True), _number(match.group("month")),
                    _number(match.group("day")))
    except ValueError:
        return None


def _number(text: str, digits: bool = False) -> int:
    """``2022``, ``二〇二二`` (digit by digit), ``十二``, ``二十一`` as a number."""
    text = unicodedata.normalize("NFKC", text)
    if text.isdigit():
        return int(text)
    values = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}
    if digits or "十" not in text:
        return int("".join(str(values[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (values[tens] if tens else 1) * 10 + (values[ones] if ones else 0)


@dataclass(frozen=True)
class Part:
    """One recognised part: its text as written and where it is."""

    text: str
    place: Place


@dataclass(frozen=True)
class Block:
    """One block of the body: a heading (``level`` 2–6), a paragraph (level 0) or a finished table."""

    text: str
    place: Place
    level: int = 0
    table: bool = False


@dataclass
class OfficialDocument:
    """What was recognised in a document."""

    title: Part | None = None
    masthead: Part | None = None
    doc_number: Part | None = None
    """发文字号 as written."""
    doc_number_normalised: str | None = None
    salutation: Part | None = None
    closing: Part | None = None
    offices: list[Part] = field(default_factory=list)
    """发文机关署名, one part per issuing office."""
    date_written: Part | None = None
    written: date | None = None
    contact: list[Part] = field(default_factory=list)
    disclosure_mark: Part | None = None
    disclosure_label: str | None = None
    copied_to: list[Part] = field(default_factory=list)
    printed: Part | None = None
    """印发 line (office and date)."""
    printed_on: date | None = None
    body: list[Block] = field(default_factory=list)
    after_signature: list[Part] = field(default_factory=list)
    """Paragraphs after the signature that are none of the known notes (kept at the end of the body)."""


def recognise(paragraphs: list[Paragraph]) -> OfficialDocument:
    """Find each part of the 公文 in ``paragraphs`` (in order); what is left is the body."""
    doc = OfficialDocument()
    rest = _take_notes(doc, list(paragraphs))
    rest = _take_head(doc, rest)
    end = _take_signature(doc, rest)
    doc.body = [block for p in rest[:end] for block in _blocks(p)]
    for p in rest[end:]:
        doc.after_signature.append(Part(p.text, p.place))
        doc.body += _blocks(p)
    closing = next((b for b in reversed(doc.body) if not b.table and b.level == 0), None)
    if closing is not None and CLOSING.match(closing.text):
        doc.closing = Part(closing.text, closing.place)
    return doc


def _take_notes(doc: OfficialDocument, paras: list[Paragraph]) -> list[Paragraph]:
    """Take out the notes that stand anywhere after the body: disclosure mark, contact, 抄送, 印发."""
    kept: list[Paragraph] = []
    for p in paras:
        text = p.text
        if p.block is None and (m := DISCLOSURE_MARK.match(text)):
            doc.disclosure_mark, doc.disclosure_label = Part(text, p.place), m.group("mark")
        elif p.block is None and CONTACT.match(text):
            doc.contact.append(Part(text, p.place))
        elif p.block is None and COPIED_TO.match(text):
            doc.copied_to.append(Part(text, p.place))
        elif p.block is None and (m := PRINTED_LINE.match(text)):
            office = m.group("office").strip()
            if not office and kept and _is_office(kept[-1].text):  # office on the line before
                office = kept.pop().text
            doc.printed, doc.printed_on = Part(f"{office} {text[m.start('year'):]}".strip(), p.place), chinese_date(m)
        else:
            kept.append(p)
    return kept


def _take_head(doc: OfficialDocument, paras: list[Paragraph]) -> list[Paragraph]:
    """Take out the masthead (…文件), 发文字号 and title; the salutation stays in the body and is noted."""
    if len(paras) > 1 and paras[0].block is None and paras[0].text.endswith("文件") and len(paras[0].text) <= 30:
        doc.masthead = Part(paras[0].text, paras[0].place)
        paras = paras[1:]
    number = next((i for i, p in enumerate(paras[:5]) if p.block is None and DOC_NUMBER.match(p.text)), None)
    if number is not None:
        p = paras[number]
        m = DOC_NUMBER.match(p.text)
        doc.doc_number = Part(p.text, p.place)
        doc.doc_number_normalised = f"{m.group('org')}〔{m.group('year')}〕{m.group('number')}号"
        paras = paras[:number] + paras[number + 1:]
    start = 0
    title: list[Paragraph] = []
    for p in paras[start:start + 3]:
        if not _is_title_line(p) or (title and p.level not in (None, 0, title[-1].level)):
            break
        title.append(p)
        if p.text.endswith(DOCUMENT_KINDS):
            break
    if title:
        doc.title = Part("".join(p.text for p in title), title[0].place)
    rest = paras[start + len(title):]
    if rest and rest[0].block is None and SALUTATION.match(rest[0].text) and heading_level(rest[0].text) is None:
        doc.salutation = Part(rest[0].text, rest[0].place)
    return rest


def _is_title_line(p: Paragraph) -> bool:
    return (p.block is None and len(p.text) <= 60 and not ends_sentence(p.text) and heading_level(p.text) is None
            and not DATE_LINE.match(p.text) and not is_structure(p.text))


def _take_signature(doc: OfficialDocument, paras: list[Paragraph]) -> int:
    """Find the signature (offices and date) after the body; returns where it starts (the body's end)."""
    for i in range(len(paras) - 1, -1, -1):
        p = paras[i]
        if p.block is not None:
            continue
        if m := DATE_LINE.match(p.text):
            start = i
            while start > 0 and i - start < 3 and _is_office(paras[start - 1].text) and paras[start - 1].block is None:
                start -= 1
            doc.offices = [Part(q.text, q.place) for q in paras[start:i]]
        elif (m := SIGNED_LINE.match(p.text)) and _is_office(m.group("office")):
            start = i
            doc.offices = [Part(m.group("office"), p.place)]
        else:
            continue
        doc.date_written, doc.written = Part(p.text[m.start("year"):], p.place), chinese_date(m)
        del paras[start:i + 1]
        return start
    return len(paras)


def _is_office(text: str) -> bool:
    """A line that can be an issuing office's name in a signature: short, no punctuation, no number."""
    return (2 <= len(text) <= 30 and not re.search(r"[，。；：、,.;:！？!?\d]", text)
            and heading_level(text) is None)


def _blocks(p: Paragraph) -> list[Block]:
    """A paragraph as body blocks: a numbered heading (split from the text run into it), or a paragraph."""
    if p.block is not None:
        return [Block(p.block, p.place, table=True)]
    level = heading_level(p.text)
    if level is None and p.level:
        level = min(p.level + 1, 6)
    if level is None:
        return [Block(p.text, p.place)]
    head, stop, tail = p.text.partition("。")
    if len(head) > HEADING_MAX:
        return [Block(p.text, p.place)]
    blocks = [Block(head, p.place, level)]
    if tail.strip():
        blocks.append(Block(tail.strip(), p.place))
    return blocks
