"""The zh_CN translation is complete, compiled from the current .ts, and lists every text
of the engine's registry."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from workbench.i18n.catalogue import catalogue_source, engine_texts
from workbench.i18n.language import translation_file

I18N = Path(__file__).resolve().parents[2] / "workbench" / "i18n"
TS = I18N / "zh_CN.ts"


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(context.findtext("name") or "", message.findtext("source") or "",
             message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


def test_every_text_is_translated():
    unfinished = [f"{context}: {source!r}" for context, source, translation in _messages()
                  if translation.get("type") in ("unfinished", "vanished", "obsolete")
                  or not (translation.text or "").strip()]
    assert not unfinished, "untranslated in zh_CN.ts:\n" + "\n".join(unfinished)


def test_placeholders_survive_translation():
    """A translation keeps every {name} of its source, so .format() still fills it."""
    import re
    field = re.compile(r"\{[^{}]*\}")
    wrong = [f"{context}: {source!r}" for context, source, translation in _messages()
             if sorted(field.findall(source)) != sorted(field.findall(translation.text or ""))]
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    fresh = tmp_path / "zh_CN.qm"
    subprocess.run([str(tool), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert translation_file("zh_CN").read_bytes() == fresh.read_bytes(), \
        "zh_CN.qm is older than zh_CN.ts: run make translations"


def test_the_engine_catalogue_is_current():
    assert (I18N / "engine_texts.py").read_text(encoding="utf-8") == catalogue_source(), \
        "engine_texts.py is behind the engine's registry: run make translations"
    sources = {source for context, source, _ in _messages() if context == "engine"}
    assert set(engine_texts()) <= sources, "run make translations"


def test_the_qm_is_package_data():
    import tomllib
    config = tomllib.loads((I18N.parents[1] / "pyproject.toml").read_text())
    assert "i18n/*.qm" in config["tool"]["setuptools"]["package-data"]["workbench"]


def test_the_ts_lists_every_text_the_code_marks(tmp_path):
    """lupdate over the code finds nothing the .ts lacks (run make translations if it does)."""
    copy = tmp_path / "zh_CN.ts"
    copy.write_bytes(TS.read_bytes())
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    root = I18N.parents[1]
    subprocess.run([str(tool), "-extensions", "py", "-no-obsolete", "-locations", "none",
                    "widgets", "workbench", "-ts", str(copy)], cwd=root, check=True,
                   capture_output=True)
    def texts(path: Path) -> set[tuple[str, str]]:
        root_ = ET.parse(path).getroot()
        return {(c.findtext("name"), m.findtext("source"))
                for c in root_.iter("context") for m in c.iter("message")}
    assert texts(copy) == texts(TS), "zh_CN.ts is behind the code: run make translations"
