"""The words of the generated pages (item pages and catalogue listings), in both languages."""

from __future__ import annotations

from .text import Text

PAGE_SIZE = 50
"""Rows per catalogue page."""

UI = {
    "catalogue": Text("公开目录", "Disclosure catalogue"),
    "by_year": Text("按年份", "By year"),
    "by_category": Text("按主题分类", "By subject category"),
    "year_title": Text("{year}年", "{year}"),
    "items_count": Text("{count} 条", "{count} items"),
    "one_item": Text("{count} 条", "{count} item"),
    "col_title": Text("标题", "Title"),
    "page_of": Text("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    "previous": Text("上一页", "Previous page"),
    "next": Text("下一页", "Next page"),
    "pagination": Text("分页", "Pagination"),
    "breadcrumb": Text("位置", "You are here"),
    "metadata": Text("信息属性", "Document information"),
    "attachments": Text("附件", "Attachments"),
    "no_translation_title": Text("暂无英文译文", "No English translation yet"),
    "no_translation": Text(
        "", "This item has not been translated into English yet. Its details below are given in English; "
            "the text below is the Chinese original."),
    "unofficial": Text("", "This English translation is unofficial. The Chinese original is the authoritative text."),
    "read_original": Text("阅读中文原文", "Read the Chinese original"),
    "chinese_only": Text("（仅中文）", "(Chinese only)"),
    "empty": Text("暂无已公开的信息。", "Nothing has been published yet."),
    "latest": Text("最新公开", "Latest disclosures"),
    "repealed_title": Text("本文件已废止", "This document has been repealed"),
    "expired_title": Text("本文件已失效", "This document has expired"),
    "repealed_on": Text("本文件已于 {date} 废止。", "This document was repealed on {date}."),
    "repealed_no_date": Text("本文件已废止。", "This document has been repealed."),
    "expired": Text("本文件已失效，不再执行，仅供查阅。", "This document has expired: it no longer applies and is kept for reference."),
    "replaced_by": Text("废止它的文件：{link}。", "It was repealed by {link}."),
    "interpretations": Text("政策解读", "Interpretations"),
    "interpreted": Text("解读的文件", "Document interpreted"),
    "repealed_items": Text("本文件废止的文件", "Documents this one repealed"),
    "related": Text("相关文件", "Related documents"),
    "changes": Text("修订记录", "Change history"),
    "last_updated": Text("最后更新", "Last updated"),
    "colon": Text("：", ": "),
    "all_items": Text("查看全部公开目录", "See the whole catalogue"),
    "article20": Text("法定主动公开内容", "Disclosure required by law"),
    "article20_intro": Text("《中华人民共和国政府信息公开条例》第二十条列出行政机关应当主动公开的政府信息。"
                            "下列每一项列出本机关已公开的相应信息；暂无信息的项目也列出。",
                            "Article 20 of the Regulations on Open Government Information lists what an office "
                            "must disclose proactively. Each item below lists what this office has published under it; "
                            "items with nothing published yet are listed too."),
    "article20_item": Text("第二十条第（{numeral}）项", "Article 20, item ({n})"),
    "by_genre": Text("按体裁", "By genre"),
    "by_validity": Text("按有效性", "By validity"),
    "by_publisher": Text("按发布机构", "By issuing body"),
}
