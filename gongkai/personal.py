"""Finding personal data that must not be published: ID, mobile and bank card numbers.

Each finder checks what can be checked (the resident ID's check digit and
birth date, the bank card's Luhn digit, the mobile number's prefix), so
dates, index numbers, landlines and amounts are not taken for personal data.
Masked numbers (``138****5678``) are not personal data and are not found.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Callable

from .text import Text


@dataclass(frozen=True)
class Finding:
    """One number found in a text."""

    kind: str
    """``resident-id``, ``mobile`` or ``bank-card``."""
    text: str
    """The number exactly as written (with its spaces or hyphens)."""
    start: int
    """Offset in the scanned text."""


KINDS: dict[str, Text] = {
    "resident-id": Text("居民身份证号码", "resident ID number"),
    "mobile": Text("手机号码", "mobile phone number"),
    "bank-card": Text("银行卡号", "bank card number"),
}

_RESIDENT_ID = re.compile(
    r"(?<![0-9A-Za-z])[1-8]\d{5}(?P<birth>(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))\d{3}[\dXx]"
    r"(?![0-9A-Za-z])", re.ASCII)
_MOBILE = re.compile(r"(?<![0-9A-Za-z+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9A-Za-z])", re.ASCII)
_BANK_CARD = re.compile(r"(?<![0-9A-Za-z])(?:[1-9]\d{15,18}|[1-9]\d{3}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?)(?![0-9A-Za-z])",
                        re.ASCII)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def resident_id_valid(number: str) -> bool:
    """True for an 18-character resident ID number with a real birth date and a correct check digit
    (GB 11643-1999, ISO 7064 MOD 11-2)."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def luhn_valid(digits: str) -> bool:
    """The Luhn check used by bank card numbers."""
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def find_personal_data(text: str) -> list[Finding]:
    """Every resident ID, mobile and bank card number in ``text``, in order of position.

    Full-width digits (``１３９１２３４５６７８``) are read as digits: the text is normalised with
    NFKC, and each finding keeps the position and the characters of the original.
    """
    scanned, origin = _normalised(text)
    found: list[Finding] = []
    for run in _CANDIDATE.finditer(scanned):
        # Each finder looks at the run and one character on each side (for its boundary checks).
        start, end = max(0, run.start() - 1), min(len(scanned), run.end() + 1)
        taken: list[tuple[int, int]] = []

        def add(kind: str, match: re.Match) -> None:
            if not any(s < match.end() and match.start() < e for s, e in taken):
                taken.append(match.span())
                first, last = origin(match.start()), origin(match.end() - 1) + 1
                found.append(Finding(kind, text[first:last], first))

        for match in _RESIDENT_ID.finditer(scanned, start, end):
            if resident_id_valid(match.group()):
                add("resident-id", match)
        for match in _MOBILE.finditer(scanned, max(0, start - 4), end):
            add("mobile", match)
        for match in _BANK_CARD.finditer(scanned, start, end):
            digits = match.group().replace(" ", "").replace("-", "")
            if 16 <= len(digits) <= 19 and len(set(digits)) > 1 and luhn_valid(digits):
                add("bank-card", match)
    return sorted(found, key=lambda f: f.start)


def _normalised(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with NFKC applied to each character where it matters, and a map from an offset in it
    to the offset of the original character. Without other than ASCII digits, ``text`` itself."""
    if text.isascii() or not _WIDE.search(text):  # an ASCII text has no other digits than 0-9
        return text, lambda offset: offset
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        form = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        chars.append(form)
        origin += [index] * len(form)
    return "".join(chars), origin.__getitem__


#: A run of at least 11 digits, spaces and hyphens: where any of the numbers could be.
_CANDIDATE = re.compile(r"[0-9][0-9 -]{9,}[0-9Xx]")
#: A digit other than 0-9 (full-width ０-９ and the like): the text must be normalised first. (One class,
#: "not a non-digit nor 0-9", is the same set as ``(?![0-9])\d`` and faster to search.)
_WIDE = re.compile(r"[^\D0-9]")
