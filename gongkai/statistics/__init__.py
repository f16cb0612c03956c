"""Annual disclosure statistics and the statutory annual report (国办公开办函〔2021〕30号).

- :mod:`.vocabulary`: the format's fixed keys and labels;
- :mod:`.schema`: the record schemas (request, appeal, article20) the reader and the guide use;
- :mod:`.records`: immutable request, appeal and Art. 20 records;
- :mod:`.reader`, :mod:`.privacy`: the field reader of statistics files and what personal data it refuses;
- :mod:`.loading`, :mod:`.calendar_file`: reading and checking ``<YYYY>.yml`` and ``calendar.yml``;
- :mod:`.workdays`: working days and the holiday calendar;
- :mod:`.tables`: the counting rules, Tables 二/三/四 and their cross-checks;
- :mod:`.statutory`, :mod:`.charts`, :mod:`.render`: Tables 二/三/四 as HTML, inline SVG charts and the pages;
- :mod:`.export`: JSON and CSV;
- :mod:`.report`: the draft annual report of ``gongkai report``.

:func:`load_statistics` is the one entry point for the site, ``gongkai check`` and ``gongkai report``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..catalogue import Catalogue
from ..layout import CATALOGUE_FILE, STATISTICS_DIR
from ..problems import Problems
from ..text import Text
from dataclasses import replace

from .annual import check_reports
from .frozen import read_frozen
from .loading import load_records
from .tables import Statistics, build_statistics
from .vocabulary import ARTICLE20_GENRES

__all__ = ["Statistics", "load_statistics"]


def load_statistics(root: Path, catalogue: Catalogue | None, problems: Problems,
                    today: date | None = None) -> Statistics | None:
    """Read, check and compute every year's statistics.

    Every problem goes to ``problems``; returns None when there is any (or when
    ``catalogue`` is None because the items have errors: the statistics files are
    still checked, so an editor sees all problems at once).
    """
    day = today or (catalogue.today if catalogue is not None else None)
    if day is None:
        from .. import clock
        day = clock.today()
    records = load_records(root, problems, day)
    reports = read_frozen(root, problems)
    if catalogue is not None:
        _check_genres(catalogue, problems)
        check_reports(root, catalogue, reports, problems)
    if records is None or catalogue is None or problems.errors:
        return None
    statistics = build_statistics(catalogue, records, problems)
    return replace(statistics, reports=reports) if statistics is not None else None


def _check_genres(catalogue: Catalogue, problems: Problems) -> None:
    allowed = [g.key for g in ARTICLE20_GENRES]
    for key, term in catalogue.config.vocabulary("genre").terms.items():
        value = term.extra.get("article20")
        if value is not None and value not in allowed:
            problems.add(CATALOGUE_FILE, term.line, "catalogue-config",
                         Text(f"体裁 “{key}” 的 article20 值 “{value}” 无效，应为 {' 或 '.join(allowed)}。",
                              f"genre '{key}': article20 '{value}' is invalid; use {' or '.join(allowed)}."),
                         key=f"vocabularies.genre.{key}.article20")


def check_statistics(root: Path, catalogue: Catalogue | None, problems: Problems,
                     only: list[Path] | None = None) -> Statistics | None:
    """``gongkai check``'s part: like :func:`load_statistics`; with ``only`` (some files named on the
    command line), only the statistics files among them are reported."""
    if only is None:
        return load_statistics(root, catalogue, problems)
    base = root.resolve()
    wanted = {p.resolve().relative_to(base).as_posix() for p in only if p.resolve().is_relative_to(base)}
    if not any(w.startswith(f"{STATISTICS_DIR}/") for w in wanted):
        return None
    scratch = Problems()
    statistics = load_statistics(root, catalogue, scratch)
    problems.extend(p for p in scratch.items if p.path in wanted)
    return statistics
