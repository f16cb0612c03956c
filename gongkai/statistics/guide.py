"""The generated parts of the statistics guide (docs/statistics-guide.md).

The guide's tables of keys come from :mod:`.schema`, :mod:`.vocabulary` and :mod:`gongkai.codes`
through ``<!-- gongkai:NAME -->`` markers, so they can never disagree with what
the checks accept.
"""

from __future__ import annotations

from typing import Callable

from ..codes import CODES
from ..record_schema import field_table
from ..generated import FragmentContext
from ..html import esc, table
from ..text import Text
from . import vocabulary as v
from .schema import APPEAL, REQUEST

HEAD = {
    "key": Text("取值", "Key"),
    "row": Text("表三中的行", "Row of Table 3"),
    "meaning": Text("含义", "Meaning"),
    "column": Text("表三中的列", "Column of Table 3"),
    "code": Text("代码", "Code"),
    "fix": Text("修改方法", "How to fix"),
    "year": Text("年份", "Year"),
    "notice": Text("依据", "Source"),
    "none": Text("calendar.yml 中还没有任何年份。", "calendar.yml has no year yet."),
}


def _table(caption: Text, head: tuple[Text, ...], rows: list[tuple[str, ...]], lang: str) -> str:
    return table("gk-stats gk-keys", [h(lang) for h in head], [list(r) for r in rows], caption(lang)) + "\n"


def _zh(text: str, lang: str) -> str:
    return esc(text) if lang == "zh" else f'<span lang="zh-CN">{esc(text)}</span>'


def outcomes(ctx: FragmentContext) -> str:
    lang = ctx.lang
    rows = [(f"<code>{t.key}</code>", _zh(t.label.zh, lang)) + (() if lang == "zh" else (esc(t.label.en),))
            for t in v.OUTCOMES[:2]]
    for group in v.OUTCOME_GROUPS:
        rows += [(f"<code>{r.key}</code>", _zh(f"{group.label.zh} {r.label.zh}", lang))
                 + (() if lang == "zh" else (esc(f"{group.label.en} · {r.label.en}"),)) for r in group.reasons]
    head = (HEAD["key"], HEAD["row"]) + (() if lang == "zh" else (HEAD["meaning"],))
    return _table(Text("办理结果（outcome）的取值", "Values of outcome"), head, rows, lang)


def applicants(ctx: FragmentContext) -> str:
    lang = ctx.lang
    rows = [(f"<code>{t.key}</code>", _zh(t.label.zh if t.key == "natural-person"
                                          else f"{v.ORGANISATIONS.zh} · {t.label.zh}", lang))
            + (() if lang == "zh" else (esc(t.label.en),)) for t in v.APPLICANTS]
    head = (HEAD["key"], HEAD["column"]) + (() if lang == "zh" else (HEAD["meaning"],))
    return _table(Text("申请人类型（applicant）的取值", "Values of applicant"), head, rows, lang)


def appeals(ctx: FragmentContext) -> str:
    lang = ctx.lang
    kinds = [(f"<code>kind: {t.key}</code>", _zh(("" if t.key == "reconsideration" else "行政诉讼 · ") + t.label.zh,
                                                  lang)) + (() if lang == "zh" else (esc(t.label.en),))
             for t in v.APPEAL_KINDS]
    results = [(f"<code>result: {t.key}</code>", _zh(t.label.zh, lang)) + (() if lang == "zh" else (esc(t.label.en),))
               for t in v.APPEAL_RESULTS]
    head = (HEAD["key"], Text("表四中的列", "Column of Table 4")) + (() if lang == "zh" else (HEAD["meaning"],))
    return _table(Text("行政复议、行政诉讼记录的取值", "Values of appeal records"), head, kinds + results, lang)


def codes(ctx: FragmentContext) -> str:
    lang = ctx.lang
    rows = [(f"<code>{c.code}</code>", esc(c.title(lang)), esc(c.fix(lang)))
            for c in CODES.values() if c.code.startswith("stats-")]
    return _table(Text("统计文件的问题代码", "Problem codes of statistics files"),
                  (HEAD["code"], HEAD["meaning"], HEAD["fix"]), rows, lang)


def calendar(ctx: FragmentContext) -> str:
    lang = ctx.lang
    cal = ctx.statistics.records.calendar
    if not cal.years:
        return f"<p>{esc(HEAD['none'](lang))}</p>\n"
    rows = [(str(year), _zh(cal.notices.get(year, ""), lang)) for year in sorted(cal.years)]
    return _table(Text("calendar.yml 已包含的年份", "Years in calendar.yml"), (HEAD["year"], HEAD["notice"]), rows,
                  lang)


def request_fields(ctx: FragmentContext) -> str:
    """The keys of a request record, from the statistics record schema."""
    return field_table(REQUEST, ctx.lang)


def appeal_fields(ctx: FragmentContext) -> str:
    """The keys of an appeal record, from the statistics record schema."""
    return field_table(APPEAL, ctx.lang)


FRAGMENTS: dict[str, Callable[[FragmentContext], str]] = {
    "statistics-request-fields": request_fields,
    "statistics-appeal-fields": appeal_fields,
    "statistics-outcomes": outcomes,
    "statistics-applicants": applicants,
    "statistics-appeals": appeals,
    "statistics-codes": codes,
    "statistics-calendar": calendar,
}
