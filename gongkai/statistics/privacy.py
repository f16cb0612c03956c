"""What must never be in a statistics file: applicants' names, contacts and identity numbers.

Statistics files are kept in a public repository. The reader refuses keys that would hold personal data
(:data:`PERSONAL_KEYS`) and reports anything in the text that looks like it (:data:`CONTACT_PATTERNS`,
beside the numbers items are checked for), masked with :func:`mask`.
"""

from __future__ import annotations

import re

from ..text import Text

#: Keys that would put personal data in a record; refused with a specific message.
PERSONAL_KEYS = frozenset({
    "name", "names", "applicant_name", "applicant-name", "person", "full_name", "surname", "phone", "telephone",
    "tel", "mobile", "cellphone", "id_card", "id-card", "idcard", "id_number", "id-number", "identity", "passport",
    "email", "e-mail", "mail", "address", "contact", "姓名", "名字", "申请人姓名", "电话", "手机", "手机号",
    "身份证", "身份证号", "证件号码", "地址", "联系方式", "邮箱",
})

_LANDLINE = re.compile(r"(?<![0-9])0\d{2,3}-?\d{7,8}(?![0-9])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_NAME = re.compile(r"姓名|[\u4e00-\u9fff](?:先生|女士|小姐)")
#: Found in statistics files on top of the numbers items are checked for (ID, mobile and bank card numbers:
#: :func:`gongkai.personal.find_personal_data`, the same rules for both). An item may publish the office's
#: telephone and e-mail; a statistics file has no reason to hold any contact or name.
CONTACT_PATTERNS: tuple[tuple[re.Pattern, Text], ...] = (
    (_LANDLINE, Text("电话号码", "telephone number")),
    (_EMAIL, Text("电子邮箱地址", "e-mail address")),
    (_NAME, Text("姓名或称呼", "name or form of address")),
)


def mask(text: str) -> str:
    """``138******78``: enough to find the spot, without repeating personal data in logs."""
    return text[:3] + "*" * max(len(text) - 5, 1) + text[-2:] if len(text) > 5 else "*" * len(text)
