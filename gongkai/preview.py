"""The editors' preview (``mkdocs serve``): what differs from a full build.

The preview leaves out the search index (:data:`gongkai.search.PREVIEW_REPORT`; the search page says
so) and reloads the browser after a rebuild with :data:`LIVERELOAD_SCRIPT`, a file served from the
site, instead of MkDocs' inline script, which the pages' Content-Security-Policy refuses: the policy of
the built pages stays exactly as strict in the preview. Each rebuild reads the theme's templates
again; :data:`TEMPLATES` keeps them compiled between rebuilds. Nothing here reaches a built site.
"""

from __future__ import annotations

import os
from importlib import resources

import jinja2

from .html import esc

LIVERELOAD_SCRIPT = "gk-livereload.js"
"""Where the preview serves the reload script, relative to the site folder."""


def livereload_script() -> bytes:
    """The reload script's bytes (shipped in the package, not in docs/: a built site never has it)."""
    return resources.files("gongkai").joinpath("data/livereload.js").read_bytes()


def inject_livereload(page: bytes, mount_path: str, epoch: int, request: int) -> bytes:
    """``page`` with the reload script before its last ``</body>`` (at the end without one)."""
    tag = (f'<script src="{esc(mount_path.rstrip("/") + "/" + LIVERELOAD_SCRIPT)}" data-epoch="{int(epoch)}" '
           f'data-request="{int(request)}"></script>').encode("ascii")
    end = page.rfind(b"</body>")
    end = len(page) if end < 0 else end
    return page[:end] + tag + page[end:]


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates as compiled by the preview's previous rebuilds (MkDocs makes a new Jinja
    environment for every rebuild and language). Jinja keys each by the template's name and file and
    checks a checksum of its source before using it: an edited template is compiled again."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.codes:
            bucket.bytecode_from_string(self.codes[bucket.key])  # reset by Jinja if the checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = _CompiledTemplates()
"""The preview's compiled templates (set as the theme environment's bytecode cache by the hook)."""


class Reuse:
    """What the previous preview pass made that this pass may take again, each result kept with everything it
    was made from (its inputs, compared whole with ``==``): a result is reused only when every input is equal,
    so nothing stale is served, and only the last pass's results are kept. Results of a pass that made none
    (it stopped before) are not lost: the pass before's are carried on. Everything is made again when
    ``config`` changed (what every result reads: catalogue.yml's labels and names, the site's URL, the day)."""

    def __init__(self, before: "Reuse | None", config: object) -> None:
        same = before is not None and before.config == config
        self.previous: dict = (before.current or before.previous) if same else {}
        self.config = config
        self.current: dict = {}
        self.found: dict = {}
        """What this pass found once for several results' inputs (an item's related items)."""
        self.reused = 0
        """How many results this pass took again (for tests and profiles)."""

    def get(self, key: object, inputs: tuple, make):
        """The result kept under ``key`` when it was made from ``inputs``, else ``make()``."""
        kept = self.previous.get(key)
        if kept is not None and kept[0] == inputs:
            self.reused += 1
            result = kept[1]
        else:
            result = make()
        self.current[key] = (inputs, result)
        return result


class Kept:
    """What a function made during the preview's last two passes, each result under the key of everything the
    function reads (so an equal key is an equal result), given out through ``fresh`` (a copy the caller may
    change). A result no pass asked for since the one before is forgotten (:meth:`next_pass`)."""

    def __init__(self) -> None:
        self.current: dict = {}
        self.previous: dict = {}
        self.made = 0
        """How many results were made rather than kept (for tests and profiles)."""

    def get(self, key: object, make, fresh):
        kept = self.current.get(key)
        if kept is None:
            kept = self.previous.get(key)
            if kept is None:
                kept = make()
                self.made += 1
            self.current[key] = kept
        return fresh(kept)

    def next_pass(self) -> None:
        self.previous, self.current = self.current, {}


I18N_FILES = Kept()
"""The files mkdocs-static-i18n makes for each language (set up by the hook): every pass it makes them all
again, one each for every page and language, most of a rebuild's time when one item is added."""


class FolderListings:
    """Lists of names made from what is in some folders, each kept with the modification time of every folder
    under them (a file added, removed or renamed changes its folder's, a folder added its parent's): a list is
    taken again only while every one of those folders is there with the same time."""

    def __init__(self) -> None:
        self.kept: dict = {}
        self.made = 0
        """How many lists were made rather than kept (for tests and profiles)."""

    def get(self, key: object, folders: list[str], make) -> list:
        kept = self.kept.get(key)
        if kept is not None and _same_times(kept[0]):
            return list(kept[1])
        times = {path: os.stat(path).st_mtime_ns for folder in folders if os.path.isdir(folder)
                 for path, _, _ in os.walk(folder)}  # before the list: a change meanwhile lists it again next time
        result = list(make())
        self.made += 1
        self.kept[key] = (times, result)
        return list(result)


def _same_times(times: dict[str, int]) -> bool:
    try:
        return all(os.stat(path).st_mtime_ns == time for path, time in times.items())
    except OSError:
        return False


THEME_FILES = FolderListings()
"""The theme's file names MkDocs lists on every pass (Material has over 14,000, mostly icons), by the hook."""


CONVERTED: dict = {}
"""A hand-written page's conversion by MkDocs in the preview's last pass that converted it, by its source path
and address (the hook's ``_render_kept``): its inputs, the files its links were looked up in and what they found,
the result."""
