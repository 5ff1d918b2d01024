"""``cluster-workbench [open FILE]``: the desktop application (imports Qt lazily).

``open`` reads the file before any window appears, so a bad file fails like
every other command: one line per problem on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from engine.layout import load_design


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("open", help="open a layout file in the workbench")
    p.add_argument("file", help="layout file (.yaml)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    design = load_design(args.file)
    from workbench.shell.app import run_app
    return run_app(design, Path(args.file).resolve())


def open_default() -> int:
    from workbench.shell.app import run_app
    return run_app(None, None)
