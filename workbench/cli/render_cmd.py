"""``cluster-workbench render FILE -o OUT.png``: the window showing a design, as a picture.

Rendering is offscreen whatever the machine has, so it runs on servers and
in CI; Qt is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from engine.atomic_file import check_writable
from engine.catalog import load_catalog
from engine.layout import load_design
from workbench.cli.language_flag import add_language_flag

_SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


EXAMPLES = (
    "cluster-workbench render examples/llama3-16k-h100-roce.yaml -o window.png --panels --heat",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="layout file (.yaml)")
    p.add_argument("-o", "--output", required=True, help="image file to write (.png)")
    p.add_argument("--size", default="1600x1000", type=size,
                   help="window size in pixels, WxH (default 1600x1000)")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--panels", action="store_true",
                   help="show every analysis panel (bandwidth, iteration time, memory, "
                        "configurations, scaling, cost, reliability) under the canvas")
    p.add_argument("--heat", action="store_true",
                   help="colour the links by their load (the canvas heat overlay)")
    add_language_flag(p)
    p.add_argument("--compare", action="store_true",
                   help="dock the comparison of the file's scenarios under the canvas")


def size(text: str) -> tuple[int, int]:
    match = _SIZE.match(text.strip())
    if not match or not all(200 <= int(v) <= 10000 for v in match.groups()):
        raise argparse.ArgumentTypeError(f"size must be WxH, each 200 to 10000 pixels, "
                                         f"got {text!r}")
    return int(match.group(1)), int(match.group(2))


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    design = load_design(args.file, catalog)      # a bad file fails before Qt starts
    check_writable(args.output)                   # and so does an output that cannot be
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from workbench.canvas.offscreen import quiet_offscreen_warnings
    from workbench.shell.render import render_window_to
    quiet_offscreen_warnings()
    width, height = render_window_to(args.output, design, Path(args.file), args.size, catalog,
                                     theme=args.theme, panels=args.panels, heat=args.heat,
                                     compare=args.compare, language=args.lang)
    print(f"{args.output}: {width}x{height}")
    return 0
