"""Reading and checking ``disclosures/catalogue.yml`` into the office model (:mod:`gongkai.office`).

The file's fixed keys are declared in :mod:`gongkai.config_schema` and read through the one field reader
(:class:`gongkai.fields.FieldReader`); the ``portal:`` mapping is read by :mod:`gongkai.config_portal`
through the same reader."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .layout import CATALOGUE_FILE
from .office import (ARTICLE20_ITEM_KEY, ARTICLE20_ITEMS, REQUIRED_VOCABULARY_KEYS, VOCABULARY_NAMES, Config,
                     Contact, Term, Vocabulary)
from .config_portal import read_portal
from .config_schema import ATTACHMENTS, CATALOGUE, CONTACT, FEEDS, OFFICE
from .fields import FieldReader
from .record_schema import RecordSchema
from .problems import Problems, describe
from .slips import KeyHints
from .source import Value, decode, parse_front_matter
from .text import Text


#: The top-level keys of catalogue.yml.
CATALOGUE_KEYS = frozenset(CATALOGUE.keys)


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
    meta = parse_front_matter(CATALOGUE_FILE, text.replace("\r\n", "\n"), 1, problems, KeyHints(CATALOGUE_KEYS))
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


class _ConfigReader(FieldReader):
    """Walks the parsed catalogue.yml, recording a problem for each bad entry at the entry's own line. Each
    fixed mapping's keys are checked against its schema (:mod:`gongkai.config_schema`); every problem of
    the file is ``catalogue-config``."""

    CODES = dict.fromkeys(("unknown-key", "missing-key", "wrong-type", "unknown-value", "bad-date"),
                          "catalogue-config")

    def __init__(self, meta: dict[str, Value], problems: Problems, root: Path | None = None):
        super().__init__(CATALOGUE_FILE, problems)
        self.meta = meta
        self.root = root

    @property
    def failed(self) -> bool:
        return not self.ok

    def fail(self, line: int, key: str, zh: str, en: str, hint: Text | None = None) -> None:
        self.error(line, "catalogue-config", zh, en, key=key, hint=hint)

    def line(self, section: str, *keys: str) -> int:
        """The line of ``section`` (a top-level key) or of the key path ``keys`` inside it."""
        value = self.meta.get(section)
        if value is None:
            return 1
        return (_nested_line(value, *keys) if keys else None) or value.line

    def entries(self, section: str, *keys: str) -> dict[str, Value] | None:
        """The keys of the mapping at ``section``/``keys``, each a :class:`Value` at its own line; None when
        there is no such mapping."""
        top = self.meta.get(section)
        node, data = (top.node, top.value) if top is not None else (None, None)
        for key in keys:
            if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
                return None
            node = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
            data = data.get(key)
        if top is None or not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
            return None
        return {str(k.value): Value(data.get(k.value), top.line_of(k), v.start_mark.column + 1, v, top.first_line)
                for k, v in node.value}

    def check_keys(self, schema: RecordSchema, section: str, *keys: str) -> None:
        """The keys of the mapping at ``section``/``keys`` against ``schema`` (nothing when it is no mapping:
        that is reported where its values are read)."""
        entries = self.entries(section, *keys)
        if entries is not None:
            self.check_record(entries, schema, self.line(section, *keys), where=".".join((section, *keys)) + ".")

    def mapping(self, value: Value | None, key: str) -> dict:
        """The mapping ``value`` holds; empty when absent (a required one is reported missing by its schema)."""
        if value is None:
            return {}
        if not isinstance(value.value, dict):
            self.fail(value.line, key, f"“{key}” 应为映射（下一行缩进写“字段: 值”），实际是 {_shown(value.value, 'zh')}。",
                      f"'{key}' must be a mapping (indented `key: value` lines below it); got "
                      f"{_shown(value.value, 'en')}.")
            return {}
        return value.value

    def bilingual(self, data: dict, key: str, line: int, where: str = "") -> Text:
        """``key: {zh: …, en: …}``, both non-empty; an absent key is reported by its mapping's schema."""
        if key not in data:
            return Text("?", "?")
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
        self.check_record(self.meta, CATALOGUE, 1)
        for schema, path in ((OFFICE, ("office",)), (CONTACT, ("office", "contact")), (FEEDS, ("feeds",)),
                             (ATTACHMENTS, ("attachments",))):
            self.check_keys(schema, *path)
        office = self.mapping(self.meta.get("office"), "office")
        contact = office.get("contact") if isinstance(office.get("contact"), dict) else {}
        config = Config(
            office_name=self.bilingual(office, "name", self.line("office", "name"), "office."),
            office_short_name=self.bilingual(office, "short_name", self.line("office", "short_name"), "office."),
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
        return self.bilingual(contact, key, self.line("office", "contact", key), "office.contact.")

    def prefix(self) -> str:
        value = self.meta.get("index_prefix")
        if value is None:
            return "?"  # reported missing by the schema
        prefix = value.value
        if not isinstance(prefix, str) or not PREFIX_PATTERN.fullmatch(prefix):
            self.fail(value.line, "index_prefix",
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
        self.mapping(value, section)
        spec = FEEDS.by_key.get(key) or ATTACHMENTS.by_key[key]
        number = self.integer(f"{section}.{key}", (self.entries(section) or {}).get(key), spec.minimum, spec.example)
        return default if number is None else number

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
        label = self.bilingual({str(key): entry}, str(key), line, where)
        extra = {k: v for k, v in entry.items() if k not in ("zh", "en")} if isinstance(entry, dict) else {}
        if ARTICLE20_ITEM_KEY in extra:
            self.article20_item(extra[ARTICLE20_ITEM_KEY], self.line("vocabularies", name, str(key),
                                                                      ARTICLE20_ITEM_KEY), where + str(key))
        return Term(str(key), label, extra, line)


    def article20_item(self, value: object, line: int, where: str) -> None:
        """``article20_item`` is an item number of Article 20 (1 to 15), or a list of them."""
        numbers = value if isinstance(value, list) else [value]
        if all(isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= len(ARTICLE20_ITEMS) for n in numbers):
            return
        self.fail(line, f"{where}.{ARTICLE20_ITEM_KEY}",
                  f"{ARTICLE20_ITEM_KEY} 须为第二十条的项号 1–{len(ARTICLE20_ITEMS)} 或它们的列表，实际是 {_shown(value, 'zh')}。",
                  f"{ARTICLE20_ITEM_KEY} must be an item number of Article 20 (1 to {len(ARTICLE20_ITEMS)}) or a "
                  f"list of them; got {_shown(value, 'en')}.",
                  Text(f"例如：{ARTICLE20_ITEM_KEY}: 1（第二十条第（一）项），或 [1, 15]。",
                       f"For example: {ARTICLE20_ITEM_KEY}: 1 (Article 20, item 1), or [1, 15]."))


def _nested_line(value: Value | None, *keys: str) -> int | None:
    """The line of the last of ``keys`` (a path of mapping keys) inside ``value``; None if not found."""
    node = value.node if value is not None else None
    key_node = None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        key_node, node = next(((k, v) for k, v in node.value if getattr(k, "value", None) == key), (None, None))
    return value.line_of(key_node) if value is not None and key_node is not None else None
