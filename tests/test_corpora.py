"""The benchmark corpora are valid repositories: ``make bench`` times a check and builds that must pass.

A corpus that stops passing ``gongkai check`` (a new required key, a new file catalogue.yml names)
would make every benchmark figure meaningless, so both generators are checked here on a few items.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gongkai.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import make_corpus  # noqa: E402
import make_search_corpus  # noqa: E402


def test_check_corpus_passes_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_corpus.make_corpus(tmp_path, 24)
    assert main(["check", "--root", str(tmp_path)]) == 0
    assert "检查通过：24 个条目没有问题。 / All clear: 24 item(s) checked, no problems." in capsys.readouterr().out


def test_search_corpus_passes_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    translated = make_search_corpus.make_corpus(12, tmp_path, site=True)
    assert translated == 6
    assert main(["check", "--root", str(tmp_path)]) == 0
    assert "检查通过：12 个条目没有问题。 / All clear: 12 item(s) checked, no problems." in capsys.readouterr().out
