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

EXAMPLES = (
    "cluster-workbench open examples/what-if-a800-h800-h20.yaml",
    "cluster-workbench            # no command: the built-in starter design",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="layout file (.yaml)")


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
