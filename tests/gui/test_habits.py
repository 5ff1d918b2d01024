"""Habits people bring from other tools (issue 17 item 4), each checked on the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_ctrl_y_redoes_as_well_as_ctrl_shift_z(window, qtbot):
    doc = window.document
    window.editor.view.setFocus()
    for keys in ((Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
                 (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                  | Qt.KeyboardModifier.ShiftModifier)):
        window.actions.select_all.trigger()
        window.actions.delete.trigger()
        assert doc.design.nodes == ()
        doc.undo_stack.undo()
        assert doc.design.nodes != ()
        qtbot.keyClick(window.editor.view, *keys)
        assert doc.design.nodes == (), keys
        doc.undo_stack.undo()


def test_palette_search_matches_kind_vendor_and_fabric_words(window):
    palette = window.palette_panel
    palette.search.setText("switch")
    switches = palette.visible_entries()
    assert {"Quantum QM8700", "Quantum-2 QM9700", "Quantum-X800 Q3400-RA"} <= set(switches)
    assert "DGX H100" not in switches
    palette.search.setText("infiniband")
    assert {"Quantum-2 QM9700", "DGX H100"} <= set(palette.visible_entries())
    palette.search.setText("InfiniBand switch")
    assert "Quantum-2 QM9700" in palette.visible_entries()
    assert not {"DGX H100", "Spectrum-4 SN5600"} & set(palette.visible_entries())
    for word, entry in (("roce", "Spectrum-4 SN5600"), ("ethernet", "Spectrum-4 SN5600"),
                        ("nvlink", "DGX H100"), ("nvlink", "H100 SXM5 80GB"),
                        ("server", "DGX H100"), ("nvidia", "DGX H100")):
        palette.search.setText(word)
        assert entry in palette.visible_entries(), word
