"""The fixed keys and labels of the annual report format (国办公开办函〔2021〕30号).

Editors write the English keys in ``disclosures/statistics/<YYYY>.yml``; pages,
exports and the draft report show the Chinese labels of the format exactly, and
unofficial English renderings on English pages. Nothing else lists these keys:
the editors' guide, the JSON/CSV documentation and validation all read them here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..office import Term
from ..text import Text


@dataclass(frozen=True)
class OutcomeGroup:
    """One of （三）…（六） in Table 三: a group of numbered reasons."""

    key: str
    """The group part of an outcome key, e.g. ``not-disclosed``."""
    label: Text
    """The group's label, e.g. （三）不予公开."""
    reasons: tuple[Term, ...]
    """The numbered sub-rows; their keys are ``<group>/<reason>``."""


# -- Table 三: applicants (columns) ---------------------------------------------

APPLICANTS: tuple[Term, ...] = (
    Term("natural-person", Text("自然人", "Natural persons")),
    Term("commercial-enterprise", Text("商业企业", "Commercial enterprises")),
    Term("research-institution", Text("科研机构", "Research institutions")),
    Term("social-welfare-organisation", Text("社会公益组织", "Social welfare organisations")),
    Term("legal-services-organisation", Text("法律服务机构", "Legal service providers")),
    Term("other-organisation", Text("其他", "Other")),
)
APPLICANT_KEYS: tuple[str, ...] = tuple(t.key for t in APPLICANTS)
#: The seven number columns of Table 三: the six applicant kinds, then 总计.
TOTAL_KEY = "total"
"""The key of a 总计 row or column."""
TABLE3_COLUMNS: tuple[str, ...] = APPLICANT_KEYS + (TOTAL_KEY,)
TOTAL = Text("总计", "Total")
APPLICANT_GROUP = Text("申请人情况", "Applicants")
ORGANISATIONS = Text("法人或其他组织", "Legal persons or other organisations")
TABLE3_CORNER = Text("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                     "(In each column: I + II = III (7) + IV.)")

# -- Table 三: outcomes (rows) ----------------------------------------------------

DISCLOSED = Term("disclosed", Text("（一）予以公开", "(1) Disclosed"))
PARTIALLY_DISCLOSED = Term("partially-disclosed",
                           Text("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                                "(2) Partially disclosed (a request handled in parts is counted here only)"))

OUTCOME_GROUPS: tuple[OutcomeGroup, ...] = (
    OutcomeGroup("not-disclosed", Text("（三）不予公开", "(3) Not disclosed"), (
        Term("not-disclosed/state-secret", Text("1.属于国家秘密", "1. State secret")),
        Term("not-disclosed/prohibited-by-law", Text("2.其他法律行政法规禁止公开",
                                                     "2. Disclosure prohibited by other laws or administrative regulations")),
        Term("not-disclosed/security-stability", Text("3.危及“三安全一稳定”",
                                                      "3. Would endanger national, public or economic security or social stability")),
        Term("not-disclosed/third-party-rights", Text("4.保护第三方合法权益",
                                                      "4. Protection of a third party's lawful rights and interests")),
        Term("not-disclosed/internal-affairs", Text("5.属于三类内部事务信息",
                                                    "5. One of the three kinds of internal-affairs information")),
        Term("not-disclosed/process-information", Text("6.属于四类过程性信息",
                                                       "6. One of the four kinds of process information")),
        Term("not-disclosed/law-enforcement-files", Text("7.属于行政执法案卷", "7. Administrative law-enforcement case file")),
        Term("not-disclosed/administrative-query", Text("8.属于行政查询事项", "8. Administrative enquiry matter")),
    )),
    OutcomeGroup("unable-to-provide", Text("（四）无法提供", "(4) Unable to provide"), (
        Term("unable-to-provide/not-held", Text("1.本机关不掌握相关政府信息",
                                                "1. This body does not hold the information")),
        Term("unable-to-provide/needs-creation", Text("2.没有现成信息需要另行制作",
                                                      "2. No existing information; it would have to be created")),
        Term("unable-to-provide/unclear-after-correction", Text("3.补正后申请内容仍不明确",
                                                                "3. Request still unclear after correction")),
    )),
    OutcomeGroup("not-processed", Text("（五）不予处理", "(5) Not processed"), (
        Term("not-processed/petition-complaint", Text("1.信访举报投诉类申请",
                                                      "1. Petition, report or complaint")),
        Term("not-processed/repeated", Text("2.重复申请", "2. Repeated request")),
        Term("not-processed/publication", Text("3.要求提供公开出版物", "3. Request for publicly available publications")),
        Term("not-processed/abusive-repetition", Text("4.无正当理由大量反复申请",
                                                      "4. Large numbers of repeated requests without good reason")),
        Term("not-processed/confirm-or-reissue", Text("5.要求行政机关确认或重新出具已获取信息",
                                                      "5. Request to confirm or re-issue information already obtained")),
    )),
    OutcomeGroup("other", Text("（六）其他处理", "(6) Other handling"), (
        Term("other/no-correction", Text("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                                         "1. Applicant did not correct the request in time without good reason; "
                                         "no longer processed")),
        Term("other/fee-unpaid", Text("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                                      "2. Applicant did not pay the notified fee in time; no longer processed")),
        Term("other/other", Text("3.其他", "3. Other")),
    )),
)

#: Every outcome a request record may have, in the order of Table 三.
OUTCOMES: tuple[Term, ...] = (DISCLOSED, PARTIALLY_DISCLOSED) + tuple(
    r for g in OUTCOME_GROUPS for r in g.reasons)
OUTCOME_KEYS: tuple[str, ...] = tuple(t.key for t in OUTCOMES)
OUTCOME_GROUP_OF: dict[str, str] = {r.key: g.key for g in OUTCOME_GROUPS for r in g.reasons}

NEW = Term("new", Text("一、本年新收政府信息公开申请数量", "I. New requests received this year"))
CARRIED_OVER = Term("carried-over", Text("二、上年结转政府信息公开申请数量",
                                         "II. Requests carried over from the previous year"))
RESULTS = Text("三、本年度办理结果", "III. Results this year")
RESULTS_TOTAL = Term(TOTAL_KEY, Text("（七）总计", "(7) Total"))
CARRIED_FORWARD = Term("carried-forward", Text("四、结转下年度继续办理", "IV. Carried forward to the next year"))

#: Every data row of Table 三 in the order of the format (group totals are not rows of the format).
TABLE3_ROWS: tuple[Term, ...] = (NEW, CARRIED_OVER) + OUTCOMES + (RESULTS_TOTAL, CARRIED_FORWARD)
TABLE3_ROW_KEYS: tuple[str, ...] = tuple(t.key for t in TABLE3_ROWS)

# -- time limits (not a table of the format: the site's own account of 条例 Art. 33) ---------------

#: The rows of the time-limit figures, in order, as the statistics page and the CSV label them. ``pending`` is
#: Table 三's row 四 (carried forward), so its label names it as the format does.
TIMELINESS: tuple[Term, ...] = (
    Term("answered", Text("本年办结的申请", "Requests answered this year")),
    Term("on_time", Text("在期限内答复", "Answered within the time limit")),
    Term("late", Text("超过期限答复", "Answered after the time limit")),
    Term("extended", Text("其中延长答复期限的", "Of those answered, with the limit extended")),
    Term("pending", Text("年末尚未办结（结转下年度继续办理）",
                         "Pending at the end of the year (carried forward to the next year)")),
    Term("pending_overdue", Text("其中年末已超过期限的", "Of those pending, past their limit at the end of the year")),
)
#: The label of ``pending_overdue`` while the year is not over: judged on the day of the build.
OVERDUE_NOW = Text("其中已超过期限的（按生成网站当日计算）",
                   "Of those pending, past their limit on the day the site was built")


def timeliness_rows(complete: bool) -> tuple[Term, ...]:
    """:data:`TIMELINESS` as a year shows it: while it is not over, the overdue row is judged on the build day."""
    return tuple(Term(t.key, OVERDUE_NOW) if t.key == "pending_overdue" and not complete else t
                 for t in TIMELINESS)


# -- Table 四 ---------------------------------------------------------------------

APPEAL_KINDS: tuple[Term, ...] = (
    Term("reconsideration", Text("行政复议", "Administrative reconsideration")),
    Term("litigation-direct", Text("未经复议直接起诉", "Filed directly, without reconsideration")),
    Term("litigation-after-reconsideration", Text("复议后起诉", "Filed after reconsideration")),
)
APPEAL_KIND_KEYS: tuple[str, ...] = tuple(t.key for t in APPEAL_KINDS)
LITIGATION = Text("行政诉讼", "Administrative litigation")

APPEAL_RESULTS: tuple[Term, ...] = (
    Term("upheld", Text("结果维持", "Upheld")),
    Term("corrected", Text("结果纠正", "Corrected")),
    Term("other", Text("其他结果", "Other result")),
)
APPEAL_RESULT_KEYS: tuple[str, ...] = tuple(t.key for t in APPEAL_RESULTS)
#: The five columns of each Table 四 group.
TABLE4_COLUMNS: tuple[Term, ...] = APPEAL_RESULTS + (
    Term("pending", Text("尚未审结", "Pending")), Term(TOTAL_KEY, TOTAL))
TABLE4_COLUMN_KEYS: tuple[str, ...] = tuple(t.key for t in TABLE4_COLUMNS)

# -- Table 二 ---------------------------------------------------------------------

ARTICLE20_KEYS: tuple[Term, ...] = (
    Term("licensing", Text("行政许可", "Administrative licensing")),
    Term("penalty", Text("行政处罚", "Administrative penalties")),
    Term("compulsory", Text("行政强制", "Administrative compulsory measures")),
    Term("fees", Text("行政事业性收费", "Administrative fees")),
)
ARTICLE20_KEY_NAMES: tuple[str, ...] = tuple(t.key for t in ARTICLE20_KEYS)

#: The values a genre's ``article20`` attribute in catalogue.yml may take: the rows of 第二十条第（一）项.
ARTICLE20_GENRES: tuple[Term, ...] = (
    Term("regulation", Text("规章", "Rules (government rules)")),
    Term("normative-document", Text("行政规范性文件", "Administrative normative documents")),
)

TABLE2_BLOCKS = {
    "item1": Text("第二十条第（一）项", "Article 20, item (1)"),
    "item5": Text("第二十条第（五）项", "Article 20, item (5)"),
    "item6": Text("第二十条第（六）项", "Article 20, item (6)"),
    "item8": Text("第二十条第（八）项", "Article 20, item (8)"),
}
TABLE2_HEADINGS = {
    "content": Text("信息内容", "Information"),
    "issued": Text("本年制发件数", "Issued this year"),
    "repealed": Text("本年废止件数", "Repealed this year"),
    "in_force": Text("现行有效件数", "In force"),
    "decisions": Text("本年处理决定数量", "Decisions this year"),
    "fees": Text("本年收费金额（单位：万元）", "Fees collected this year (unit: 10,000 yuan)"),
}

# -- The report's sections ----------------------------------------------------------

SECTIONS: tuple[Text, ...] = (
    Text("一、总体情况", "I. Overview"),
    Text("二、主动公开政府信息情况", "II. Proactive disclosure"),
    Text("三、收到和处理政府信息公开申请情况", "III. Requests received and handled"),
    Text("四、政府信息公开行政复议、行政诉讼情况", "IV. Administrative reconsideration and litigation"),
    Text("五、存在的主要问题及改进情况", "V. Main problems and improvements"),
    Text("六、其他需要报告的事项", "VI. Other matters to report"),
)
