"""Reading ``portal:`` of ``disclosures/catalogue.yml`` (the footer's identification, logo, favicon) through
catalogue.yml's reader (:mod:`gongkai.config`): its keys against :data:`gongkai.config_schema.PORTAL` and
the badge's and filings' schemas, each value at its line."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .config_schema import BADGE, PORTAL, filing
from .office import Filing, Portal
from .text import Text

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
    for schema, keys in ((PORTAL, ()), (BADGE, ("badge",)), (filing("icp"), ("icp",)), (filing("police"), ("police",))):
        reader.check_keys(schema, "portal", *keys)
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
        if not number or not link:  # a missing one is reported by the filing's schema
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
