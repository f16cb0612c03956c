"""Reading and checking ``disclosures/catalogue.yml`` into the office model (:mod:`gongkai.office`).

Over 300 lines because catalogue.yml is one file with one reader: the office, its settings, its
vocabularies and its ``portal:`` identity share the reader's positions and messages."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml

from .layout import CATALOGUE_FILE
from .office import (ARTICLE20_ITEM_KEY, ARTICLE20_ITEMS, REQUIRED_VOCABULARY_KEYS, VOCABULARY_NAMES, Config,
                     Contact, Filing, Portal, Term, Vocabulary)
from .problems import Problems, describe
from .slips import KeyHints
from .source import Value, decode, parse_front_matter
from .text import Text


#: The top-level keys of catalogue.yml.
CATALOGUE_KEYS = frozenset({"office", "index_prefix", "feeds", "attachments", "vocabularies", "portal"})


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


# -- portal: (the footer's identification, logo, favicon) ----------------------------------------

#: Where the files named by ``portal.logo``, ``portal.favicon`` and ``portal.badge.image`` live.
ASSET_DIR = "docs"
IMAGE_TYPES = ("svg", "png", "ico", "jpg", "jpeg", "gif", "webp")
URL_PATTERN = re.compile(r"https?://[^\s\"'<>]+")
EMAIL_PATTERN = re.compile(r"[^@\s\"'<>]+@[^@\s\"'<>]+\.[^@\s\"'<>]+")


def read_portal(reader, root: Path | None) -> Portal:
    """The ``portal:`` mapping read through catalogue.yml's reader (its ``fail``, ``line`` and ``mapping``);
    an absent mapping gives the neutral defaults."""
    value = reader.meta.get("portal")
    if value is None:
        return Portal()
    data = reader.mapping(value, "portal")
    check = _Checker(reader, data, root)
    badge = check.submapping("badge")
    return Portal(
        email=check.string(data, "email", EMAIL_PATTERN, "gongkai@example.gov.cn"),
        site_code=check.string(data, "site_code"),
        badge_image=check.image(badge, "badge", "image", ""),
        badge_link=check.string(badge, "link", URL_PATTERN, "https://bszs.conac.cn/sitename?method=show&id=…",
                                where="badge"),
        icp=check.filing("icp"),
        police=check.filing("police"),
        feedback=check.string(data, "feedback", URL_PATTERN, "https://zfwzzc.www.gov.cn/"),
        logo=check.image(data, "", "logo", Portal.logo),
        favicon=check.image(data, "", "favicon", Portal.favicon),
    )


class _Checker:
    """Typed reads of ``portal.*`` keys; each bad value is one problem at its line."""

    def __init__(self, reader, data: dict, root: Path | None):
        self.reader, self.data, self.root = reader, data, root

    def fail(self, keys: tuple[str, ...], zh: str, en: str, hint: Text) -> None:
        self.reader.fail(self.reader.line("portal", *keys), ".".join(("portal",) + keys), zh, en, hint)

    def submapping(self, key: str) -> dict:
        value = self.data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail((key,), f"portal.{key} 应为映射（下一行缩进写“字段: 值”）。",
                      f"portal.{key} must be a mapping (indented `key: value` lines below it).",
                      Text(f"例如在 {key}: 之下缩进写 link: https://…", f"E.g. indent `link: https://…` under {key}:."))
            return {}
        return value

    def string(self, data: dict, key: str, pattern: re.Pattern | None = None, example: str = "",
               where: str = "") -> str:
        value = data.get(key)
        keys = (where, key) if where else (key,)
        if value is None:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip() or (pattern and not pattern.fullmatch(value.strip())):
            name = ".".join(("portal",) + keys)
            self.fail(keys, f"{name} 的值 {value!r} 不可用：须为非空文本" + ("，格式如 " + example if example else "") + "。",
                      f"{name}: {value!r} cannot be used; it must be non-empty text"
                      + (", shaped like " + example if example else "") + ".",
                      Text(f"改正 {name}，或删去这一行。", f"Correct {name}, or remove the line."))
            return ""
        return value.strip()

    def filing(self, key: str) -> Filing | None:
        data = self.submapping(key)
        if not data:
            return None
        number = self.string(data, "number", where=key)
        link = self.string(data, "link", URL_PATTERN, "https://beian.miit.gov.cn/", where=key)
        if not number or not link:
            if "number" not in data or "link" not in data:
                missing = "number" if "number" not in data else "link"
                self.fail((key,), f"portal.{key} 缺少 {missing}。", f"portal.{key} has no {missing}.",
                          Text(f"在 {key}: 之下写 number: 和 link: 两行。", f"Write `number:` and `link:` under {key}:."))
            return None
        return Filing(number, link)

    def image(self, data: dict, where: str, key: str, default: str) -> str:
        keys = (where, key) if where else (key,)
        value = data.get(key)
        if value is None:
            return default
        name = ".".join(("portal",) + keys)
        path = value if isinstance(value, str) else ""
        normal = posixpath.normpath(path) if path else ""
        if (not path or path.startswith("/") or normal.startswith("..") or normal != path
                or path.rsplit(".", 1)[-1].lower() not in IMAGE_TYPES):
            self.fail(keys, f"{name} 须为 docs/ 中图片文件的相对路径（{'、'.join(IMAGE_TYPES)}），实际是 {value!r}。",
                      f"{name} must be the path of an image file inside docs/ ({', '.join(IMAGE_TYPES)}); got {value!r}.",
                      Text("例如：assets/logo.svg（文件放在 docs/assets/ 中）。",
                           "For example: assets/logo.svg (the file goes in docs/assets/)."))
            return default
        if self.root is not None and not (self.root / ASSET_DIR / path).is_file():
            self.fail(keys, f"{name} 指向的文件 {ASSET_DIR}/{path} 不存在。",
                      f"{name} names {ASSET_DIR}/{path}, which does not exist.",
                      Text(f"把图片放到 {ASSET_DIR}/{path}，或改正路径。",
                           f"Put the image at {ASSET_DIR}/{path}, or correct the path."))
            return default
        return path
