"""The site's own stylesheet parses cleanly: one stray brace silently drops every rule after it."""

from __future__ import annotations

import pytest
import tinycss2

from conftest import REPO

STYLESHEET = REPO / "docs/assets/gongkai.css"
STYLESHEETS = sorted((REPO / "docs/assets").glob("*.css"))


def _errors(nodes) -> list[str]:
    found = []
    for node in nodes:
        if node.type == "error":
            found.append(f"{node.source_line}:{node.source_column}: {node.message}")
        elif node.type == "qualified-rule":
            for decl in tinycss2.parse_declaration_list(node.content, skip_whitespace=True, skip_comments=True):
                if decl.type == "error":
                    found.append(f"{decl.source_line}:{decl.source_column}: {decl.message}")
                elif decl.type == "qualified-rule":
                    found.append(f"{decl.source_line}:{decl.source_column}: rule nested in a declaration block")
        elif node.type == "at-rule" and node.content is not None:
            found += _errors(tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True))
    return found


@pytest.mark.parametrize("sheet", STYLESHEETS, ids=lambda p: p.name)
def test_stylesheet_has_no_parse_errors(sheet):
    rules = tinycss2.parse_stylesheet(sheet.read_text(encoding="utf-8"), skip_whitespace=True,
                                      skip_comments=True)
    assert _errors(rules) == []


def test_every_component_class_keeps_its_own_rule():
    rules = tinycss2.parse_stylesheet(STYLESHEET.read_text(encoding="utf-8"), skip_whitespace=True,
                                      skip_comments=True)
    top_selectors = " ".join(tinycss2.serialize(r.prelude) for r in rules if r.type == "qualified-rule")
    for name in ("gk-meta", "gk-list", "gk-stats", "gk-chart", "gk-pager", "gk-sr-only"):
        assert f".{name}" in top_selectors, name
