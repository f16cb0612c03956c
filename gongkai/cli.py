"""The ``gongkai`` command line. Each subcommand lives in ``gongkai/commands/``."""

from __future__ import annotations

import argparse
import sys

from .commands import check, cms_config, import_files, new, report, translations

COMMANDS = (check, new, import_files, translations, report, cms_config)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="gongkai", description="政府信息公开网站工具 / tools for the disclosure site")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return top


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A Windows console may not encode every character a file contains: never fail on printing.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = parser().parse_args(argv)
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
