"""``cluster-workbench [open FILE]``: the desktop application (imports Qt lazily).

``open`` reads the file before any window appears, so a bad file fails like
every other command: one line per problem on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from engine.design import Design
from engine.layout import load_design
from workbench.cli import desktop_check


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("open", help="open a layout file in the workbench")
    p.add_argument("file", help="layout file (.yaml)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    design = load_design(args.file)
    return _start(design, Path(args.file).resolve())


def open_default() -> int:
    return _start(None, None)


def _start(design: Design | None, path: Path | None) -> int:
    """Open the window, or say which system libraries Qt lacks instead of Qt's abort."""
    problem = desktop_check.check(os.environ)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    from workbench.shell.app import run_app
    return run_app(design, path)
