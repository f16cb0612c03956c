"""Helpers shared by the statistics tests: the fixture repository and reading rendered tables."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lxml import html

from conftest import FIXTURES, REPO, make_repo

from gongkai.placeholders import PLACEHOLDER_PATTERN

STATS_FIXTURES = FIXTURES / "statistics"
CALENDAR = REPO / "disclosures" / "statistics" / "calendar.yml"


def fixture_repo(tmp_path: Path, years: tuple[str, ...] = ("2023", "2024")) -> Path:
    """A repository with the fixture items, the real calendar and the fixture statistics files."""
    root = make_repo(tmp_path)
    shutil.copytree(STATS_FIXTURES / "items", root / "disclosures", dirs_exist_ok=True)
    stats = root / "disclosures" / "statistics"
    stats.mkdir(exist_ok=True)
    (stats / "calendar.yml").write_text(fixture_calendar(), encoding="utf-8")
    for year in years:
        shutil.copy2(STATS_FIXTURES / f"{year}.yml", stats / f"{year}.yml")
    return root


#: What the fixture repositories write where the real calendar.yml still has a placeholder for a holiday
#: notice's number, so that their problems are only those each test makes: clearly not a real number.
FICTITIOUS_NUMBER = "测试用虚构文号"


def fixture_calendar() -> str:
    """The real calendar.yml with its notice-number placeholders filled by :data:`FICTITIOUS_NUMBER`."""
    return PLACEHOLDER_PATTERN.sub(FICTITIOUS_NUMBER, CALENDAR.read_text(encoding="utf-8"))


def expected(year: int) -> dict:
    """The hand-written golden values of a fixture year."""
    return json.loads((STATS_FIXTURES / f"{year}.expected.json").read_text(encoding="utf-8"))


def table(page: Path, css: str) -> html.HtmlElement:
    """The one table with class ``css`` in a built page."""
    tables = html.parse(str(page)).getroot().xpath(
        f'//article//table[contains(concat(" ", normalize-space(@class), " "), " {css} ")]')
    assert len(tables) == 1, f"{page}: {len(tables)} tables .{css}"
    return tables[0]


def body_cells(element: html.HtmlElement) -> list[list[str]]:
    """The text of the ``td`` cells of each body row."""
    return [[" ".join(td.text_content().split()) for td in tr.findall("td")] for tr in element.xpath("./tbody/tr")]


def texts(elements: list) -> list[str]:
    """The whitespace-normalised text of each element."""
    return [" ".join(e.text_content().split()) for e in elements]


def line_of(text: str, needle: str) -> int:
    """1-based line of the only line containing ``needle``."""
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert len(lines) == 1, (needle, lines)
    return lines[0]

