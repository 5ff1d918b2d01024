"""Bring the zh_CN translation up to date with the code: the engine's catalogue
(workbench/i18n/engine_texts.py), then ``pyside6-lupdate`` over widgets/ and workbench/
into workbench/i18n/zh_CN.ts (new texts come in unfinished, gone ones are dropped), then
``pyside6-lrelease`` into zh_CN.qm, which is committed and shipped as package data.

Run ``make translations`` after changing a text the GUI or the report shows, translate the
unfinished entries in the .ts (Qt Linguist, or any editor), and run it again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workbench.i18n.catalogue import catalogue_source

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "workbench" / "i18n"
TS = I18N / "zh_CN.ts"
TOOLS = Path(sys.executable).parent


def main() -> int:
    (I18N / "engine_texts.py").write_text(catalogue_source(), encoding="utf-8")
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-extensions", "py", "-no-obsolete",
                    "-locations", "none", "-source-language", "en", "-target-language",
                    "zh_CN", "widgets", "workbench", "-ts", str(TS)], cwd=ROOT, check=True)
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(TS), "-qm",
                    str(TS.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
