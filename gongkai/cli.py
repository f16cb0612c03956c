"""The ``gongkai`` command line. Each subcommand lives in ``gongkai/commands/``."""

from __future__ import annotations

import argparse
import importlib
import sys

#: Each command's name and the module of ``gongkai/commands/`` that holds it, in the order of the help.
COMMANDS = {"check": "check", "new": "new", "import": "import_files", "translations": "translations",
            "report": "report", "cms-config": "cms_config"}


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``only`` (a command's name), only that command's module is imported (the
    others import what ``gongkai check`` never needs, such as the Word and PDF readers)."""
    top = argparse.ArgumentParser(prog="gongkai", description="政府信息公开网站工具 / tools for the disclosure site")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f".commands.{module_name}", __package__)
        assert module.NAME == name, (module.NAME, name)
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return top


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A Windows console may not encode every character a file contains: never fail on printing.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    words = sys.argv[1:] if argv is None else argv
    args = parser(words[0] if words and words[0] in COMMANDS else None).parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a file the commands did not expect to fail on: say which, never a traceback
        where = f"{exc.filename}：" if exc.filename else ""
        print(f"错误：{where}{exc.strerror or exc}\nError: {exc.filename or ''}{': ' if exc.filename else ''}"
              f"{exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
