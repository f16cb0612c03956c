"""The statistics pages: ``statistics/`` (all years) and ``statistics/<YYYY>/`` (one year), zh and en.

Tables 二, 三 and 四 are drawn exactly as in the 30号 format (every row and
column, in order, zero where zero). They are complex tables, so every data cell
names its header cells (``headers``), which screen readers follow. English pages
use unofficial renderings of the labels and say so.
"""

from __future__ import annotations

from decimal import Decimal

from ..catalogue import Catalogue
from ..html import esc, rel_url
from ..pages import GeneratedPage, front_matter, notice, page_url, src_uri
from ..text import Text
from . import vocabulary as v
from .charts import Bar, bar_chart, column_chart
from .tables import Statistics, Table2, Table3, Table4, Timeliness, YearFigures

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
    "incomplete_title": Text("本年度尚未结束", "The year is not over"),
    "incomplete": Text("{year}年尚未结束，以下数字截至 {as_of}（公开目录和统计文件中本年最新的日期）。",
                       "{year} is not over yet: the figures below are as of {as_of}, the latest date of this year "
                       "in the catalogue and the statistics files."),
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
    "table2": Text("表二 主动公开政府信息情况", "Table 2 · Proactive disclosure (Article 20)"),
    "table3": Text("表三 收到和处理政府信息公开申请情况", "Table 3 · Requests received and handled"),
    "table4": Text("表四 政府信息公开行政复议、行政诉讼情况",
                   "Table 4 · Administrative reconsideration and litigation"),
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
    "t_answered": Text("本年办结的申请", "Requests answered this year"),
    "t_on_time": Text("在期限内答复", "Answered within the time limit"),
    "t_late": Text("超过期限答复", "Answered after the time limit"),
    "t_extended": Text("其中延长答复期限的", "Of those answered, with the limit extended"),
    "t_pending": Text("年末尚未办结（结转下年度）", "Pending at the end of the year (carried forward)"),
    "t_overdue": Text("其中年末已超过期限的", "Of those pending, past their limit at the end of the year"),
    "t_overdue_now": Text("其中已超过期限的（按生成网站当日计算）",
                          "Of those pending, past their limit on the day the site was built"),
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
DASH = "—"


def _id(prefix: str, key: str) -> str:
    return f"{prefix}-{key.replace('/', '-')}"


def _num(value: int | None) -> str:
    return DASH if value is None else str(value)


def fees_text(fees: Decimal | None) -> str:
    """万元 as written: ``0``, ``1.25``; a dash when not recorded."""
    if fees is None:
        return DASH
    text = format(fees.normalize(), "f")
    return "0" if fees == 0 else text


def _scroll(label: str, table: str) -> str:
    return f'<div class="gk-scroll" role="region" tabindex="0" aria-label="{esc(label)}">\n{table}\n</div>'


# -- Table 二 --------------------------------------------------------------------------------

def table2_html(t: Table2 | None, lang: str, caption: str | None = None) -> str:
    """Table 二 in the format's four blocks; ``t`` None draws the layout only."""
    h = v.TABLE2_HEADINGS
    rows = [f'<table class="gk-stats gk-table2">', f"<caption>{esc(caption or UI['table2'](lang))}</caption>"]

    def block(key: str, headers: list[tuple[str, Text]], body: list[tuple[str, Text, list[str]]]) -> None:
        b = f"t2-{key}"
        rows.append("<tbody>")
        rows.append(f'<tr><th colspan="4" scope="colgroup" id="{b}">{esc(v.TABLE2_BLOCKS[key](lang))}</th></tr>')
        # Blocks with one figure let it span the three number columns, as the format does.
        span = ' colspan="3"' if len(headers) == 2 else ""
        cells = [f'<th scope="col" id="{b}-content" headers="{b}">{esc(h["content"](lang))}</th>']
        cells += [f'<th scope="col"{span} id="{b}-{k}" headers="{b}">{esc(label(lang))}</th>'
                  for k, label in headers[1:]]
        rows.append("<tr>" + "".join(cells) + "</tr>")
        for row_key, label, values in body:
            r = _id("t2", row_key)
            tds = "".join(f'<td{span} headers="{b} {b}-{k} {r}">{value}</td>'
                          for (k, _), value in zip(headers[1:], values))
            rows.append(f'<tr><th scope="row" id="{r}" headers="{b}-content">{esc(label(lang))}</th>{tds}</tr>')
        rows.append("</tbody>")

    item1 = t.item1 if t else {}
    block("item1", [("content", h["content"]), ("issued", h["issued"]), ("repealed", h["repealed"]),
                    ("in_force", h["in_force"])],
          [(g.key, g.label, [str(n) for n in item1.get(g.key, (0, 0, 0))]) for g in v.ARTICLE20_GENRES])
    terms = {term.key: term.label for term in v.ARTICLE20_KEYS}
    block("item5", [("content", h["content"]), ("decisions", h["decisions"])],
          [("licensing", terms["licensing"], [_num(t.licensing if t else None)])])
    block("item6", [("content", h["content"]), ("decisions", h["decisions"])],
          [("penalty", terms["penalty"], [_num(t.penalty if t else None)]),
           ("compulsory", terms["compulsory"], [_num(t.compulsory if t else None)])])
    block("item8", [("content", h["content"]), ("fees", h["fees"])],
          [("fees", terms["fees"], [fees_text(t.fees if t else None)])])
    rows.append("</table>")
    return "\n".join(rows)


# -- Table 三 --------------------------------------------------------------------------------

_T3 = "t3-c"
"""The id prefix of Table 三's column headers."""


def table3_html(t: Table3 | None, lang: str, caption: str | None = None) -> str:
    """Table 三 with every row and column of the format; ``t`` None draws the layout with dashes."""
    title = caption or UI["table3"](lang)
    body = ["<tbody>"] + _table3_top_rows(t, lang) + _table3_result_rows(t, lang) + _table3_bottom_rows(t, lang)
    return "\n".join([f'<table class="gk-stats gk-table3">', f"<caption>{esc(title)}</caption>"]
                      + _table3_head(lang) + body + ["</tbody>", "</table>"])


def _table3_head(lang: str) -> list[str]:
    """The three header rows: 申请人情况, then 自然人 / 法人或其他组织 / 总计, then the five kinds of organisation."""
    c = _T3
    return [
        "<thead>",
        f'<tr><td colspan="3" rowspan="3" class="gk-corner">{esc(v.TABLE3_CORNER(lang))}</td>'
        f'<th colspan="7" scope="colgroup" id="{c}-applicants">{esc(v.APPLICANT_GROUP(lang))}</th></tr>',
        f'<tr><th rowspan="2" scope="col" id="{c}-natural-person" headers="{c}-applicants">'
        f"{esc(v.APPLICANTS[0].label(lang))}</th>"
        f'<th colspan="5" scope="colgroup" id="{c}-organisations" headers="{c}-applicants">'
        f"{esc(v.ORGANISATIONS(lang))}</th>"
        f'<th rowspan="2" scope="col" id="{c}-total" headers="{c}-applicants">{esc(v.TOTAL(lang))}</th></tr>',
        "<tr>" + "".join(f'<th scope="col" id="{c}-{t_.key}" headers="{c}-applicants {c}-organisations">'
                         f"{esc(t_.label(lang))}</th>" for t_ in v.APPLICANTS[1:]) + "</tr>",
        "</thead>",
    ]


def _table3_column_headers() -> dict[str, str]:
    """For each column key, the ids of the header cells above it."""
    c = _T3
    headers = {"natural-person": f"{c}-applicants {c}-natural-person", "total": f"{c}-applicants {c}-total"}
    headers.update({k: f"{c}-applicants {c}-organisations {c}-{k}" for k in v.APPLICANT_KEYS[1:]})
    return headers


def _table3_cells(t: Table3 | None, row_key: str, row_headers: str) -> str:
    """The seven number cells of a row, each naming its row and column headers."""
    column_headers = _table3_column_headers()
    values = t.rows[row_key] if t else (None,) * len(v.TABLE3_COLUMNS)
    return "".join(f'<td headers="{row_headers} {column_headers[col]}">{_num(value)}</td>'
                   for col, value in zip(v.TABLE3_COLUMNS, values))


def _table3_top_rows(t: Table3 | None, lang: str) -> list[str]:
    """一、本年新收 and 二、上年结转."""
    rows = []
    for term in (v.NEW, v.CARRIED_OVER):
        r = _id("t3-r", term.key)
        rows.append(f'<tr><th colspan="3" scope="row" id="{r}">{esc(term.label(lang))}</th>'
                    f"{_table3_cells(t, term.key, r)}</tr>")
    return rows


_T3_RESULTS = "t3-r-results"
"""The id of the 三、本年度办理结果 row group."""


def _table3_result_rows(t: Table3 | None, lang: str) -> list[str]:
    """三、本年度办理结果: （一）, （二）, then each group （三）…（六） with its numbered reasons, then （七）."""
    results = _T3_RESULTS
    result_rows = 2 + sum(len(g.reasons) for g in v.OUTCOME_GROUPS) + 1
    lead = f'<th rowspan="{result_rows}" scope="rowgroup" id="{results}">{esc(v.RESULTS(lang))}</th>'
    rows = []
    for term in (v.DISCLOSED, v.PARTIALLY_DISCLOSED):
        r = _id("t3-r", term.key)
        rows.append(f'<tr>{lead}<th colspan="2" scope="row" id="{r}" headers="{results}">{esc(term.label(lang))}</th>'
                    f"{_table3_cells(t, term.key, f'{results} {r}')}</tr>")
        lead = ""
    for group in v.OUTCOME_GROUPS:
        g = _id("t3-r", group.key)
        for index, reason in enumerate(group.reasons):
            r = _id("t3-r", reason.key)
            group_cell = (f'<th rowspan="{len(group.reasons)}" scope="rowgroup" id="{g}" headers="{results}">'
                          f"{esc(group.label(lang))}</th>") if index == 0 else ""
            rows.append(f'<tr>{group_cell}<th scope="row" id="{r}" headers="{results} {g}">{esc(reason.label(lang))}'
                        f"</th>{_table3_cells(t, reason.key, f'{results} {g} {r}')}</tr>")
    r = _id("t3-r", v.RESULTS_TOTAL.key)
    rows.append(f'<tr><th colspan="2" scope="row" id="{r}" headers="{results}">{esc(v.RESULTS_TOTAL.label(lang))}'
                f"</th>{_table3_cells(t, 'total', f'{results} {r}')}</tr>")
    return rows


def _table3_bottom_rows(t: Table3 | None, lang: str) -> list[str]:
    """四、结转下年度继续办理."""
    r = _id("t3-r", v.CARRIED_FORWARD.key)
    return [f'<tr><th colspan="3" scope="row" id="{r}">{esc(v.CARRIED_FORWARD.label(lang))}</th>'
            f"{_table3_cells(t, v.CARRIED_FORWARD.key, r)}</tr>"]


# -- Table 四 --------------------------------------------------------------------------------

def table4_html(t: Table4 | None, lang: str, caption: str | None = None) -> str:
    """Table 四: fifteen number columns in three groups; ``t`` None draws the layout with dashes."""
    p = "t4"
    recon, direct, after = v.APPEAL_KINDS
    head = ["<thead>",
            f'<tr><th colspan="5" scope="colgroup" id="{p}-{recon.key}">{esc(recon.label(lang))}</th>'
            f'<th colspan="10" scope="colgroup" id="{p}-litigation">{esc(v.LITIGATION(lang))}</th></tr>']
    row2 = [f'<th rowspan="2" scope="col" id="{p}-{recon.key}-{col.key}" headers="{p}-{recon.key}">'
            f"{esc(col.label(lang))}</th>" for col in v.TABLE4_COLUMNS]
    row2 += [f'<th colspan="5" scope="colgroup" id="{p}-{kind.key}" headers="{p}-litigation">'
             f"{esc(kind.label(lang))}</th>" for kind in (direct, after)]
    head.append("<tr>" + "".join(row2) + "</tr>")
    head.append("<tr>" + "".join(f'<th scope="col" id="{p}-{kind.key}-{col.key}" headers="{p}-litigation '
                                 f'{p}-{kind.key}">{esc(col.label(lang))}</th>'
                                 for kind in (direct, after) for col in v.TABLE4_COLUMNS) + "</tr>")
    head.append("</thead>")
    tds = []
    for kind in v.APPEAL_KINDS:
        values = t.rows[kind.key] if t else (None,) * len(v.TABLE4_COLUMNS)
        group = f"{p}-{kind.key}" if kind is recon else f"{p}-litigation {p}-{kind.key}"
        tds += [f'<td headers="{group} {p}-{kind.key}-{col.key}">{_num(value)}</td>'
                for col, value in zip(v.TABLE4_COLUMNS, values)]
    title = caption or UI["table4"](lang)
    return "\n".join([f'<table class="gk-stats gk-table4">', f"<caption>{esc(title)}</caption>"] + head
                     + ["<tbody>", "<tr>" + "".join(tds) + "</tr>", "</tbody>", "</table>"])


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
    values = (t.answered, t.on_time, t.late, t.extended, t.pending, t.pending_overdue) if t else (None,) * 6
    keys = ("t_answered", "t_on_time", "t_late", "t_extended", "t_pending", "t_overdue" if complete else "t_overdue_now")
    rows = [(UI[k](lang), _num(value)) for k, value in zip(keys, values)]
    return _pairs_table(UI["t_caption"](lang).format(year=year), (UI["timeliness"](lang), UI["requests"](lang)), rows)


def month_label(month: int, lang: str) -> str:
    return f"{month}月" if lang == "zh" else MONTHS_EN[month - 1]


def _desc(bars: list[Bar], lang: str) -> str:
    sep = "；" if lang == "zh" else "; "
    return sep.join(UI["count_unit"](lang).format(label=b.label, value=b.value) for b in bars) + (
        "。" if lang == "zh" else ".")


# -- pages ----------------------------------------------------------------------------------

def _unofficial(url: str, zh_url: str, lang: str) -> list[str]:
    if lang == "zh":
        return []
    link = f'<a href="{esc(rel_url(url, zh_url))}" hreflang="zh-CN" lang="zh-CN">中文页面</a>'
    return [notice("info", UI["unofficial_title"].en, f'{UI["unofficial"].en} {link} ({UI["read_zh"].en}).'), ""]


def data_urls(year: int) -> tuple[str, str]:
    """Site-relative URLs of a year's JSON and CSV (one pair for both languages)."""
    return f"statistics/{year}.json", f"statistics/{year}.csv"


def _proactive_section(figures: YearFigures, catalogue: Catalogue, lang: str) -> list[str]:
    """The items published in the year: total, by month (chart and table), by category, genre and publisher."""
    year, p = figures.year, figures.proactive
    parts = [f"## {UI['proactive'](lang)}", "", UI["proactive_total"](lang).format(year=year, count=p.total), ""]
    months = [Bar(month_label(m, lang), n) for m, n in enumerate(p.by_month, start=1)]
    parts += [column_chart("chart-month", UI["chart_month_title"](lang).format(year=year), _desc(months, lang),
                           months), ""]
    parts += [_scroll(UI["by_month"](lang), _months_table(UI['by_month'](lang),
                                                          months, lang)), ""]
    cats = [Bar(catalogue.label("category", k, lang), n) for k, n in p.by_category.items()]
    parts += [bar_chart("chart-category", UI["chart_category_title"](lang).format(year=year), _desc(cats, lang),
                        cats), ""]
    # Every label of a vocabulary, most with 0: kept out of search so that searching a category's name
    # finds the items in it, not every statistics page.
    parts += [_pairs_table(UI['by_category'](lang), (UI["by_category"](lang), UI["items"](lang)),
                           [(b.label, str(b.value)) for b in cats], searchable=False), ""]
    parts += [_pairs_table(UI['by_genre'](lang), (UI["by_genre"](lang), UI["items"](lang)),
                           [(catalogue.label("genre", k, lang), str(n)) for k, n in p.by_genre.items()],
                           searchable=False), ""]
    parts += [_pairs_table(UI['by_publisher'](lang), (UI["by_publisher"](lang), UI["items"](lang)),
                           [(catalogue.label("publisher", k, lang), str(n)) for k, n in p.by_publisher.items()],
                           searchable=False), ""]
    return parts


def year_page(figures: YearFigures, catalogue: Catalogue, lang: str) -> GeneratedPage:
    year = figures.year
    url = page_url(f"statistics/{year}/", lang)
    title = UI["year_title"](lang).format(year=year)
    index = page_url("statistics/", lang)
    parts = [front_matter(title), f"# {esc(title)}", "",
             f'<p class="gk-crumb"><a href="{esc(rel_url(url, index))}">{esc(UI["statistics"](lang))}</a></p>', ""]
    parts += _unofficial(url, f"statistics/{year}/", lang)
    if not figures.complete:
        parts += [notice("note", UI["incomplete_title"](lang),
                         UI["incomplete"](lang).format(year=year, as_of=figures.as_of.isoformat())), ""]
    if not figures.recorded:
        parts += [notice("warning", UI["unrecorded_title"](lang), UI["unrecorded"](lang).format(year=year)), ""]
    parts += _proactive_section(figures, catalogue, lang)
    parts += [f"## {v.SECTIONS[1](lang)}", "", _scroll(UI["table2"](lang), table2_html(figures.table2, lang)), ""]
    parts += [f"## {v.SECTIONS[2](lang)}", "", _scroll(UI["table3"](lang), table3_html(figures.table3, lang)), ""]
    parts += [f"### {UI['timeliness'](lang)}", "", UI["timeliness_intro"](lang), "",
              timeliness_html(figures.timeliness, year, lang, figures.complete), ""]
    parts += [f"## {v.SECTIONS[3](lang)}", "", _scroll(UI["table4"](lang), table4_html(figures.table4, lang)), ""]
    json_url, csv_url = data_urls(year)
    parts += [f"## {UI['downloads'](lang)}", "",
              f"<p>{esc(UI['downloads_intro'](lang))}</p>", "",
              f'<ul>\n<li><a href="{esc(rel_url(url, json_url))}" download>{year}.json</a> (JSON)</li>\n'
              f'<li><a href="{esc(rel_url(url, csv_url))}" download>{year}.csv</a> (CSV)</li>\n</ul>', ""]
    return GeneratedPage(src_uri(f"statistics/{year}/index.md", lang), url, lang, "\n".join(parts))


def index_page(statistics: Statistics, catalogue: Catalogue, lang: str) -> GeneratedPage:
    url = page_url("statistics/", lang)
    title = UI["statistics"](lang)
    parts = [front_matter(title), f"# {esc(title)}", ""]
    parts += _unofficial(url, "statistics/", lang)
    parts += [UI["intro"](lang).format(office=catalogue.config.office_name(lang)), ""]
    if not statistics.years:
        return GeneratedPage(src_uri("statistics/index.md", lang), url, lang,
                             "\n".join(parts + [f"<p>{esc(UI['no_years'](lang))}</p>", ""]))
    rows = []
    for y in reversed(statistics.years):
        link = esc(rel_url(url, page_url(f"statistics/{y.year}/", lang)))
        json_url, csv_url = data_urls(y.year)
        new = _num(y.table3.cell("new", "total")) if y.table3 else DASH
        answered = _num(y.table3.cell("total", "total")) if y.table3 else DASH
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
    recorded = [Bar(str(y.year), y.table3.cell("new", "total")) for y in statistics.years if y.table3]
    if recorded:
        parts += [column_chart("chart-requests", UI["chart_requests_title"](lang), _desc(recorded, lang), recorded),
                  ""]
    return GeneratedPage(src_uri("statistics/index.md", lang), url, lang, "\n".join(parts))


def statistics_pages(statistics: Statistics, catalogue: Catalogue, lang: str) -> list[GeneratedPage]:
    """The overview and one page per year, in ``lang``."""
    return [index_page(statistics, catalogue, lang)] + [year_page(y, catalogue, lang)
                                                         for y in statistics.years]
