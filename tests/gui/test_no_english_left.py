"""In zh_CN the window's chrome says nothing in English: every menu and action (text and
status tip), dock title, button, check box, label, placeholder and tooltip of the window,
the sweep window and the presentation, the tiles' and comparison rows' labels, and what
the tiles' and the comparison's tooltips say of a figure (its band, its notes, why it is
missing). Names the user or the catalog gave (designs, scenarios, hardware, models, switch
boxes), what the engine puts in its phrases as written (catalog notes, measurement ids),
abbreviations and units are allowed as written."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMenu, QWidget

from engine.evaluate import evaluate
from engine.headline import headline
from engine.phrases import Phrase
from widgets.elided_label import ElidedLabel
from widgets.inspector import Inspector
from workbench.i18n.language import CHINESE, ENGLISH, use_language

#: Words that stay as written in Chinese texts (product and format names, abbreviations,
#: units, the collectives' names, keys).
ALLOWED = {
    "cluster", "workbench", "nvlink", "roce", "infiniband", "nccl", "tests", "busbw", "algbw",
    "mfu", "hfu", "pue", "tdp", "zero", "flashattention", "dualpipe", "mla", "ffn", "dropout",
    "tflop", "pflop", "kwh", "cny", "usd", "csv", "png", "svg", "parquet", "yaml", "yml",
    "html", "token", "tokens", "ctrl", "esc", "shift", "reduce", "gather", "scatter",
    "all", "torus", "scale", "daly", "young", "sweep", "tpot", "ttft", "gib", "gpu", "gpus",
    "bf16", "fp16", "fp8", "cost", "basis", "server", "offline", "interactive", "min",
    "rank", "yyyy", "english", "ampere", "hopper", "blackwell", "infragraph", "astra", "sim",
}
WORD = re.compile(r"[A-Za-z][A-Za-z]{2,}")
#: Setting keys and command-line flags, which a person types as written.
KEY = re.compile(r"(?<![\w-])--[a-z][\w-]*|\b\w+(?:[._]\w+)+\b")


def english_words(text: str, names: set[str]) -> list[str]:
    """The English words of ``text`` that are neither allowed nor part of a name (an
    elided name, "…" at its end, counts as the name)."""
    if text.endswith("…"):
        text = text[:-1].rstrip()
        cut = next((k for k in range(len(text)) if len(text) - k > 8
                    and any(name.startswith(text[k:]) for name in names)), len(text))
        text = text[:cut]
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    text = KEY.sub(" ", text)
    return [w for w in WORD.findall(text) if w.lower() not in ALLOWED]


@pytest.fixture
def chinese(open_what_if):
    window = open_what_if()
    use_language(CHINESE)
    yield window
    use_language(ENGLISH)


def _names(window) -> set[str]:
    """What the user and the catalog named: designs, scenarios, hardware, models, and what
    the engine's phrases hold as written (switch box ids, catalog notes, measurement ids)."""
    doc = window.document
    names = {d.name for d in doc.scenarios} | {window.files.display_name()}
    names |= {str(path) for path in window.settings.recent_files()}
    for design in doc.scenarios:
        names |= {n.label for n in design.nodes} | {n.hardware for n in design.nodes}
        names |= {g.name for g in design.groups} | {design.workload.model}
        names |= {n.id for n in design.nodes}
        names |= {design.description, design.source}
    catalog = window.catalog
    for design in doc.scenarios:
        for figure in headline(evaluate(design, catalog)):
            for text in (figure.missing, figure.unfit, figure.note, *figure.notes):
                names |= _as_written(text)
    names |= {a.name for a in catalog.accelerators.values()}
    names |= {a.id for a in catalog.accelerators.values()}
    names |= {m.name for m in catalog.models.values()} | set(catalog.models)
    names |= {f"{link.name} ({link.id})" for link in catalog.links.values()} | set(catalog.links)
    return {n for n in names if n}


def _as_written(text: str) -> set[str]:
    """The values a phrase holds that are not phrases themselves (names, ids, the catalog's
    own notes), at any depth."""
    if not isinstance(text, Phrase):
        return set()
    return set().union(*(_as_written(v) if isinstance(v, Phrase) else {str(v)}
                         for v in text.values.values()))


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text the workbench itself writes on ``root``: labels, buttons and their
    tooltips, placeholders, menus and their actions (not the tooltips that carry what the
    engine writes of a figure or a setting: its notes, help and sources)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()}"
        if isinstance(widget, QAbstractButton) and not _in_inspector(widget):
            found.append((f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, ElidedLabel) and widget.isVisibleTo(root):
            found.append((where, widget.full_text()))   # what is cut shows in its tooltip
        elif isinstance(widget, QLabel | QAbstractButton) and widget.isVisibleTo(root):
            found.append((where, widget.text()))
        if isinstance(widget, QLineEdit):
            found.append((f"{where} placeholder", widget.placeholderText()))
        if isinstance(widget, QMenu):
            found.append((f"{where} menu", widget.title()))
    for menu in root.findChildren(QMenu):
        for action in menu.actions():
            found += [(f"action {action.text()}", action.text()),
                      (f"action {action.text()} tip", action.statusTip())]
    return [(where, text) for where, text in found if text]


def _in_inspector(widget: QWidget) -> bool:
    """The inspector's editors and their help carry the engine's setting docs and sources."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, Inspector):
            return True
        parent = parent.parentWidget()
    return False


def test_the_window_speaks_chinese(chinese, qtbot):
    window = chinese
    window.show_comparison()
    qtbot.waitUntil(window.is_idle, timeout=60_000)
    names = _names(window)
    texts = _texts(window)
    texts += [("dock", d.windowTitle()) for d in [*window.docks,
                                                   *window.analysis_docks.values()]]
    texts += [("menu bar", a.text()) for a in window.menuBar().actions()]
    texts += [("tile", label) for label in window.summary.tile_values()]
    texts += [(f"tile {name} tooltip", tip) for name, tip in window.summary.tile_tooltips().items()]
    table = window.comparison_view.table
    texts += [("comparison row", row[0]) for row in table.cell_texts()]
    texts += [("comparison tooltip", tip) for row in table.cell_tooltips() for tip in row]
    texts += [("comparison header tooltip", tip) for tip in table.header_tooltips()]
    texts += [("verdict", window.comparison_view.verdict.text()),
              ("caption", window.comparison_view.caption.text())]
    sweep = window.show_sweep()
    texts += _texts(sweep)
    show = window.comparison.present()
    texts += _texts(show) + [("presentation", show.windowTitle())]
    show.close()
    left = sorted({f"{where}: {text!r} ({', '.join(words)})" for where, text in texts
                   if (words := english_words(text, names))})
    sweep.close()
    assert not left, "still English in zh_CN:\n" + "\n".join(left)
