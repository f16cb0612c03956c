"""Checking an item's body: empty, unsafe HTML (:mod:`gongkai.body_findings`), links, placeholders left from the
template and personal data, each problem reported through the item's :class:`~gongkai.item_fields.ItemChecker`."""

from __future__ import annotations

import unicodedata

from . import body_findings, links
from .item_fields import ItemChecker
from .personal import KINDS as PERSONAL_DATA_KINDS
from .personal import Finding, find_personal_data
from .placeholders import PLACEHOLDER_PATTERN
from .source import SourceDocument, position
from .text import Text


def check_body(doc: SourceDocument, checker: ItemChecker, allowed: frozenset[str] = frozenset(),
               attachments: frozenset[str] = frozenset()) -> None:
    """Empty body, unsafe HTML, links, placeholders left from the template and personal data.

    Control characters are reported when the file is read (``source``), once for the whole file.
    """
    if not doc.body.strip():
        checker.error(doc.body_line, "empty-body", "正文为空。", "the body is empty.",
                      hint=Text("在文件头结束的 --- 之后写上正文。", "Write the body below the closing --- of the front matter."))
    for finding in body_findings.check(doc.body):
        line, column = position(doc.body, finding.offset)
        report = checker.warning if finding.warning else checker.error
        report(doc.body_line + line - 1, finding.code, finding.message.zh, finding.message.en, column=column,
               hint=finding.hint)
    _check_links(doc, checker, attachments)
    text = doc.text
    # A draft is never published, so its placeholders are only a reminder; elsewhere they stop the build.
    report = checker.warning if checker.is_draft else checker.error
    for match in PLACEHOLDER_PATTERN.finditer(text) if "【" in text else ():
        line, column = position(text, match.start())
        if line in checker.placeholder_errors:
            continue
        report(line, "placeholder", f"第 {line} 行还有模板占位文字 “{match.group()}”。",
               f"line {line} still has the template placeholder '{match.group()}'.", column=column)
    allowed = frozenset(unicodedata.normalize("NFKC", a) for a in allowed)
    for finding in find_personal_data(text):
        if unicodedata.normalize("NFKC", finding.text) in allowed or finding.text == checker.config.index_prefix:
            continue
        line, column = position(text, finding.start)
        what = PERSONAL_DATA_KINDS[finding.kind]
        checker.error(line, "personal-data", f"疑似{what.zh} “{finding.text}”，个人信息不得公开。",
                      f"this looks like a {what.en}: '{finding.text}'; personal data must not be published.",
                      column=column, hint=_personal_data_hint(finding))


def _personal_data_hint(finding: Finding) -> Text:
    """How to fix a personal-data finding; an ID number is never to be allow-listed lightly."""
    if finding.kind == "resident-id":
        return Text("居民身份证号码属于敏感个人信息，政府信息公开中几乎从不公开：请删除，或只保留前后几位（例如 350203********1236）。"
                    "确属法定必须公开的，须经保密审查和本机关负责人审核同意，才可列入 personal_data_allowed。",
                    "A resident ID number is sensitive personal data and is almost never disclosed: delete it, or keep "
                    "only its first and last digits (e.g. 350203********1236). Only when the law requires it, after a "
                    "confidentiality review approved by the office's head, may it be listed under personal_data_allowed.")
    return Text(f"删除或遮盖该号码（例如 138****5678）；确需公开的，经审核后在文件头加上："
                f"personal_data_allowed: [\"{finding.text}\"]",
                f"Delete or mask the number (e.g. 138****5678); if it must be published, after review add "
                f"to the front matter: personal_data_allowed: [\"{finding.text}\"]")


def _check_links(doc: SourceDocument, checker: ItemChecker, attachments: frozenset[str]) -> None:
    """Every address must be safe (:data:`links.SAFE_SCHEMES`); a relative one must name an attachment."""
    every = links.targets(doc.body, skip_code=False)
    unsafe = {t.start for t in every if _unsafe_link(doc, checker, t)}
    for target in links.targets(doc.body) if "`" in doc.body else every:
        if target.start in unsafe or not links.is_relative(target) or target.kind == "autolink":
            continue
        if target.kind == "attribute" and not target.in_tag:
            continue  # a word like src=… in the text, not a link
        if target.kind != "definition" and links.attachment_name(target.url) in attachments:
            continue
        _broken_link(doc, checker, target, attachments)


def _unsafe_link(doc: SourceDocument, checker: ItemChecker, target: links.Target) -> bool:
    scheme = links.is_unsafe(target)
    if scheme is None:
        return False
    line, column = position(doc.body, target.start)
    checker.error(doc.body_line + line - 1, "unsafe-html",
                  f"链接地址使用了 “{scheme}:”：只允许 http、https、mailto 和 tel 地址，"
                  "其他地址（如 javascript:）可能在读者的浏览器中运行代码。",
                  f"a link address uses '{scheme}:': only http, https, mailto and tel addresses are allowed; "
                  "others (such as javascript:) can run code in a reader's browser.", column=column,
                  hint=Text("删除这个链接，或改用以 https:// 开头的网址。",
                            "Delete the link, or use an address starting with https://."))
    return True


def _broken_link(doc: SourceDocument, checker: ItemChecker, target: links.Target, attachments: frozenset[str]) -> None:
    line, column = position(doc.body, target.start)
    name = links.attachment_name(target.url)
    if target.kind == "definition" and name in attachments:
        hint = Text(f"把链接直接写在正文中：[文字]({target.url})，并删除这一行定义。",
                    f"Write the link inline: [text]({target.url}), and delete this definition line.")
        checker.error(doc.body_line + line - 1, "broken-link",
                      f"引用式链接定义指向附件 “{name}”：附件只能用直接链接 [文字]({target.url}) 引用。",
                      f"a reference definition points at the attachment '{name}': link attachments inline, "
                      f"as [text]({target.url}).", column=column, hint=hint)
        return
    what = Text("图片", "image") if target.kind == "image" else Text("链接", "link")
    listed = ", ".join(sorted(attachments))
    checker.error(doc.body_line + line - 1, "broken-link",
                  f"{what.zh}地址 “{target.url}” 在网站上不存在：正文中的相对地址只能是本条目的附件"
                  f"（{listed or '本条目没有附件'}）。",
                  f"the {what.en} address '{target.url}' does not exist on the site: a relative address in the body "
                  f"must be one of this item's attachments ({listed or 'it has none'}).", column=column,
                  hint=Text("把该文件放在条目旁边并列入文件头的 attachments（file 和 title）；"
                            "链接其他网页或其他条目时，使用以 https:// 开头的完整网址。",
                            "Put the file beside the item and list it under attachments in the front matter (file and "
                            "title); to link to another page or another item, use its full address starting with https://."))
