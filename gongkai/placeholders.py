"""Placeholders: ``【待填写：… / …】``, where an editor still has to write something.

``gongkai new`` and ``gongkai report`` write them (:func:`placeholder`); the ``placeholder`` check
finds them (:data:`PLACEHOLDER_PATTERN`) and refuses any file that still has one, so a template can
never be published by mistake. Said here once for both sides.
"""

from __future__ import annotations

import re

PLACEHOLDER_PATTERN = re.compile(r"【待填写[^】\n]*】")
"""What the ``placeholder`` check looks for."""


def placeholder(what_zh: str, what_en: str) -> str:
    """A placeholder the ``placeholder`` check finds, e.g. ``【待填写：标题 / title】``."""
    return f"【待填写：{what_zh} / {what_en}】"
