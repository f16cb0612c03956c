"""The list of annual reports (年度报告): ``reports/`` and ``en/reports/``, one row per year.

Each row gives the report (a link to its item page), its 发布日期 and whether it was published on
time under Article 49 (by 31 January of the next year); a year without a report says so, and says
whether it is still due. The rows come from :func:`~gongkai.statistics.annual.annual_reports`.
"""

from __future__ import annotations

from ..generated import GeneratedPage, front_matter, notice
from ..html import esc, rel_url
from ..layout import REPORTS_PATH, page_url, src_uri
from ..text import Text
from .statutory import scroll
from .annual import AnnualReport, status_text

UI = {
    "title": Text("政府信息公开工作年度报告", "Annual reports on open government information"),
    "intro": Text(
        "依照《中华人民共和国政府信息公开条例》第四十九条，{office}每年1月31日前公布上一年度的政府信息公开工作"
        "年度报告。下表按年度列出已公布的年度报告及其发布日期；各年的统计数字见{statistics}。",
        "Under Article 49 of the Regulations on Open Government Information, the {office} publishes its annual "
        "report on the previous year's open government information work by 31 January. The table lists each "
        "year's report and the date it was published; each year's figures are on the {statistics}."),
    "statistics": Text("统计栏目", "statistics pages"),
    "caption": Text("各年度政府信息公开工作年度报告", "Annual reports by year"),
    "col_year": Text("报告年度", "Year reported on"),
    "col_report": Text("年度报告", "Report"),
    "col_date": Text("发布日期", "Date published"),
    "col_status": Text("是否按时发布", "Published on time"),
    "col_figures": Text("统计", "Figures"),
    "no_report": Text("无", "None"),
    "figures": Text("{year}年统计", "Figures {year}"),
    "none": Text("暂无年度。", "No years yet."),
    "unofficial_title": Text("", "Unofficial translation"),
    "unofficial": Text("", "The annual reports are written in Chinese; an English page of a report without a "
                           "translation shows the Chinese original."),
}


def _row(report: AnnualReport, url: str, lang: str) -> str:
    year, item = report.year, report.item
    if item is not None:
        title = esc(item.title_in(lang))
        if lang == "en" and item.translation is None:
            title = f'<span lang="zh-CN">{title}</span>'
        link = f'<a href="{esc(rel_url(url, item.url(lang)))}">{title}</a>'
        day = item.date_published.isoformat()
    else:
        link, day = esc(UI["no_report"](lang)), "—"
    status = status_text(report, lang)
    figures = esc(rel_url(url, page_url(f"statistics/{year}/", lang)))
    return (f'<tr class="gk-report-{report.status}"><th scope="row">{year}</th><td>{link}</td><td>{day}</td>'
            f'<td>{esc(status)}</td><td><a href="{figures}">{esc(UI["figures"](lang).format(year=year))}</a></td></tr>')


def report_list_page(reports: list[AnnualReport], office: str, lang: str) -> GeneratedPage:
    """The page of every year's annual report, newest year first."""
    url = page_url(REPORTS_PATH, lang)
    title = UI["title"](lang)
    statistics = f'<a href="{esc(rel_url(url, page_url("statistics/", lang)))}">{esc(UI["statistics"](lang))}</a>'
    parts = [front_matter(title, searchable=False), f"# {esc(title)}", ""]  # a listing: search finds the reports
    if lang == "en":
        parts += [notice("info", UI["unofficial_title"].en, UI["unofficial"].en), ""]
    parts += [f"<p>{UI['intro'](lang).format(office=esc(office), statistics=statistics)}</p>", ""]
    if not reports:
        parts += [f"<p>{esc(UI['none'](lang))}</p>", ""]
    else:
        heads = "".join(f'<th scope="col">{esc(UI[k](lang))}</th>'
                        for k in ("col_year", "col_report", "col_date", "col_status", "col_figures"))
        rows = "\n".join(_row(r, url, lang) for r in reports)
        parts += [scroll(UI["caption"](lang),
                         f'<table class="gk-stats gk-reports">\n<caption>{esc(UI["caption"](lang))}</caption>\n'
                         f"<thead><tr>{heads}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"), ""]
    return GeneratedPage(src_uri(f"{REPORTS_PATH}index.md", lang), url, lang, "\n".join(parts))
