"""The record schemas of a statistics file ``disclosures/statistics/<YYYY>.yml`` and of the working-day
calendar ``disclosures/statistics/calendar.yml``.

One declaration per record kind: the reader (:mod:`.loading`) takes the keys, the required keys and the
examples of its hints from here, and the statistics guide's field tables are generated from it
(:mod:`.guide`), so the guide and the checks cannot disagree.
"""

from __future__ import annotations

from ..record_schema import FieldSpec, Kind, RecordSchema
from ..text import Text
from . import vocabulary as v

_ANSWERED = Text("答复后", "once answered")
_CONCLUDED = Text("审结后", "once concluded")

REQUEST = RecordSchema(Text("申请记录", "a request record"), (
    FieldSpec("id", Kind.TEXT, True, "2024-001", Text(
        "本机关自定的简短编号：字母、数字和 `-` `_` `.`，不超过 24 个字符，所有年份中不重复",
        "A short code of the office's choosing: letters, digits, `-` `_` `.`, at most 24 characters, unique "
        "across all years")),
    FieldSpec("received", Kind.DATE, True, "2024-03-05", Text(
        "收到申请的日期 YYYY-MM-DD；决定这条记录写在哪一年的文件中",
        "Date received, YYYY-MM-DD; it decides which year's file the record belongs in")),
    FieldSpec("applicant", Kind.CHOICE, True, "natural-person", Text("申请人类型，见下表", "Kind of applicant, see below"),
              choices=v.APPLICANTS),
    FieldSpec("count", Kind.INTEGER, False, "3", Text(
        "这条记录代表的申请件数（默认 1）", "How many requests the record stands for (default 1)"), minimum=1),
    FieldSpec("outcome", Kind.CHOICE, False, "disclosed", Text(
        "办理结果，见下表；与 `answered` 同时填写", "The result, see below; written together with `answered`"),
              required_when=_ANSWERED, choices=v.OUTCOMES),
    FieldSpec("answered", Kind.DATE, False, "2024-03-20", Text("答复（办结）日期", "Date of the answer"),
              required_when=_ANSWERED),
    FieldSpec("extended", Kind.BOOLEAN, False, "true", Text(
        "`true` 表示答复期限依法延长过一次（期限变为 40 个工作日）",
        "`true` when the time limit was extended once (40 working days)")),
    FieldSpec("correction_requested", Kind.DATE, False, "2024-03-06", Text(
        "一次性告知申请人补正的日期；《条例》第三十条要求在收到申请之日起 7 个工作日内告知",
        "The date the applicant was asked, once, to correct the request; Art. 30 of the Regulations requires it "
        "within 7 working days of receipt")),
    FieldSpec("corrected", Kind.DATE, False, "2024-03-08", Text(
        "要求申请人补正的，收到补正申请的日期；答复期限从这一天起算（《条例》第三十条）",
        "When the applicant was asked to correct the request: the date the corrected request arrived; the time "
        "limit runs from it (Art. 30 of the Regulations)")),
    FieldSpec("paused_days", Kind.INTEGER, False, "5", Text(
        "不计入答复期限的工作日数（不小于 0 的整数，默认 0），见第六节",
        "Working days that do not count toward the time limit (a whole number, at least 0; default 0); see "
        "section 6"), minimum=0),
    FieldSpec("note", Kind.TEXT, False, "申请人撤回申请", Text(
        "内部备注，不在网站上显示；同样不得含有个人信息",
        "An internal remark, never shown on the site; no personal data here either")),
))

APPEAL = RecordSchema(Text("复议诉讼记录", "an appeal record"), (
    FieldSpec("id", Kind.TEXT, True, "F2024-1", Text(
        "本机关自定的简短编号，规则与申请记录的 `id` 相同", "A short code of the office's choosing, as a request's `id`")),
    FieldSpec("kind", Kind.CHOICE, True, "reconsideration", Text(
        "类型：行政复议，或行政诉讼（未经复议直接起诉、复议后起诉），见第四节",
        "The kind: reconsideration, or litigation (directly, or after reconsideration); see section 4"),
              choices=v.APPEAL_KINDS),
    FieldSpec("filed", Kind.DATE, True, "2024-05-10", Text(
        "立案或收到复议申请的日期 YYYY-MM-DD；决定这条记录写在哪一年的文件中",
        "Date filed, YYYY-MM-DD; it decides which year's file the record belongs in")),
    FieldSpec("result", Kind.CHOICE, False, "upheld", Text(
        "结果，见第四节；与 `concluded` 同时填写", "The result, see section 4; written together with `concluded`"),
              required_when=_CONCLUDED, choices=v.APPEAL_RESULTS),
    FieldSpec("concluded", Kind.DATE, False, "2024-06-30", Text("审结日期", "Date concluded"),
              required_when=_CONCLUDED),
    FieldSpec("note", Kind.TEXT, False, "申请人撤回申请", Text(
        "内部备注，不在网站上显示；同样不得含有个人信息",
        "An internal remark, never shown on the site; no personal data here either")),
))

PROCESSING_FEES = RecordSchema(Text("信息处理费", "processing_fees"), (
    FieldSpec("notices", Kind.INTEGER, True, "2", Text(
        "本年度发出的信息处理费收费通知件数（国办函〔2020〕109号）",
        "Fee notices for information processing sent this year (国办函〔2020〕109号)"), minimum=0),
    FieldSpec("collected", Kind.DECIMAL, True, "150", Text(
        "本年度实际收取的信息处理费金额，单位：元（最多两位小数）",
        "Information processing fees collected this year, in yuan (at most two decimals)"), minimum=0),
))

BASELINE = RecordSchema(Text("baseline", "baseline"), tuple(
    FieldSpec(g.key, Kind.INTEGER, False, "0", Text(
        f"本年1月1日现行有效、但不在公开目录中的{g.label.zh}件数（网站启用前制发的）",
        f"{g.label.en} in force on 1 January of this year that are not in the catalogue (issued before the "
        "site was used)"), minimum=0)
    for g in v.ARTICLE20_GENRES))

ARTICLE20 = RecordSchema(Text("article20", "article20"), tuple(
    FieldSpec(t.key, Kind.DECIMAL if t.key == "fees" else Kind.INTEGER, True, "0", t.label, minimum=0)
    for t in v.ARTICLE20_KEYS))

# -- calendar.yml ----------------------------------------------------------------------

CALENDAR_NOTICE = RecordSchema(Text("notice", "the notice"), (
    FieldSpec("number", Kind.TEXT, True, "国办发明电〔2023〕7号", Text(
        "国务院办公厅当年《部分节假日安排的通知》的文号", "The number of the State Council General Office's notice")),
    FieldSpec("date", Kind.DATE, True, "2023-10-25", Text("通知的发布日期", "The notice's date")),
))

CALENDAR_YEAR = RecordSchema(Text("一年的放假安排", "a year's arrangements"), (
    FieldSpec("notice", Kind.RECORD, True, "{number: 国办发明电〔2023〕7号, date: 2023-10-25}", Text(
        "放假安排所依据的通知：文号 number 和日期 date", "The notice the dates come from: its number and date")),
    FieldSpec("holidays", Kind.LIST, False, "[2024-02-10..2024-02-17]", Text(
        "放假日：日期或不超过 15 天的日期范围 `开始..结束`", "Holidays: dates, or ranges `start..end` of at most 15 days")),
    FieldSpec("workdays", Kind.LIST, False, "[2024-02-04]", Text(
        "因调休而上班的周六、周日", "The Saturdays and Sundays worked by arrangement")),
))

CALENDAR = RecordSchema(Text("calendar.yml", "calendar.yml"), (
    FieldSpec("years", Kind.RECORD, True, "{2024: {notice: {number: 国办发明电〔2023〕7号, date: 2023-10-25}}}", Text(
        "每年一项：年份及其放假安排", "One entry per year: the year and its arrangements")),
))

#: Every record schema, by the top-level key (or the list) its records are written under.
RECORDS = {"requests": REQUEST, "carried_over": REQUEST, "appeals": APPEAL, "article20": ARTICLE20,
           "processing_fees": PROCESSING_FEES, "baseline": BASELINE}
