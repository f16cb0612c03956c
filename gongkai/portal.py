"""The site as a government portal (政府网站): the footer's identification and contact lines, the logo
and the favicon, read from the ``portal:`` mapping of ``disclosures/catalogue.yml``.

The 政府网站发展指引 (国办发〔2017〕47号) asks every government site to show, at the foot of each page,
who runs it (主办单位) and how to reach them, its 网站标识码, the 党政机关网站标识 issued by the 机构编制
authorities (linked to its verification page), the ICP filing number (linked to the MIIT filing site)
and the public-security filing number. :func:`read_portal` reads those values (every problem recorded at
its own line, like the rest of catalogue.yml); :func:`footer` turns them into what the theme's footer
template shows, in one language.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .html import esc, rel_url
from .text import LANGUAGES, Text, url_prefix

#: Where the files named by ``portal.logo``, ``portal.favicon`` and ``portal.badge.image`` live.
ASSET_DIR = "docs"
IMAGE_TYPES = ("svg", "png", "ico", "jpg", "jpeg", "gif", "webp")
URL_PATTERN = re.compile(r"https?://[^\s\"'<>]+")
EMAIL_PATTERN = re.compile(r"[^@\s\"'<>]+@[^@\s\"'<>]+\.[^@\s\"'<>]+")


@dataclass(frozen=True)
class Filing:
    """A registration number shown with a link to where it can be checked."""

    number: str
    link: str


@dataclass(frozen=True)
class Portal:
    """What ``portal:`` in catalogue.yml says; empty strings for what it leaves out."""

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


# -- what the footer shows --------------------------------------------------------------------------

UI = {
    "host": Text("主办单位", "Run by"),
    "address": Text("地址", "Address"),
    "postcode": Text("邮编", "Postcode"),
    "telephone": Text("电话", "Telephone"),
    "email": Text("电子邮箱", "E-mail"),
    "site_code": Text("网站标识码", "Website ID"),
    "icp": Text("ICP备案号", "ICP filing"),
    "police": Text("公安机关备案号", "Public security filing"),
    "badge": Text("党政机关网站标识（点击核验）", "Government website badge (click to verify)"),
    "links": Text("网站信息", "About this site"),
    "site_map": Text("网站地图", "Site map"),
    "accessibility": Text("无障碍声明", "Accessibility statement"),
    "privacy": Text("隐私声明", "Privacy notice"),
    "feedback": Text("我为政府网站找错", "Report an error on this site"),
    "editors": Text("编辑工作区", "For editors"),
    "identification": Text("网站标识", "Site identification"),
}

#: The footer's own links: (label key, site-relative path without language prefix).
FOOTER_PAGES = (("site_map", "site-map/"), ("accessibility", "accessibility/"), ("privacy", "privacy/"))
EDITORS_PAGE = "editors/"


def telephone_uri(number: str) -> str:
    """``tel:`` address of a Chinese number written ``0592-2856077``: +86, trunk 0 dropped, digits only."""
    digits = "".join(c for c in number if c.isdigit())
    if number.strip().startswith("+"):
        return "tel:+" + digits
    return "tel:+86" + digits.removeprefix("0") if digits else ""


def footer(portal: Portal, office_name: Text, contact, lang: str, prefix: str) -> dict:
    """What the footer template shows in ``lang``; ``prefix`` is the language's path prefix
    (``""`` or ``"en/"``). Internal links are site-relative paths (the template makes them relative to
    the page); external ones are absolute addresses."""
    def row(key: str, text: str, href: str = "", **more: str) -> dict:
        return {"label": UI[key](lang), "text": text, "href": href, **more}

    contact_rows = [row("address", contact.address(lang))]
    if contact.postcode:
        contact_rows.append(row("postcode", contact.postcode))
    if contact.telephone:
        contact_rows.append(row("telephone", contact.telephone, telephone_uri(contact.telephone)))
    if portal.email:
        contact_rows.append(row("email", portal.email, "mailto:" + portal.email))
    ids = []
    if portal.site_code:
        ids.append(row("site_code", portal.site_code))
    for key in ("icp", "police"):
        filing = getattr(portal, key)
        if filing is not None:
            ids.append(row(key, filing.number, filing.link, lang_of_text="zh-CN"))
    links = [{"label": UI[key](lang), "path": prefix + path} for key, path in FOOTER_PAGES]
    if portal.feedback:
        links.append({"label": UI["feedback"](lang), "href": portal.feedback})
    links.append({"label": UI["editors"](lang), "path": prefix + EDITORS_PAGE})
    return {
        "lang": lang,
        "sep": "：" if lang == "zh" else ": ",
        "host": {"label": UI["host"](lang), "text": office_name(lang)},
        "contact": contact_rows,
        "ids": ids,
        "ids_label": UI["identification"](lang),
        "links": links,
        "links_label": UI["links"](lang),
        "badge": ({"image": portal.badge_image, "href": portal.badge_link, "alt": UI["badge"](lang)}
                  if portal.badge_image and portal.badge_link else None),
    }


def theme_data(config) -> dict:
    """Everything the theme's templates take from catalogue.yml: both languages' footers, logo, favicon."""
    portal = config.portal
    return {"footer": {lang: footer(portal, config.office_name, config.contact, lang, url_prefix(lang))
                       for lang in LANGUAGES},
            "logo": portal.logo, "favicon": portal.favicon}


# -- fragments of the portal's own pages -----------------------------------------------------------

MAP_UI = {
    "catalogue_years": Text("公开目录（按年份）", "Catalogue by year"),
    "catalogue_categories": Text("公开目录（按主题分类）", "Catalogue by subject category"),
    "statistics_years": Text("各年度统计", "Statistics by year"),
    "year": Text("{year}年", "{year}"),
}


def _link_list(items: list[tuple[str, str]], from_url: str) -> str:
    if not items:
        return ""
    rows = "\n".join(f'<li><a href="{esc(rel_url(from_url, path))}">{esc(label)}</a></li>' for path, label in items)
    return f"<ul>\n{rows}\n</ul>"


def site_map_fragment(catalogue, statistics_years, lang: str, page_url: str) -> str:
    """The generated part of the 网站地图 page: every catalogue listing and statistics year."""
    prefix = url_prefix(lang)
    year = MAP_UI["year"](lang)
    sections = [
        (MAP_UI["catalogue_years"](lang),
         [(f"{prefix}catalogue/{y}/", year.format(year=y)) for y in catalogue.by_year]),
        (MAP_UI["catalogue_categories"](lang),
         [(f"{prefix}catalogue/category/{k}/", catalogue.label("category", k, lang)) for k in catalogue.by_category]),
        (MAP_UI["statistics_years"](lang),
         [(f"{prefix}statistics/{y}/", year.format(year=y)) for y in sorted(statistics_years, reverse=True)]),
    ]
    return "\n\n".join(f"## {title}\n\n{_link_list(links, page_url)}" for title, links in sections if links) + "\n"


def contact_fragment(config, lang: str) -> str:
    """The office's contact lines (address, telephone, e-mail) as a list, for the portal's statements."""
    data = footer(config.portal, config.office_name, config.contact, lang, url_prefix(lang))
    rows = [f"<li>{esc(config.office_name(lang))}{esc(data['sep'])}{esc(config.contact.department(lang))}</li>"]
    for row in data["contact"]:
        value = f'<a href="{esc(row["href"])}">{esc(row["text"])}</a>' if row["href"] else esc(row["text"])
        rows.append(f"<li>{esc(row['label'])}{esc(data['sep'])}{value}</li>")
    return '<ul class="gk-contact">\n' + "\n".join(rows) + "\n</ul>\n"
