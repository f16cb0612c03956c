"""The core's layer contracts (pyproject.toml, [tool.importlinter]) hold, and each one really catches
the import it forbids: a copy of the package with one such import added breaks exactly that contract."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import REPO

LINT = Path(sys.executable).with_name("lint-imports")
CONTRACTS = [c["name"] for c in tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
             ["tool"]["importlinter"]["contracts"]]


def lint(package_root: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(package_root))
    return subprocess.run([str(LINT), "--config", str(REPO / "pyproject.toml"), "--no-cache"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def verdicts(output: str) -> dict[str, str]:
    """``contract name -> KEPT | BROKEN`` from lint-imports' summary."""
    found = {}
    for line in output.splitlines():
        for verdict in ("KEPT", "BROKEN"):
            if line.endswith(f" {verdict}") and line.removesuffix(f" {verdict}") in CONTRACTS:
                found[line.removesuffix(f" {verdict}")] = verdict
    return found


def test_every_layer_contract_is_kept(tmp_path):
    result = lint(REPO, tmp_path)
    assert verdicts(result.stdout) == {name: "KEPT" for name in CONTRACTS}, result.stdout + result.stderr
    assert result.returncode == 0


#: One forbidden import per contract: (module file, line added, the contract it breaks).
VIOLATIONS = [
    ("text.py", "import mkdocs.plugins", "The core never imports MkDocs, its theme or its plugins"),
    ("source.py", "from . import pages", "Readers and checkers never import renderers, features or the site"),
    ("feeds.py", "from . import opendata", "Renderers never import each other"),
    ("layout.py", "from . import catalogue", "No import cycles between the modules of a package"),
]


def test_the_contracts_are_the_ones_tested():
    assert sorted(v[2] for v in VIOLATIONS) == sorted(CONTRACTS)


@pytest.mark.parametrize("module, line, contract", VIOLATIONS, ids=[v[0] for v in VIOLATIONS])
def test_a_forbidden_import_breaks_its_contract(tmp_path, module, line, contract):
    copy = tmp_path / "src"
    shutil.copytree(REPO / "gongkai", copy / "gongkai", ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / "gongkai" / module
    text = target.read_text(encoding="utf-8")
    marker = "from __future__ import annotations\n"
    assert marker in text
    target.write_text(text.replace(marker, marker + line + "\n", 1), encoding="utf-8")
    result = lint(copy, tmp_path)
    assert verdicts(result.stdout) == {name: "BROKEN" if name == contract else "KEPT" for name in CONTRACTS}, \
        result.stdout + result.stderr
    assert result.returncode != 0
