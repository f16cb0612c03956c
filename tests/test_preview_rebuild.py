"""The preview's rebuilds (``mkdocs serve --dirty``) against a clean build of the same sources.

The preview keeps what it computed between rebuilds (each item's check, each body's HTML, each page)
and rebuilds only what changed. Whatever it kept, the site it serves after a series of edits must be
byte for byte the site a clean preview build of the final sources gives: no stale page, listing, feed,
data file or attachment, and no page missing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import build_env, item_text, make_repo, write_item

HERE = Path(__file__).resolve().parent
GUIDE = (HERE.parent / "docs" / "guide.md").read_text(encoding="utf-8")


def preview_build(root: Path, site_dir: Path, steps: list[dict] | None = None) -> None:
    command = [sys.executable, str(HERE / "preview_passes.py"), str(root), str(site_dir)]
    if steps is not None:
        (root.parent / "steps.json").write_text(json.dumps(steps, ensure_ascii=False), encoding="utf-8")
        command.append(str(root.parent / "steps.json"))
    done = subprocess.run(command, cwd=root, env=build_env(), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def files(site_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


def item(n: int, **fields: object) -> str:
    values: dict[str, object] = {"title": f"预览第{n}号", "body": f"第{n}号的正文。\n"}
    values.update(fields)
    return item_text(f"XMFAO/2024-{n:05d}", **values)


EDITS = [
    # a body edit, with HTML that the check explains and the sanitiser removes
    {"write": {"disclosures/2024/00001.md": item(1, body="改过的正文，<span lang=\"en\">with English</span>。\n")}},
    # a title edit: item 3 names item 2 as related, so item 3's page must show the new title too
    {"write": {"disclosures/2024/00002.md": item(2, title="预览改过的标题")}},
    # a new item in a new year, and a translation added
    {"write": {"disclosures/2025/00001.md": item_text("XMFAO/2025-00001", title="新年份的条目",
                                                      date_written="2025-01-02", date_published="2025-01-03"),
               "disclosures/2024/00001.en.md": "---\ntitle: The first item, translated\n---\n\nIts body.\n"}},
    # an attachment grows (its page shows its size, though the item's file is unchanged); an item is deleted
    {"write": {"disclosures/2024/plan.pdf": "%PDF-1.4 preview test, a longer version\n" * 40},
     "delete": ["disclosures/2024/00004.md"]},
    # a pass that stops with an error (a hand-written page names an unknown marker), then one that works
    {"write": {"docs/guide.md": "# 指南\n\n<!-- gongkai:no-such-marker -->\n",
               "disclosures/2024/00003.md": item(3, title="失败时改的标题", related=["XMFAO/2024-00002"])},
     "fails": True},
    {"write": {"docs/guide.md": GUIDE}},
    # an item's date moves it to another year's listing and feeds; the new year's only item goes again
    {"write": {"disclosures/2024/00005.md": item(5, date_written="2023-05-01", date_published="2023-05-02")},
     "delete": ["disclosures/2025/00001.md"]},
]


def test_the_preview_after_edits_is_byte_for_byte_a_clean_build_of_the_same_sources(tmp_path):
    (tmp_path / "edited").mkdir()
    (tmp_path / "clean").mkdir()
    edited = make_repo(tmp_path / "edited", seed=True)
    for n in range(1, 6):
        write_item(edited, f"XMFAO/2024-{n:05d}", text=item(n))
    write_item(edited, "XMFAO/2024-00003", text=item(3, related=["XMFAO/2024-00002"]))
    write_item(edited, "XMFAO/2024-00006", text=item(6).replace(
        "\n---\n\n", "\nattachments:\n  - file: plan.pdf\n    title: 计划\n---\n\n", 1))
    (edited / "disclosures/2024/plan.pdf").write_text("%PDF-1.4 preview test\n", encoding="utf-8")
    preview_build(edited, tmp_path / "preview", EDITS)

    clean = make_repo(tmp_path / "clean", seed=True)
    for path in sorted((edited / "disclosures").rglob("*")):
        if path.is_file():
            target = clean / path.relative_to(edited)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    preview_build(clean, tmp_path / "fresh")

    rebuilt, fresh = files(tmp_path / "preview"), files(tmp_path / "fresh")
    stale, missing = sorted(rebuilt.keys() - fresh.keys()), sorted(fresh.keys() - rebuilt.keys())
    assert not stale and not missing, f"stale after the edits: {stale}; missing: {missing}"
    different = [name for name in fresh if rebuilt[name] != fresh[name]]
    assert different == []
    page = rebuilt["disclosures/2024/00003/index.html"].decode("utf-8")
    assert "预览改过的标题" in page and "预览第2号" not in page and "失败时改的标题" in page  # the cross-item change reached it
    assert "with English" in rebuilt["disclosures/2024/00001/index.html"].decode("utf-8")
    assert "disclosures/2024/00004/index.html" not in rebuilt


def test_a_hand_written_page_is_converted_again_when_a_file_it_links_to_is_gone(tmp_path):
    root = make_repo(tmp_path, seed=True)
    for n in (1, 2):
        write_item(root, f"XMFAO/2024-{n:05d}", text=item(n))
    (root / "docs/links.md").write_text("# 链接\n\n[第2号](disclosures/2024/00002.md)\n", encoding="utf-8")
    preview_build(root, tmp_path / "site", [
        {"write": {"disclosures/2024/00001.md": item(1, body="改过的正文。\n")}},  # the page's conversion is kept
        {"delete": ["disclosures/2024/00002.md"], "fails": True},  # its link's target is gone: strict stops
        {"write": {"docs/links.md": "# 链接\n\n没有链接了。\n"}},
    ])
    assert "没有链接了" in (tmp_path / "site/links/index.html").read_text(encoding="utf-8")
