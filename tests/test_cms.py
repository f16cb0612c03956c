"""The web editing page's configuration (``gongkai cms-config``) and what the build puts in /admin/."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import REPO, make_repo

from gongkai import cms
from gongkai.config import load_config
from gongkai.problems import Problems
from gongkai.schema import FIELDS


def config():
    problems = Problems()
    loaded = load_config(REPO, problems)
    assert loaded is not None, problems.report()
    return loaded


def gongkai(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gongkai.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)


def fields(collection: dict) -> dict[str, dict]:
    return {f["name"]: f for f in collection["fields"]}


def test_committed_configuration_is_current():
    result = gongkai("cms-config", "--check")
    assert result.returncode == 0, result.stderr
    assert cms.stale_files(REPO, config()) == []


def test_a_schema_change_makes_the_committed_configuration_stale(tmp_path: Path):
    root = make_repo(tmp_path)
    (root / "admin").mkdir()
    for name in cms.generated_files(config()):
        (root / "admin" / name).write_text((REPO / "admin" / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert gongkai("cms-config", "--check", "--root", str(root)).returncode == 0
    catalogue = root / "disclosures" / "catalogue.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("      zh: 通知公告\n", "      zh: 通知和公告\n"),
                         encoding="utf-8")
    stale = gongkai("cms-config", "--check", "--root", str(root))
    assert stale.returncode == 1
    assert stale.stderr.splitlines() == [
        "过时：admin/config.yml。请运行 .venv/bin/gongkai cms-config 并提交结果。",
        "Stale: admin/config.yml. Run .venv/bin/gongkai cms-config and commit the result."]
    written = gongkai("cms-config", "--root", str(root))
    assert written.returncode == 0 and "admin/config.yml" in written.stdout
    assert "通知和公告（Notices and announcements）" in (root / "admin" / "config.yml").read_text(encoding="utf-8")
    assert gongkai("cms-config", "--check", "--root", str(root)).returncode == 0


def test_every_schema_field_is_in_the_form_with_its_label_hint_and_required_flag():
    data = yaml.safe_load((REPO / "admin" / "config.yml").read_text(encoding="utf-8"))
    originals, translations = data["collections"]
    shown = fields(originals)
    assert list(shown) == [f.key for f in FIELDS] + ["body"]
    for f in FIELDS:
        if f.key == "index_no":  # given when a new item is saved
            assert shown[f.key]["widget"] == "hidden"
            continue
        assert (shown[f.key]["label"], shown[f.key]["hint"], shown[f.key]["required"]) == (
            f.label.zh, f.help.zh, f.required)
    assert list(fields(translations)) == ["index_no", "title", "keywords", "summary", "body"]
    assert fields(translations)["index_no"]["widget"] == "relation"


def test_vocabularies_are_select_lists_with_both_labels():
    data = yaml.safe_load((REPO / "admin" / "config.yml").read_text(encoding="utf-8"))
    category = fields(data["collections"][0])["category"]
    assert category["widget"] == "select"
    assert category["options"][:2] == [{"label": "计划总结（Plans and summaries）", "value": "plans-and-reports"},
                                       {"label": "法治政府建设（Law-based government）", "value": "rule-of-law"}]
    assert len(category["options"]) == len(config().vocabulary("category").keys())
    assert fields(data["collections"][0])["disclosure"]["default"] == "proactive"


def test_dates_are_plain_dates_defaulting_to_today_and_attachments_go_beside_the_item():
    data = yaml.safe_load((REPO / "admin" / "config.yml").read_text(encoding="utf-8"))
    originals = data["collections"][0]
    date = fields(originals)["date_written"]
    assert (date["widget"], date["format"], date["time_format"], date["default"]) == (
        "datetime", "YYYY-MM-DD", False, "{{gk_today}}")
    assert "default" not in fields(originals)["repealed_on"]
    attachment = fields(originals)["attachments"]["fields"]
    assert [(f["name"], f["widget"]) for f in attachment] == [("file", "file"), ("title", "string")]
    assert (originals["media_folder"], originals["public_folder"]) == ("", "")
    assert (originals["folder"], originals["path"], originals["extension"]) == (
        "disclosures", "{{gk_year}}/{{slug}}", "md")
    assert data["collections"][1]["extension"] == "en.md"
    assert data["locale"] == "zh_Hans" and data["publish_mode"] == "editorial_workflow"
    assert data["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


def test_schema_script_lists_the_keys_in_schema_order():
    text = (REPO / "admin" / "gk-schema.js").read_text(encoding="utf-8")
    data = json.loads(text.split("window.GK_SCHEMA = ", 1)[1].rstrip().rstrip(";"))
    assert [f["key"] for f in data["fields"]] == [f.key for f in FIELDS] + ["source_sha256"]
    assert data["indexPrefix"] == "XMFAO" and data["timeZone"] == "Asia/Shanghai"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("href", "src", "action") and v]


def test_built_site_has_the_editing_page_never_linked_indexed_or_in_the_sitemap(real_site: Path):
    admin = real_site / "admin"
    assert (admin / "config.yml").read_text(encoding="utf-8") == cms.generated_files(config())["config.yml"]
    for name in ("index.html", "gk-cms.js", "gk-cms.css", "gk-schema.js", "js-yaml.min.js", "decap-cms.js"):
        assert (admin / name).is_file(), name
    dist = REPO / "node_modules" / "decap-cms" / "dist"
    chunks = sorted(p.name for p in dist.glob("*.decap-cms.js"))
    assert chunks and sorted(p.name for p in admin.glob("*.decap-cms.js")) == chunks
    assert not list(admin.glob("*.map")) and not (admin / "cms.js").exists()
    assert (admin / "decap-cms.js").read_bytes() == (dist / "decap-cms.js").read_bytes()
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow, noarchive">' in page
    assert "admin" not in (real_site / "sitemap.xml").read_text(encoding="utf-8")
    indexed = (real_site / "pagefind").rglob("*")
    assert not [p for p in indexed if "admin" in p.name]
    for html in real_site.rglob("*.html"):
        if html.is_relative_to(admin):
            continue
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        assert not [u for u in parser.urls if re.search(r"(^|/)admin(/|$)", u)], html


def test_deployed_configuration_names_the_repository_and_the_oauth_relay(monkeypatch):
    monkeypatch.setenv("GONGKAI_CMS_REPO", "xmfao/gongkai")
    monkeypatch.setenv("GONGKAI_CMS_AUTH_URL", "https://auth.example.gov.cn/")
    texts, _ = cms.site_files(REPO, config())
    backend = yaml.safe_load(texts["admin/config.yml"])["backend"]
    assert backend == {"name": "github", "repo": "xmfao/gongkai", "branch": "main", "squash_merges": True,
                       "base_url": "https://auth.example.gov.cn", "auth_endpoint": "auth"}


def test_a_missing_decap_bundle_stops_the_build_with_a_message(tmp_path: Path):
    from conftest import build
    root = make_repo(tmp_path)
    (root / "admin").mkdir()
    for name in (*cms.OWN_FILES, *cms.generated_files(config())):
        (root / "admin" / name).write_bytes((REPO / "admin" / name).read_bytes())
    result = build(root)
    assert result.returncode != 0
    assert ("编辑页面 /admin/ 所需的 Decap CMS 文件不存在（node_modules/decap-cms/dist、"
            "node_modules/js-yaml/dist/js-yaml.min.js）。请运行 make venv") in result.stderr
    assert "Run make venv (installs what package-lock.json pins), then build again." in result.stderr
    assert "Traceback" not in result.stderr


def test_decap_is_pinned_exactly():
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in (("decap-cms", "3.16.3"), ("decap-server", "3.11.3"), ("js-yaml", "3.15.2")):
        assert package["devDependencies"][name] == version
        assert lock["packages"][f"node_modules/{name}"]["version"] == version


def test_the_editing_page_has_its_own_content_security_policy(real_site: Path):
    page = (real_site / "admin" / "index.html").read_text(encoding="utf-8")
    parser = _Meta()
    parser.feed(page)
    policy = {d.split()[0]: d.split()[1:] for d in parser.csp.split(";") if d.strip()}
    assert policy == {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com"],
        "connect-src": ["'self'", "blob:", "http://127.0.0.1:8081", "https://api.github.com"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    }
    # every script is a file of the page itself, none inline
    assert parser.scripts == ["js-yaml.min.js", "gk-schema.js", "gk-cms.js", "decap-cms.js"] and not parser.inline


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.csp, self.scripts, self.inline, self._in_script = "", [], False, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.csp = attrs["content"]
        if tag == "script":
            self.scripts.append(attrs.get("src"))
            self._in_script = True

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        self.inline = self.inline or (self._in_script and bool(data.strip()))
