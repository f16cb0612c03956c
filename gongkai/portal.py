"""The site as a government portal (政府网站): what the footer shows (the office's identification and
contact lines, the filings, the site's own statements), and the generated parts of the portal's pages
(the site map, the contact lines of the statements), in one language.

The values come from the ``portal:`` mapping of catalogue.yml, read by :mod:`gongkai.config` into
:class:`gongkai.office.Portal`.
"""

from __future__ import annotations

from .html import esc, rel_url
from .office import Portal
from .text import LANGUAGES, Text, url_prefix


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
