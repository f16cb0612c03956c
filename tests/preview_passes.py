"""Build a repository as the editors' preview does, in one process that lives across rebuilds.

    python tests/preview_passes.py ROOT SITE_DIR [STEPS.json]

The first pass builds everything (``mkdocs serve``'s first build); then, for each step of STEPS.json
(``{"write": {path: text}, "delete": [path, ...], "fails": true}``, paths relative to ROOT), the files
are changed and the site is rebuilt into the same SITE_DIR with ``--dirty`` (a step with ``fails`` must
stop with an error, after which the preview goes on, as ``mkdocs serve`` does), through the same MkDocs calls and plugin
events as ``mkdocs serve --dirty`` (a fresh configuration per rebuild, one process, so that everything
the core remembers between passes is used). Exits non-zero when a pass fails.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


def one_pass(root: Path, site_dir: Path, dirty: bool) -> None:
    if dirty and "--dirty" not in sys.argv:
        sys.argv.append("--dirty")  # mkdocs-static-i18n reads it for its other-language passes
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, dirty=dirty)


def main() -> None:
    root, site_dir = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    steps = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8")) if len(sys.argv) > 3 else []
    del sys.argv[1:]
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    one_pass(root, site_dir, dirty=False)
    for step in steps:
        for rel, text in step.get("write", {}).items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        for rel in step.get("delete", []):
            (root / rel).unlink()
        try:
            one_pass(root, site_dir, dirty=True)
        except MkDocsException:
            if not step.get("fails"):
                raise
        else:
            if step.get("fails"):
                sys.exit(f"the pass of {step} did not fail")


if __name__ == "__main__":
    main()
