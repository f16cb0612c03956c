"""Writing imported text as Markdown that shows exactly what the document says."""

from __future__ import annotations

import html
import re

_LINE_START = re.compile(r"^(#|>|[-+*]|\d+[.)](?=\s))")


def escape_markdown(text: str) -> str:
    """Text as Markdown that shows it as written: no HTML, emphasis, links or block syntax."""
    text = html.escape(text, quote=False)
    text = re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("\\](", "\\]\\(")  # no [text](link) either
    return _LINE_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1] if m.group()[0].isdigit()
                           else "\\" + m.group(), text)
