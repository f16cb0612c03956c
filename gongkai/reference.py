"""The editors' guide's reference tables, generated from the one schema, the problem codes and
catalogue.yml, so the guide can never disagree with the checks.

Fragments (see :data:`gongkai.site.FRAGMENTS`):

- ``<!-- gongkai:field-reference -->``: every front-matter key, its meaning, type, allowed values
  and an example; then the keys of an English translation.
- ``<!-- gongkai:error-codes -->``: every problem code with what it means and the usual fix.
- ``<!-- gongkai:item-template -->``: what ``gongkai new`` writes, as an example to copy.
"""

from __future__ import annotations

import re

from .codes import CODES
from .office import Config
from .html import esc, table
from .schema import FIELDS, KIND_NAMES, TRANSLATION_KEYS, TRANSLATION_ONLY_FIELDS, Field, Kind
from .placeholders import placeholder
from .template import default_values, item_text
from .text import Text

UI = {
    "fields": Text("条目文件头字段", "Front-matter keys of an item"),
    "translation_fields": Text("英文译文（.en.md）可用的字段", "Keys of an English translation (.en.md)"),
    "codes": Text("问题代码", "Problem codes"),
    "key": Text("字段", "Key"),
    "name": Text("名称", "Name"),
    "required": Text("必填", "Required"),
    "yes": Text("是", "yes"),
    "no": Text("否", "no"),
    "type": Text("类型", "Type"),
    "meaning": Text("含义和取值", "Meaning and allowed values"),
    "example": Text("示例", "Example"),
    "colon": Text("：", ": "),
    "code": Text("代码", "Code"),
    "problem": Text("问题", "Problem"),
    "fix": Text("通常的修改方法", "Usual fix"),
    "allowed": Text("允许的取值：", "Allowed values: "),
    "types": Text("允许的附件类型：{types}；单个附件不超过 {size}。",
                  "Allowed attachment types: {types}; each attachment at most {size}."),
    "index_prefix": Text("本机构的前缀是 {prefix}。", "This office's prefix is {prefix}."),
    "translation_same": Text("可以重复中文原文的值，但必须与原文一致。", "May repeat the original's value, which must match."),
}


def field_reference(config: Config, lang: str) -> str:
    """Two tables: the keys of an item (from :data:`~gongkai.schema.FIELDS`) and those of a translation."""
    rows = [_field_row(f, config, lang) for f in FIELDS]
    translation = [f for f in FIELDS + TRANSLATION_ONLY_FIELDS if f.key in TRANSLATION_KEYS]
    extra = {"index_no": UI["translation_same"](lang)}
    translation_rows = [_field_row(f, config, lang, required=(f.key == "title"), note=extra.get(f.key))
                        for f in translation]
    head = (UI["key"], UI["required"], UI["meaning"])
    return (_table(UI["fields"](lang), head, rows, lang) + "\n\n"
            + _table(UI["translation_fields"](lang), head, translation_rows, lang) + "\n")


def _code_spans(text: str) -> str:
    """Escaped ``text`` with its `backquoted` words as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", esc(text))


def _field_row(f: Field, config: Config, lang: str, required: bool | None = None,
               note: str | None = None) -> list[str]:
    meaning = [_code_spans(f.help(lang))]
    if note:
        meaning.append(esc(note))
    meaning.append(f"{esc(UI['type'](lang))}{esc(UI['colon'](lang))}{esc(KIND_NAMES[f.kind](lang))}")
    if f.kind is Kind.VOCAB:
        vocab = config.vocabulary(f.vocabulary or f.key)
        values = "; ".join(f"<code>{esc(t.key)}</code> ({esc(t.label(lang))})" for t in vocab.terms.values())
        meaning.append(esc(UI["allowed"](lang)) + values)
    if f.key == "index_no":
        meaning.append(esc(UI["index_prefix"](lang).format(prefix=config.index_prefix)))
    if f.kind is Kind.ATTACHMENTS:
        size = config.attachment_max_bytes
        size_text = f"{size / 1048576:g} MB" if size >= 1048576 else f"{size} bytes"
        types = ", ".join(sorted(config.attachment_types))
        meaning.append(esc(UI["types"](lang).format(types=types, size=size_text)))
    meaning.append(f"{esc(UI['example'](lang))}{esc(UI['colon'](lang))}<code>{esc(f.key)}: {esc(f.example)}</code>")
    needed = f.required if required is None else required
    return [f'<code>{esc(f.key)}</code><br>{esc(f.label(lang))}', esc((UI["yes"] if needed else UI["no"])(lang)),
            "<br>".join(meaning)]


def error_codes(lang: str) -> str:
    """Every code of :data:`~gongkai.codes.CODES`, in the order the checks meet them."""
    rows = [[f'<code id="code-{esc(c.code)}">{esc(c.code)}</code>', esc(c.title(lang)), _code_spans(c.fix(lang))]
            for c in CODES.values()]
    return _table(UI["codes"](lang), (UI["code"], UI["problem"], UI["fix"]), rows, lang) + "\n"


def item_template(config: Config, lang: str) -> str:
    """What ``gongkai new --no-input`` writes (the same values and the same function), as an indented
    block: placeholders for everything the editor must fill in, the index number's year and number and
    the dates included (``gongkai new`` fills those in; the guide cannot)."""
    values = default_values(config, None)
    values["index_no"] = f"{config.index_prefix}/" + placeholder("年份-五位序号", "year-number")
    text = item_text(values)
    return "\n".join("    " + line if line else "" for line in text.rstrip("\n").split("\n")) + "\n"


def _table(caption: str, head, rows: list[list[str]], lang: str) -> str:
    return table("gk-reference", [h(lang) for h in head], rows, caption)
