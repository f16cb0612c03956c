"""From a recognised 公文 to an item: the front-matter values, the Markdown body and the report's notes.

The item's text itself is written by :func:`gongkai.template.item_text`, like ``gongkai new``'s:
every required key in schema order, a ``【待填写：…】`` placeholder for each value not found.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ..config import Config
from ..personal import KINDS as PERSONAL_DATA_KINDS
from ..personal import find_personal_data
from ..schema import FIELDS_BY_KEY
from ..template import DEFAULTS, PLACEHOLDER_PATTERN, item_text, placeholder
from ..text import Text
from .guess import guess_category, guess_genre, key_for_label
from .lines import Place, Reading
from .markdown import escape_markdown
from .officialdoc import OfficialDocument, recognise
from .repair import REPEAT_MARK, Repairs, Repeat, repair
from .report import Note

#: Optional keys the editor should still write, though the item is valid without them.
_SUGGESTED = ("keywords", "summary")


@dataclass
class Imported:
    """What an imported file becomes."""

    values: dict[str, object]
    """Front-matter values found or guessed (no ``index_no`` yet: that is given when it is written)."""
    body: str
    notes: list[Note] = field(default_factory=list)
    document: OfficialDocument | None = None
    year: int | None = None
    """The year the document gives (of its 成文日期, else of its 印发 date)."""

    def text(self, index_no: str) -> str:
        """The item's text, with the item lines of the placeholders noted in :attr:`notes`."""
        text = item_text({**self.values, "index_no": index_no}, self.body)
        lines = text.splitlines()
        after: dict[str, int] = {}  # a marker written twice: each note takes the next line that has it
        for n, note in enumerate(self.notes):
            if note.kind == "missing" and note.key in self.placeholder_keys():
                line = next((i for i, s in enumerate(lines, 1) if s.startswith(f"{note.key}:")), None)
            elif note.marker is not None:
                start = after.get(note.marker, 0)
                line = next((i for i, s in enumerate(lines[start:], start + 1) if note.marker in s), None)
                after[note.marker] = line or start
            else:
                continue
            self.notes[n] = replace(note, item_line=line)
        return text

    def placeholder_keys(self) -> set[str]:
        return {k for k, f in FIELDS_BY_KEY.items() if f.required and not self.values.get(k)}


def convert(reading: Reading, config: Config) -> Imported:
    """Repair, recognise and map one file's lines."""
    paragraphs, repairs = repair(reading.lines)
    doc = recognise(paragraphs)
    notes = [Note("check", what, place, fix=Text("核对原件，必要时手工补录。", "Check the original; type in what is missing."))
             for place, what in reading.notes]
    values: dict[str, object] = {}
    _title(doc, values, notes)
    _signature(doc, config, values, notes)
    _dates(doc, values, notes)
    _vocabularies(doc, config, values, notes)
    body = _body(doc, repairs, notes)
    _notes_on_structure(doc, repairs, notes)
    year = doc.written.year if doc.written else doc.printed_on.year if doc.printed_on else None
    return Imported(values, body, notes, doc, year)


def _missing(key: str, why: Text, fix: Text | None = None) -> Note:
    f = FIELDS_BY_KEY[key]
    return Note("missing", Text(f"{f.label.zh}：{why.zh}，已写成占位文字。", f"{f.label.en}: {why.en}; written as a "
                                "placeholder."), key=key,
                fix=fix or Text(f"把“【待填写：…】”换成{f.label.zh}（{f.help.zh}）。",
                                f"Replace the '【待填写：…】' with the {f.label.en.lower()} ({f.help.en})."))


def _title(doc: OfficialDocument, values: dict[str, object], notes: list[Note]) -> None:
    if doc.title is None:
        notes.append(_missing("title", Text("没有找到标题", "no title found")))
        return
    values["title"] = doc.title.text
    _placeholder_like(doc.title.text, doc.title.place, notes)
    notes.append(Note("found", Text(f"标题：{doc.title.text}", f"title: {doc.title.text}"), doc.title.place, "title"))
    if doc.doc_number is None:
        return
    number = doc.doc_number_normalised
    values["doc_number"] = number
    note = Text(f"发文字号：{number}", f"document number: {number}")
    if number != doc.doc_number.text:
        note = Text(f"发文字号：“{doc.doc_number.text}”规范为“{number}”（年份用六角括号〔〕）",
                    f"document number: '{doc.doc_number.text}' normalised to '{number}' (the year in 〔〕 brackets)")
    notes.append(Note("found", note, doc.doc_number.place, "doc_number"))


def _signature(doc: OfficialDocument, config: Config, values: dict[str, object], notes: list[Note]) -> None:
    keys = [(office, key_for_label(config, "publisher", office.text)) for office in doc.offices]
    for office, key in keys:
        if key:
            notes.append(Note("found", Text(f"落款机关：{office.text} → publisher: {key}",
                                            f"issuing office in the signature: {office.text} → publisher: {key}"),
                              office.place, "publisher"))
    key = next((k for _, k in keys if k), None)
    if key:
        values["publisher"] = key
        return
    allowed = "、".join(f"{t.key}（{t.label.zh}）" for t in config.vocabulary("publisher").terms.values())
    named = "、".join(o.text for o in doc.offices)
    why = (Text(f"落款机关“{named}”不在 catalogue.yml 的发布机构中", f"the signature's office '{named}' is not a "
                "publisher in catalogue.yml") if named else Text("没有找到落款机关", "no issuing office in the signature"))
    notes.append(_missing("publisher", why, Text(f"填写发布机构的键：{allowed}；新的机构先加到 catalogue.yml 的 "
                                                 "vocabularies.publisher。", f"Write the publisher's key: {allowed}; "
                                                 "add a new office to vocabularies.publisher in catalogue.yml first.")))


def _dates(doc: OfficialDocument, values: dict[str, object], notes: list[Note]) -> None:
    if doc.written:
        values["date_written"] = doc.written
        notes.append(Note("found", Text(f"成文日期：{doc.date_written.text} → {doc.written.isoformat()}",
                                        f"date written: {doc.date_written.text} → {doc.written.isoformat()}"),
                          doc.date_written.place, "date_written"))
    else:
        why = (Text(f"“{doc.date_written.text}”不是有效日期", f"'{doc.date_written.text}' is not a real date")
               if doc.date_written else Text("落款中没有日期", "no date in the signature"))
        notes.append(_missing("date_written", why))
    published: date | None = doc.printed_on or doc.written
    if published is None:
        notes.append(_missing("date_published", Text("原件没有发布日期", "the document does not say when it was "
                                                     "published")))
        return
    values["date_published"] = published
    source = (Text("印发日期", "the date it was printed (印发)") if doc.printed_on
              else Text("成文日期", "the date written"))
    notes.append(Note("guessed", Text(f"发布日期取{source.zh} {published.isoformat()}：原件不写在网站发布的日期",
                                      f"date published taken from {source.en}, {published.isoformat()}: a document "
                                      "does not say when it went online"), None, "date_published",
                      Text("改为原网站上实际发布的日期（可在旧网站或公开目录中查到）。",
                           "Change it to the day it was actually published on the old site or catalogue.")))


def _vocabularies(doc: OfficialDocument, config: Config, values: dict[str, object], notes: list[Note]) -> None:
    title = doc.title.text if doc.title else ""
    for key, guess in (("category", guess_category(config, title)), ("genre", guess_genre(config, title))):
        f = FIELDS_BY_KEY[key]
        allowed = "、".join(f"{t.key}（{t.label.zh}）" for t in config.vocabulary(key).terms.values())
        if guess.key and title:
            values[key] = guess.key
            notes.append(Note("guessed", Text(f"{f.label.zh}推测为 {guess.key}：{guess.reason.zh}",
                                              f"{f.label.en.lower()} guessed as {guess.key}: {guess.reason.en}"),
                              doc.title.place, key, Text(f"确认或改为：{allowed}", f"Confirm it, or use one of: {allowed}")))
        else:
            notes.append(_missing(key, guess.reason if title else Text("没有标题可供推测", "no title to guess from"),
                                  Text(f"填写其中之一：{allowed}", f"Write one of: {allowed}")))
    _disclosure(doc, config, values, notes)
    validity = DEFAULTS["validity"]
    if validity in config.vocabulary("validity").terms:
        values["validity"] = validity
        notes.append(Note("guessed", Text(f"有效性推测为 {validity}（与 gongkai new 相同的默认值）",
                                          f"validity guessed as {validity} (the default gongkai new uses)"),
                          None, "validity", Text("已被废止或失效的文件改为 repealed（并填写 repealed_on）或 expired。",
                                                 "For a document since repealed or expired, write repealed (with "
                                                 "repealed_on) or expired.")))


def _disclosure(doc: OfficialDocument, config: Config, values: dict[str, object], notes: list[Note]) -> None:
    key = key_for_label(config, "disclosure", doc.disclosure_label) if doc.disclosure_label else None
    if key:
        values["disclosure"] = key
        notes.append(Note("found", Text(f"公开属性：{doc.disclosure_mark.text} → {key}",
                                        f"disclosure mark: {doc.disclosure_mark.text} → {key}"),
                          doc.disclosure_mark.place, "disclosure"))
        return
    notes.append(_missing("disclosure", Text("原件没有公开属性标注（如“（此件主动公开）”），不作推测",
                                             "the document has no disclosure mark (such as （此件主动公开）); "
                                             "it is not guessed"),
                          Text("按原件的公开审查结论填写 proactive、on-request 或 not-disclosed；只有 proactive 会发布。",
                               "Write proactive, on-request or not-disclosed as the document's disclosure review "
                               "decided; only proactive items are published.")))


def _body(doc: OfficialDocument, repairs: Repairs, notes: list[Note]) -> str:
    """The Markdown body; repeated fragments and personal data become placeholders, each reported."""
    blocks = []
    for block in doc.body:
        _placeholder_like(block.text, block.place, notes)
        text = _personal_data(block.text, block.place, notes)
        if block.table:
            blocks.append(text)
        else:
            text = escape_markdown(text)
            blocks.append(f"{'#' * block.level} {text}" if block.level else text)
    body = "\n\n".join(blocks)
    for repeat in repairs.repeats:
        body = body.replace(REPEAT_MARK, repeat_mark(repeat), 1)
    if not body.strip():
        notes.append(Note("check", Text("没有找到正文，已写成占位文字。", "no body found; written as a placeholder."),
                          fix=Text("核对原件，手工录入正文。", "Check the original and type in the body."),
                          marker=placeholder("正文", "body")))
    return body


def repeat_mark(repeat: Repeat) -> str:
    """The placeholder put in the body where a fragment repeats across a page join."""
    fragment = escape_markdown(repeat.fragment).replace("】", "］")  # it stands in the body
    return placeholder(f"换页处重复了“{fragment}”，删去多余的一份后去掉本标记",
                       f"'{fragment}' is repeated at a page join: delete the extra copy, then this mark")


def _placeholder_like(text: str, place: Place, notes: list[Note]) -> None:
    """Text of the document that reads as a template placeholder: the checker refuses it too."""
    for match in PLACEHOLDER_PATTERN.finditer(text):
        notes.append(Note("check", Text(f"原文中的“{match.group()}”与模板占位文字相同，检查不会通过。",
                                        f"the document's '{match.group()}' reads as a template placeholder, which "
                                        "the checks refuse."), place,
                          fix=Text("改写这段文字，或换成方括号〔〕。", "Reword it, or use other brackets such as 〔〕."),
                          marker=match.group()))


def _personal_data(text: str, place: Place, notes: list[Note]) -> str:
    for finding in reversed(find_personal_data(text)):
        kind = PERSONAL_DATA_KINDS[finding.kind]
        mark = placeholder(f"此处删去了{kind.zh}“{finding.text[:3]}…”", f"a {kind.en} ('{finding.text[:3]}…') was removed here")
        notes.append(Note("check", Text(f"正文中有疑似{kind.zh}“{finding.text}”，未写入条目，以占位文字代替。",
                                        f"the body has what looks like a {kind.en}, '{finding.text}'; it was not "
                                        "written into the item, a placeholder stands in its place."), place,
                          fix=Text("个人信息不得公开：删除占位文字，或改写为不含号码的表述。",
                                   "Personal data must not be published: delete the placeholder, or reword the "
                                   "sentence without the number."), marker=mark))
        text = text[:finding.start] + mark + text[finding.start + len(finding.text):]
    return text


def _notes_on_structure(doc: OfficialDocument, repairs: Repairs, notes: list[Note]) -> None:
    """What was recognised and kept out of (or left in) the body, what the repairs did, what to add."""
    _notes_on_parts(doc, notes)
    _notes_on_tail(doc, notes)
    _notes_on_repairs(repairs, notes)
    for key in _SUGGESTED:
        f = FIELDS_BY_KEY[key]
        notes.append(Note("missing", Text(f"{f.label.zh}（可选）未填写：原件中没有", f"{f.label.en} (optional) not "
                                          "filled in: the document has none"), key=key,
                          fix=Text(f"建议补写{f.label.zh}：{f.help.zh}", f"Consider adding it: {f.help.en}")))


def _notes_on_parts(doc: OfficialDocument, notes: list[Note]) -> None:
    found = notes.append
    if doc.masthead:
        found(Note("found", Text(f"发文机关标志“{doc.masthead.text}”，未写入正文", f"masthead '{doc.masthead.text}', "
                                 "kept out of the body"), doc.masthead.place))
    if doc.salutation:
        found(Note("found", Text(f"主送机关：{doc.salutation.text}", f"salutation: {doc.salutation.text}"),
                   doc.salutation.place))
    headings = [b for b in doc.body if b.level]
    if headings:
        levels = "、".join(f"{'#' * lv} {sum(b.level == lv for b in headings)}" for lv in sorted({b.level for b in headings}))
        found(Note("found", Text(f"小标题 {len(headings)} 个（{levels}），从“{headings[0].text}”起",
                                 f"{len(headings)} section heading(s) ({levels}), the first '{headings[0].text}'"),
                   headings[0].place))
    if doc.closing:
        found(Note("found", Text(f"结束语：{doc.closing.text}", f"closing formula: {doc.closing.text}"), doc.closing.place))


def _notes_on_tail(doc: OfficialDocument, notes: list[Note]) -> None:
    found = notes.append
    for part in doc.copied_to + ([doc.printed] if doc.printed else []):
        found(Note("found", Text(f"版记“{part.text}”，未写入正文", f"'{part.text}' (版记, the distribution notes), kept "
                                 "out of the body"), part.place))
    for part in doc.contact:
        notes.append(Note("check", Text(f"联系人信息“{part.text}”未写入正文（个人信息不得公开）",
                                        f"the contact line '{part.text}' was kept out of the body (personal data "
                                        "must not be published)"), part.place,
                          fix=Text("无需处理；公开的联系方式写在 catalogue.yml 的 office.contact 中。",
                                   "Nothing to do; the office's public contact is in catalogue.yml (office.contact).")))
    for part in doc.after_signature:
        notes.append(Note("check", Text(f"落款之后的“{part.text[:30]}”保留在正文末尾", f"'{part.text[:30]}' after the "
                                        "signature was kept at the end of the body"), part.place,
                          fix=Text("核对它是否属于正文。", "Check whether it belongs in the body.")))


def _notes_on_repairs(repairs: Repairs, notes: list[Note]) -> None:
    for place, text, why in repairs.dropped:
        notes.append(Note("repaired", Text(f"删去{why.zh}“{text}”", f"dropped the {why.en} '{text}'"), place))
    repeated = {r.after for r in repairs.repeats}
    for place in repairs.joins:
        if place not in repeated:
            notes.append(Note("repaired", Text("与上一段接上：上一段在句子中间断开（换页）",
                                               "joined to the paragraph before, which a page break cut mid-sentence"),
                              place))
    for r in repairs.repeats:
        notes.append(Note("check", Text(f"换页处的重复片段“{r.fragment}”：上一段以它结尾（{r.before.describe().zh}），"
                                        "本段以它开头；两份都保留，并在正文中加了标记",
                                        f"fragment repeated at a page join, '{r.fragment}': the text before ends with "
                                        f"it ({r.before.describe().en}) and this one starts with it; both are kept "
                                        "and marked in the body"), r.after,
                          fix=Text(f"对照原件删去多余的“{r.fragment}”，再删去“【待填写：换页处重复了…】”标记。",
                                   f"Compare with the original, delete the extra '{r.fragment}', then the mark "
                                   "'【待填写：换页处重复了…】'."), marker=repeat_mark(r)))
