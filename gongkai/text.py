"""Bilingual text: every string a reader or an editor sees exists in zh and en."""

from __future__ import annotations

from dataclasses import dataclass

#: The languages of the site, default first. ``zh`` pages live at ``/``, ``en`` at ``/en/``.
LANGUAGES: tuple[str, ...] = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

#: BCP 47 tags for ``lang`` attributes and feeds.
LANGUAGE_TAGS = {"zh": "zh-CN", "en": "en"}


@dataclass(frozen=True)
class Text:
    """One piece of text in Chinese and English."""

    zh: str
    """The Chinese form (the authoritative one)."""
    en: str
    """The English form (an unofficial rendering where the source is Chinese law)."""

    def __call__(self, lang: str) -> str:
        """The form for ``lang`` (``"zh"`` or ``"en"``)."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
        return self.zh if lang == "zh" else self.en

    def format(self, **values: object) -> "Text":
        """Both forms with ``str.format`` placeholders filled in."""
        return Text(self.zh.format(**values), self.en.format(**values))

    def both(self, sep: str = " / ") -> str:
        """``"中文 / English"``, for messages shown to editors."""
        return f"{self.zh}{sep}{self.en}"


def url_prefix(lang: str) -> str:
    """The path prefix of a language's pages: ``""`` for zh, ``"en/"`` for en."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
