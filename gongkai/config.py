"""The office's settings and vocabularies, read from ``disclosures/catalogue.yml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problems
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
    meta = parse_front_matter(CATALOGUE_FILE, text.replace("\r\n", "\n"), 1, problems)
    if meta is None:
        return None
    return _ConfigReader(meta, problems).read()


class _ConfigReader:
    """Walks the parsed catalogue.yml, recording a problem for each bad entry."""

    def __init__(self, meta: dict[str, Value], problems: Problems):
        self.meta = meta
        self.problems = problems
        self.failed = False

    def fail(self, line: int, key: str, zh: str, en: str) -> None:
        self.failed = True
        self.problems.add(CATALOGUE_FILE, line, "catalogue-config", Text(zh, en), key=key)

    def mapping(self, value: Value | None, key: str, line: int = 1) -> dict:
        if value is None:
            self.fail(line, key, f"缺少 “{key}”。", f"'{key}' is missing.")
            return {}
        if not isinstance(value.value, dict):
            self.fail(value.line, key, f"“{key}” 应为映射。", f"'{key}' must be a mapping.")
            return {}
        return value.value

    def text(self, data: dict, key: str, line: int) -> Text:
        value = data.get(key)
        if (isinstance(value, dict) and isinstance(value.get("zh"), str) and isinstance(value.get("en"), str)
                and value["zh"].strip() and value["en"].strip()):
            return Text(value["zh"].strip(), value["en"].strip())
        self.fail(line, key, f"“{key}” 须同时有 zh 和 en 两个非空文本。",
                  f"'{key}' needs both a non-empty zh and en text; got {value!r}.")
        return Text("?", "?")

    def read(self) -> Config | None:
        office_value = self.meta.get("office")
        office = self.mapping(office_value, "office")
        line = office_value.line if office_value else 1
        contact = office.get("contact") if isinstance(office.get("contact"), dict) else {}
        config = Config(
            office_name=self.text(office, "name", line),
            office_short_name=self.text(office, "short_name", line),
            contact=Contact(self.text(contact, "department", line), self.text(contact, "address", line),
                            str(contact.get("postcode", "")), str(contact.get("telephone", ""))),
            index_prefix=self.prefix(),
            feed_limit=self.positive_int("feeds", "limit", 50),
            attachment_max_bytes=self.positive_int("attachments", "max_bytes", 20 * 1024 * 1024),
            attachment_types=self.types(),
            vocabularies=self.vocabularies(),
        )
        return None if self.failed else config

    def prefix(self) -> str:
        value = self.meta.get("index_prefix")
        prefix = value.value if value else None
        if not isinstance(prefix, str) or not prefix.replace("-", "").isalnum():
            self.fail(value.line if value else 1, "index_prefix", "index_prefix 须为字母、数字或连字符。",
                      f"index_prefix must be letters, digits or hyphens; got {prefix!r}.")
            return "?"
        return prefix

    def positive_int(self, section: str, key: str, default: int) -> int:
        value = self.meta.get(section)
        if value is None:
            return default
        number = self.mapping(value, section).get(key, default)
        if not isinstance(number, int) or isinstance(number, bool) or number <= 0:
            self.fail(_nested_line(value, key) or value.line, f"{section}.{key}", f"{section}.{key} 须为正整数。",
                      f"{section}.{key} must be a positive integer; got {number!r}.")
            return default
        return number

    def types(self) -> frozenset[str]:
        value = self.meta.get("attachments")
        types = self.mapping(value, "attachments").get("allowed_types", ["pdf"]) if value else ["pdf"]
        if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
            self.fail(value.line if value else 1, "attachments.allowed_types",
                      "allowed_types 须为扩展名列表。", "allowed_types must be a list of extensions.")
            return frozenset()
        return frozenset(t.lower().lstrip(".") for t in types)

    def vocabularies(self) -> dict[str, Vocabulary]:
        value = self.meta.get("vocabularies")
        data = self.mapping(value, "vocabularies")
        line = value.line if value else 1
        result = {}
        for name in VOCABULARY_NAMES:
            entries = data.get(name)
            if not isinstance(entries, dict) or not entries:
                self.fail(line, f"vocabularies.{name}", f"缺少词表 “{name}”。",
                          f"vocabulary '{name}' is missing or empty.")
                continue
            terms = {}
            for key, entry in entries.items():
                label = self.text({str(key): entry}, str(key), _nested_line(value, name, str(key)) or line)
                extra = {k: v for k, v in entry.items() if k not in ("zh", "en")} if isinstance(entry, dict) else {}
                terms[str(key)] = Term(str(key), label, extra)
            for needed in REQUIRED_VOCABULARY_KEYS.get(name, ()):
                if needed not in terms:
                    self.fail(line, f"vocabularies.{name}", f"词表 “{name}” 须包含 “{needed}”。",
                              f"vocabulary '{name}' must contain '{needed}'.")
            result[name] = Vocabulary(name, terms)
        return result



def _nested_line(value: Value | None, *keys: str) -> int | None:
    """The line of the last of ``keys`` (a path of mapping keys) inside ``value``; None if not found."""
    node = value.node if value is not None else None
    key_node = None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        key_node, node = next(((k, v) for k, v in node.value if getattr(k, "value", None) == key), (None, None))
    return value.line_of(key_node) if value is not None and key_node is not None else None
