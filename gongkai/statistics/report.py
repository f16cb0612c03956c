"""The draft annual report written by ``gongkai report <YYYY>``.

Chinese Markdown with front matter for an item of genre ``annual-report``: the opening (the legal
basis and the six parts), the six sections of the 30号 format with Tables 二 to 四 as markers the
build fills from the report's frozen figures (:mod:`.frozen`), section 六's fees from the register,
the closing signature and date, and placeholders ``【待填写：… / …】`` where the office
writes its own text (sections 一, 五 and 六): :func:`gongkai.template.placeholder`, the
ones ``gongkai new`` writes. ``gongkai check`` rejects them until they are replaced
(only a warning while the item is a draft), and ``draft: true`` keeps the item
unpublished while it is being written.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..catalogue import Catalogue
from ..office import IN_FORCE, PROACTIVE
from ..placeholders import placeholder
from ..template import item_text
from . import vocabulary as v
from .frozen import MARKERS
from .tables import Table3, Table4, YearFigures

GENRE = "annual-report"
CATEGORY = "open-government"


def _front_matter(catalogue: Catalogue, figures: YearFigures, index_no: str, day: date) -> dict[str, object]:
    """The report item's front-matter values, written by :func:`gongkai.template.item_text` like any new item."""
    config = catalogue.config
    office = config.office_name.zh
    title = f"{office}{figures.year}年政府信息公开工作年度报告"
    summary = (f"{title}，包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
               "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。")
    values: dict[str, object] = {
        "index_no": index_no, "title": title, "publisher": config.vocabulary("publisher").keys()[0],
        "date_written": day, "date_published": day, "category": CATEGORY, "genre": GENRE,
        "disclosure": PROACTIVE, "validity": IN_FORCE, "keywords": ["政府信息公开", "年度报告"], "summary": summary,
        "draft": True,
    }
    if config.contact.telephone:
        values["personal_data_allowed"] = [config.contact.telephone]
    return values


#: Where the office writes its own text: sections 一, 五 and 六 (zh, en).
_OVERVIEW_PROMPT = ("概述本年度政府信息公开工作的总体情况：主动公开、依申请公开、政府信息管理、"
                  "平台建设、监督保障等方面的主要做法和成效",
                  "an overview of the year's work: main practices and results in proactive disclosure, "
                  "disclosure on request, information management, platforms, supervision and safeguards")
_PROBLEMS_PROMPT = ("本年度政府信息公开工作存在的主要问题，上一年度报告所列问题的改进情况，以及下一步改进措施",
                  "the main problems of the year, how those listed in last year's report were addressed, "
                  "and the next improvements")
_OTHER_MATTERS_PROMPT = ("本机关认为需要报告的其他事项（没有的写“无”）",
                         "any other matter the office has to report (write 无 when there is none)")
_OTHER_PROMPT = ("依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（未收取的写明本年度未收取），"
               "以及本机关认为需要报告的其他事项",
               "information processing fees charged under the fee measures (or that none were charged), "
               "and any other matter the office has to report")


def _preamble(catalogue: Catalogue, year: int) -> str:
    """The opening: the legal basis, the six parts, the period and whom to ask."""
    config = catalogue.config
    contact = config.contact
    phone = f"，电话：{contact.telephone}" if contact.telephone else ""
    parts = "、".join(s.zh.split("、", 1)[1].replace("、行政诉讼", "和行政诉讼") for s in v.SECTIONS)
    return (f"本报告依据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）第四十九条、第五十条和"
            f"《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，由{parts}六部分组成。"
            f"报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
            f"如对本报告有疑问，请与{config.office_short_name.zh}{contact.department.zh}联系"
            f"（地址：{contact.address.zh}，邮政编码：{contact.postcode}{phone}）。")


def _closing(catalogue: Catalogue, day: date) -> list[str]:
    """The signature (the office's name from catalogue.yml) and the date, as the report ends on paper."""
    return [catalogue.config.office_name.zh, "", f"{day.year}年{day.month}月{day.day}日"]


def _other(figures: YearFigures) -> list[str]:
    """Section 六: the information processing fees from the register, then what the office adds."""
    fees = figures.processing_fees
    if fees is None:
        return [placeholder(*_OTHER_PROMPT)]
    if fees.notices == 0 and fees.collected == 0:
        sentence = f"{figures.year}年，本机关未发出信息处理费收费通知，未收取信息处理费。"
    else:
        sentence = (f"{figures.year}年，本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
                    f"发出收费通知 {fees.notices} 件，收取信息处理费 {_yuan(fees.collected)} 元。")
    return [sentence, "", placeholder(*_OTHER_MATTERS_PROMPT)]


def _yuan(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def _overview(figures: YearFigures, t3: Table3, t4: Table4) -> str:
    """Section 一's figures: items published, requests and appeals."""
    appeals = sum(values[-1] for values in t4.rows.values())
    reconsideration = t4.rows["reconsideration"][-1]
    return (f"{figures.year}年，本机关主动公开政府信息 {figures.proactive.total} 条；"
            f"新收政府信息公开申请 {t3.cell(v.NEW.key, v.TOTAL_KEY)} 件，"
            f"上年结转 {t3.cell(v.CARRIED_OVER.key, v.TOTAL_KEY)} 件，办结 {t3.cell(v.RESULTS_TOTAL.key, v.TOTAL_KEY)} 件，"
            f"结转下年度继续办理 {t3.cell(v.CARRIED_FORWARD.key, v.TOTAL_KEY)} 件；"
            f"发生政府信息公开行政复议 {reconsideration} 件、行政诉讼 {appeals - reconsideration} 件。")


def _proactive(catalogue: Catalogue, figures: YearFigures) -> str:
    """Section 二's sentence: items published, by category."""
    p = figures.proactive
    categories = "、".join(f"{catalogue.label('category', k, 'zh')} {n} 条" for k, n in p.by_category.items() if n)
    return f"{figures.year}年主动公开政府信息 {p.total} 条" + (f"，其中{categories}。" if categories else "。")


def draft_report(catalogue: Catalogue, figures: YearFigures, index_no: str, day: date) -> str:
    """The draft report of ``figures.year`` as an item file (front matter and Markdown body). Tables 二 to 四
    are markers the build fills from the frozen figures (:mod:`.frozen`), not HTML an editor could break."""
    if figures.table3 is None or figures.table4 is None:
        raise ValueError(f"{figures.year} has no statistics file")
    table2, table3, table4 = MARKERS
    sections = [
        [placeholder(*_OVERVIEW_PROMPT), "", _overview(figures, figures.table3, figures.table4)],
        [_proactive(catalogue, figures), "", table2],
        [table3],
        [table4],
        [placeholder(*_PROBLEMS_PROMPT)],
        _other(figures),
    ]
    body = [_preamble(catalogue, figures.year), ""]
    for heading, paragraphs in zip(v.SECTIONS, sections):
        body += [f"## {heading.zh}", "", *paragraphs, ""]
    body += _closing(catalogue, day)
    return item_text(_front_matter(catalogue, figures, index_no, day), "\n".join(body))
