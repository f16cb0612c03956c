"""The preview's wrappers of MkDocs and mkdocs-static-i18n functions that make the same things again on
every pass of ``mkdocs serve``. What they keep, and the rule for keeping it (every input equal, compared in
full), is in :mod:`gongkai.preview`; this module only plugs those stores into MkDocs' own functions, so it
goes when MkDocs does. ``gongkai_hooks`` calls :func:`install` once the preview starts and gives each
hand-written page :func:`render_kept` as its ``render``.

The wrappers stay installed for the life of the process, so each one asks :func:`install`'s ``serving``
and does exactly what MkDocs does whenever that says no (a build after a preview in the same process).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from gongkai import preview

_serving: Callable[[], bool] = lambda: False  # noqa: E731 (replaced by install)


def install(serving: Callable[[], bool]) -> None:
    """Wrap mkdocs-static-i18n's file making and MkDocs' theme listing; ``serving()`` says whether the
    wrappers keep anything."""
    global _serving
    _serving = serving
    _keep_i18n_files()
    _keep_theme_files()


def _keep_i18n_files() -> None:
    """In the preview, mkdocs-static-i18n's files come from :data:`gongkai.preview.I18N_FILES`: its
    ``create_i18n_file`` reads only the file's source and destination paths, its inclusion, the languages and
    the configuration's folders, so a file kept under exactly those is the one it would make again. So does
    whether a file is in the docs folder (``is_relative_to`` of two paths, asked for every file)."""
    from mkdocs_static_i18n import reconfigure, suffix

    create, relative = _unwrapped(suffix.create_i18n_file), _unwrapped(reconfigure.is_relative_to)

    @functools.wraps(create)
    def kept(file, current_language, default_language, all_languages, config):
        if not _serving():
            return create(file, current_language, default_language, all_languages, config)
        # a destination not worked out yet (not in the file's __dict__) is the one its source path, name and
        # use_directory_urls give: all are in the key, so it is left to the plugin to work out (on a miss)
        given = file.__dict__
        key = (file.src_uri, given.get("dest_uri"), given.get("name"), file.use_directory_urls, file.inclusion,
               current_language, default_language, tuple(all_languages), config.docs_dir, config.site_dir,
               config.use_directory_urls)
        return preview.I18N_FILES.get(
            key, lambda: create(file, current_language, default_language, all_languages, config), _fresh_i18n_file)

    @functools.wraps(relative)
    def kept_relative(path, folder):
        if not _serving() or not isinstance(path, str) or not isinstance(folder, str):
            return relative(path, folder)
        return preview.I18N_FILES.get(("relative", path, folder), lambda: relative(path, folder), bool)

    suffix.create_i18n_file, reconfigure.is_relative_to = kept, kept_relative


def _keep_theme_files() -> None:
    """In the preview, the names of the theme's files come from :data:`gongkai.preview.THEME_FILES` while no
    folder of the theme changed; MkDocs still decides which of them the site gets, as on every pass."""
    from mkdocs.structure.files import Files

    add = _unwrapped(Files.add_files_from_theme)

    @functools.wraps(add)
    def kept(self, env, config):
        folders = getattr(env.loader, "searchpath", None)
        if not _serving() or not isinstance(folders, list):
            return add(self, env, config)
        listed = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            key = (tuple(folders), None if extensions is None else tuple(extensions),
                   tuple(sorted(config.theme.static_templates)))  # what MkDocs' filter reads of the config
            return preview.THEME_FILES.get(key, folders, lambda: listed(extensions, filter_func))

        env.list_templates = list_templates
        try:
            return add(self, env, config)
        finally:
            del env.list_templates

    Files.add_files_from_theme = kept


def _unwrapped(function):
    """``function`` as MkDocs or the plugin has it, not as an earlier preview in this process wrapped it."""
    return getattr(function, "__wrapped__", function)


def _fresh_i18n_file(kept: File) -> File:
    """A copy of a kept file that the plugin and MkDocs may change (its alternates, its page)."""
    file = object.__new__(type(kept))  # what copy.copy does, without its generic protocol (a copy for every file)
    file.__dict__.update(kept.__dict__)
    file.alternates = {kept.locale_alternate_of: file}
    return file



_PURE_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html", "abbr",
                              "def_list", "footnotes", "sane_lists", "smarty", "meta"})
"""Python-Markdown's extensions that read nothing but the page's Markdown and their settings."""


def render_kept(page, config, files):
    """``Page.render`` for a hand-written page in the preview: the previous pass's HTML, table of contents,
    title and anchors when the Markdown (markers expanded), the page's place, the Markdown settings and every
    file its links named are equal; else MkDocs' own, kept unless it logged something (a link to warn about)."""
    inputs = (page.markdown, page.file.src_uri, page.file.url, page.file.inclusion, list(config["markdown_extensions"]),
              config["mdx_configs"], config.use_directory_urls, str(config["validation"]))
    key = (page.file.src_uri, page.file.url)  # a page without translation is converted in both languages
    kept = preview.CONVERTED.get(key)
    if kept is not None and kept[0] == inputs and all(_found(files.get_file_from_path(path)) == found
                                                      for path, found in kept[1].items()):
        page.content, page.toc, page._title_from_render, anchors, links = kept[2]
        page.present_anchor_ids = set(anchors)
        if links is not None:
            page.links_to_anchors = {files.get_file_from_path(src): dict(named) for src, named in links.items()}
        return
    preview.CONVERTED.pop(key, None)
    lookups, logged = _Lookups(files), _Logged()
    logs = [logging.getLogger(name) for name in ("mkdocs.structure.pages", "MARKDOWN")]
    for log_ in logs:
        log_.addHandler(logged)
    try:
        Page.render(page, config, lookups)
    finally:
        for log_ in logs:
            log_.removeHandler(logged)
    if logged.records or None in lookups.found.values() or not _PURE_EXTENSIONS.issuperset(inputs[4]):
        return
    links = page.__dict__.get("links_to_anchors")
    links = None if links is None else {target.src_uri: dict(named) for target, named in links.items()}
    preview.CONVERTED[key] = (inputs, lookups.found, (
        page.content, page.toc, page._title_from_render, frozenset(page.present_anchor_ids), links))


def _found(file: File | None) -> tuple | None:
    return None if file is None else (file.src_uri, file.url, file.inclusion)


class _Lookups:
    """The documentation files, recording what each lookup of a path found (``Page.render`` looks up the
    file of every relative link)."""

    def __init__(self, files) -> None:
        self.files, self.found = files, {}

    def get_file_from_path(self, path: str):
        file = self.files.get_file_from_path(path)
        self.found[path] = _found(file)
        return file

    def __getattr__(self, name: str):
        return getattr(self.files, name)


class _Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
