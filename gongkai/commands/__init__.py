"""Subcommands of the ``gongkai`` command line, one module each.

Each module defines ``NAME``, ``HELP`` (Chinese / English), ``add_arguments(parser)``
and ``run(args) -> int`` (the exit status).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..config import load_config
from ..office import Config
from ..problems import Problems


def office_config(root: Path) -> Config | None:
    """The office's catalogue.yml for a command, or None after printing every problem it has."""
    problems = Problems()
    config = load_config(root, problems)
    if config is None:
        print(problems.report(), file=sys.stderr)
    return config
