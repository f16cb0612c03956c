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
from ..layout import statistics_data_files
from . import vocabulary as v
from .tables import Statistics, YearFigures

FORMAT = "gongkai-statistics"
VERSION = 1

CSV_COLUMNS = ("table", "row", "column", "value", "row_label", "column_label")

TIMELINESS_KEYS = (
    ("answered", "本年办结的申请"), ("on_time", "在期限内答复"), ("late", "超过期限答复"),
    ("extended", "其中延长答复期限的"), ("pending", "年末尚未办结"), ("pending_overdue", "其中年末已超过期限的"),
)
#: The label of ``pending_overdue`` while the year is not over: judged on the day of the build.
OVERDUE_NOW_LABEL = "其中已超过期限的（按生成网站当日计算）"


def _fees(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _table3_keys() -> list[tuple[str, str]]:
    """Table 三's keys in the order of the format, each group's subtotal before its rows."""
    keys = [(t.key, t.label.zh) for t in (v.NEW, v.CARRIED_OVER, v.DISCLOSED, v.PARTIALLY_DISCLOSED)]
    for group in v.OUTCOME_GROUPS:
        keys.append((group.key, f"{group.label.zh}（小计）"))
        keys += [(r.key, f"{group.label.zh} {r.label.zh}") for r in group.reasons]
    keys += [(v.RESULTS_TOTAL.key, v.RESULTS_TOTAL.label.zh), (v.CARRIED_FORWARD.key, v.CARRIED_FORWARD.label.zh)]
    return keys


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
            key: dict(zip(v.TABLE3_COLUMNS, t3.rows[key])) for key, _ in _table3_keys()},
        "table4": None if t4 is None else {
            kind: dict(zip(v.TABLE4_COLUMN_KEYS, t4.rows[kind])) for kind in v.APPEAL_KIND_KEYS},
        "timeliness": None if tl is None else {key: getattr(tl, key) for key, _ in TIMELINESS_KEYS},
    }


def year_json(figures: YearFigures, catalogue: Catalogue) -> bytes:
    return (json.dumps(year_data(figures, catalogue), ensure_ascii=False, indent=2) + "\n").encode()


def year_csv(figures: YearFigures, catalogue: Catalogue) -> bytes:
    """One row per figure: ``table,row,column,value,row_label,column_label`` (labels in Chinese)."""
    rows: list[tuple] = []
    p = figures.proactive
    rows.append(("proactive", "total", "items", p.total, "主动公开政府信息", "条目数"))
    rows += [("proactive-month", f"{m:02d}", "items", n, f"{m}月", "条目数") for m, n in enumerate(p.by_month, 1)]
    for name, values, vocabulary in (("proactive-category", p.by_category, "category"),
                                     ("proactive-genre", p.by_genre, "genre"),
                                     ("proactive-publisher", p.by_publisher, "publisher")):
        rows += [(name, key, "items", n, catalogue.label(vocabulary, key, "zh"), "条目数") for key, n in values.items()]
    t2 = figures.table2
    h = v.TABLE2_HEADINGS
    for genre in v.ARTICLE20_GENRES:
        for column, value in zip(("issued", "repealed", "in_force"), t2.item1[genre.key]):
            rows.append(("table2", genre.key, column, value, genre.label.zh, h[column].zh))
    labels = {t.key: t.label.zh for t in v.ARTICLE20_KEYS}
    for key in ("licensing", "penalty", "compulsory"):
        rows.append(("table2", key, "decisions", getattr(t2, key), labels[key], h["decisions"].zh))
    rows.append(("table2", "fees", "amount", _fees(t2.fees), labels["fees"], h["fees"].zh))
    column_labels = dict(zip(v.TABLE3_COLUMNS, [t.label.zh for t in v.APPLICANTS] + [v.TOTAL.zh]))
    for key, label in _table3_keys():
        values = figures.table3.rows[key] if figures.table3 else (None,) * len(v.TABLE3_COLUMNS)
        rows += [("table3", key, column, value, label, column_labels[column])
                 for column, value in zip(v.TABLE3_COLUMNS, values)]
    for kind in v.APPEAL_KINDS:
        values = figures.table4.rows[kind.key] if figures.table4 else (None,) * len(v.TABLE4_COLUMNS)
        rows += [("table4", kind.key, column.key, value, kind.label.zh, column.label.zh)
                 for column, value in zip(v.TABLE4_COLUMNS, values)]
    tl = figures.timeliness
    rows += [("timeliness", key, "requests", getattr(tl, key) if tl else None,
              OVERDUE_NOW_LABEL if key == "pending_overdue" and not figures.complete else label, "件数")
             for key, label in TIMELINESS_KEYS]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(tuple("" if cell is None else cell for cell in row) for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def files(statistics: Statistics, catalogue: Catalogue) -> list[tuple[str, bytes]]:
    """``(site-relative path, bytes)`` of every year's JSON and CSV (shared by both languages)."""
    result = []
    for figures in statistics.years:
        json_path, csv_path = statistics_data_files(figures.year)
        result.append((json_path, year_json(figures, catalogue)))
        result.append((csv_path, year_csv(figures, catalogue)))
    return result
