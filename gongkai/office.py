"""The office's model: its identity, settings and vocabularies, as catalogue.yml declares them.

Plain immutable data, read by :mod:`gongkai.config` and used by every other layer. The fixed keys the
law gives (the disclosure types and validity states every office has) are named here once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import Text

#: The vocabularies catalogue.yml declares, in the order the editors' guide lists them.
VOCABULARY_NAMES = ("publisher", "category", "genre", "disclosure", "validity")

# -- fixed vocabulary keys --------------------------------------------------------

PROACTIVE = "proactive"
"""Disclosure type 主动公开: the only items the site publishes."""
ON_REQUEST = "on-request"
"""Disclosure type 依申请公开."""
NOT_DISCLOSED = "not-disclosed"
"""Disclosure type 不予公开."""
IN_FORCE = "in-force"
"""Validity 有效."""
REPEALED = "repealed"
"""Validity 已废止: needs ``repealed_on``."""
EXPIRED = "expired"
"""Validity 已失效: no longer counted as in force."""

#: Keys each of these vocabularies must have: the rules above depend on them.
REQUIRED_VOCABULARY_KEYS = {"disclosure": (PROACTIVE, ON_REQUEST, NOT_DISCLOSED),
                            "validity": (IN_FORCE, REPEALED, EXPIRED)}


@dataclass(frozen=True)
class Term:
    """A key an editor writes, with its zh and en labels: an entry of a catalogue.yml vocabulary, or of
    the statistics format's fixed lists (:mod:`gongkai.statistics.vocabulary`)."""

    key: str
    """What editors write, e.g. ``plans-and-reports``."""
    label: Text
    """Its zh and en labels."""
    extra: dict = field(default_factory=dict, compare=False)
    """Further attributes, e.g. ``article20`` on genres."""
    line: int = field(default=0, compare=False)
    """The line of its key in catalogue.yml (for messages about it)."""


@dataclass(frozen=True)
class Vocabulary:
    """A controlled list of values, in the order catalogue.yml gives them."""

    name: str
    terms: dict[str, Term]

    def label(self, key: str) -> Text:
        return self.terms[key].label

    def keys(self) -> list[str]:
        return list(self.terms)


@dataclass(frozen=True)
class Contact:
    department: Text
    address: Text
    postcode: str
    telephone: str


@dataclass(frozen=True)
class Filing:
    """A registration number shown with a link to where it can be checked."""

    number: str
    link: str


@dataclass(frozen=True)
class Portal:
    """The site as a government portal (政府网站): what ``portal:`` in catalogue.yml says, empty strings
    for what it leaves out. The 政府网站发展指引 (国办发〔2017〕47号) asks every government site to show,
    at the foot of each page, who runs it and how to reach them, its 网站标识码, the 党政机关网站标识
    (linked to its verification page), the ICP filing number and the public-security filing number."""

    email: str = ""
    site_code: str = ""
    """网站标识码 (issued with the site's registration in the national government-site directory)."""
    badge_image: str = ""
    """The 党政机关网站标识 image, a path under docs/."""
    badge_link: str = ""
    """The badge's verification page."""
    icp: Filing | None = None
    police: Filing | None = None
    feedback: str = ""
    """Where the public reports an error on the site (e.g. the national 我为政府网站找错 platform)."""
    logo: str = "assets/gk-logo.svg"
    """The header logo, a path under docs/."""
    favicon: str = "assets/gk-favicon.svg"


@dataclass(frozen=True)
class Config:
    """Everything catalogue.yml says."""

    office_name: Text
    """The office's full name."""
    office_short_name: Text
    contact: Contact
    index_prefix: str
    """The 索引号 prefix (the office's organisation code)."""
    feed_limit: int
    """How many items each feed carries."""
    attachment_max_bytes: int
    attachment_types: frozenset[str]
    vocabularies: dict[str, Vocabulary]
    portal: Portal = field(default_factory=Portal)
    """The site's portal identity (footer, logo, favicon): ``portal:`` in catalogue.yml."""

    def vocabulary(self, name: str) -> Vocabulary:
        return self.vocabularies[name]
