"""The office's settings and vocabularies, read from ``disclosures/catalogue.yml``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .portal import Portal, read_portal
from .problems import Problems, describe
from .source import Value, decode, parse_front_matter
from .text import Text

CATALOGUE_FILE = "disclosures/catalogue.yml"
VOCABULARY_NAMES = ("publisher", "category", "genre", "disclosure", "validity")
REQUIRED_VOCABULARY_KEYS = {"disclosure": ("proactive", "on-request", "not-disclosed"),
                            "validity": ("in-force", "repealed", "expired")}


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary."""

    key: str
    """What items write, e.g. ``plans-and-reports``."""
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


def load_config(root: Path, problems: Problems) -> Config | None:
    """Read and check catalogue.yml; None (with problems recorded) when it is unusable."""
    path = root / CATALOGUE_FILE
    try:
        data = path.read_bytes()
    except OSError:
        problems.add(CATALOGUE_FILE, 0, "catalogue-config",
                     Text("找不到 catalogue.yml。", "catalogue.yml is missing."))
        return None
    text = decode(data, CATALOGUE_FILE, problems)
    if text is None:
        return None
    errors = len(problems.errors)
    meta = parse_front_matter(CATALOGUE_FILE, text.replace("\r\n", "\n"), 1, problems)
    if meta is None:
        return None
    config = _ConfigReader(meta, problems, root).read()
    return config if len(problems.errors) == errors else None  # e.g. a repeated key: never last-wins


#: Vocabulary keys are used in URLs, feed names and the open data: lower-case ASCII words and hyphens.
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
#: ``feeds/all.*`` are the feeds of every item: no category may be called ``all``.
RESERVED_KEYS = {"category": ("all",)}
#: The index-number prefix: ASCII letters, digits and hyphens (see ``schema.INDEX_NO_PATTERN``).
PREFIX_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*")


def _shown(value: object, lang: str) -> str:
    """A received value for a message: mappings as ``{zh: …, en: …}``, the rest as :func:`describe` says."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return describe(value, lang)


class _ConfigReader:
    """Walks the parsed catalogue.yml, recording a problem for each bad entry at the entry's own line."""

    def __init__(self, meta: dict[str, Value], problems: Problems, root: Path | None = None):
        self.meta = meta
        self.problems = problems
        self.root = root
        self.failed = False

    def fail(self, line: int, key: str, zh: str, en: str, hint: Text | None = None) -> None:
        self.failed = True
        self.problems.add(CATALOGUE_FILE, line, "catalogue-config", Text(zh, en), hint, key=key)

    def line(self, section: str, *keys: str) -> int:
        """The line of ``section`` (a top-level key) or of the key path ``keys`` inside it."""
        value = self.meta.get(section)
        if value is None:
            return 1
        return (_nested_line(value, *keys) if keys else None) or value.line

    def mapping(self, value: Value | None, key: str, line: int = 1) -> dict:
        if value is None:
            self.fail(line, key, f"缺少 “{key}”。", f"'{key}' is missing.")
            return {}
        if not isinstance(value.value, dict):
            self.fail(value.line, key, f"“{key}” 应为映射（下一行缩进写“字段: 值”），实际是 {_shown(value.value, 'zh')}。",
                      f"'{key}' must be a mapping (indented `key: value` lines below it); got "
                      f"{_shown(value.value, 'en')}.")
            return {}
        return value.value

    def text(self, data: dict, key: str, line: int, where: str = "") -> Text:
        value = data.get(key)
        if (isinstance(value, dict) and isinstance(value.get("zh"), str) and isinstance(value.get("en"), str)
                and value["zh"].strip() and value["en"].strip()):
            return Text(value["zh"].strip(), value["en"].strip())
        self.fail(line, where + key, f"“{where}{key}” 须同时有 zh 和 en 两个非空文本，实际是 {_shown(value, 'zh')}。",
                  f"'{where}{key}' needs both a non-empty zh and en text; got {_shown(value, 'en')}.",
                  Text(f"写成两行缩进的 zh: 中文 和 en: English，放在 {key}: 之下。",
                       f"Write two indented lines under {key}: `zh: 中文` and `en: English`."))
        return Text("?", "?")

    def read(self) -> Config | None:
        office = self.mapping(self.meta.get("office"), "office")
        contact = office.get("contact") if isinstance(office.get("contact"), dict) else {}
        config = Config(
            office_name=self.text(office, "name", self.line("office", "name"), "office."),
            office_short_name=self.text(office, "short_name", self.line("office", "short_name"), "office."),
            contact=Contact(self.contact_text(contact, "department"), self.contact_text(contact, "address"),
                            str(contact.get("postcode", "")), str(contact.get("telephone", ""))),
            index_prefix=self.prefix(),
            feed_limit=self.positive_int("feeds", "limit", 50),
            attachment_max_bytes=self.positive_int("attachments", "max_bytes", 20 * 1024 * 1024),
            attachment_types=self.types(),
            vocabularies=self.vocabularies(),
            portal=read_portal(self, self.root),
        )
        return None if self.failed else config

    def contact_text(self, contact: dict, key: str) -> Text:
        return self.text(contact, key, self.line("office", "contact", key), "office.contact.")

    def prefix(self) -> str:
        value = self.meta.get("index_prefix")
        prefix = value.value if value else None
        if not isinstance(prefix, str) or not PREFIX_PATTERN.fullmatch(prefix):
            self.fail(value.line if value else 1, "index_prefix",
                      f"index_prefix 须为英文字母、数字或连字符，实际是 {describe(prefix)}。",
                      f"index_prefix must be ASCII letters, digits or hyphens; got {describe(prefix, 'en')}.",
                      Text("填写本机关的组织机构代码或统一社会信用代码，例如 index_prefix: XMFAO。",
                           "Give the office's organisation code or unified social credit code, e.g. index_prefix: XMFAO."))
            return "?"
        return prefix

    def positive_int(self, section: str, key: str, default: int) -> int:
        value = self.meta.get(section)
        if value is None:
            return default
        number = self.mapping(value, section).get(key, default)
        if not isinstance(number, int) or isinstance(number, bool) or number <= 0:
            self.fail(self.line(section, key), f"{section}.{key}",
                      f"{section}.{key} 须为正整数，实际是 {describe(number)}。",
                      f"{section}.{key} must be a positive integer; got {describe(number, 'en')}.")
            return default
        return number

    def types(self) -> frozenset[str]:
        value = self.meta.get("attachments")
        types = self.mapping(value, "attachments").get("allowed_types", ["pdf"]) if value else ["pdf"]
        if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
            self.fail(self.line("attachments", "allowed_types"), "attachments.allowed_types",
                      f"allowed_types 须为扩展名列表，实际是 {describe(types)}。",
                      f"allowed_types must be a list of extensions; got {describe(types, 'en')}.",
                      Text("例如：allowed_types: [pdf, docx, png]", "For example: allowed_types: [pdf, docx, png]"))
            return frozenset()
        return frozenset(t.lower().lstrip(".") for t in types)

    def vocabularies(self) -> dict[str, Vocabulary]:
        data = self.mapping(self.meta.get("vocabularies"), "vocabularies")
        result = {}
        for name in VOCABULARY_NAMES:
            entries = data.get(name)
            if not isinstance(entries, dict) or not entries:
                self.fail(self.line("vocabularies", name), f"vocabularies.{name}",
                          f"缺少词表 “{name}”，或它是空的（实际是 {_shown(entries, 'zh')}）。",
                          f"vocabulary '{name}' is missing or empty; got {_shown(entries, 'en')}.")
                continue
            result[name] = Vocabulary(name, {str(key): self.term(name, key, entry) for key, entry in entries.items()})
            for needed in REQUIRED_VOCABULARY_KEYS.get(name, ()):
                if needed not in result[name].terms:
                    self.fail(self.line("vocabularies", name), f"vocabularies.{name}",
                              f"词表 “{name}” 须包含 “{needed}”，实际只有 {', '.join(result[name].terms)}。",
                              f"vocabulary '{name}' must contain '{needed}'; it has {', '.join(result[name].terms)}.")
        return result

    def term(self, name: str, key: object, entry: object) -> Term:
        line = self.line("vocabularies", name, str(key))
        where = f"vocabularies.{name}."
        if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
            self.fail(line, where + str(key), f"词表 “{name}” 的键 {describe(key)} 只能用小写英文字母、数字和连字符。",
                      f"vocabulary '{name}': the key {describe(key, 'en')} may only have lower-case ASCII letters, "
                      "digits and hyphens.",
                      Text("键用于网址、订阅源和开放数据，例如 consular-protection；中文写在 zh 标签中。",
                           "Keys name URLs, feeds and open data, e.g. consular-protection; Chinese goes in the zh label."))
        elif key in RESERVED_KEYS.get(name, ()):
            self.fail(line, where + key, f"词表 “{name}” 不能使用保留的键 “{key}”（feeds/{key}.* 是全部条目的订阅源）。",
                      f"vocabulary '{name}' cannot use the reserved key '{key}' (feeds/{key}.* are the feeds of "
                      "every item).", Text("换一个键，例如 all-items。", "Choose another key, e.g. all-items."))
        label = self.text({str(key): entry}, str(key), line, where)
        extra = {k: v for k, v in entry.items() if k not in ("zh", "en")} if isinstance(entry, dict) else {}
        return Term(str(key), label, extra, line)


def _nested_line(value: Value | None, *keys: str) -> int | None:
    """The line of the last of ``keys`` (a path of mapping keys) inside ``value``; None if not found."""
    node = value.node if value is not None else None
    key_node = None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        key_node, node = next(((k, v) for k, v in node.value if getattr(k, "value", None) == key), (None, None))
    return value.line_of(key_node) if value is not None and key_node is not None else None
