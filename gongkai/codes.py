"""The catalogue of problem codes: each code's meaning and its usual fix.

The editors' guide lists this table; tests assert the codes. A check may give
a more specific hint than the one here, never a vaguer one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import Text


@dataclass(frozen=True)
class Code:
    """A kind of problem an editor can meet."""

    code: str
    """The identifier printed in messages, e.g. ``missing-key``."""
    title: Text
    """What the problem is, in a few words."""
    fix: Text
    """How an editor usually fixes it."""


def _c(code: str, title_zh: str, title_en: str, fix_zh: str, fix_en: str) -> Code:
    return Code(code, Text(title_zh, title_en), Text(fix_zh, fix_en))


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        _c("encoding", "文件不是 UTF-8 编码", "file is not UTF-8",
           "用编辑器“另存为 UTF-8”，或运行 iconv -f GB18030 -t UTF-8 旧文件 > 新文件。",
           "Save the file as UTF-8 in your editor, or run: iconv -f GB18030 -t UTF-8 old.md > new.md"),
        _c("no-front-matter", "缺少文件头（front matter）", "no front matter",
           "文件第一行必须是 ---，随后是字段，再以一行 --- 结束。可用 gongkai new 生成模板。",
           "The first line must be ---, then the keys, then a line with --- alone. `gongkai new` writes a template."),
        _c("unclosed-front-matter", "文件头没有结束", "front matter is not closed",
           "在最后一个字段之后加一行 ---，与正文分开。",
           "Add a line with --- alone after the last key, before the body."),
        _c("yaml-syntax", "文件头 YAML 格式错误", "front matter is not valid YAML",
           "检查所指行：每行“字段: 值”，冒号用半角并后跟空格；含冒号或 # 的值加引号。",
           "Check the line shown: one `key: value` per line, an ASCII colon followed by a space; quote values containing ':' or '#'."),
        _c("yaml-comment", "值被 # 截断（YAML 注释）", "value cut short by a # (a YAML comment)",
           "空格后的 # 及其后的文字是注释：值中含有 # 时给整个值加引号。",
           "A # after a space starts a comment: put a value containing # in quotes."),
        _c("fullwidth-comma", "列表用了全角逗号", "full-width comma in a list",
           "[ ] 列表中的项用半角逗号“,”分隔（切换到英文输入法）。",
           "Separate the entries of a [ ] list with ASCII commas ',' (switch the input method to English)."),
        _c("not-a-mapping", "文件头不是“字段: 值”的列表", "front matter is not a mapping of keys",
           "文件头每行写成“字段: 值”，例如 title: 标题。",
           "Write each line of the front matter as `key: value`, e.g. `title: My title`."),
        _c("fullwidth-key", "字段名含全角字符", "full-width character in a key",
           "把全角冒号“：”和全角空格换成半角冒号“:”和普通空格（切换到英文输入法）。",
           "Replace the full-width colon '：' or space with an ASCII ':' and space (switch the input method to English)."),
        _c("duplicate-key", "字段重复", "key appears twice", "删除重复的一行，只保留一个。",
           "Delete one of the two lines."),
        _c("unknown-key", "未知字段", "unknown key", "检查拼写；允许的字段见编辑指南。",
           "Check the spelling; the allowed keys are listed in the editors' guide."),
        _c("missing-key", "缺少必填字段", "required key is missing", "在文件头中加上该字段。",
           "Add the key to the front matter."),
        _c("wrong-type", "字段值类型错误", "value has the wrong type",
           "按编辑指南中的示例填写该字段。", "Write the value as in the editors' guide's example."),
        _c("empty-value", "字段值为空", "value is empty", "填写该字段，或删除可选字段。",
           "Fill the value in, or delete the key if it is optional."),
        _c("bad-date", "日期无效", "invalid date", "日期写成 YYYY-MM-DD，例如 2022-03-01。",
           "Write dates as YYYY-MM-DD, e.g. 2022-03-01."),
        _c("date-order", "日期先后矛盾", "dates in the wrong order",
           "发布日期不能早于成文日期；废止日期不能早于成文日期。",
           "The publication date cannot be before the date written; a repeal cannot be before it either."),
        _c("bad-index-no", "索引号格式错误", "malformed index number",
           "索引号写成 <前缀>/<年份>-<五位序号>，例如 XMFAO/2022-00001；前缀见 catalogue.yml。",
           "Write the index number as <prefix>/<year>-<5-digit number>, e.g. XMFAO/2022-00001; the prefix is in catalogue.yml."),
        _c("index-no-mismatch", "索引号与文件位置不符", "index number does not match the file's place",
           "文件应放在 disclosures/<年份>/<五位序号>.md，并与索引号一致。",
           "Put the file at disclosures/<year>/<5-digit number>.md, matching its index number."),
        _c("link-missing", "interprets 或 related 指向不存在的条目", "interprets or related names no item",
           "填写本仓库中已有条目的索引号（不能是本条目自己）。",
           "Give the index number of another item in this repository."),
        _c("link-not-public", "interprets 或 related 指向未公开的条目", "interprets or related names an item not public",
           "只能关联已主动公开的条目；依申请公开、不予公开、草稿或尚未发布的条目不能关联。",
           "Only published, proactively disclosed items can be named; not on-request, not-disclosed, draft or "
           "not yet published ones."),
        _c("unrecorded-change", "正文修改没有修订记录", "body changed without a change entry",
           "在 changes 中加一条：date（修改日期）、note（说明修改了什么），可加 note_en。",
           "Add an entry to changes: date (of the change), note (what changed), optionally note_en."),
        _c("duplicate-index-no", "索引号重复", "index number used twice",
           "每个索引号只能使用一次；用 gongkai new 获取下一个空闲号码。",
           "Each index number is used once; `gongkai new` gives the next free one."),
        _c("bad-path", "文件名或位置不符合约定", "file name or place does not follow the layout",
           "条目放在 disclosures/<年份>/<五位序号>.md，译文为 <五位序号>.en.md。",
           "Items live at disclosures/<year>/<5-digit number>.md, translations at <number>.en.md."),
        _c("unknown-value", "取值不在词表中", "value is not in the vocabulary",
           "从允许的取值中选择一个（见 catalogue.yml）。", "Use one of the allowed values (see catalogue.yml)."),
        _c("repeal-incomplete", "废止信息不完整", "repeal information is incomplete",
           "有效性为 repealed 时须填写 repealed_on（废止日期）。",
           "An item with validity `repealed` needs repealed_on (the date of repeal)."),
        _c("translation-orphan", "译文没有对应的中文原文", "translation without its Chinese original",
           "先添加中文原文 <序号>.md，或检查译文文件名。",
           "Add the Chinese original <number>.md first, or check the translation's file name."),
        _c("translation-conflict", "译文与原文元数据矛盾", "translation contradicts the original",
           "译文只填写 title、summary、keywords 等可翻译字段，其余字段从原文继承。",
           "A translation only sets translatable keys (title, summary, keywords); the rest comes from the original."),
        _c("attachment", "附件有问题", "attachment problem",
           "把附件放在条目所在文件夹内，使用允许的类型，并且不超过大小上限。",
           "Put the attachment in the item's folder, with an allowed type and within the size limit."),
        _c("unsafe-html", "正文含有不允许的 HTML", "HTML in the body that is not allowed",
           "正文只能使用标题、段落、列表、表格、强调、图片和链接（用 Markdown 书写）；删除 <script>、<iframe>、<svg> 等标签和 "
           "style、on* 等属性；链接只用 http、https、mailto 或 tel 地址（不用 javascript:）。",
           "A body may only use headings, paragraphs, lists, tables, emphasis, images and links (write them in "
           "Markdown); delete tags such as <script>, <iframe> or <svg> and attributes such as style or on*; links use "
           "only http, https, mailto or tel addresses (never javascript:)."),
        _c("external-image", "图片来自其他网站", "image from another site",
           "把图片文件放在条目旁边并列入 attachments，再用 ![说明](文件名) 引用；网站不从其他网站加载任何内容。",
           "Put the image file beside the item, list it under attachments and show it with ![description](file name); "
           "the site loads nothing from other sites."),
        _c("html-comment", "正文含有 HTML 注释（警告）", "HTML comment in the body (a warning)",
           "注释不会发布，但在公开的代码仓库中人人可读：删除内部意见，备注写在合并请求的说明里。",
           "Comments are not published, but anyone can read them in the public repository: delete internal remarks "
           "and put notes in the pull request's description."),
        _c("broken-link", "正文中的链接或图片指向网站上不存在的文件", "link or image in the body leads nowhere on the site",
           "相对地址只能是本条目 attachments 中列出的附件文件名；其他网页和其他条目用以 https:// 开头的完整网址。",
           "A relative address must be the file name of an attachment listed under attachments; link other pages "
           "and other items with a full address starting with https://."),
        _c("control-character", "含有不可见的控制字符", "invisible control character",
           "删除所指位置的控制字符（常由复制粘贴带入）。",
           "Delete the control character at the position shown (often pasted in by accident)."),
        _c("empty-body", "正文为空", "body is empty", "在文件头之后写上正文。",
           "Write the body below the front matter."),
        _c("personal-data", "疑似个人信息", "possible personal data",
           "删除身份证号、手机号、银行卡号等个人信息；确需公开的，经审核后列入 personal_data_allowed。",
           "Remove ID, mobile and bank card numbers; if one must be published, list it under personal_data_allowed after review."),
        _c("placeholder", "模板占位文字未替换", "template placeholder left in",
           "把 gongkai new 或 gongkai report 写入的占位文字换成真实内容（草稿 draft: true 中只作警告，但日期和索引号必须填写）。",
           "Replace the placeholder text written by `gongkai new` or `gongkai report` with the real content (only a warning in a draft, "
           "except in dates and the index number)."),
        _c("catalogue-config", "catalogue.yml 配置错误", "catalogue.yml is invalid",
           "按 catalogue.yml 中的注释修正该项。", "Fix the entry as the comments in catalogue.yml describe."),
        # Statistics files: disclosures/statistics/<YYYY>.yml and calendar.yml (see docs/statistics-guide.md).
        _c("stats-file", "统计文件的名称或结构不对", "statistics file is misnamed or misshapen",
           "统计文件放在 disclosures/statistics/<年份>.yml，顶层只有 article20、requests、appeals 三个字段（上一年没有文件的，另有 carried_over）。",
           "Statistics files are disclosures/statistics/<year>.yml with the top-level keys article20, requests and appeals only (and carried_over when the previous year has no file)."),
        _c("stats-unknown-key", "统计文件中有未知字段", "unknown key in a statistics file",
           "检查拼写；允许的字段见统计填报指南。",
           "Check the spelling; the allowed keys are listed in the statistics guide."),
        _c("stats-missing-key", "统计记录缺少必填字段", "a statistics record lacks a required key",
           "补上该字段；申请记录须有 id、received、applicant，复议诉讼记录须有 id、kind、filed。",
           "Add the key: a request needs id, received and applicant; an appeal needs id, kind and filed."),
        _c("stats-wrong-type", "统计字段值类型错误", "statistics value has the wrong type",
           "按统计填报指南中的示例填写：件数为整数，extended 为 true 或 false，收费金额为数字。",
           "Write the value as in the statistics guide: counts are whole numbers, extended is true or false, fees a number."),
        _c("stats-bad-date", "统计文件中的日期无效", "invalid date in a statistics file",
           "日期写成 YYYY-MM-DD，例如 2024-03-05。", "Write dates as YYYY-MM-DD, e.g. 2024-03-05."),
        _c("stats-date-order", "统计记录的日期先后矛盾", "statistics dates in the wrong order",
           "答复日期不能早于收到日期，审结日期不能早于立案日期，日期不能晚于今天。",
           "An answer cannot precede the request, a conclusion cannot precede the filing, and no date can be in the future."),
        _c("stats-wrong-year", "记录写在了错误年份的统计文件中", "record is in the wrong year's file",
           "申请记在收到当年的文件中，复议诉讼记在立案当年的文件中；以后年份的答复或审结写在同一条记录上。",
           "A request belongs in the file of the year it was received, an appeal in the year it was filed; later answers go on the same record."),
        _c("stats-carried-over", "上年结转无法计算或 carried_over 用法不对",
           "carried-over requests cannot be counted, or carried_over is misused",
           "上一年没有统计文件的，建立上一年的文件，或在本年文件中用 carried_over 列出 1 月 1 日仍未答复的申请（没有的写 carried_over: []）；上一年有文件的，不写 carried_over。",
           "When the previous year has no statistics file, create it, or list the requests still unanswered on 1 January under carried_over in this year's file (carried_over: [] if none); when the previous year has a file, leave carried_over out."),
        _c("stats-unknown-value", "取值不在统计词表中", "value is not one of the statistics keys",
           "从统计填报指南列出的取值中选择一个（申请人类型、办理结果、复议诉讼类型或结果）。",
           "Use one of the keys listed in the statistics guide (applicant, outcome, appeal kind or result)."),
        _c("stats-incomplete", "统计记录不完整", "statistics record is incomplete",
           "已答复的申请须同时填写 outcome 和 answered；已审结的案件须同时填写 result 和 concluded。",
           "An answered request needs both outcome and answered; a concluded appeal needs both result and concluded."),
        _c("stats-id", "记录编号不符合要求", "record id is not a short code",
           "id 用本机关自定的简短编号（字母、数字、- _ .，不超过 24 个字符），不得使用姓名或证件号码。",
           "Use a short code of the office's choosing (letters, digits, - _ ., at most 24 characters), never a name or an ID number."),
        _c("stats-duplicate-id", "记录编号重复", "record id used twice",
           "每条申请（或复议诉讼）记录的 id 在所有年份中只能使用一次。",
           "Each request (or appeal) id is used once across all years."),
        _c("stats-personal-data", "统计文件含有个人信息", "personal data in a statistics file",
           "统计文件会公开在代码仓库中：删除姓名、身份证号、手机号、银行卡号、电话、邮箱，只保留本机关自定的编号。",
           "Statistics files are public in the repository: remove names, ID, mobile, bank card and phone numbers and e-mail addresses; keep only the office's own short ids."),
        _c("stats-calendar", "工作日日历有误或缺少年份", "working-day calendar is wrong or lacks a year",
           "按国务院办公厅当年节假日安排通知，在 disclosures/statistics/calendar.yml 中补充或更正放假日和调休上班日。",
           "Add or correct the holidays and make-up working days in disclosures/statistics/calendar.yml from the State Council's notice for that year."),
        _c("stats-inconsistent", "年报表格勾稽关系不成立", "annual report tables do not add up",
           "这是程序错误或数据异常：请把完整信息报告给网站维护人员。",
           "This is a program or data fault: report the whole message to the site's maintainers."),
        _c("stats-correction-late", "要求补正超过 7 个工作日", "correction requested after 7 working days",
           "《条例》第三十条：需要补正的，应自收到申请之日起 7 个工作日内一次性告知申请人。核对 correction_requested 的日期；"
           "确已超期的，如实保留记录，并在年度报告第五部分说明改进措施。",
           "Art. 30 of the Regulations: a request to correct an application is made once, within 7 working days of "
           "receipt. Check the correction_requested date; if it really was late, keep the record as it is and say how "
           "it will be improved in section 5 of the annual report."),
        _c("stats-calendar-notice", "日历未写明节假日通知的文号或日期", "calendar lacks the notice's number or date",
           "从国务院办公厅当年《部分节假日安排的通知》原文抄录文号（如 国办发明电〔2023〕7号）和发布日期。",
           "Copy the number (e.g. 国办发明电〔2023〕7号) and the date from the State Council General Office's notice on "
           "that year's holidays."),
        # Annual reports: gongkai report and disclosures/statistics/reports/<YYYY>.json.
        _c("report-frozen", "年度报告的冻结数字有误", "an annual report's frozen figures are wrong",
           "不要手工修改 disclosures/statistics/reports/ 中的文件：更正统计文件后运行 gongkai report <年份> -o <报告文件> --force。",
           "Do not edit the files in disclosures/statistics/reports/ by hand: correct the statistics file, then run "
           "gongkai report <year> -o <report file> --force."),
        _c("report-tables", "年度报告正文中的表格不能手工编辑", "an annual report's tables cannot be edited by hand",
           "保留正文中的 <!-- gongkai-report:table2 -->、table3、table4 三个标记各一处，删除手写的表格。",
           "Keep each of the markers <!-- gongkai-report:table2 -->, table3 and table4 once in the body and delete "
           "any table typed in."),
        _c("report-date", "年度报告日期早于年度结束", "annual report dated before its year is over",
           "年度报告的成文日期和发布日期不能早于次年1月1日。", "An annual report is dated 1 January of the next year or later."),
        _c("report-late", "年度报告逾期发布（条例第四十九条）", "annual report published late (Art. 49)",
           "《条例》第四十九条：每年1月31日前公布上一年度报告。确已逾期的，如实保留发布日期。",
           "Art. 49 of the Regulations: publish the report on the previous year by 31 January. If it really was late, "
           "keep the real date."),
    )
}
