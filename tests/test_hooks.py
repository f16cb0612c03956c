"""The MkDocs adapter: thin, and it never shows an editor a traceback."""

from __future__ import annotations

import importlib.util

import pytest
from mkdocs.exceptions import PluginError

from conftest import REPO, build, make_repo, write_item


def _hooks():
    spec = importlib.util.spec_from_file_location("gongkai_hooks", REPO / "hooks/gongkai_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_unexpected_error_becomes_a_short_build_error():
    hooks = _hooks()
    with pytest.raises(PluginError) as error:
        hooks.on_config(None)  # no config at all: an AttributeError inside
    assert "internal error in gongkai" in str(error.value) and "AttributeError" in str(error.value)


def test_markers_in_an_item_body_stay_text(tmp_path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", body="正文。<!-- gongkai:latest --> <!-- gongkai:nothing -->\n")
    result = build(root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out/disclosures/2024/00001/index.html").read_text(encoding="utf-8")
    assert 'class="gk-list"' not in html  # the latest-items table was not injected


def test_an_unknown_marker_in_a_docs_page_stops_the_build_with_its_file(tmp_path):
    root = make_repo(tmp_path)
    (root / "docs/guide.md").write_text("# 指南\n\n<!-- gongkai:nothing -->\n", encoding="utf-8")
    result = build(root, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/guide.md: 未知标记 / unknown marker <!-- gongkai:nothing -->" in result.stderr
