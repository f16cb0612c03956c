"""The MkDocs adapter: thin, and it never shows an editor a traceback."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest
from mkdocs.exceptions import PluginError

from conftest import BUILD_EPOCH, REPO, build, make_repo, site_texts, write_item
from gongkai.site import load_site


def _hooks():
    """The hook module loaded as MkDocs loads it: with its folder on sys.path (for its sibling module)."""
    spec = importlib.util.spec_from_file_location("gongkai_hooks", REPO / "hooks/gongkai_hooks.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(REPO / "hooks"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(REPO / "hooks"))
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


def _many_items(tmp_path, count: int = 12):
    root = make_repo(tmp_path)
    for n in range(1, count + 1):
        write_item(root, f"XMFAO/2024-{n:05d}", title=f"测试条目{n}",
                   translation=f"---\ntitle: Item {n}\n---\n\nBody {n}.\n" if n % 2 else None)
    return root


def test_generated_pages_are_rendered_in_forked_processes_with_the_same_bytes(tmp_path, monkeypatch):
    root = _many_items(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    generated = len(load_site(root).pages)  # items, listings, statistics pages, in both languages
    sites = {}
    for processes in ("2", "1"):
        monkeypatch.setenv("GONGKAI_PROCESSES", processes)
        result = build(root, tmp_path / f"site-{processes}")
        assert result.returncode == 0, result.stderr
        sites[processes] = {path: text for path, text in site_texts(tmp_path / f"site-{processes}").items()
                            if not path.startswith("pagefind/")}  # Pagefind's entry files vary (compare_builds)
        logged = re.search(r"gongkai: (\d+) generated pages rendered in batches, (\d+) of them in (\d+) forked "
                           r"processes", result.stderr)
        assert logged, result.stderr
        pages, forked, children = map(int, logged.groups())
        assert pages == generated
        # a child per language, except while the Chinese index's Pagefind run takes the second core: when the
        # English pages come first depends on the machine's load, so one child or two
        if processes == "2":
            assert forked > 0 and children in (1, 2), (forked, children)
        else:
            assert (forked, children) == (0, 0)
    assert sites["2"] == sites["1"]
    assert "disclosures/2024/00012/index.html" in sites["2"]


def test_a_page_that_fails_in_a_forked_process_stops_the_build_with_a_short_message(tmp_path, monkeypatch):
    root = _many_items(tmp_path)
    main = root / "overrides/main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block content %}",
        "{% block content %}{% if page and page.url.startswith('disclosures/') %}"
        "{{ page.no_such_method() }}{% endif %}"),
        encoding="utf-8")
    monkeypatch.setenv("GONGKAI_PROCESSES", "2")
    result = build(root, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "internal error in gongkai, nothing was built" in result.stderr
    failed = re.findall(r"^  (disclosures/2024/\d+\.md): UndefinedError: 'mkdocs.structure.pages.Page object' has "
                        r"no attribute 'no_such_method'$", result.stderr, re.M)
    assert failed == [f"disclosures/2024/{n:05d}.md" for n in range(12, 0, -1)], result.stderr


def test_the_preview_keeps_the_i18n_plugins_files_and_gives_a_fresh_copy_of_each(tmp_path, monkeypatch):
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs_static_i18n import reconfigure, suffix

    from gongkai import preview

    monkeypatch.setattr(suffix, "create_i18n_file", suffix.create_i18n_file)  # put back after the test
    monkeypatch.setattr(reconfigure, "is_relative_to", reconfigure.is_relative_to)
    monkeypatch.setattr(Files, "add_files_from_theme", Files.add_files_from_theme)
    monkeypatch.setattr(preview, "I18N_FILES", preview.Kept())
    hooks = _hooks()
    hooks.on_startup(command="serve", dirty=True)
    try:
        config = MkDocsConfig()
        config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
        config.validate()

        def made(src: str, lang: str) -> File:
            file = File(src, config.docs_dir, config.site_dir, True)
            return suffix.create_i18n_file(file, lang, "zh", ["zh", "en"], config)

        first, again = made("disclosures/2024/00001.en.md", "en"), made("disclosures/2024/00001.en.md", "en")
        assert preview.I18N_FILES.made == 1 and again is not first
        assert vars(again).keys() == vars(first).keys()
        assert [getattr(again, k) for k in vars(first) if k != "alternates"] == \
               [getattr(first, k) for k in vars(first) if k != "alternates"]
        assert again.url == "en/disclosures/2024/00001/" and again.locale == "en"
        assert first.alternates == {"en": first} and again.alternates == {"en": again}  # each its own
        assert made("disclosures/2024/00001.en.md", "zh").dest_uri == "disclosures/2024/00001/index.html"
        assert preview.I18N_FILES.made == 2  # another language: another file
        moved = File("disclosures/2024/00001.en.md", config.docs_dir, config.site_dir, True, dest_uri="x/index.html")
        assert suffix.create_i18n_file(moved, "en", "zh", ["zh", "en"], config).url == "en/x/"
        assert preview.I18N_FILES.made == 3  # another destination: another file
        preview.I18N_FILES.next_pass()
        preview.I18N_FILES.next_pass()  # two passes that never asked for it: made again
        made("disclosures/2024/00001.en.md", "en")
        assert preview.I18N_FILES.made == 4
        inside = reconfigure.is_relative_to(str(tmp_path / "docs" / "a.md"), config.docs_dir)
        assert inside is True and reconfigure.is_relative_to("/elsewhere/a.md", config.docs_dir) is False
        assert reconfigure.is_relative_to(str(tmp_path / "docs" / "a.md"), config.docs_dir) is True
        assert preview.I18N_FILES.made == 6
    finally:
        hooks.on_startup(command="build", dirty=False)
    made("disclosures/2024/00001.en.md", "en")  # a build makes every file
    assert preview.I18N_FILES.made == 6


def test_the_preview_lists_the_theme_files_again_only_when_a_theme_folder_changed(tmp_path, monkeypatch):
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from gongkai import preview

    root = make_repo(tmp_path)
    monkeypatch.setattr(Files, "add_files_from_theme", Files.add_files_from_theme)  # put back after the test
    monkeypatch.setattr(preview, "THEME_FILES", preview.FolderListings())

    def theme_files() -> list[tuple[str, str]]:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        files = Files([])
        files.add_files_from_theme(config.theme.get_env(), config)
        return sorted((f.src_uri, f.abs_src_path) for f in files)

    expected = theme_files()
    hooks = _hooks()
    hooks.on_startup(command="serve", dirty=True)
    try:
        assert theme_files() == expected and theme_files() == expected and preview.THEME_FILES.made == 1
        (root / "overrides" / "assets").mkdir(parents=True, exist_ok=True)
        (root / "overrides" / "assets" / "gk-new.js").write_text("// new\n", encoding="utf-8")
        again = theme_files()
        assert preview.THEME_FILES.made == 2 and ("assets/gk-new.js", str(root / "overrides/assets/gk-new.js")) in again
    finally:
        hooks.on_startup(command="build", dirty=False)
    assert theme_files() == again and preview.THEME_FILES.made == 2  # a build lists them itself
