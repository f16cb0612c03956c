"""The preview's reuse of each unchanged item's check (``load_catalogue(..., reuse=True)``).

After every edit, the catalogue and the problems must be exactly those of a fresh load of the same
files, whatever was reused; and an item whose inputs did not change is not checked again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUILD_DAY, item_text, make_repo, write_item

from gongkai import item_jobs, loader

CHECKED: list[str] = []


@pytest.fixture
def counted(monkeypatch):
    """Records the original of each item the loader checks."""
    real = item_jobs._check_job

    def check_job(root, config, original_rel, *rest):
        CHECKED.append(original_rel)
        return real(root, config, original_rel, *rest)

    CHECKED.clear()
    monkeypatch.setattr(item_jobs, "_check_job", check_job)
    return CHECKED


def load(root: Path, reuse: bool):
    return loader.load_catalogue(root, BUILD_DAY, reuse=reuse, partial=True)


def reload(root: Path, checked: list[str]):
    """The reusing load after an edit, which must equal a fresh load; the items it checked again."""
    checked.clear()
    reused = load(root, True)
    again = list(checked)
    fresh = load(root, False)
    assert reused[1].items == fresh[1].items
    assert reused[0].items == fresh[0].items
    return reused, again


def with_attachment(n: int) -> str:
    return item_text(f"XMFAO/2024-{n:05d}", title=f"第{n}号").replace(
        "\n---\n\n", "\nattachments:\n  - file: plan.pdf\n    title: 计划\n---\n\n", 1)


def test_only_changed_items_are_checked_again_and_the_result_is_a_fresh_load(tmp_path, counted):
    root = make_repo(tmp_path)
    for n in range(1, 5):
        write_item(root, f"XMFAO/2024-{n:05d}", title=f"第{n}号")
    write_item(root, "XMFAO/2024-00005", text=with_attachment(5))
    (root / "disclosures/2024/plan.pdf").write_bytes(b"%PDF-1.4 small\n")
    load(root, True)
    assert len(counted) == 5

    write_item(root, "XMFAO/2024-00002", title="第2号改过", body="<span onclick=\"x()\">改过</span>\n")
    reused, again = reload(root, counted)
    assert again == ["disclosures/2024/00002.md"]
    assert "unsafe-html" in {p.code for p in reused[1].items if p.path == "disclosures/2024/00002.md"}

    write_item(root, "XMFAO/2024-00003", text=item_text("XMFAO/2024-00001", title="第3号"))  # a copied number
    reused, again = reload(root, counted)
    assert again == ["disclosures/2024/00003.md"]
    assert "index-no-mismatch" in {p.code for p in reused[1].items if p.path == "disclosures/2024/00003.md"}

    (root / "disclosures/2024/plan.pdf").write_bytes(b"%PDF-1.4 grown\n" * 1000)  # only the attachment changes
    reused, again = reload(root, counted)
    assert again == ["disclosures/2024/00005.md"]
    assert next(i for i in reused[0].items if i.index_no == "XMFAO/2024-00005").attachments[0].size == 15000

    (root / "disclosures/2024/plan.pdf").unlink()
    reused, again = reload(root, counted)
    assert again == ["disclosures/2024/00005.md"]
    assert "attachment" in {p.code for p in reused[1].items if p.path == "disclosures/2024/00005.md"}

    reused, again = reload(root, counted)
    assert again == []


def test_a_change_to_catalogue_yml_checks_every_item_again(tmp_path, counted):
    root = make_repo(tmp_path)
    for n in range(1, 4):
        write_item(root, f"XMFAO/2024-{n:05d}", title=f"第{n}号")
    load(root, True)
    counted.clear()
    config = root / "disclosures/catalogue.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    load(root, True)
    assert counted == []  # the same configuration, only a comment more
    config.write_text(config.read_text(encoding="utf-8").replace("xmfao", "xmfao2", 1), encoding="utf-8")
    load(root, True)
    assert len(counted) == 3
