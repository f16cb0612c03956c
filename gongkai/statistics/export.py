"""``statistics/<YYYY>.json`` and ``statistics/<YYYY>.csv``: the year's figures for re-use.

The keys are stable and documented in the statistics guide (docs/statistics-guide.md);
they are the same English keys editors write in the statistics files. Figures that
were not recorded (a year without a statistics file) are ``null`` in JSON and empty
in CSV, never zero. The CSV is UTF-8 with a byte-order mark so Excel reads the
Chinese labels, one row per figure (long format).
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from ..catalogue import Catalogue
from ..layout import statistics_csv_en, statistics_data_files
from ..text import Text
from . import vocabulary as v
from .tables import Statistics, YearFigures

FORMAT = "gongkai-statistics"
VERSION = 2
"""2: ``table2.<genre>.in_force`` includes the ``baseline`` of documents the catalogue lacks; ``processing_fees``,
``baseline`` and ``concluded_later`` added."""

CSV_COLUMNS = ("table", "row", "column", "value", "row_label", "column_label", "derived")

SUBTOTAL = Text("（小计）", "(subtotal)")
PROCESSING_FEES_LABEL = Text("信息处理费", "Information processing fees")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _fees(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def year_data(figures: YearFigures, catalogue: Catalogue) -> dict:
    """The JSON document of one year."""
    p, t2, t3, t4, tl = figures.proactive, figures.table2, figures.table3, figures.table4, figures.timeliness
    return {
        "format": FORMAT,
        "version": VERSION,
        "year": figures.year,
        "office": catalogue.config.office_name.zh,
        "complete": figures.complete,
        "as_of": figures.as_of.isoformat(),
        "recorded": figures.recorded,
        "proactive": {
            "total": p.total,
            "by_month": {f"{m:02d}": n for m, n in enumerate(p.by_month, start=1)},
            "by_category": dict(p.by_category),
            "by_genre": dict(p.by_genre),
            "by_publisher": dict(p.by_publisher),
        },
        "table2": {
            **{key: dict(zip(("issued", "repealed", "in_force"), values)) for key, values in t2.item1.items()},
            "licensing": t2.licensing,
            "penalty": t2.penalty,
            "compulsory": t2.compulsory,
            "fees": _fees(t2.fees),
        },
        "table3": None if t3 is None else {
            key: dict(zip(v.TABLE3_COLUMNS, t3.rows[key])) for key, _, _ in _table3_rows()},
        "table4": None if t4 is None else {
            kind: dict(zip(v.TABLE4_COLUMN_KEYS, t4.rows[kind])) for kind in v.APPEAL_KIND_KEYS},
        "timeliness": None if tl is None else {t.key: getattr(tl, t.key) for t in v.TIMELINESS},
        "processing_fees": None if figures.processing_fees is None else {
            "notices": figures.processing_fees.notices, "collected": _fees(figures.processing_fees.collected)},
        "baseline": dict(figures.baseline),
        "concluded_later": [{"id": a.id, "kind": a.kind, "result": a.result, "concluded": a.concluded.isoformat()}
                            for a in figures.concluded_later if a.concluded is not None],
    }


def year_json(figures: YearFigures, catalogue: Catalogue) -> bytes:
    return (json.dumps(year_data(figures, catalogue), ensure_ascii=False, indent=2) + "\n").encode()


def _join(*labels: Text) -> Text:
    """A label with its parent headings, e.g. 三、本年度办理结果 （三）不予公开 1.属于国家秘密."""
    return Text(" ".join(t.zh for t in labels), " · ".join(t.en for t in labels))


def _table3_rows() -> list[tuple[str, Text, bool]]:
    """Table 三's rows for the CSV: key, full label, and whether it is a derived subtotal (not a row of the format)."""
    rows = [(t.key, t.label, False) for t in (v.NEW, v.CARRIED_OVER)]
    rows += [(t.key, _join(v.RESULTS, t.label), False) for t in (v.DISCLOSED, v.PARTIALLY_DISCLOSED)]
    for group in v.OUTCOME_GROUPS:
        rows.append((group.key, _join(v.RESULTS, group.label, SUBTOTAL), True))
        rows += [(r.key, _join(v.RESULTS, group.label, r.label), False) for r in group.reasons]
    rows += [(v.RESULTS_TOTAL.key, _join(v.RESULTS, v.RESULTS_TOTAL.label), False),
             (v.CARRIED_FORWARD.key, v.CARRIED_FORWARD.label, False)]
    return rows


def _table3_column_labels() -> dict[str, Text]:
    labels = {v.APPLICANTS[0].key: _join(v.APPLICANT_GROUP, v.APPLICANTS[0].label)}
    labels.update({t.key: _join(v.APPLICANT_GROUP, v.ORGANISATIONS, t.label) for t in v.APPLICANTS[1:]})
    labels[v.TOTAL_KEY] = _join(v.APPLICANT_GROUP, v.TOTAL)
    return labels


def _appeal_kind_label(kind: v.Term) -> Text:
    return kind.label if kind.key == "reconsideration" else _join(v.LITIGATION, kind.label)


Row = tuple[str, str, str, object, Text, Text, bool]


def _proactive_rows(figures: YearFigures, catalogue: Catalogue) -> list[Row]:
    rows: list[Row] = []
    p = figures.proactive
    items = Text("条目数", "Items")
    rows.append(("proactive", "total", "items", p.total, Text("主动公开政府信息", "Proactive disclosures"), items, False))
    rows += [("proactive-month", f"{m:02d}", "items", n, Text(f"{m}月", MONTHS_EN[m - 1]), items, False)
             for m, n in enumerate(p.by_month, 1)]
    for name, values, vocabulary in (("proactive-category", p.by_category, "category"),
                                     ("proactive-genre", p.by_genre, "genre"),
                                     ("proactive-publisher", p.by_publisher, "publisher")):
        rows += [(name, key, "items", n, catalogue.config.vocabulary(vocabulary).label(key), items, False)
                 for key, n in values.items()]
    return rows


def _table2_rows(figures: YearFigures) -> list[Row]:
    rows: list[Row] = []
    t2 = figures.table2
    h, blocks = v.TABLE2_HEADINGS, v.TABLE2_BLOCKS
    for genre in v.ARTICLE20_GENRES:
        for column, value in zip(("issued", "repealed", "in_force"), t2.item1[genre.key]):
            rows.append(("table2", genre.key, column, value, _join(blocks["item1"], genre.label), h[column], False))
    labels = {t.key: t.label for t in v.ARTICLE20_KEYS}
    for key, block in (("licensing", "item5"), ("penalty", "item6"), ("compulsory", "item6")):
        rows.append(("table2", key, "decisions", getattr(t2, key), _join(blocks[block], labels[key]), h["decisions"],
                     False))
    rows.append(("table2", "fees", "amount", _fees(t2.fees), _join(blocks["item8"], labels["fees"]), h["fees"], False))
    return rows


def _rows(figures: YearFigures, catalogue: Catalogue) -> list[Row]:
    """Every figure: table, row, column, value, row label, column label (both languages), derived."""
    rows = _proactive_rows(figures, catalogue) + _table2_rows(figures)
    columns = _table3_column_labels()
    for key, label, derived in _table3_rows():
        values = figures.table3.rows[key] if figures.table3 else (None,) * len(v.TABLE3_COLUMNS)
        rows += [("table3", key, column, value, label, columns[column], derived)
                 for column, value in zip(v.TABLE3_COLUMNS, values)]
    for kind in v.APPEAL_KINDS:
        values = figures.table4.rows[kind.key] if figures.table4 else (None,) * len(v.TABLE4_COLUMNS)
        rows += [("table4", kind.key, column.key, value, _appeal_kind_label(kind), column.label, False)
                 for column, value in zip(v.TABLE4_COLUMNS, values)]
    rows += _addition_rows(figures)
    fees = figures.processing_fees
    rows += [("processing-fees", "notices", "count", fees.notices if fees else None, PROCESSING_FEES_LABEL,
              Text("收费通知件数", "Fee notices sent"), False),
             ("processing-fees", "collected", "yuan", _fees(fees.collected) if fees else None, PROCESSING_FEES_LABEL,
              Text("收取金额（元）", "Collected (yuan)"), False)]
    tl = figures.timeliness
    rows += [("timeliness", t.key, "requests", getattr(tl, t.key) if tl else None, t.label, Text("件数", "Requests"),
              False) for t in v.timeliness_rows(figures.complete)]
    return rows


def _addition_rows(figures: YearFigures) -> list[Row]:
    """The register additions as figures: the baseline included in Table 二's in-force counts, and the cases
    filed this year and concluded later, by kind and result (not counted in Table 四's results)."""
    baseline = Text("不在公开目录中的现行有效件数（已计入现行有效件数）",
                    "In force but not in the catalogue (included in In force)")
    rows: list[Row] = [("table2-baseline", g.key, "in_force", figures.baseline.get(g.key, 0),
                        _join(v.TABLE2_BLOCKS["item1"], g.label), baseline, False) for g in v.ARTICLE20_GENRES]
    later = Text("本年立案、次年及以后审结", "Filed this year, concluded in a later year")
    for kind in v.APPEAL_KINDS:
        rows += [("table4-concluded-later", kind.key, result.key,
                  sum(1 for a in figures.concluded_later if a.kind == kind.key and a.result == result.key),
                  _appeal_kind_label(kind), _join(later, result.label), False) for result in v.APPEAL_RESULTS]
    return rows


def year_csv(figures: YearFigures, catalogue: Catalogue, lang: str = "zh") -> bytes:
    """One row per figure: ``table,row,column,value,row_label,column_label,derived``, labels in ``lang`` with
    their parent headings; ``derived`` is ``true`` for Table 三's group subtotals, which the site adds up and
    which are not rows of the format."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for table, row, column, value, row_label, column_label, derived in _rows(figures, catalogue):
        writer.writerow((table, row, column, "" if value is None else value, row_label(lang), column_label(lang),
                         "true" if derived else "false"))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def files(statistics: Statistics, catalogue: Catalogue) -> list[tuple[str, bytes]]:
    """``(site-relative path, bytes)`` of every year's JSON and CSV (shared by both languages)."""
    return [file for figures in statistics.years for file in year_files(figures, catalogue)]


def year_files(figures: YearFigures, catalogue: Catalogue) -> list[tuple[str, bytes]]:
    """The year's JSON, CSV and CSV with English labels: made of its figures and catalogue.yml's names."""
    json_path, csv_path = statistics_data_files(figures.year)
    return [(json_path, year_json(figures, catalogue)), (csv_path, year_csv(figures, catalogue)),
            (statistics_csv_en(figures.year), year_csv(figures, catalogue, "en"))]
