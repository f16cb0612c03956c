"""The statistics pages: ``statistics/`` (all years) and ``statistics/<YYYY>/`` (one year), zh and en.

Tables 二, 三 and 四 come from :mod:`.statutory`; this module assembles the pages around them (the
proactive figures, charts, time limits, downloads). English pages use unofficial renderings of the
labels and say so. Longer than 300 lines: about a third of it is the pages' own texts, zh and en
(:data:`UI`), which only these pages use.
"""

from __future__ import annotations

from typing import Callable

from ..catalogue import Catalogue
from ..html import esc, rel_url
from ..layout import statistics_csv_en, statistics_data_files
from ..generated import Blocks, GeneratedPage, front_matter, notice
from ..layout import REPORTS_PATH, page_url, src_uri
from ..scroll import wrap_wide_tables
from ..text import Text
from . import vocabulary as v
from .charts import Bar, bar_chart, column_chart
from .statutory import CAPTIONS, DASH, table2_html, table3_html, table4_html
from .statutory import num as _num
from .statutory import scroll as _scroll
from .annual import AnnualReport, annual_reports, status_text
from .tables import Statistics, Timeliness, YearFigures

UI = {
    "statistics": Text("政府信息公开统计", "Open government information statistics"),
    "nav": Text("统计", "Statistics"),
    "year_title": Text("{year}年政府信息公开工作统计", "Open government information statistics {year}"),
    "intro": Text(
        "本栏目按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）统计{office}每年的"
        "政府信息公开工作，供编写年度报告使用。主动公开的数字由公开目录中的条目自动得出；依申请公开、行政复议和"
        "行政诉讼的数字来自本机关填报的统计文件。",
        "This section counts the {office}'s open government information work each year in the format of the "
        "annual report (国办公开办函〔2021〕30号), for writing that report. Proactive disclosure figures come from "
        "the items in the catalogue; request, reconsideration and litigation figures come from the statistics "
        "files the office keeps."),
    "unofficial_title": Text("", "Unofficial translation"),
    "unofficial": Text(
        "", "The annual report format exists only in Chinese. The English table headings and row labels on this "
            "page are unofficial translations; the Chinese page is authoritative."),
    "read_zh": Text("", "Read the Chinese page"),
    "incomplete_title": Text("本年度尚未结束：数字是临时的", "The year is not over: provisional figures"),
    "incomplete": Text("{year}年尚未结束，以下数字是临时数字，截至 {as_of}（公开目录和统计文件中本年最新的日期），"
                       "年度结束前还会变化。",
                       "{year} is not over yet: the figures below are provisional, as of {as_of} (the latest date of "
                       "this year in the catalogue and the statistics files), and will change before the year ends."),
    "report": Text("年度报告", "Annual report"),
    "report_published": Text("{year}年度报告：{link}，发布日期 {day}，{status}。",
                             "Annual report on {year}: {link}, published {day}; {status}."),
    "report_none": Text("{year}年度报告：{status}。见{list}。", "Annual report on {year}: {status}. See the {list}."),
    "report_list": Text("年度报告列表", "list of annual reports"),
    "reports_note": Text("各年度的政府信息公开工作年度报告及是否按时发布，见{list}。",
                         "Each year's annual report, and whether it was published on time: see the {list}."),
    "differs_title": Text("统计数字在年度报告发布后有更正", "Figures corrected after the annual report"),
    "differs": Text("{frozen_on} 生成年度报告后，统计文件有了更正：本页的表格按现在的登记计算，与已发布的{link}中的表格不同。"
                    "年度报告保持发布时的数字，不随之改变。",
                    "The statistics files were corrected after the annual report was written on {frozen_on}: the tables "
                    "on this page follow the register as it is now and differ from those in the published {link}, "
                    "which keeps the figures it was published with."),
    "concluded_later": Text("{year}年立案、{year}年12月31日后审结的案件（表四按格式计为“尚未审结”，不计入其他年度）：",
                            "Cases filed in {year} and concluded after 31 December {year} (Table 4 counts them as "
                            "pending, as the format says, and no other year counts them):"),
    "concluded_case": Text("{id}（{kind}）：{day} 审结，{result}", "{id} ({kind}): concluded {day}; result: {result}"),
    "fees": Text("信息处理费", "Information processing fees"),
    "fees_intro": Text("依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。",
                       "Under the measures on information processing fees (国办函〔2020〕109号)."),
    "fee_notices": Text("发出收费通知（件）", "Fee notices sent"),
    "fee_collected": Text("收取信息处理费（元）", "Fees collected (yuan)"),
    "fee_value": Text("数额", "Figure"),
    "zh_labels": Text("", ", Chinese labels"),
    "fees_unrecorded": Text("本年度的统计文件未记录信息处理费（processing_fees）。",
                            "The year's statistics file does not record information processing fees (processing_fees)."),
    "calendar_basis": Text("节假日和调休上班日依据：", "Holidays and make-up working days from: "),
    "unrecorded_title": Text("依申请公开数据未填报", "Request data not recorded"),
    "unrecorded": Text(
        "{year}年收到和处理政府信息公开申请、行政复议和行政诉讼的数据未记录。表三、表四只列出格式、不填数字；表二第二十条第（五）、（六）、（八）项同样未记录。"
        "表中“—”表示未记录，不表示零。",
        "Requests, administrative reconsideration and litigation in {year} were not recorded. Tables 3 and 4 show their layout only, without "
        "figures; Article 20 items (5), (6) and (8) of Table 2 are not recorded either. A dash (—) means "
        "not recorded, not zero."),
    "not_recorded": Text("未记录", "not recorded"),
    "proactive": Text("公开目录中的主动公开条目", "Proactive disclosures in the catalogue"),
    "proactive_total": Text("{year}年主动公开政府信息 {count} 条（按发布日期统计）。",
                            "Items of government information disclosed proactively in {year} (by date "
                            "published): {count}."),
    "by_month": Text("按月份", "By month"),
    "by_category": Text("按主题分类", "By subject category"),
    "by_genre": Text("按体裁分类", "By genre"),
    "by_publisher": Text("按发布机构", "By issuing body"),
    "items": Text("条目数", "Items"),
    "requests": Text("件数", "Requests"),
    "dash_note": Text("“—”表示该年度的数据未记录，不表示零。",
                      "A dash (—) means the year's figures were not recorded, not zero."),
    "chart_month_title": Text("{year}年每月主动公开条目数", "Items disclosed proactively per month, {year}"),
    "chart_category_title": Text("{year}年各主题分类主动公开条目数",
                                 "Items disclosed proactively per subject category, {year}"),
    "chart_years_title": Text("历年主动公开条目数", "Items disclosed proactively per year"),
    "chart_requests_title": Text("历年新收政府信息公开申请数", "New requests received per year"),
    "count_unit": Text("{label}：{value} 条", "{label}: {value}"),
    **CAPTIONS,
    "timeliness": Text("答复时限", "Time limits"),
    "timeliness_intro": Text(
        "依照《条例》第三十三条，申请应在收到之日起 20 个工作日内答复，延长后最长 40 个工作日。收到当日不计入；"
        "周末、法定节假日不计，调休上班日计入（按国务院办公厅公布的节假日安排）。需要补正的，自收到补正申请之日起计算。"
        "征求第三方和其他机关意见所需时间（第三十三条第二款）和依第三十五条确定的延迟答复期限不计入。",
        "Under Article 33 of the Regulations, a request is answered within 20 working days of receipt, at most 40 "
        "when extended. The day of receipt does not count; weekends and public holidays do not count, make-up "
        "working days do (as the General Office of the State Council announces them). When the applicant was asked to correct the "
        "request, the time runs from receipt of the corrected request. Time spent consulting third parties or other "
        "bodies (Article 33 paragraph 2) and a later deadline fixed under Article 35 do not count."),
    "t_caption": Text("{year}年申请答复时限", "Time limits of requests, {year}"),
    "downloads": Text("数据下载", "Data downloads"),
    "downloads_intro": Text("同样的数字可以下载为 JSON 或 CSV（UTF-8，可用 Excel 打开）。",
                            "The same figures can be downloaded as JSON or CSV (UTF-8, opens in Excel)."),
    "years": Text("各年份", "Years"),
    "col_year": Text("年份", "Year"),
    "col_items": Text("主动公开条目", "Items disclosed proactively"),
    "col_new": Text("新收申请", "New requests"),
    "col_answered": Text("办结申请", "Requests answered"),
    "col_appeals": Text("行政复议、诉讼", "Reconsideration and litigation cases"),
    "years_caption": Text("历年统计一览", "Figures per year"),
    "data": Text("数据", "Data"),
    "no_years": Text("暂无统计。", "No statistics yet."),
}

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# -- smaller tables ------------------------------------------------------------------------

def _pairs_table(caption: str, head: tuple[str, str], rows: list[tuple[str, str]], css: str = "gk-stats",
                 searchable: bool = True) -> str:
    """A two-column table; ``searchable=False`` keeps its labels out of the search index."""
    body = "\n".join(f'<tr><th scope="row">{esc(label)}</th><td>{value}</td></tr>' for label, value in rows)
    ignore = "" if searchable else " data-pagefind-ignore"
    return (f'<table class="{css}"{ignore}>\n<caption>{esc(caption)}</caption>\n<thead><tr><th scope="col">{esc(head[0])}'
            f'</th><th scope="col">{esc(head[1])}</th></tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>')


def _months_table(caption: str, months: list[Bar], lang: str) -> str:
    """Twelve months side by side: one header row, one row of counts."""
    head = "".join(f'<th scope="col">{esc(b.label)}</th>' for b in months)
    cells = "".join(f"<td>{b.value}</td>" for b in months)
    return (f'<table class="gk-stats">\n<caption>{esc(caption)}</caption>\n<thead><tr><td></td>{head}</tr></thead>\n'
            f'<tbody><tr><th scope="row">{esc(UI["items"](lang))}</th>{cells}</tr></tbody>\n</table>')


def timeliness_html(t: Timeliness | None, year: int, lang: str, complete: bool = True) -> str:
    """The time-limit figures; while the year is not over, pending requests are judged on the build day."""
    rows = [(row.label(lang), _num(getattr(t, row.key) if t else None)) for row in v.timeliness_rows(complete)]
    return _pairs_table(UI["t_caption"](lang).format(year=year), (UI["timeliness"](lang), UI["requests"](lang)), rows)


def month_label(month: int, lang: str) -> str:
    return f"{month}月" if lang == "zh" else MONTHS_EN[month - 1]


def _desc(bars: list[Bar], lang: str) -> str:
    sep = "；" if lang == "zh" else "; "
    return sep.join(UI["count_unit"](lang).format(label=b.label, value=b.value) for b in bars) + (
        "。" if lang == "zh" else ".")


# -- pages ----------------------------------------------------------------------------------

class _Tables(Blocks):
    """A statistics page's tables and charts, kept out of its Markdown as placeholder blocks (Python-Markdown
    would parse their HTML again for nothing). Each block's wide tables go in scroll regions here, as
    :meth:`GeneratedPage.content` would have put them: every such table has a caption, so no numbering
    depends on the page around it."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def add(self, html: str) -> str:
        return super().add(wrap_wide_tables(html, self.lang))

def _unofficial(url: str, zh_url: str, lang: str) -> list[str]:
    if lang == "zh":
        return []
    link = f'<a href="{esc(rel_url(url, zh_url))}" hreflang="zh-CN" lang="zh-CN">中文页面</a>'
    return [notice("info", UI["unofficial_title"].en, f'{UI["unofficial"].en} {link} ({UI["read_zh"].en}).'), ""]


def data_urls(year: int) -> tuple[str, str]:
    """Site-relative URLs of a year's JSON and CSV (one pair for both languages)."""
    return statistics_data_files(year)


def _proactive_section(figures: YearFigures, catalogue: Catalogue, lang: str, blocks: Blocks) -> list[str]:
    """The items published in the year: total, by month (chart and table), by category, genre and publisher."""
    year, p = figures.year, figures.proactive
    parts = [f"## {UI['proactive'](lang)}", "", UI["proactive_total"](lang).format(year=year, count=p.total), ""]
    months = [Bar(month_label(m, lang), n) for m, n in enumerate(p.by_month, start=1)]
    parts += [blocks.add(column_chart("chart-month", UI["chart_month_title"](lang).format(year=year),
                                      _desc(months, lang), months)), ""]
    parts += [blocks.add(_scroll(UI["by_month"](lang), _months_table(UI['by_month'](lang), months, lang))), ""]
    cats = [Bar(catalogue.label("category", k, lang), n) for k, n in p.by_category.items()]
    parts += [blocks.add(bar_chart("chart-category", UI["chart_category_title"](lang).format(year=year),
                                   _desc(cats, lang), cats)), ""]
    # Every label of a vocabulary, most with 0: kept out of search so that searching a category's name
    # finds the items in it, not every statistics page.
    parts += [blocks.add(_pairs_table(UI['by_category'](lang), (UI["by_category"](lang), UI["items"](lang)),
                           [(b.label, str(b.value)) for b in cats], searchable=False)), ""]
    parts += [blocks.add(_pairs_table(UI['by_genre'](lang), (UI["by_genre"](lang), UI["items"](lang)),
                           [(catalogue.label("genre", k, lang), str(n)) for k, n in p.by_genre.items()],
                           searchable=False)), ""]
    parts += [blocks.add(_pairs_table(UI['by_publisher'](lang), (UI["by_publisher"](lang), UI["items"](lang)),
                           [(catalogue.label("publisher", k, lang), str(n)) for k, n in p.by_publisher.items()],
                           searchable=False)), ""]
    return parts


def _report_section(statistics: Statistics, catalogue: Catalogue, report: AnnualReport, url: str,
                    lang: str) -> list[str]:
    """Where the year's annual report is, and a notice when the register now differs from it."""
    year, item = report.year, report.item
    status = esc(status_text(report, lang))
    if item is None:
        listing = f'<a href="{esc(rel_url(url, page_url(REPORTS_PATH, lang)))}">{esc(UI["report_list"](lang))}</a>'
        return [f'<p class="gk-report-link">{UI["report_none"](lang).format(year=year, status=status, list=listing)}</p>', ""]
    link = f'<a href="{esc(rel_url(url, item.url(lang)))}">{esc(item.title_in(lang))}</a>'
    parts = [f'<p class="gk-report-link">'
             f'{UI["report_published"](lang).format(year=year, link=link, day=item.date_published, status=status)}</p>',
             ""]
    if statistics.differs(year):
        frozen = statistics.reports[year]
        parts += [notice("warning", UI["differs_title"](lang),
                         UI["differs"](lang).format(frozen_on=frozen.frozen_on.isoformat(), link=link)), ""]
    return parts


def _concluded_later(figures: YearFigures, lang: str) -> list[str]:
    """The results of the year's appeals concluded after 31 December, as a note under Table 四."""
    if not figures.concluded_later:
        return []
    kinds = {t.key: t.label(lang) for t in v.APPEAL_KINDS}
    results = {t.key: t.label(lang) for t in v.APPEAL_RESULTS}
    cases = "".join(f"<li>{esc(UI['concluded_case'](lang).format(kind=kinds[a.kind], id=a.id, day=a.concluded, result=results[a.result or '']))}</li>"
                    for a in figures.concluded_later)
    return [f'<div class="gk-note"><p>{esc(UI["concluded_later"](lang).format(year=figures.year))}</p>'
            f"<ul>{cases}</ul></div>", ""]


def _fees_section(figures: YearFigures, lang: str, blocks: Blocks) -> list[str]:
    """Section 六's information processing fees."""
    parts = [f"## {v.SECTIONS[5](lang)}", "", f"### {UI['fees'](lang)}", "", f"<p>{esc(UI['fees_intro'](lang))}</p>", ""]
    fees = figures.processing_fees
    if fees is None:
        return parts + [f"<p>{esc(UI['fees_unrecorded'](lang))}</p>", ""]
    rows = [(UI["fee_notices"](lang), str(fees.notices)), (UI["fee_collected"](lang), f"{fees.collected:.2f}")]
    return parts + [blocks.add(_pairs_table(UI["fees"](lang), (UI["fees"](lang), UI["fee_value"](lang)), rows)), ""]


def _calendar_basis(statistics: Statistics, year: int, lang: str) -> list[str]:
    """The State Council notices the year's working days come from."""
    notices = statistics.records.calendar.notices
    cited = [notices[y] for y in (year, year + 1) if y in notices]
    if not cited:
        return []
    items = "".join(f'<li lang="zh-CN">{esc(n)}</li>' if lang == "en" else f"<li>{esc(n)}</li>" for n in cited)
    return [f'<div class="gk-note"><p>{esc(UI["calendar_basis"](lang))}</p><ul>{items}</ul></div>', ""]


def year_page(figures: YearFigures, catalogue: Catalogue, lang: str, statistics: Statistics | None = None) -> GeneratedPage:
    year = figures.year
    url = page_url(f"statistics/{year}/", lang)
    title = UI["year_title"](lang).format(year=year)
    index = page_url("statistics/", lang)
    blocks = _Tables(lang)
    parts = [front_matter(title), f"# {esc(title)}", "",
             f'<p class="gk-crumb"><a href="{esc(rel_url(url, index))}">{esc(UI["statistics"](lang))}</a></p>', ""]
    parts += _unofficial(url, f"statistics/{year}/", lang)
    if not figures.complete:
        parts += [notice("note", UI["incomplete_title"](lang),
                         UI["incomplete"](lang).format(year=year, as_of=figures.as_of.isoformat())), ""]
    if not figures.recorded:
        parts += [notice("warning", UI["unrecorded_title"](lang), UI["unrecorded"](lang).format(year=year)), ""]
    if statistics is not None:
        report = next(r for r in annual_reports(catalogue, statistics) if r.year == year)
        parts += _report_section(statistics, catalogue, report, url, lang)
    parts += _proactive_section(figures, catalogue, lang, blocks)
    parts += [f"## {v.SECTIONS[1](lang)}", "", blocks.add(_scroll(UI["table2"](lang), table2_html(figures.table2, lang))),
              ""]
    parts += [f"## {v.SECTIONS[2](lang)}", "", blocks.add(_scroll(UI["table3"](lang), table3_html(figures.table3, lang))),
              ""]
    parts += [f"### {UI['timeliness'](lang)}", "", UI["timeliness_intro"](lang), "",
              blocks.add(timeliness_html(figures.timeliness, year, lang, figures.complete)), ""]
    parts += _calendar_basis(statistics, year, lang) if statistics is not None else []
    parts += [f"## {v.SECTIONS[3](lang)}", "", blocks.add(_scroll(UI["table4"](lang), table4_html(figures.table4, lang))),
              ""]
    parts += _concluded_later(figures, lang)
    if figures.recorded:
        parts += _fees_section(figures, lang, blocks)
    json_url, csv_url = data_urls(year)
    parts += [f"## {UI['downloads'](lang)}", "",
              f"<p>{esc(UI['downloads_intro'](lang))}</p>", "",
              f'<ul>\n<li><a href="{esc(rel_url(url, json_url))}" download>{year}.json</a> (JSON)</li>\n'
              f'<li><a href="{esc(rel_url(url, csv_url))}" download>{year}.csv</a> (CSV{UI["zh_labels"](lang)})</li>\n'
              + (f'<li><a href="{esc(rel_url(url, statistics_csv_en(year)))}" download>{year}.en.csv</a> '
                 "(CSV, English labels)</li>\n" if lang == "en" else "") + "</ul>", ""]
    return GeneratedPage(src_uri(f"statistics/{year}/index.md", lang), url, lang, "\n".join(parts), blocks=blocks())


def index_page(statistics: Statistics, catalogue: Catalogue, lang: str) -> GeneratedPage:
    url = page_url("statistics/", lang)
    title = UI["statistics"](lang)
    parts = [front_matter(title), f"# {esc(title)}", ""]
    parts += _unofficial(url, "statistics/", lang)
    reports = f'<a href="{esc(rel_url(url, page_url(REPORTS_PATH, lang)))}">{esc(UI["report_list"](lang))}</a>'
    parts += [UI["intro"](lang).format(office=catalogue.config.office_name(lang)), "",
              f"<p>{UI['reports_note'](lang).format(list=reports)}</p>", ""]
    if not statistics.years:
        return GeneratedPage(src_uri("statistics/index.md", lang), url, lang,
                             "\n".join(parts + [f"<p>{esc(UI['no_years'](lang))}</p>", ""]))
    rows = []
    for y in reversed(statistics.years):
        link = esc(rel_url(url, page_url(f"statistics/{y.year}/", lang)))
        json_url, csv_url = data_urls(y.year)
        new = _num(y.table3.cell(v.NEW.key, v.TOTAL_KEY)) if y.table3 else DASH
        answered = _num(y.table3.cell(v.RESULTS_TOTAL.key, v.TOTAL_KEY)) if y.table3 else DASH
        appeals = _num(sum(r[-1] for r in y.table4.rows.values())) if y.table4 else DASH
        rows.append(f'<tr><th scope="row"><a href="{link}">{y.year}</a></th><td>{y.proactive.total}</td>'
                    f"<td>{new}</td><td>{answered}</td><td>{appeals}</td>"
                    f'<td><a href="{esc(rel_url(url, json_url))}" download>JSON</a> · '
                    f'<a href="{esc(rel_url(url, csv_url))}" download>CSV</a></td></tr>')
    heads = "".join(f'<th scope="col">{esc(UI[k](lang))}</th>'
                    for k in ("col_year", "col_items", "col_new", "col_answered", "col_appeals", "data"))
    parts += [f"## {UI['years'](lang)}", "",
              _scroll(UI["years_caption"](lang),
                      f'<table class="gk-stats gk-years">\n<caption>{esc(UI["years_caption"](lang))}</caption>\n'
                      f"<thead><tr>{heads}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"),
              "", f'<p class="gk-note">{esc(UI["dash_note"](lang))}</p>', ""]
    bars = [Bar(str(y.year), y.proactive.total) for y in statistics.years]
    parts += [column_chart("chart-years", UI["chart_years_title"](lang), _desc(bars, lang), bars), ""]
    recorded = [Bar(str(y.year), y.table3.cell(v.NEW.key, v.TOTAL_KEY)) for y in statistics.years if y.table3]
    if recorded:
        parts += [column_chart("chart-requests", UI["chart_requests_title"](lang), _desc(recorded, lang), recorded),
                  ""]
    return GeneratedPage(src_uri("statistics/index.md", lang), url, lang, "\n".join(parts))


def statistics_pages(statistics: Statistics, catalogue: Catalogue, lang: str,
                     page_of: Callable[[YearFigures], GeneratedPage] | None = None) -> list[GeneratedPage]:
    """The overview and one page per year, in ``lang`` (each from ``page_of`` when given: the preview's)."""
    page_of = page_of or (lambda y: year_page(y, catalogue, lang, statistics))
    return [index_page(statistics, catalogue, lang)] + [page_of(y) for y in statistics.years]
