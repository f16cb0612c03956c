"""The catalogue (公开目录): immutable items and the published view of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .office import ARTICLE20_ITEMS, PROACTIVE, Config
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
class Change:
    """One entry of an item's change history (修订记录)."""

    date: date
    note: str
    """What changed, in Chinese."""
    note_en: str | None = None
    """What changed, in English, if given."""

    def note_in(self, lang: str) -> str:
        return self.note_en if lang == "en" and self.note_en else self.note


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
    interprets: tuple[str, ...] = ()
    """Index numbers of the documents this item (a 政策解读, 图解 or Q&A) explains."""
    related: tuple[str, ...] = ()
    """Index numbers of related documents."""
    changes: tuple[Change, ...] = ()
    """Changes made after publication, oldest first."""

    @property
    def last_updated(self) -> date | None:
        """The date of the latest change, or None when it never changed."""
        return max((c.date for c in self.changes), default=None)

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

    @property
    def by_category(self) -> dict[str, tuple[Item, ...]]:
        """Published items by subject category, in catalogue.yml's order; only categories with items."""
        return self.by_term("category")

    def by_term(self, vocabulary: str) -> dict[str, tuple[Item, ...]]:
        """Published items by a vocabulary's key (genre, validity, publisher…), in catalogue.yml's order;
        only keys with items."""
        return self._by_terms[vocabulary]

    @cached_property
    def _by_terms(self) -> dict[str, dict[str, tuple[Item, ...]]]:
        found = {}
        for name, vocabulary in self.config.vocabularies.items():
            groups: dict[str, list[Item]] = {}
            for item in self.published:
                groups.setdefault(getattr(item, name), []).append(item)
            found[name] = {k: tuple(groups[k]) for k in vocabulary.keys() if k in groups}
        return found

    @cached_property
    def by_article20(self) -> dict[int, tuple[Item, ...]]:
        """Published items by item of Article 20 (1 to 15, every one, empty or not), filed there by their
        genre or category (catalogue.yml's ``article20_item``)."""
        genre, category = self.config.vocabulary("genre"), self.config.vocabulary("category")
        groups: dict[int, list[Item]] = {n: [] for n in range(1, len(ARTICLE20_ITEMS) + 1)}
        for item in self.published:
            for n in sorted(set(genre.article20_items(item.genre) + category.article20_items(item.category))):
                groups[n].append(item)
        return {n: tuple(items) for n, items in groups.items()}

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

    @cached_property
    def _published_by_index_no(self) -> dict[str, Item]:
        return {i.index_no: i for i in self.published}

    def _published_among(self, index_nos: tuple[str, ...] | list[str]) -> tuple[Item, ...]:
        """The published items of ``index_nos``, newest first; an unpublished one is never named."""
        found = {n: self._published_by_index_no[n] for n in index_nos if n in self._published_by_index_no}
        return tuple(sorted(found.values(), key=Item.sort_key, reverse=True))

    @cached_property
    def _naming(self) -> dict[str, dict[str, list[str]]]:
        """``relation -> index number -> index numbers of the published items naming it`` for the relations
        read backwards: interprets, related and repealed_by."""
        found: dict[str, dict[str, list[str]]] = {"interprets": {}, "related": {}, "repealed_by": {}}
        for item in self.published:
            for target in item.interprets:
                found["interprets"].setdefault(target, []).append(item.index_no)
            for target in item.related:
                found["related"].setdefault(target, []).append(item.index_no)
            if item.repealed_by:
                found["repealed_by"].setdefault(item.repealed_by, []).append(item.index_no)
        return found

    def interpreted(self, item: Item) -> tuple[Item, ...]:
        """The published documents ``item`` interprets."""
        return self._published_among(item.interprets)

    def interpretations(self, item: Item) -> tuple[Item, ...]:
        """The published interpretations (政策解读, 图解, Q&A) of ``item``."""
        return self._published_among(self._naming["interprets"].get(item.index_no, []))

    def related_items(self, item: Item) -> tuple[Item, ...]:
        """Published items related to ``item``: those it names and those naming it."""
        named = list(item.related) + self._naming["related"].get(item.index_no, [])
        return self._published_among([n for n in named if n != item.index_no])

    def repealed_items(self, item: Item) -> tuple[Item, ...]:
        """The published items ``item`` repealed (they name it as ``repealed_by``)."""
        return self._published_among(self._naming["repealed_by"].get(item.index_no, []))

    def label(self, vocabulary: str, key: str, lang: str) -> str:
        """The label of a vocabulary key in ``lang``."""
        return self.config.vocabulary(vocabulary).label(key)(lang)
