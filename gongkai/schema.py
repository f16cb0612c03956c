"""The one schema of a disclosure item's front matter.

Validation (``validate``), the editors' field reference in the site, the
``gongkai new`` template and the open data's records, columns and JSON Schema
(``catalogue_schema``) are all generated from :data:`FIELDS`; nothing else
lists the keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .layout import INDEX_NO_PATTERN, ITEM_PATH_PATTERN  # noqa: F401 - their old home
from .slips import KeyHints
from .text import Text


class Kind(Enum):
    """The type of a front-matter value."""

    TEXT = "text"
    """A single line or paragraph of text."""
    DATE = "date"
    """An ISO date, ``YYYY-MM-DD``."""
    VOCAB = "vocab"
    """A key of one of catalogue.yml's vocabularies."""
    TEXT_LIST = "text-list"
    """A list of short texts."""
    BOOL = "bool"
    """``true`` or ``false``."""
    INDEX_NO = "index-no"
    """An index number ``<prefix>/<YYYY>-<NNNNN>``."""
    ATTACHMENTS = "attachments"
    """A list of ``{file, title}`` mappings."""
    INDEX_LIST = "index-list"
    """A list of index numbers of other items."""
    CHANGES = "changes"
    """A list of ``{date, note, note_en}`` mappings: the item's change history."""


KIND_NAMES: dict[Kind, Text] = {
    Kind.TEXT: Text("文本", "text"),
    Kind.DATE: Text("日期 YYYY-MM-DD", "date YYYY-MM-DD"),
    Kind.VOCAB: Text("词表取值", "vocabulary key"),
    Kind.TEXT_LIST: Text("文本列表", "list of texts"),
    Kind.BOOL: Text("true 或 false", "true or false"),
    Kind.INDEX_NO: Text("索引号", "index number"),
    Kind.ATTACHMENTS: Text("附件列表（file、title）", "list of attachments (file, title)"),
    Kind.INDEX_LIST: Text("索引号列表", "list of index numbers"),
    Kind.CHANGES: Text("修订记录列表（date、note，可加 note_en）", "list of changes (date, note, optional note_en)"),
}


@dataclass(frozen=True)
class Published:
    """What a value is in the open data: the JSON Schema's description and the meaning of each CSV column."""

    help: str
    """What it is, for the JSON Schema (``gongkai/data/catalogue.schema.json``)."""
    columns: tuple[Text, ...]
    """What each of its CSV columns holds, in the columns' order (the open-data page lists them)."""
    relation: str = ""
    """The :class:`~gongkai.catalogue.Catalogue` method giving the published items it names, when the open data
    names only those; empty when the value is the item's own."""
    names: tuple[str, ...] = ()
    """Its CSV columns' names, when they are not the ones its shape gives (``title_zh``, ``title_en``…)."""


@dataclass(frozen=True)
class Field:
    """One front-matter key of an item."""

    key: str
    """The key as written in the front matter."""
    kind: Kind
    """The type its value must have."""
    required: bool
    """Whether the Chinese original must have it."""
    label: Text
    """The label shown on pages and in the editors' guide."""
    help: Text
    """What the key means, for the editors' guide."""
    example: str
    """A valid example value, as YAML text."""
    vocabulary: str | None = None
    """For :attr:`Kind.VOCAB`, the name of the vocabulary in catalogue.yml."""
    translatable: bool = False
    """Whether an English translation (``.en.md``) may set its own value."""
    shown: bool = True
    """Whether the item page's metadata table shows it."""
    asked: bool = False
    """Whether ``gongkai new`` asks for it in a terminal and takes it as an option (``--doc-number``)."""
    data: Published | None = None
    """How it appears in the open data (``data/catalogue.json`` and ``.csv``); None when the open data leaves it
    out. Its shape there follows from its kind (:func:`gongkai.catalogue_schema.shape_of`)."""


FIELDS: tuple[Field, ...] = (
    Field("index_no", Kind.INDEX_NO, True, Text("索引号", "Index No."),
          Text("唯一编号：<前缀>/<年份>-<五位序号>，与文件位置一致，一经发布不再改变。",
               "Unique number <prefix>/<year>-<5 digits>, matching the file's place; never changes once published."),
          "XMFAO/2022-00001",
          data=Published("索引号, <prefix>/<YYYY>-<NNNNN>; never changes.",
                        (Text("索引号", "Index number"),))),
    Field("title", Kind.TEXT, True, Text("标题", "Title"),
          Text("文件的完整标题。", "The document's full title."),
          "厦门市人民政府外事办公室关于2021年法治政府建设工作情况的报告", translatable=True, shown=False, asked=True,
          data=Published("标题. en is null when the item has no English translation.",
                        (Text("标题（中文）", "Title in Chinese"),
                         Text("英文标题；未翻译时为空", "Title in English; empty when not translated"),))),
    Field("publisher", Kind.VOCAB, True, Text("发布机构", "Issuing body"),
          Text("发布该信息的机构。", "The body that issues the information."), "xmfao", vocabulary="publisher", asked=True,
          data=Published("发布机构.",
                        (Text("发布机构（词表键）", "Issuing body (vocabulary key)"),
                         Text("发布机构（中文）", "Issuing body in Chinese"),
                         Text("发布机构（英文）", "Issuing body in English"),))),
    Field("doc_number", Kind.TEXT, False, Text("发文字号", "Document No."),
          Text("公文的发文字号，没有则省略。", "The document number, if the document has one."), "厦外〔2022〕12号", asked=True,
          data=Published("发文字号, or null.",
                        (Text("发文字号", "Document number"),))),
    Field("date_written", Kind.DATE, True, Text("成文日期", "Date written"),
          Text("公文落款的日期。", "The date the document was signed."), "2022-03-01", asked=True,
          data=Published("成文日期.",
                        (Text("成文日期（YYYY-MM-DD）", "Date written (YYYY-MM-DD)"),))),
    Field("date_published", Kind.DATE, True, Text("发布日期", "Date published"),
          Text("在网站公开的日期；未来日期表示到期才发布。",
               "The date it goes public on the site; a future date holds it back until then."), "2022-03-01", asked=True,
          data=Published("发布日期.",
                        (Text("发布日期（YYYY-MM-DD）", "Date published (YYYY-MM-DD)"),))),
    Field("category", Kind.VOCAB, True, Text("主题分类", "Subject category"),
          Text("信息的主题。", "The subject of the information."), "plans-and-reports", vocabulary="category", asked=True,
          data=Published("主题分类.",
                        (Text("主题分类（词表键）", "Subject category (vocabulary key)"),
                         Text("主题分类（中文）", "Subject category in Chinese"),
                         Text("主题分类（英文）", "Subject category in English"),))),
    Field("genre", Kind.VOCAB, True, Text("体裁分类", "Genre"),
          Text("公文的体裁；规章和行政规范性文件计入年报表二。",
               "The kind of document; rules (规章) and normative documents count in Table 2 of the annual report."),
          "report", vocabulary="genre", asked=True,
          data=Published("体裁分类.",
                        (Text("体裁分类（词表键）", "Genre (vocabulary key)"),
                         Text("体裁分类（中文）", "Genre in Chinese"),
                         Text("体裁分类（英文）", "Genre in English"),))),
    Field("disclosure", Kind.VOCAB, True, Text("公开属性", "Disclosure type"),
          Text("只有主动公开（proactive）的条目会发布。", "Only proactive items are published."),
          "proactive", vocabulary="disclosure", asked=True),
    Field("validity", Kind.VOCAB, True, Text("有效性", "Validity"),
          Text("废止（repealed）须同时填写 repealed_on。", "`repealed` also needs repealed_on."),
          "in-force", vocabulary="validity", asked=True,
          data=Published("有效性: in-force, repealed or expired.",
                        (Text("有效性（词表键：in-force、repealed、expired）",
                        "Validity (vocabulary key: in-force, repealed, expired)"),
                         Text("有效性（中文）", "Validity in Chinese"),
                         Text("有效性（英文）", "Validity in English"),))),
    Field("repealed_on", Kind.DATE, False, Text("废止日期", "Repealed on"),
          Text("废止的日期（有效性为 repealed 时必填）。", "The date of repeal (required when validity is repealed)."),
          "2023-06-30",
          data=Published("Date repealed, or null.",
                        (Text("废止日期", "Date repealed"),))),
    Field("repealed_by", Kind.INDEX_NO, False, Text("废止文件", "Repealed by"),
          Text("废止本文件的文件的索引号。", "The index number of the document that repealed this one."),
          "XMFAO/2023-00004",
          data=Published("Index number of the repealing document, or null.",
                        (Text("废止该文件的文件的索引号", "Index number of the document that repealed it"),),
                        relation="repealing_item")),
    Field("interprets", Kind.INDEX_LIST, False, Text("解读的文件", "Interprets"),
          Text("本条目是政策解读（或图解、问答）时，所解读文件的索引号；所解读的文件须已主动公开。",
               "For a policy interpretation (or a graphic or Q&A), the index numbers of the documents it explains; "
               "they must be published."),
          "[XMFAO/2022-00001]", shown=False,
          data=Published("Index numbers of the published documents this item interprets.",
                        (Text("所解读文件的索引号，以“; ”分隔",
                               "Index numbers of the documents it interprets, separated by '; '"),),
                        relation="interpreted")),
    Field("related", Kind.INDEX_LIST, False, Text("相关文件", "Related documents"),
          Text("相关文件的索引号；相关文件须已主动公开。", "Index numbers of related documents; they must be published."),
          "[XMFAO/2022-00001]", shown=False,
          data=Published("Index numbers of related published documents.",
                        (Text("相关文件的索引号，以“; ”分隔",
                               "Index numbers of related documents, separated by '; '"),),
                        relation="related_items")),
    Field("changes", Kind.CHANGES, False, Text("修订记录", "Change history"),
          Text("发布后每次修改正文都加一条：date（修改日期）、note（中文说明），可加 note_en（英文说明）。"
               "修改不改变索引号和网址。",
               "One entry for every change to the body after publication: date, note (Chinese) and optionally "
               "note_en (English). A change never alters the index number or the address."),
          "[{date: 2022-04-01, note: 更正第二段的日期, note_en: Corrected a date in the second paragraph}]",
          shown=False,
          data=Published("Changes after publication, oldest first: date, note in each language (en null if none).",
                        (Text("修订记录：“日期 说明”，以“; ”分隔", "Changes as 'date note', separated by '; '"),))),
    Field("keywords", Kind.TEXT_LIST, False, Text("关键词", "Keywords"),
          Text("主题词列表。", "A list of keywords."), "[法治政府建设, 领事保护]", translatable=True,
          data=Published("关键词. en is null when the translation gives none.",
                        (Text("关键词（中文），以“; ”分隔", "Keywords in Chinese, separated by '; '"),
                         Text("关键词（英文），以“; ”分隔", "Keywords in English, separated by '; '"),))),
    Field("summary", Kind.TEXT, False, Text("内容概述", "Summary"),
          Text("一两句话概述内容。", "One or two sentences on what it says."),
          "报告市外办2021年法治政府建设工作情况。", translatable=True, asked=True,
          data=Published("内容概述 in each language, or null.",
                        (Text("内容概述（中文）", "Summary in Chinese"),
                         Text("内容概述（英文）", "Summary in English"),))),
    Field("attachments", Kind.ATTACHMENTS, False, Text("附件", "Attachments"),
          Text("附件列表，每项有 file（与条目同一文件夹）和 title。",
               "A list of attachments, each with file (in the item's folder) and title."),
          "[{file: 00001-budget.pdf, title: 2022年部门预算}]", shown=False,
          data=Published("Files published with the item (titles are in Chinese).",
                        (Text("附件名称，以“; ”分隔", "Attachment titles, separated by '; '"),
                         Text("附件地址，以“; ”分隔，与附件名称一一对应",
                               "Attachment addresses, separated by '; ', in the order of the titles"),
                         Text("附件大小（字节），以“; ”分隔，与附件名称一一对应",
                                "Attachment sizes in bytes, separated by '; ', in the order of the titles"),),
                        names=("attachment_titles", "attachment_urls", "attachment_sizes"))),
    Field("draft", Kind.BOOL, False, Text("草稿", "Draft"),
          Text("true 表示仍在撰写，不会发布。", "true keeps the item unpublished while it is written."),
          "false", shown=False),
    Field("personal_data_allowed", Kind.TEXT_LIST, False, Text("允许公开的个人信息", "Personal data allowed"),
          Text("经审核确需公开的号码（原样列出），否则身份证号、手机号、银行卡号会被拒绝。",
               "Numbers reviewed and approved for publication, written exactly; otherwise ID, mobile and bank card numbers are rejected."),
          "[\"0592-2856077\"]", shown=False),
)

FIELDS_BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}

#: Keys only an English translation (``.en.md``) has.
TRANSLATION_ONLY_FIELDS: tuple[Field, ...] = (
    Field("source_sha256", Kind.TEXT, False, Text("原文哈希", "Source hash"),
          Text("翻译所依据的中文原文文件的 SHA-256，由 gongkai translations --record 写入。",
               "SHA-256 of the Chinese original file the translation was made from; written by "
               "gongkai translations --record."),
          "9f2c0d…", shown=False),
)

#: Keys an English translation may set. ``index_no`` may be repeated (it must then match).
TRANSLATION_KEYS: frozenset[str] = (frozenset(f.key for f in FIELDS if f.translatable) | {"index_no"}
                                    | frozenset(f.key for f in TRANSLATION_ONLY_FIELDS))


#: What the editor-slip diagnostics know of an item's keys (:mod:`gongkai.slips`).
ITEM_HINTS = KeyHints(
    keys=frozenset(FIELDS_BY_KEY),
    labels={label: key for label, key in reversed([(f.label.zh, f.key) for f in FIELDS])},
    wordy=frozenset(f.key for f in FIELDS if f.kind in (Kind.TEXT, Kind.TEXT_LIST, Kind.ATTACHMENTS)),
)
