"""Subcommands of the ``gongkai`` command line, one module each.

Each module defines ``NAME``, ``HELP`` (Chinese / English), ``add_arguments(parser)``
and ``run(args) -> int`` (the exit status).
"""
