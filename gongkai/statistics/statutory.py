"""Tables 二, 三 and 四 of the annual report format (国办公开办函〔2021〕30号) as HTML.

They are drawn exactly as in the format (every row and column, in order, zero where zero), for the
statistics pages and the draft annual report alike. They are complex tables, so every data cell
names its header cells (``headers``), which screen readers follow.
"""

from __future__ import annotations

from decimal import Decimal

from ..html import esc
from ..text import Text
from . import vocabulary as v
from .frozen import MARKERS
from .tables import FrozenReport, Table2, Table3, Table4

CAPTIONS = {
    "table2": Text("表二 主动公开政府信息情况", "Table 2 · Proactive disclosure (Article 20)"),
    "table3": Text("表三 收到和处理政府信息公开申请情况", "Table 3 · Requests received and handled"),
    "table4": Text("表四 政府信息公开行政复议、行政诉讼情况",
                   "Table 4 · Administrative reconsideration and litigation"),
}

DASH = "—"


def _id(prefix: str, key: str) -> str:
    return f"{prefix}-{key.replace('/', '-')}"


def num(value: int | None) -> str:
    return DASH if value is None else str(value)


def fees_text(fees: Decimal | None) -> str:
    """万元 as written: ``0``, ``1.25``; a dash when not recorded."""
    if fees is None:
        return DASH
    text = format(fees.normalize(), "f")
    return "0" if fees == 0 else text


def scroll(label: str, table: str) -> str:
    return f'<div class="gk-scroll" role="region" tabindex="0" aria-label="{esc(label)}">\n{table}\n</div>'


# -- Table 二 --------------------------------------------------------------------------------

def table2_html(t: Table2 | None, lang: str, caption: str | None = None) -> str:
    """Table 二 in the format's four blocks; ``t`` None draws the layout only."""
    h = v.TABLE2_HEADINGS
    rows = [f'<table class="gk-stats gk-table2">', f"<caption>{esc(caption or CAPTIONS['table2'](lang))}</caption>"]

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
          [("licensing", terms["licensing"], [num(t.licensing if t else None)])])
    block("item6", [("content", h["content"]), ("decisions", h["decisions"])],
          [("penalty", terms["penalty"], [num(t.penalty if t else None)]),
           ("compulsory", terms["compulsory"], [num(t.compulsory if t else None)])])
    block("item8", [("content", h["content"]), ("fees", h["fees"])],
          [("fees", terms["fees"], [fees_text(t.fees if t else None)])])
    rows.append("</table>")
    return "\n".join(rows)


# -- Table 三 --------------------------------------------------------------------------------

_T3 = "t3-c"
"""The id prefix of Table 三's column headers."""


def table3_html(t: Table3 | None, lang: str, caption: str | None = None) -> str:
    """Table 三 with every row and column of the format; ``t`` None draws the layout with dashes."""
    title = caption or CAPTIONS["table3"](lang)
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
    return "".join(f'<td headers="{row_headers} {column_headers[col]}">{num(value)}</td>'
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
        tds += [f'<td headers="{group} {p}-{kind.key}-{col.key}">{num(value)}</td>'
                for col, value in zip(v.TABLE4_COLUMNS, values)]
    title = caption or CAPTIONS["table4"](lang)
    return "\n".join([f'<table class="gk-stats gk-table4">', f"<caption>{esc(title)}</caption>"] + head
                     + ["<tbody>", "<tr>" + "".join(tds) + "</tr>", "</tbody>", "</table>"])


def fill_report(body: str, frozen: FrozenReport, lang: str) -> str:
    """An annual report's body with its three markers replaced by the frozen Tables 二, 三 and 四."""
    tables = (table2_html(frozen.table2, lang, caption=CAPTIONS["table2"](lang)),
              table3_html(frozen.table3, lang, caption=CAPTIONS["table3"](lang)),
              table4_html(frozen.table4, lang, caption=CAPTIONS["table4"](lang)))
    for marker, table in zip(MARKERS, tables):
        body = body.replace(marker, table)
    return body
