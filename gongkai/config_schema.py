"""The record schemas of ``disclosures/catalogue.yml``: its top-level keys and the keys of each fixed mapping
(``office``, ``office.contact``, ``feeds``, ``attachments``, ``portal`` and the portal's ``badge`` and filings).

The reader (:mod:`gongkai.config`) checks each mapping's keys against these through the one field reader
(:class:`gongkai.fields.FieldReader`): an unknown key with the key most likely meant, a missing one with its
example. The vocabularies' entries are the office's own keys and are checked by the reader itself.
"""

from __future__ import annotations

from .record_schema import FieldSpec, Kind, RecordSchema
from .text import Text

_BILINGUAL = "{zh: 厦门市人民政府外事办公室, en: Foreign Affairs Office of Xiamen Municipal People's Government}"

CATALOGUE = RecordSchema(Text("catalogue.yml", "catalogue.yml"), (
    FieldSpec("office", Kind.RECORD, True, "{name: …, short_name: …, contact: …}", Text(
        "本机关：名称、简称和政府信息公开工作的联系方式", "The office: its name, short name and disclosure contact")),
    FieldSpec("index_prefix", Kind.TEXT, True, "XMFAO", Text(
        "索引号前缀：本机关的组织机构代码或统一社会信用代码", "The index number prefix: the office's organisation code")),
    FieldSpec("portal", Kind.RECORD, False, "{email: gongkai@example.gov.cn}", Text(
        "网站页脚的标识、备案和联系信息，标志和网站图标", "The footer's identification, filings and contact, the logo and icon")),
    FieldSpec("feeds", Kind.RECORD, False, "{limit: 50}", Text("订阅源的设置", "The feeds' settings")),
    FieldSpec("attachments", Kind.RECORD, False, "{max_bytes: 20971520, allowed_types: [pdf]}", Text(
        "附件的大小上限和允许的类型", "The attachments' size limit and allowed types")),
    FieldSpec("vocabularies", Kind.RECORD, True, "{publisher: …, category: …, genre: …}", Text(
        "各词表：键及其中英文标签", "The vocabularies: keys and their Chinese and English labels")),
))

OFFICE = RecordSchema(Text("office", "office"), (
    FieldSpec("name", Kind.RECORD, True, _BILINGUAL, Text("机关全称（zh、en）", "The office's full name (zh, en)")),
    FieldSpec("short_name", Kind.RECORD, True, "{zh: 市外办, en: Xiamen FAO}", Text("简称（zh、en）", "Its short name")),
    FieldSpec("contact", Kind.RECORD, True, "{department: …, address: …, postcode: …, telephone: …}", Text(
        "政府信息公开工作的联系方式", "The contact for disclosure matters")),
))

CONTACT = RecordSchema(Text("office.contact", "office.contact"), (
    FieldSpec("department", Kind.RECORD, True, "{zh: 人秘处, en: Personnel and Secretariat Division}", Text(
        "负责部门（zh、en）", "The department (zh, en)")),
    FieldSpec("address", Kind.RECORD, True, "{zh: 厦门市思明区白鹭洲路16号, en: 16 Bailuzhou Road, Xiamen}", Text(
        "地址（zh、en）", "The address (zh, en)")),
    FieldSpec("postcode", Kind.TEXT, False, '"361004"', Text("邮政编码", "The postcode")),
    FieldSpec("telephone", Kind.TEXT, False, "0592-2856077", Text("电话", "The telephone number")),
))

FEEDS = RecordSchema(Text("feeds", "feeds"), (
    FieldSpec("limit", Kind.INTEGER, False, "50", Text("每个订阅源收录的最新条目数", "Newest items per feed"),
              minimum=1),
))

ATTACHMENTS = RecordSchema(Text("attachments", "attachments"), (
    FieldSpec("max_bytes", Kind.INTEGER, False, "20971520", Text("附件大小上限（字节）", "Size limit in bytes"),
              minimum=1),
    FieldSpec("allowed_types", Kind.LIST, False, "[pdf, docx, png]", Text("允许的扩展名", "Allowed extensions")),
))

PORTAL = RecordSchema(Text("portal", "portal"), (
    FieldSpec("email", Kind.TEXT, False, "gongkai@example.gov.cn", Text("公开的电子邮箱", "The public e-mail address")),
    FieldSpec("site_code", Kind.TEXT, False, '"3502000000"', Text("网站标识码", "The site's code")),
    FieldSpec("badge", Kind.RECORD, False, "{image: assets/badge.png, link: https://bszs.conac.cn/…}", Text(
        "党政机关网站标识：图片和核验链接", "The government website badge: image and verification link")),
    FieldSpec("icp", Kind.RECORD, False, "{number: 闽ICP备00000000号, link: https://beian.miit.gov.cn/}", Text(
        "ICP 备案号及链接", "The ICP filing number and link")),
    FieldSpec("police", Kind.RECORD, False, "{number: 闽公网安备…号, link: https://beian.mps.gov.cn/…}", Text(
        "公安机关备案号及链接", "The public-security filing number and link")),
    FieldSpec("feedback", Kind.TEXT, False, "https://zfwzzc.www.gov.cn/", Text("网站纠错的地址", "Where errors are reported")),
    FieldSpec("logo", Kind.TEXT, False, "assets/gk-logo.svg", Text("标志图片（docs/ 中）", "The logo (inside docs/)")),
    FieldSpec("favicon", Kind.TEXT, False, "assets/gk-favicon.svg", Text("网站图标（docs/ 中）", "The icon (inside docs/)")),
))

BADGE = RecordSchema(Text("portal.badge", "portal.badge"), (
    FieldSpec("image", Kind.TEXT, False, "assets/badge.png", Text("标识图片（docs/ 中）", "The badge image (inside docs/)")),
    FieldSpec("link", Kind.TEXT, False, "https://bszs.conac.cn/sitename?method=show&id=…", Text(
        "核验页面的地址", "The verification page")),
))


def filing(name: str) -> RecordSchema:
    """``portal.icp`` or ``portal.police``: a filing number and its link, both needed."""
    return RecordSchema(Text(f"portal.{name}", f"portal.{name}"), (
        FieldSpec("number", Kind.TEXT, True, "闽ICP备00000000号", Text("备案号", "The filing number")),
        FieldSpec("link", Kind.TEXT, True, "https://beian.miit.gov.cn/", Text("备案查询的地址", "The filing's record")),
    ))
