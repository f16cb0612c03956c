"""Mapping what a document says to catalogue.yml's vocabularies: found when a label matches,
guessed (and marked as such) when only the title suggests it, never invented."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Config
from ..text import Text


@dataclass(frozen=True)
class Guess:
    """A vocabulary key guessed from the title (None when unclear), and why."""

    key: str | None
    reason: Text


def key_for_label(config: Config, vocabulary: str, text: str) -> str | None:
    """The key whose Chinese label is ``text`` (spaces aside), e.g. 厦门市人民政府外事办公室 → xmfao."""
    wanted = "".join(text.split())
    return next((t.key for t in config.vocabulary(vocabulary).terms.values() if "".join(t.label.zh.split()) == wanted),
                None)


def guess_category(config: Config, title: str) -> Guess:
    """The subject category whose label the title contains, when exactly one does."""
    found = [t for t in config.vocabulary("category").terms.values() if t.label.zh in title]
    if len(found) == 1:
        t = found[0]
        return Guess(t.key, Text(f"标题含有主题分类“{t.label.zh}”", f"the title contains the category label "
                                 f"“{t.label.zh}” ({t.label.en})"))
    if found:
        names = "、".join(f"{t.key}（{t.label.zh}）" for t in found)
        return Guess(None, Text(f"标题含有多个主题分类：{names}", f"the title contains several category labels: {names}"))
    return Guess(None, Text("标题不含任何主题分类的名称", "the title contains none of the category labels"))


def guess_genre(config: Config, title: str) -> Guess:
    """The genre whose label ends the title (the 文种: …的报告 → report), the longest when several do."""
    found = sorted((t for t in config.vocabulary("genre").terms.values() if title.endswith(t.label.zh)),
                   key=lambda t: -len(t.label.zh))
    if found:
        t = found[0]
        return Guess(t.key, Text(f"标题以体裁“{t.label.zh}”结尾", f"the title ends with the genre “{t.label.zh}” "
                                 f"({t.label.en})"))
    return Guess(None, Text("标题的结尾不是任何体裁的名称", "the title does not end with any genre's label"))
