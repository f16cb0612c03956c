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

#: The items of Article 20 of the Regulations on Open Government Information (2019), which lists what an
#: office discloses proactively (法定主动公开内容), in the law's order: item n is ``ARTICLE20_ITEMS[n - 1]``.
#: catalogue.yml files genres and categories under them (``article20_item:``). English renderings unofficial.
ARTICLE20_ITEMS: tuple[Text, ...] = (
    Text("行政法规、规章和规范性文件", "Administrative regulations, rules and normative documents"),
    Text("机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
         "Functions, organisation, address, office hours, contact details and the names of those in charge"),
    Text("国民经济和社会发展规划、专项规划、区域规划及相关政策",
         "Economic and social development plans, special and regional plans and related policies"),
    Text("国民经济和社会发展统计信息", "Statistics on economic and social development"),
    Text("办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
         "Bases, conditions, procedures and results of administrative licensing and other public services"),
    Text("实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
         "Bases, conditions and procedures of administrative penalties and enforcement, and penalty decisions "
         "of public concern"),
    Text("财政预算、决算信息", "Budgets and final accounts"),
    Text("行政事业性收费项目及其依据、标准", "Administrative fees, their bases and rates"),
    Text("政府集中采购项目的目录、标准及实施情况", "Government centralised procurement: catalogue, standards and "
                                                 "implementation"),
    Text("重大建设项目的批准和实施情况", "Approval and implementation of major construction projects"),
    Text("扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
         "Policies and measures on poverty relief, education, health care, social security, employment and the "
         "like, and their implementation"),
    Text("突发公共事件的应急预案、预警信息及应对情况", "Emergency plans, warnings and responses to public emergencies"),
    Text("环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
         "Inspections of environmental protection, public health, work safety, food and drugs and product quality"),
    Text("公务员招考的职位、名额、报考条件等事项以及录用结果",
         "Civil service recruitment: posts, numbers, requirements and results"),
    Text("法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
         "Other government information that laws, regulations, rules and state provisions require to be disclosed"),
)

#: The ``extra`` key of a genre or category that files it under items of Article 20.
ARTICLE20_ITEM_KEY = "article20_item"

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

    def article20_items(self, key: str) -> tuple[int, ...]:
        """The items of Article 20 the term ``key`` is filed under (``article20_item: 1`` or ``[1, 15]``)."""
        value = self.terms[key].extra.get(ARTICLE20_ITEM_KEY) if key in self.terms else None
        return tuple(value) if isinstance(value, list) else (value,) if isinstance(value, int) else ()


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
