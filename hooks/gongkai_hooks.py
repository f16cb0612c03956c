"""MkDocs adapter for gongkai. It only routes build events to the core.

mkdocs-static-i18n runs every event once per language; everything here is
idempotent. ``on_config`` resolves the :class:`~gongkai.site.Site` once per
pass (``load_site`` reuses the parsed catalogue while no source changed) and
the page events ask for that same Site (``current_site``): checking the sources
for changes on every page event would cost O(pages x files).

``mkdocs build`` renders the generated pages (items, listings) in batches shared by forked processes
(:mod:`gongkai.parallel`): MkDocs renders an empty template for each (``_defer``), and ``_render`` does for
it what MkDocs would have done next. That part is MkDocs' own, so it lives here; it is why this module is
over 300 lines. The preview's wrappers of MkDocs' and mkdocs-static-i18n's own functions are in
``preview_wrappers`` beside this file.
"""

from __future__ import annotations

import functools
import logging
import os
import time
import traceback
from pathlib import Path

from mkdocs import utils as mkdocs_utils
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from gongkai import bodies, csp, parallel, preview, search_index
from gongkai.generated import page_markdown
from gongkai.problems import BuildStepError, SourceError
from gongkai.site import Site, UnknownMarker, current_site, load_site

import preview_wrappers  # beside this file: MkDocs loads a hook with its folder on sys.path

log = logging.getLogger("mkdocs.hooks.gongkai")


def _root(config) -> Path:
    return _folder_of(config.config_file_path)


@functools.lru_cache(maxsize=4)
def _folder_of(config_file: str) -> Path:
    """The repository root of ``mkdocs.yml`` (resolved once: every page event asks)."""
    return Path(config_file).resolve().parent


_serving = [False]
"""Whether MkDocs runs ``serve`` (the editors' preview); set by on_startup."""

DEFERRED = "gk-deferred.html"
"""The template (empty) MkDocs renders for a generated page of ``mkdocs build``: the page's own template is
rendered later with the same context, in a batch shared by forked processes (:func:`_render`)."""

_batching = [False]
"""Whether generated pages are rendered in batches: ``mkdocs build`` (set by on_startup), never the preview."""
_env: list = [None]
"""The theme's Jinja environment of this pass (on_env)."""
_own_templates: dict[str, str | None] = {}
"""A deferred page's own ``template:`` (None: MkDocs' main.html), until MkDocs reaches it (on_page_context)."""
_deferring: list = [None, ""]
"""The page whose empty template MkDocs renders now, and MkDocs' "Page skipped" line for it (not logged)."""


def _load(config) -> Site:
    try:
        return load_site(_root(config), config.site_url or "", preview=_serving[0])
    except SourceError as error:
        raise PluginError("gongkai: 内容检查未通过，未生成网站 / the content has errors, nothing was built:\n"
                          + error.problems.report()) from None


def _site(config) -> Site:
    return current_site(_root(config), config.site_url or "") or _load(config)


def _no_traceback(event):
    """An unexpected error in the core stops the build with a short message, never a traceback
    (editors read the build log); ``mkdocs build --verbose`` still logs the traceback for developers."""

    @functools.wraps(event)
    def guarded(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except PluginError:
            raise
        except Exception as error:  # noqa: BLE001 - turned into a build error on purpose
            log.debug(traceback.format_exc())
            raise PluginError(
                f"gongkai 内部错误，网站未生成；请把这条信息报告给维护人员 / internal error in gongkai, nothing was "
                f"built; please report this message to the maintainers: {type(error).__name__}: {error}") from None

    return guarded


def _lang(page) -> str:
    return "en" if page.file.dest_uri.startswith("en/") else "zh"


def _not_the_dirty_build_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _not_a_deferred_page(record: logging.LogRecord) -> bool:
    return not (_deferring[1] and record.getMessage() == _deferring[1])


def on_startup(command, dirty):
    _serving[0] = command == "serve"
    _batching[0] = not _serving[0]
    if _batching[0]:
        logging.getLogger("mkdocs.commands.build").addFilter(_not_a_deferred_page)
    if _serving[0]:
        preview_wrappers.install(lambda: _serving[0])
    if _serving[0] and dirty:
        # `make serve` rebuilds only what changed (mkdocs serve --dirty): the core tells MkDocs which
        # generated pages changed, so MkDocs' warning about inaccurate dirty builds does not apply, and
        # under strict it would stop every preview build.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_build_warning)


def on_serve(server, config, builder):
    """The preview reloads the browser with a script file the pages' policy allows, not MkDocs' inline one."""
    def inject(content: bytes, epoch: int) -> bytes:
        return preview.inject_livereload(content, server.mount_path, epoch, time.monotonic_ns())

    server._inject_js_into_html = inject  # the one place MkDocs adds its inline script
    return server


def on_env(env, config, files):
    _env[0] = env
    if _serving[0]:
        env.bytecode_cache = preview.TEMPLATES  # templates compiled once, not on every rebuild
    return env


@_no_traceback
def on_config(config):
    site = _load(config)
    theme = site.theme_data()  # footer, logo and favicon from catalogue.yml's portal:
    config.extra["gongkai"] = theme
    config.theme["logo"], config.theme["favicon"] = theme["logo"], theme["favicon"]


@_no_traceback
def on_files(files, config):
    i18n = config.plugins.get("i18n")
    if _serving[0] and i18n is not None and i18n.current_language in (None, i18n.default_language):
        preview.I18N_FILES.next_pass()  # each pass starts with the default language
    for file in [f for f in files if search_index.unused_theme_file(f.src_uri)]:
        files.remove(file)
    for page in _site(config).pages.values():
        if files.get_file_from_path(page.src_uri) is None:
            files.append(File(page.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-200)  # after mkdocs-static-i18n, which makes new File objects in on_files
@_no_traceback
def on_nav(nav, config, files):
    """In the preview (``mkdocs serve --dirty``) MkDocs rebuilds a page when ``file.is_modified()``: a
    generated page when the core says it changed (it has no source file for MkDocs to compare), a
    hand-written one always (its fragments, such as the latest items, read all the data)."""
    site = _site(config)
    if site.preview:
        for file in files.documentation_pages():
            file.is_modified = functools.partial(_preview_modified, file, site)
    return nav


def _preview_modified(file: File, site: Site) -> bool:
    return (not site.is_generated(file.src_uri) or not os.path.isfile(file.abs_dest_path)
            or site.changed(file.src_uri))


@_no_traceback
def on_page_read_source(page, config):
    generated = _site(config).pages.get(page.file.src_uri)
    return generated.markdown if generated else None


@_no_traceback
def on_page_markdown(markdown, page, config, files):
    site = _site(config)
    generated = site.pages.get(page.file.src_uri)
    if generated is not None:
        if generated.markdown_alone:  # converted by the core, without a Markdown converter for each page
            page.render = functools.partial(_render_alone, page)
        return markdown
    if site.preview:
        page.render = functools.partial(preview_wrappers.render_kept, page)
    try:
        return site.expand_markers(markdown, _lang(page), page.url)
    except UnknownMarker as error:
        raise PluginError(f"gongkai: docs/{page.file.src_uri}: 未知标记 / unknown marker "
                          f"<!-- gongkai:{error.args[0]} -->") from None


@_no_traceback
def _render_alone(page, config, files):
    """``Page.render`` for a generated page whose Markdown needs nothing of MkDocs (no link to resolve):
    the same HTML and table of contents, from the core's shared converter."""
    converter = page_markdown(config["markdown_extensions"], config["mdx_configs"] or {})
    page.content, tokens = converter.convert(page.markdown)
    page.toc = get_toc(tokens)
    page.present_anchor_ids = {anchor.id for anchor in _anchors(page.toc)}
    page.links_to_anchors = {}


def _anchors(toc):
    for anchor in toc:
        yield anchor
        yield from _anchors(anchor.children)


@_no_traceback
def on_page_content(html, page, config, files):
    """A generated page's large HTML blocks go back in where Python-Markdown left their placeholders; an
    item's body headings, which the toc extension never saw, make the page's table of contents. Wide
    tables go in scroll regions."""
    site = _site(config)
    generated = site.pages.get(page.file.src_uri)
    if generated is not None:
        if generated.headings:
            page.toc = get_toc(bodies.toc_tokens(generated.headings))
        html = generated.content(html)
        site.release(page.file.src_uri)
        if _batching[0] and not site.preview:
            _own_templates[page.file.src_uri] = page.meta.get("template")
            page.meta["template"] = DEFERRED  # MkDocs picks the template before on_page_context
        return html
    return site.page_html(html, _lang(page))


@event_priority(-50)
@_no_traceback
def on_page_context(context, page, config, nav):
    # The language switcher is drawn from gk_alternate (overrides/partials/alternate.html); Material's
    # <link rel="alternate" hreflang> tags are left out, because its JavaScript fetches a sitemap.xml
    # beside each (404s on every page). The sitemap.xml lists every page's hreflang alternates.
    # (the i18n plugin sets config.extra.alternate as an attribute, which templates read before the key)
    alternate = getattr(config.extra, "alternate", None)
    if not isinstance(alternate, list):  # a page the i18n plugin did not reconfigure: the language homes
        alternate = getattr(config.plugins.get("i18n"), "extra_alternate", None) or []
    context["gk_alternate"] = list(alternate)
    config.extra.alternate = config.extra["alternate"] = True
    if page.file.src_uri in _own_templates:
        _defer(page, context, config)
    return context


def _defer(page, context, config) -> None:
    """Keep a generated page with its finished context (the last plugin event before its template) for
    :data:`_batches`; MkDocs goes on with the empty template."""
    own = _own_templates.pop(page.file.src_uri)
    if own is None:
        page.meta.pop("template", None)
    else:
        page.meta["template"] = own
    template = _env[0].get_template(own or "main.html")
    page.active = False  # the batch may render other pages now; MkDocs' empty template needs nothing of it
    _batches.add((page, template, context, config))
    _deferring[0] = page


def _render(job) -> None:
    """The rest of MkDocs' ``_build_page`` (mkdocs/commands/build.py) for a deferred page: its template, every
    plugin's on_post_page, the file written as MkDocs writes it."""
    page, template, context, config = job
    page.active = True
    try:
        output = config.plugins.on_post_page(template.render(context), page=page, config=config)
        if output.strip():
            mkdocs_utils.write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
        else:
            logging.getLogger("mkdocs.commands.build").info(
                f"Page skipped: '{page.file.src_uri}'. Generated empty output.")
    finally:
        page.active = False


def _forget(job) -> None:
    job[0].markdown = job[0].content = ""  # as on_post_page does here: a child rendered it


_batches = parallel.Batches(_render, label=lambda job: job[0].file.src_uri, forget=_forget,
                            taken=search_index.runs_in_progress)
"""The deferred pages, rendered a batch at a time; the rest of each language's at its on_post_build."""


def _render_the_rest() -> None:
    """Render the pages still kept, wait for every process; stop the build if a page failed."""
    failures = _batches.flush()
    if failures:
        raise PluginError(
            "gongkai 内部错误，网站未生成；请把这条信息报告给维护人员 / internal error in gongkai, nothing was "
            "built; please report this message to the maintainers:\n"
            + "\n".join(f"  {failure.job}: {failure.error}" for failure in failures))


def on_template_context(context, template_name, config):
    if template_name == "404.html":  # its switcher leads to the other 404 (overrides/partials/alternate.html)
        config.extra.alternate = config.extra["alternate"] = True
    return context


@event_priority(-100)  # after every other plugin has changed the page
@_no_traceback
def on_post_page(output, page, config):
    """For a generated page this runs in whichever process renders it (often a forked child): it may change
    the page's HTML, never keep anything for later (what a child keeps is lost when it ends)."""
    if page is _deferring[0]:  # its empty template: MkDocs writes nothing
        _deferring[:] = [None, f"Page skipped: '{page.file.src_uri}'. Generated empty output."]
        return output
    page.markdown = page.content = ""  # rendered: MkDocs never reads them again, and they add up over a build
    return csp.apply(output)


@event_priority(-100)
@_no_traceback
def on_post_template(output_content, template_name, config):
    """Static templates: the 404 page gets the policy too (sitemap.xml is not HTML); each language's
    404 page is kept for the end of the build (every pass writes the same 404.html)."""
    if not template_name.endswith(".html"):
        return output_content
    output = csp.apply(output_content)
    if template_name == "404.html":
        _site(config).keep_error_page(config.theme["language"], output)
    return output


@event_priority(-90)  # before mkdocs-static-i18n (-100) starts the next language's pass
@_no_traceback
def on_post_build(config):
    _render_the_rest()  # before the search indexes this language's pages, and before its next pass
    site_dir = Path(config.site_dir)
    site = _site(config)
    if not site.language_written(site_dir, config.theme["language"]) and config.plugins.get("i18n") is not None:
        return  # the next language's pass ends the build
    counts = _batches.take_counts()
    if counts.jobs:
        log.info(f"gongkai: {counts.jobs} generated pages rendered in batches, {counts.forked_jobs} of them "
                 f"in {counts.children} forked processes")
    site.write_outputs(site_dir)
    try:
        for report in site.post_build(site_dir):
            log.info(f"gongkai: {report}")
    except BuildStepError as error:
        raise PluginError(f"gongkai: {error}") from None


def on_build_error(error):
    _batches.abandon()  # no process goes on writing pages after the build stopped
    _own_templates.clear()
