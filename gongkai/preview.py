"""The editors' preview (``mkdocs serve``): what differs from a full build.

The preview leaves out the search index (:data:`gongkai.search.PREVIEW_REPORT`; the search page says
so) and reloads the browser after a rebuild with :data:`LIVERELOAD_SCRIPT`, a file served from the
site, instead of MkDocs' inline script, which the pages' Content-Security-Policy refuses: the policy of
the built pages stays exactly as strict in the preview. Nothing here reaches a built site.
"""

from __future__ import annotations

from importlib import resources

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
