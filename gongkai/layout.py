"""Where everything lives: the repository's source paths, and the site's URLs.

Repository paths are relative to the repository root with ``/`` separators; site paths and URLs are
relative to the site root (``disclosures/2022/00001/``; English pages under ``en/``). An item's place
and its index number (索引号) say the same thing: :func:`item_path` and :func:`place_of` convert
between them. Nothing else spells these paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import url_prefix

# -- the repository -------------------------------------------------------------

CONTENT_DIR = "disclosures"
"""The content folder: catalogue.yml, ``<YYYY>/<NNNNN>.md`` items and ``statistics/``."""
CATALOGUE_FILE = f"{CONTENT_DIR}/catalogue.yml"
"""The office's settings and vocabularies."""
CONTENT_README = f"{CONTENT_DIR}/README.md"
"""A README editors may keep in the content folder: never an item."""
STATISTICS_DIR = f"{CONTENT_DIR}/statistics"
"""The statistics files: ``<YYYY>.yml`` and ``calendar.yml``."""
CALENDAR_FILE = f"{STATISTICS_DIR}/calendar.yml"
"""The holiday calendar of the working-day count."""

#: ``<prefix>/<YYYY>-<NNNNN>``; the prefix is letters, digits and hyphens.
INDEX_NO_PATTERN = re.compile(r"^(?P<prefix>[0-9A-Za-z][0-9A-Za-z-]*)/(?P<year>\d{4})-(?P<number>\d{5})$")

#: ``<YYYY>/<NNNNN>.md`` and ``.en.md``, relative to :data:`CONTENT_DIR`.
ITEM_PATH_PATTERN = re.compile(r"^(?P<year>\d{4})/(?P<number>\d{5})(?P<lang>\.en)?\.md$")


@dataclass(frozen=True)
class Place:
    """Where an item file is: its year folder and five-digit number (and whether it is the translation)."""

    year: str
    number: str
    translation: bool = False

    @property
    def original(self) -> str:
        """The Chinese original's repository path."""
        return f"{CONTENT_DIR}/{self.year}/{self.number}.md"

    def index_no(self, prefix: str) -> str:
        """The index number this place gives, with the office's ``prefix``."""
        return f"{prefix}/{self.year}-{self.number}"


def place_of(rel: str) -> Place | None:
    """The :class:`Place` of the repository path ``rel`` (``disclosures/2022/00001.md``), None if not an item's."""
    if not rel.startswith(f"{CONTENT_DIR}/"):
        return None
    match = ITEM_PATH_PATTERN.match(rel.removeprefix(f"{CONTENT_DIR}/"))
    return Place(match.group("year"), match.group("number"), bool(match.group("lang"))) if match else None


def index_place(index_no: str) -> Place | None:
    """The :class:`Place` an index number names, None if it is not one."""
    match = INDEX_NO_PATTERN.match(index_no)
    return Place(match.group("year"), match.group("number")) if match else None


def item_path(index_no: str) -> str:
    """Where the item of ``index_no`` lives: ``disclosures/<year>/<number>.md`` (``""`` if not an index number)."""
    place = index_place(index_no)
    return place.original if place else ""


def year_folder(year: int | str) -> str:
    """The folder of one year's items, ``disclosures/<year>``."""
    return f"{CONTENT_DIR}/{year}"


def statistics_file(year: int | str) -> str:
    """One year's statistics file, ``disclosures/statistics/<year>.yml``."""
    return f"{STATISTICS_DIR}/{year}.yml"


FROZEN_DIR = f"{STATISTICS_DIR}/reports"
"""The frozen tables of the published annual reports, one ``<YYYY>.json`` per year (written by ``gongkai report``)."""


#: The places in an annual report's body the build fills with Tables 二, 三 and 四 from its frozen figures,
#: in this order: not comments of the editor's (the body check leaves them alone).
REPORT_MARKERS = ("<!-- gongkai-report:table2 -->", "<!-- gongkai-report:table3 -->", "<!-- gongkai-report:table4 -->")


def frozen_file(year: int | str) -> str:
    """The frozen tables of one year's annual report, ``disclosures/statistics/reports/<year>.json``."""
    return f"{FROZEN_DIR}/{year}.json"


# -- the site -------------------------------------------------------------------

def page_url(path: str, lang: str) -> str:
    """The URL of a directory-style page ``path`` (``catalogue/2022/``) in ``lang``."""
    return url_prefix(lang) + path


def src_uri(base: str, lang: str) -> str:
    """A generated page's virtual source path: ``catalogue/index.md`` for zh, ``catalogue/index.en.md`` for en."""
    return base if lang == "zh" else base.removesuffix(".md") + f".{lang}.md"


def item_slug(year: int | str, number: str) -> str:
    """``<YYYY>/<NNNNN>``: an item's stable place in URLs."""
    return f"{year}/{number}"


def item_url(slug: str, lang: str) -> str:
    """Site-relative URL of an item page, e.g. ``en/disclosures/2022/00001/``."""
    return page_url(f"disclosures/{slug}/", lang)


def item_src_uri(slug: str, lang: str) -> str:
    """The virtual source path of an item page."""
    return src_uri(f"disclosures/{slug}.md", lang)


def attachment_url(slug: str, name: str) -> str:
    """Site-relative URL of an attachment: shared by both languages."""
    return f"disclosures/{slug}/{name}"


def catalogue_category_path(key: str) -> str:
    """A category's catalogue listing (also what its feeds link to)."""
    return f"catalogue/category/{key}/"


def statistics_data_files(year: int) -> tuple[str, str]:
    """A year's statistics as open data: ``statistics/<year>.json`` and ``.csv``."""
    return f"statistics/{year}.json", f"statistics/{year}.csv"


def statistics_csv_en(year: int) -> str:
    """The year's CSV with English labels, for the English page."""
    return f"statistics/{year}.en.csv"


REPORTS_PATH = "reports/"
"""The list of annual reports (年度报告), one row per year."""
