"""What the window cannot write it says, once, with what to do: autosave into a folder that
cannot be written, a report, a plot's picture or numbers. The conditions are real (a
regular file where a folder should be works even for root, whom chmod does not stop)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from widgets.content.selection import Selection


def _delete_first_node(window) -> None:
    window.editor.binder.select(Selection(nodes=[window.document.design.nodes[0].id]))
    window.actions.delete.trigger()


def test_an_autosave_that_cannot_write_says_so_once(make_window, starter, tmp_path):
    (tmp_path / "recovery").write_text("a file where the recovery folder goes")
    window = make_window(starter)          # starts all the same
    _delete_first_node(window)
    window.autosaver.save_now()
    dialog = window.files.last_error
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Autosave failed"
    session = window.recovery.session
    assert dialog.lines() == [f"{tmp_path}/recovery/{session}.yaml: cannot write: "
                              f"{tmp_path}/recovery is a file, not a folder; choose another "
                              "folder"]
    assert "Save the design" in dialog.message.text()
    dialog.accept()
    _delete_first_node(window)
    window.autosaver.save_now()
    assert window.files.last_error is dialog               # not on every edit
    assert not dialog.isVisible()
    assert window.isWindowModified()


def test_a_report_that_cannot_be_written_is_said_before_it_is_built(window, tmp_path,
                                                                     monkeypatch):
    (tmp_path / "plain").write_text("a regular file")
    target = tmp_path / "plain" / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.scenario_actions.export_report.trigger()
    dialog = window.files.last_error
    assert dialog.windowTitle() == "Could not export the report"
    assert dialog.lines() == [f"{target}: cannot write: {tmp_path}/plain is a file, not a "
                              "folder; choose another folder"]
    dialog.accept()


def test_a_plot_export_that_cannot_be_written_opens_one_dialog(window, tmp_path):
    (tmp_path / "plain").write_text("a regular file")
    panel = window.panels["reliability"]
    for kind in ("png", "svg", "csv"):
        target = tmp_path / "plain" / f"goodput.{kind}"
        assert not panel.export_file(kind, target)
        assert panel.last_error.isVisible()
        assert panel.last_error.windowTitle() == f"Could not export {kind.upper()}"
        assert panel.last_error.lines() == [f"{target}: cannot write: {tmp_path}/plain is a "
                                            "file, not a folder; choose another folder"]
        panel.last_error.accept()
    assert panel.export_file("csv", tmp_path / "goodput.csv")
    assert (tmp_path / "goodput.csv").read_text().startswith("series,")
