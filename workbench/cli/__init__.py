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
import importlib
import sys
from collections.abc import Sequence

from engine.atomic_file import WriteError
from engine.errors import EngineError, InputError

# Every command: its name, its module (imported only when that command runs, so one
# command's start never pays for another's imports) and its line in the top-level help.
COMMANDS = (
    ("open", "gui_cmd", "open a layout file in the workbench"),
    ("catalog", "catalog_cmd", "list known accelerators, links, switches, models"),
    ("evaluate", "evaluate_cmd", "every estimate of a layout file"),
    ("collective", "collective_cmd", "time and bus bandwidth of a collective"),
    ("estimate", "estimate_cmd", "time to train a model on a machine or a layout file"),
    ("search", "search_cmd", "the best parallel configurations of a training job"),
    ("serve", "serve_cmd", "tokens per second, latency and cost of serving a model"),
    ("compare", "compare_cmd", "what-if table of several designs: time, cost, goodput"),
    ("render", "render_cmd", "render the window showing a layout file to a PNG"),
    ("report", "report_cmd", "an HTML report comparing designs (or a file's scenarios)"),
    ("sweep", "sweep_cmd", "evaluate a design space (axes of settings and parts) into a "
                           "Parquet or CSV file"),
    ("summarise", "summarise_cmd", "Pareto front and best per axis value of a sweep's "
                                   "results file"),
    ("export", "export_cmd", "write a design as an InfraGraph or ASTRA-sim inputs"),
    ("import", "import_cmd", "a layout from an NCCL topology file or an InfraGraph"),
    ("calibrate", "calibrate_cmd", "fit link efficiency and latency to nccl-tests results"),
)
EXIT_USAGE = 2
EXIT_WRITE = 1


class UsageError(Exception):
    """A flag or value the user gave is wrong."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        raise UsageError(message)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; only ``command``'s arguments (every command's when
    None) are added, so only its module is imported."""
    parser = _Parser(prog="cluster-workbench",
                     description="Design AI training clusters and see what they do.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name, module_name, help_line in COMMANDS:
        if command is not None and name != command:
            sub.add_parser(name, help=help_line)
            continue
        module = importlib.import_module(f"workbench.cli.{module_name}")
        examples = "\n".join(f"  {example}" for example in module.EXAMPLES)
        p = sub.add_parser(name, help=help_line, epilog=f"examples:\n{examples}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        named = [a for a in args_list if not a.startswith("-")][:1]
        command = named[0] if named and named[0] in {c[0] for c in COMMANDS} else ""
        args = build_parser(command).parse_args(args_list)
        if args.command is None:
            from workbench.cli.gui_cmd import open_default
            return open_default()
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
