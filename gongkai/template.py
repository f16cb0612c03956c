"""The template of a new item (``gongkai new``), derived from the one schema.

Text the editor must replace is written as a placeholder ``【待填写：…】``;
the ``placeholder`` check refuses any file that still contains one, so a
template can never be published by mistake.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .layout import ITEM_PATH_PATTERN, year_folder
from .office import IN_FORCE, PROACTIVE
from .placeholders import PLACEHOLDER_PATTERN, placeholder  # noqa: F401 - also their old home
from .schema import FIELDS, Field, Kind

if TYPE_CHECKING:
    from .office import Config

def _yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar that reads back as the same text: plain when safe, double-quoted otherwise."""
    plain = (re.fullmatch(r"[^\s:#'\"\[\]{},&*!|>%@`?-][^:#\n]*", value) is not None and value == value.strip()
             and yaml.safe_load(value) == value)
    return value if plain else json.dumps(value, ensure_ascii=False)


def item_text(values: dict[str, object], body: str | None = None) -> str:
    """The text of a new item: every required key of :data:`FIELDS` (and each optional key given), in schema order.

    ``values`` maps keys to their values (str, date, bool or a list of str); a required key
    without a value gets a placeholder. ``body`` defaults to a placeholder paragraph.
    """
    lines = ["---"]
    for f in FIELDS:
        if f.key not in values and not f.required:
            continue
        lines += _field_lines(f, values.get(f.key))
    lines += ["---", "", body.strip("\n") if body else placeholder("正文", "body"), ""]
    return "\n".join(lines)


def _field_lines(f: Field, value: object) -> list[str]:
    if value is None or value == "":
        return [f"{f.key}: {_yaml_scalar(placeholder(f.label.zh, f.label.en))}"]
    if isinstance(value, bool):
        return [f"{f.key}: {'true' if value else 'false'}"]
    if isinstance(value, date):
        return [f"{f.key}: {value.isoformat()}"]
    if isinstance(value, (list, tuple)):
        if f.kind is Kind.ATTACHMENTS:
            return [f"{f.key}:"] + [line for a in value for line in
                                    (f"  - file: {_yaml_scalar(str(a['file']))}", f"    title: {_yaml_scalar(str(a['title']))}")]
        return [f"{f.key}:"] + [f"  - {_yaml_scalar(str(v))}" for v in value]
    return [f"{f.key}: {_yaml_scalar(str(value))}"]


#: What ``gongkai new`` fills in for these vocabulary keys, when the vocabulary has the value.
DEFAULTS = {"disclosure": PROACTIVE, "validity": IN_FORCE}


def default_values(config: Config, today: date | None) -> dict[str, object]:
    """What ``gongkai new --no-input`` fills in by itself: the usual disclosure and validity, the office's
    only publisher, and ``today`` as both dates. Everything else becomes a placeholder; so do the dates
    when ``today`` is None (the editors' guide, which cannot know the day an editor copies it)."""
    values: dict[str, object] = {k: v for k, v in DEFAULTS.items() if v in config.vocabulary(k).terms}
    publishers = config.vocabulary("publisher").keys()
    if len(publishers) == 1:
        values["publisher"] = publishers[0]
    if today is not None:
        values.update(date_written=today, date_published=today)
    return values


def next_number(root: Path, year: int) -> str | None:
    """The next free five-digit number of ``year``: one more than the highest used (numbers are never
    reused, even after a deletion); None when 99999 is taken."""
    folder = root / year_folder(year)
    used = [int(m.group("number")) for name in (os.listdir(folder) if folder.is_dir() else ())
            if (m := ITEM_PATH_PATTERN.match(f"{year}/{name}"))]
    following = max(used, default=0) + 1
    return f"{following:05d}" if following <= 99999 else None
