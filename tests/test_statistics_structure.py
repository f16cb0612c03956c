"""The statistics code stays readable: no function longer than about a screen."""

from __future__ import annotations

import ast

from conftest import REPO

MAX_LINES = 40


def test_no_function_in_the_statistics_package_is_longer_than_40_lines():
    long = []
    for path in sorted((REPO / "gongkai" / "statistics").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_LINES:
                    long.append(f"{path.name}:{node.lineno} {node.name}() has {length} lines")
    assert not long, "split into named functions: " + "; ".join(long)
