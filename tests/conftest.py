"""Shared fixtures: throw-away repositories with chosen items, and real MkDocs builds of them."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: A fixed build date for fixture builds (2026-11-27 12:00 Asia/Shanghai), so embargoes are deterministic.
BUILD_EPOCH = "1795752000"
BUILD_DAY = date(2026, 11, 27)

SITE_FILES = ("mkdocs.yml", "docs", "hooks", "overrides")


def item_text(index_no: str = "XMFAO/2024-00001", body: str = "正文第一段。\n", **fields: object) -> str:
    """The text of a valid Chinese item; ``fields`` override or add keys (``None`` removes one).

    Every required key of the schema is there (a new one with its example value); these tests' own values
    override the examples."""
    from gongkai.schema import FIELDS

    meta: dict[str, object] = {f.key: f.example for f in FIELDS if f.required}
    meta.update({
        "index_no": index_no,
        "title": "测试条目",
        "publisher": "xmfao",
        "date_written": "2024-03-01",
        "date_published": "2024-03-05",
        "category": "notices",
        "genre": "notice",
        "disclosure": "proactive",
        "validity": "in-force",
    })
    meta.update(fields)
    lines = ["---"]
    for key, value in meta.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            lines.append(f"{key}:")
            lines += [f"  - {v}" for v in value]
        else:
            lines.append(f"{key}: {value}")
    lines += ["---", "", body]
    return "\n".join(lines)


def write_item(root: Path, index_no: str = "XMFAO/2024-00001", *, text: str | None = None,
               translation: str | None = None, **fields: object) -> Path:
    """Write an item (and optionally its ``.en.md``) at the place its index number gives."""
    year, number = index_no.split("/")[1].split("-")
    path = root / "disclosures" / year / f"{number}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text is not None else item_text(index_no, **fields), encoding="utf-8")
    if translation is not None:
        path.with_suffix(".en.md").write_text(translation, encoding="utf-8")
    return path


def make_repo(tmp_path: Path, *, seed: bool = False) -> Path:
    """A repository in ``tmp_path/repo`` with the real site config and catalogue.yml, and no items
    (or only the real seed item when ``seed`` is true)."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in SITE_FILES:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        else:
            shutil.copy2(src, root / name)
    (root / "disclosures").mkdir()
    shutil.copy2(REPO / "disclosures" / "catalogue.yml", root / "disclosures" / "catalogue.yml")
    if seed:
        shutil.copytree(REPO / "disclosures" / "2022", root / "disclosures" / "2022")
    return root


def build_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=BUILD_EPOCH, SITE_URL="https://gongkai.example.gov.cn/")
    return env


def build(root: Path, site_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` on ``root`` as an editor would; returns the finished process."""
    site_dir = site_dir or root / "site"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root, env=build_env(), capture_output=True, text=True, timeout=600,
    )


def site_texts(site_dir: Path) -> dict[str, str]:
    """Every text file under ``site_dir`` by relative path (binary files are skipped)."""
    texts = {}
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            try:
                texts[path.relative_to(site_dir).as_posix()] = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
    return texts


def pagefind_files(site_dir: Path) -> dict[str, bytes]:
    """Pagefind's index files (``pagefind/**/*.pf_*``, gzip) decompressed, by relative path."""
    return {p.relative_to(site_dir).as_posix(): gzip.decompress(p.read_bytes())
            for p in sorted((site_dir / "pagefind").rglob("*.pf_*"))}


def pagefind_pages(site_dir: Path) -> dict[str, list[dict]]:
    """The pages in the Pagefind index by language: each fragment's JSON (url, content, meta, filters)."""
    pages: dict[str, list[dict]] = {}
    for path, data in pagefind_files(site_dir).items():
        if path.endswith(".pf_fragment"):
            lang = path.split("/")[-1].split("_")[0]
            pages.setdefault(lang, []).append(json.loads(data.removeprefix(b"pagefind_dcd")))
    return {lang: sorted(found, key=lambda f: f["url"]) for lang, found in pages.items()}


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once per test session with ``--strict``."""
    site_dir = tmp_path_factory.mktemp("real") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=REPO, env=build_env(), capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir
