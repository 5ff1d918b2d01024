"""Render every example the way the window shows it, into docs/images/<example>.png, and the
what-if example's comparison, presentation and a sweep.

Run ``python scripts/screenshots.py`` (or ``make screenshots``); the README's
pictures are among these, so they always match what the app draws. The
16,384-GPU example is also drawn with every analysis panel in view and the
heat overlay on (``<example>-panels.png``); the what-if example with its
scenarios overlaid in the panels the same way, with its comparison docked
(``compare-what-ifs.png``), its presentation's two slides and a sweep of
its accelerator count; the what-if example in the default layout at
three common screen sizes (``window-<W>x<H>.png``); and its comparison in
Simplified Chinese (``compare-what-ifs-zh_CN.png``), drawn only where a font
with Chinese characters is installed (fonts-noto-cjk), never as boxes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"
SIZE = (1600, 1000)
PANELS = ("llama3-16k-h100-roce", "what-if-a800-h800-h20")
PANELS_SIZE = (2560, 1600)
COMPARE_SIZE = (1600, 1100)
#: The default layout as it first opens on common screens (docs/gui.md).
SCREENS = ((1366, 768), (1440, 900), (1920, 1080))
WHAT_IF = ROOT / "examples" / "what-if-a800-h800-h20.yaml"


def main() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QImage

    from engine.catalog import load_catalog
    from engine.layout import load_design
    from engine.sweep import ACCELERATORS
    from widgets.image_file import write_image
    from workbench.canvas.offscreen import application, quiet_offscreen_warnings
    from workbench.i18n.language import CHINESE, has_chinese_font
    from workbench.shell.render import render_presentation, render_sweep, render_window

    quiet_offscreen_warnings()
    catalog = load_catalog()
    OUT.mkdir(parents=True, exist_ok=True)

    def window(layout: Path, size: tuple[int, int], **options: bool | str) -> Callable[[], QImage]:
        return lambda: render_window(load_design(str(layout), catalog), layout, size, catalog,
                                     **options)

    shots: list[tuple[str, Callable[[], QImage]]] = [
        (f"{layout.stem}.png", window(layout, SIZE))
        for layout in sorted((ROOT / "examples").glob("*.yaml"))]
    shots += [(f"{name}-panels.png", window(ROOT / "examples" / f"{name}.yaml", PANELS_SIZE,
                                            panels=True, heat=True))
              for name in PANELS]
    shots += [(f"window-{w}x{h}.png", window(WHAT_IF, (w, h), tabs=True))
              for w, h in SCREENS]
    what_if = load_design(str(WHAT_IF), catalog)
    shots += [
        ("compare-what-ifs.png", window(WHAT_IF, COMPARE_SIZE, compare=True)),
        ("presentation-table.png",
         lambda: render_presentation(what_if, WHAT_IF, SIZE, catalog, slide=0)),
        ("presentation-charts.png",
         lambda: render_presentation(what_if, WHAT_IF, SIZE, catalog, slide=9)),  # the last
        ("sweep-a800-accelerators.png",
         lambda: render_sweep(what_if, WHAT_IF, (1400, 860), catalog, ACCELERATORS,
                              256, 16384, 7, True)),
    ]
    application()
    if has_chinese_font():
        shots.append(("compare-what-ifs-zh_CN.png",
                      window(WHAT_IF, COMPARE_SIZE, compare=True, language=CHINESE)))
    else:
        print("compare-what-ifs-zh_CN.png skipped: no Chinese font (install fonts-noto-cjk)")
    for name, render in shots:
        image = render()
        target = OUT / name
        write_image(image, target)
        print(f"{target.relative_to(ROOT)}  {image.width()}x{image.height()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
