"""``cluster-workbench [open FILE]``: the desktop application (imports Qt lazily)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("open", help="open a layout file in the workbench")
    p.add_argument("file", help="layout file (.yaml)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from workbench.app import run_app
    return run_app(args.file)


def open_default() -> int:
    from workbench.app import run_app
    return run_app(None)
