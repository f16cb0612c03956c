"""The web editing page (``/admin/``, Decap CMS), generated from the item schema and catalogue.yml.

``gongkai cms-config`` writes :data:`GENERATED` into ``admin/`` (committed, so a change of the
schema shows in review; a test fails when they are stale); the build writes the same files into
``site/admin/`` beside our own ``admin/index.html`` and ``admin/gk-cms.js`` and Decap's prebuilt
bundle, copied from ``node_modules`` (pinned by package-lock.json; nothing comes from a CDN).

The GitHub repository and the OAuth relay of the deployed page come from the build's environment
(``GONGKAI_CMS_REPO``, ``GONGKAI_CMS_AUTH_URL``), like ``SITE_URL``; on 127.0.0.1 Decap uses the
local decap-server instead (``make edit``).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import yaml

from .layout import CONTENT_DIR
from .office import Config
from .problems import BuildStepError
from .schema import FIELDS, FIELDS_BY_KEY, TRANSLATION_KEYS, TRANSLATION_ONLY_FIELDS, Field, Kind
from .template import DEFAULTS
from .text import Text

#: The folder of the editing page's sources, in the repository and in the site.
ADMIN_DIR = "admin"
#: Our hand-written files of the editing page, copied as they are.
OWN_FILES = ("index.html", "gk-cms.js", "gk-cms.css")
#: Decap's prebuilt bundle and the YAML parser our format uses, from ``node_modules``.
DECAP_DIST = Path("node_modules/decap-cms/dist")
YAML_PARSER = Path("node_modules/js-yaml/dist/js-yaml.min.js")
#: Where decap-server listens under ``make edit`` (127.0.0.1 only: it has no authentication).
LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"
REPO_PLACEHOLDER = "OWNER/REPOSITORY"
#: The name our front-matter format is registered under (admin/gk-cms.js).
FORMAT = "gongkai-md"

#: Widgets chosen for the editing page where the schema's kind allows more than one.
_LONG_TEXT = frozenset({"summary"})
#: Fields the form does not show: the number is given when a new item is saved; the hash is
#: written by ``gongkai translations --record``.
_NOT_IN_FORM = frozenset({"index_no", "source_sha256"})


def _vocab_options(config: Config, f: Field) -> list[dict]:
    vocab = config.vocabulary(f.vocabulary or f.key)
    return [{"label": f"{t.label.zh}（{t.label.en}）", "value": t.key} for t in vocab.terms.values()]


def _default(config: Config, f: Field) -> object:
    if f.kind is Kind.VOCAB:
        keys = config.vocabulary(f.vocabulary or f.key).keys()
        if DEFAULTS.get(f.key) in keys:
            return DEFAULTS[f.key]
        return keys[0] if len(keys) == 1 else None
    if f.kind is Kind.DATE and f.required:
        return "{{gk_today}}"  # today in Asia/Shanghai, filled in by admin/gk-cms.js
    return None


def _index_no_pattern(example: str) -> list[str]:
    return [r"^[0-9A-Za-z][0-9A-Za-z-]*/\d{4}-\d{5}$", "格式：前缀/年份-五位序号，例如 " + example]


def _widget(config: Config, f: Field) -> dict:
    if f.kind is Kind.VOCAB:
        return {"widget": "select", "options": _vocab_options(config, f)}
    if f.kind is Kind.DATE:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
                "picker_utc": False}
    if f.kind is Kind.TEXT_LIST:
        return {"widget": "list", "collapsed": False, "field": {"label": f.label.zh, "name": "value", "widget": "string"}}
    if f.kind is Kind.BOOL:
        return {"widget": "boolean", "default": False}
    if f.kind is Kind.ATTACHMENTS:
        return {"widget": "list", "fields": [
            {"label": "文件", "name": "file", "widget": "file", "hint": "文件保存在条目所在的文件夹。"},
            {"label": "标题", "name": "title", "widget": "string"}]}
    if f.kind is Kind.INDEX_NO:
        return {"widget": "string", "pattern": _index_no_pattern(f.example)}
    if f.kind is Kind.INDEX_LIST:
        return {"widget": "list", "collapsed": False,
                "field": {"label": "索引号", "name": "value", "widget": "string",
                                                    "pattern": _index_no_pattern(f.example.strip("[]"))}}
    if f.kind is Kind.CHANGES:
        return {"widget": "list", "fields": [
            {"label": "修改日期", "name": "date", **_widget(config, FIELDS_BY_KEY["date_written"])},
            {"label": "说明（中文）", "name": "note", "widget": "string"},
            {"label": "说明（英文，可不填）", "name": "note_en", "widget": "string", "required": False}]}
    return {"widget": "text" if f.key in _LONG_TEXT else "string"}


def _field(config: Config, f: Field, required: bool | None = None) -> dict:
    entry = {"label": f.label.zh, "name": f.key, **_widget(config, f),
             "required": f.required if required is None else required, "hint": f.help.zh}
    default = _default(config, f)
    if default is not None:
        entry["default"] = default
    return entry


#: The body is a plain text area holding the Markdown as written: Decap's rich-text editor (Slate)
#: re-serialises the whole Markdown on save, and in Chromium text committed through an input method
#: (CDP Input.insertText) showed in it but never reached the saved value.
_BODY = {"label": "正文", "name": "body", "widget": "text", "required": True,
         "hint": "正文使用 Markdown：空一行分段，“## ”开头为小标题；附件的链接写文件名，例如 [预算](00001-budget.pdf)。"}


def _collection(name: str, label: str, extension: str, fields: list[dict], kind: str) -> dict:
    return {
        "name": name, "label": label, "label_singular": label, "folder": CONTENT_DIR,
        "extension": extension, "format": FORMAT,
        # The year folder and five-digit number are set when a new entry is saved (admin/gk-cms.js):
        # `{{year}}` would be the entry date's year and `{{fields.year}}` is emptied by Decap.
        "path": "{{gk_year}}/{{slug}}", "slug": "{{gk_number}}",
        "filter": {"field": "gk_kind", "value": kind},
        "identifier_field": "title", "summary": "{{index_no}}　{{title}}",
        "sortable_fields": ["index_no", "title"],
        "media_folder": "", "public_folder": "", "create": True, "delete": False,
        "editor": {"preview": False}, "fields": fields,
    }


def decap_config(config: Config, repo: str = REPO_PLACEHOLDER, auth_url: str = "") -> dict:
    """Decap's configuration: the GitHub backend with the editorial workflow, and two collections."""
    backend: dict = {"name": "github", "repo": repo, "branch": "main", "squash_merges": True}
    if auth_url:
        backend["base_url"] = auth_url.rstrip("/")
        backend["auth_endpoint"] = "auth"
    originals = [_field(config, f) for f in FIELDS if f.key not in _NOT_IN_FORM] + [_BODY]
    originals.insert(0, {"label": "索引号", "name": "index_no", "widget": "hidden"})
    relation = {"label": "中文原文", "name": "index_no", "widget": "relation", "collection": "originals",
                "value_field": "index_no", "search_fields": ["index_no", "title"],
                "display_fields": ["{{index_no}}　{{title}}"], "required": False,
                "hint": "新译文必选：译文保存为原文旁边的 <五位序号>.en.md。"}
    translated = [relation] + [_field(config, f) for f in FIELDS if f.translatable] + [
        {**_BODY, "label": "正文（英文）", "hint": "English body in Markdown."}]
    return {
        "locale": "zh_Hans",
        "backend": backend,
        "local_backend": {"url": LOCAL_BACKEND},
        "publish_mode": "editorial_workflow",
        "media_folder": CONTENT_DIR,
        "show_preview_links": False,
        "collections": [
            _collection("originals", "公开信息（中文原文）", "md", originals, "original"),
            _collection("translations", "英文译文", "en.md", translated, "translation"),
        ],
    }


def schema_data(config: Config) -> dict:
    """What admin/gk-cms.js needs to know about the schema: keys in order, kinds, required flags."""
    fields = [{"key": f.key, "kind": f.kind.value, "required": f.required,
               "translation": f.key in TRANSLATION_KEYS} for f in FIELDS + TRANSLATION_ONLY_FIELDS]
    return {"fields": fields, "indexPrefix": config.index_prefix, "timeZone": "Asia/Shanghai",
            "localBackend": LOCAL_BACKEND, "format": FORMAT}


_HEADER = ("Generated by `gongkai cms-config` from gongkai/schema.py and disclosures/catalogue.yml: "
           "do not edit; run `.venv/bin/gongkai cms-config` after changing either.")


def generated_files(config: Config, repo: str = REPO_PLACEHOLDER, auth_url: str = "") -> dict[str, str]:
    """The generated files of the editing page by name: ``config.yml`` and ``gk-schema.js``."""
    config_yml = yaml.safe_dump(decap_config(config, repo, auth_url), allow_unicode=True, sort_keys=False,
                                width=100)
    script = json.dumps(schema_data(config), ensure_ascii=False, indent=2)
    return {"config.yml": f"# {_HEADER}\n{config_yml}",
            "gk-schema.js": f"// {_HEADER}\nwindow.GK_SCHEMA = {script};\n"}


def build_settings() -> tuple[str, str]:
    """The repository and OAuth relay of the deployed page, from the build's environment."""
    return (os.environ.get("GONGKAI_CMS_REPO") or REPO_PLACEHOLDER, os.environ.get("GONGKAI_CMS_AUTH_URL", ""))


def stale_files(root: Path, config: Config) -> list[str]:
    """The committed generated files (``admin/…``) that differ from what the schema gives now."""
    return [f"{ADMIN_DIR}/{name}" for name, text in generated_files(config).items()
            if not (root / ADMIN_DIR / name).is_file()
            or (root / ADMIN_DIR / name).read_text(encoding="utf-8") != text]


def site_files(root: Path, config: Config) -> tuple[dict[str, str], dict[str, Path]]:
    """The editing page's files for ``site/``: generated texts and files to copy, by site path.

    Empty when the repository has no ``admin/`` (no editing page). Raises
    :class:`~gongkai.problems.BuildStepError` when Decap's bundle is not installed.
    """
    if not (root / ADMIN_DIR / "index.html").is_file():
        return {}, {}
    dist, parser = root / DECAP_DIST, root / YAML_PARSER
    if not (dist / "decap-cms.js").is_file() or not parser.is_file():
        raise BuildStepError(Text(
            f"编辑页面 /admin/ 所需的 Decap CMS 文件不存在（{DECAP_DIST.as_posix()}、{YAML_PARSER.as_posix()}）。"
            "请运行 make venv（按 package-lock.json 安装），然后重新构建。",
            f"The files of the editing page /admin/ (Decap CMS: {DECAP_DIST.as_posix()}, {YAML_PARSER.as_posix()}) "
            "are missing. Run make venv (installs what package-lock.json pins), then build again."))
    copies = {f"{ADMIN_DIR}/{name}": root / ADMIN_DIR / name for name in OWN_FILES}
    copies[f"{ADMIN_DIR}/js-yaml.min.js"] = parser
    for path in sorted(dist.iterdir()):
        if path.name == "decap-cms.js.LICENSE.txt" or path.suffix == ".wasm" or path.name.endswith("decap-cms.js"):
            copies[f"{ADMIN_DIR}/{path.name}"] = path
    texts = {f"{ADMIN_DIR}/{name}": text for name, text in generated_files(config, *build_settings()).items()}
    return texts, copies


def write_site_files(root: Path, config: Config, site_dir: Path) -> str:
    """Write the editing page into the finished ``site_dir`` (after the search index, which so never
    sees /admin/); one line saying what it wrote."""
    texts, copies = site_files(root, config)
    for path, text in texts.items():
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_text(text, encoding="utf-8", newline="\n")
    for path, source in copies.items():
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site_dir / path)
    if not texts:
        return "editing page: none (the repository has no admin/)"
    size = sum((site_dir / p).stat().st_size for p in [*texts, *copies])
    return f"editing page /{ADMIN_DIR}/: {len(texts) + len(copies)} files, {size / 1e6:.1f} MB (Decap CMS bundle)"
