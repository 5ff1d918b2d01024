"""The ``cluster-workbench`` command.

Headless subcommands (``catalog``, ``evaluate`` ...) import the engine only,
never Qt, so they start fast and run on machines with no display. The GUI
subcommands import the application lazily. A user's mistake (bad file, flag
or value) prints one line per problem on stderr and exits 2; a file that
cannot be written (no such folder, read-only, disk full) prints one line and
exits 1; there is no traceback unless the program itself is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from engine.atomic_file import WriteError
from engine.errors import EngineError, InputError
from workbench.cli import (
    calibrate_cmd,
    catalog_cmd,
    collective_cmd,
    compare_cmd,
    estimate_cmd,
    evaluate_cmd,
    export_cmd,
    gui_cmd,
    import_cmd,
    render_cmd,
    report_cmd,
    search_cmd,
    serve_cmd,
    summarise_cmd,
    sweep_cmd,
)

COMMANDS = (gui_cmd, catalog_cmd, evaluate_cmd, collective_cmd, estimate_cmd, search_cmd,
            serve_cmd, compare_cmd, render_cmd, report_cmd, sweep_cmd, summarise_cmd,
            export_cmd, import_cmd, calibrate_cmd)
EXIT_USAGE = 2
EXIT_WRITE = 1


class UsageError(Exception):
    """A flag or value the user gave is wrong."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cluster-workbench",
                     description="Design AI training clusters and see what they do.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(args_list)
        if args.command is None:
            return gui_cmd.open_default()
        return int(args.run(args) or 0)
    except UsageError as exc:
        print(f"cluster-workbench: {exc}", file=sys.stderr)
    except WriteError as exc:
        print(f"cluster-workbench: {exc}", file=sys.stderr)
        return EXIT_WRITE
    except InputError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
    except (EngineError, ValueError) as exc:
        print(f"cluster-workbench: {exc}", file=sys.stderr)
    except BrokenPipeError:
        return 0
    return EXIT_USAGE
