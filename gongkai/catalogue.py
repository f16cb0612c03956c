"""The catalogue (公开目录): immutable items and the published view of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .office import PROACTIVE, Config
from .layout import item_slug, item_url


@dataclass(frozen=True)
class Attachment:
    """A file published with an item."""

    file: str
    """File name, in the item's folder."""
    title: str
    """What the file is, as shown in the link."""
    size: int
    """Size in bytes."""


@dataclass(frozen=True)
class Translation:
    """The English version of an item (``<NNNNN>.en.md``)."""

    path: str
    title: str
    summary: str | None
    keywords: tuple[str, ...]
    body: str
    source_sha256: str | None
    """The hash of the Chinese original this translation was made from, if recorded."""


@dataclass(frozen=True)
class Item:
    """One disclosure: the validated Chinese original with its optional translation."""

    path: str
    """The original's path, e.g. ``disclosures/2022/00001.md``."""
    index_no: str
    year: int
    """The year part of the index number (and of the folder)."""
    number: str
    """The five-digit number part, e.g. ``00001``."""
    title: str
    publisher: str
    doc_number: str | None
    date_written: date
    date_published: date
    category: str
    genre: str
    disclosure: str
    validity: str
    repealed_on: date | None
    repealed_by: str | None
    keywords: tuple[str, ...]
    summary: str | None
    attachments: tuple[Attachment, ...]
    draft: bool
    body: str
    sha256: str
    """Hash of the original file's bytes (for translation tracking)."""
    translation: Translation | None = None
    personal_data_allowed: tuple[str, ...] = ()
    """Numbers reviewed and allowed to be published although they look like personal data."""
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """The line of each front-matter key in the original, for messages of the cross-file checks."""

    @property
    def slug(self) -> str:
        """``<YYYY>/<NNNNN>``: the item's stable place in URLs."""
        return item_slug(self.year, self.number)

    def url(self, lang: str) -> str:
        """Site-relative URL of the item page, e.g. ``en/disclosures/2022/00001/``."""
        return item_url(self.slug, lang)

    def is_published(self, today: date) -> bool:
        """Proactive, not a draft and not embargoed: the only items that appear anywhere in the site."""
        return self.disclosure == PROACTIVE and not self.draft and self.date_published <= today

    def title_in(self, lang: str) -> str:
        """The title in ``lang``, falling back to the Chinese title."""
        if lang == "en" and self.translation:
            return self.translation.title
        return self.title

    def has_language(self, lang: str) -> bool:
        return lang == "zh" or self.translation is not None

    def sort_key(self) -> tuple:
        """Newest first: by 发布日期, then index number, both descending when reversed."""
        return (self.date_published, self.index_no)


@dataclass(frozen=True)
class Catalogue:
    """Every valid item, and the office's config. Build once per build, share between languages."""

    config: Config
    items: tuple[Item, ...]
    """All items, valid and checked, published or not, sorted by index number."""
    today: date
    """The date that decided which items are published."""

    @cached_property
    def published(self) -> tuple[Item, ...]:
        """Published items, newest first (发布日期, then index number, descending)."""
        items = [i for i in self.items if i.is_published(self.today)]
        return tuple(sorted(items, key=Item.sort_key, reverse=True))

    @cached_property
    def by_year(self) -> dict[int, tuple[Item, ...]]:
        """Published items grouped by 发布日期 year, newest year first."""
        groups: dict[int, list[Item]] = {}
        for item in self.published:
            groups.setdefault(item.date_published.year, []).append(item)
        return {y: tuple(groups[y]) for y in sorted(groups, reverse=True)}

    @cached_property
    def by_category(self) -> dict[str, tuple[Item, ...]]:
        """Published items by subject category, in catalogue.yml's order; only categories with items."""
        groups: dict[str, list[Item]] = {}
        for item in self.published:
            groups.setdefault(item.category, []).append(item)
        order = self.config.vocabulary("category").keys()
        return {c: tuple(groups[c]) for c in order if c in groups}

    @cached_property
    def _by_index_no(self) -> dict[str, Item]:
        return {i.index_no: i for i in self.items}

    def find(self, index_no: str) -> Item | None:
        """The item with ``index_no``, published or not."""
        return self._by_index_no.get(index_no)

    def repealing_item(self, item: Item) -> Item | None:
        """The published item that repealed ``item`` (``repealed_by``), or None.

        An unpublished one is never named: its index number would reveal it.
        """
        target = self.find(item.repealed_by) if item.repealed_by else None
        return target if target is not None and target.is_published(self.today) else None

    def label(self, vocabulary: str, key: str, lang: str) -> str:
        """The label of a vocabulary key in ``lang``."""
        return self.config.vocabulary(vocabulary).label(key)(lang)
