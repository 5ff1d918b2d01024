"""The workbench window: the canvas in the middle, panels around it, files and autosave.

The window wires parts together and owns no design logic: the document
holds the design and its scenarios, the canvas editor, inspector binder and
scenario binder turn gestures into commands, the analysis pipeline computes
off the UI thread (the live evaluator asks it after each edit), the
analysis panels show the engine's curves, the comparison panel compares the
scenarios, the file controller loads and saves. Panel layout, recent
files, the theme and the heat overlay are remembered in the settings object
it is given.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from engine.atomic_file import WriteError, check_writable
from engine.catalog import Catalog
from engine.design import Design
from engine.errors import InputError
from widgets.app_theme import apply_theme
from widgets.canvas.heat import HeatLegend
from widgets.canvas.theme import CanvasTheme
from widgets.canvas.view import layout_files
from widgets.comparison_view import ComparisonView
from widgets.inspector import Inspector
from widgets.language import follow_language
from widgets.palette import Palette
from widgets.scenario_tabs import ScenarioTabs
from widgets.summary import SummaryPanel
from workbench.analysis import panel_layout, summary_rows
from workbench.analysis.live_evaluation import LiveEvaluator
from workbench.analysis.live_stages import labelled, live_stages
from workbench.analysis.measurements import Measurements
from workbench.analysis.panels import AnalysisPanels
from workbench.analysis.pipeline import AnalysisPipeline, Done
from workbench.canvas.catalog_model import PAYLOAD_ROLE, SEARCH_ROLE, CatalogModel
from workbench.canvas.editor import CanvasEditor
from workbench.comparison.panel import ComparisonPanel
from workbench.document.app_settings import AppSettings
from workbench.document.commands import ReplaceDesignCommand
from workbench.document.document import Document
from workbench.document.files import FileController
from workbench.document.interop_files import InteropController
from workbench.document.recovery import Autosaver, Recovered, RecoveryStore
from workbench.i18n import language
from workbench.inspector.binder import InspectorBinder
from workbench.report.build import write_report
from workbench.scenarios.binder import ScenarioBinder
from workbench.scenarios.overlay import ScenarioOverlay
from workbench.shell.actions import build_actions, paint_icons
from workbench.shell.heap import freeze_open_design, thaw
from workbench.shell.menus import build_menus, build_toolbar, canvas_menu
from workbench.shell.scenario_actions import build_scenario_actions
from workbench.sweep.window import SweepWindow

APP_TITLE = "Cluster Workbench"
#: Said in English whatever the language: without a CJK font Chinese would be boxes.
NO_CJK_FONT = ("No Chinese font is installed, so Chinese texts show as boxes: install "
               "fonts-noto-cjk (Debian, Ubuntu) or google-noto-sans-cjk-fonts (Fedora).")
REPORT_FILTER = QT_TRANSLATE_NOOP("MainWindow", "HTML reports (*.html *.htm)")


Dock = Qt.DockWidgetArea


class MainWindow(QMainWindow):
    """One window editing one document."""

    def __init__(self, catalog: Catalog, settings: QSettings,
                 recovery: RecoveryStore | None = None,
                 new_design: Callable[[], Design] = language.new_design) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.setAcceptDrops(True)
        self.catalog = catalog
        self.settings = AppSettings(settings)
        self.recovery = recovery
        self.document = Document(catalog, new_design(), parent=self)
        self.editor = CanvasEditor(self.document, CanvasTheme.from_palette(self.palette()), self)
        self.scenario_tabs = ScenarioTabs()
        self.setCentralWidget(self._centre(self.scenario_tabs, self.editor.view))
        self.palette_panel = Palette(CatalogModel(catalog), PAYLOAD_ROLE, SEARCH_ROLE)
        self.inspector = Inspector()
        self.summary = SummaryPanel()
        self.comparison_view = ComparisonView()
        self.history = QUndoView(self.document.undo_stack)
        self.pipeline = AnalysisPipeline(live_stages(), parent=self)
        self.evaluator = LiveEvaluator(self.document, self.pipeline, self)
        self.panels = AnalysisPanels(self.document, self.pipeline, self.editor.binder,
                                     HeatLegend(self.editor.view), self)
        panel_layout.take_corners(self)
        self.docks = [
            self._dock("palette", QT_TRANSLATE_NOOP("Panels", "Palette"), self.palette_panel,
                       Dock.LeftDockWidgetArea),
            self._dock("history", QT_TRANSLATE_NOOP("Panels", "History"), self.history,
                       Dock.LeftDockWidgetArea),
            self._dock("figures", QT_TRANSLATE_NOOP("Panels", "All Figures"),
                       self.summary.details, Dock.LeftDockWidgetArea),
            self._dock("summary", QT_TRANSLATE_NOOP("Panels", "Estimates"), self.summary,
                       Dock.RightDockWidgetArea),
            self._dock("inspector", QT_TRANSLATE_NOOP("Panels", "Inspector"), self.inspector,
                       Dock.RightDockWidgetArea)]
        self.tabifyDockWidget(self.docks[0], self.docks[1])
        self.tabifyDockWidget(self.docks[0], self.docks[2])
        self.docks[0].raise_()
        self.analysis_docks = {spec.name: self._dock(spec.name, spec.title,
                                                     panel_layout.scrolled(self.panels[spec.name]),
                                                     Dock.BottomDockWidgetArea)
                               for spec in self.panels.set.specs}
        panel_layout.tabbed(self, self.analysis_docks, self.panels.set.specs)
        self.comparison_dock = self._dock("comparison", QT_TRANSLATE_NOOP("Panels", "Comparison"),
                                          panel_layout.scrolled(self.comparison_view),
                                          Dock.BottomDockWidgetArea)
        self.comparison_dock.hide()
        self.docks.append(self.comparison_dock)
        self.files = FileController(self, self.document, catalog, self.settings, new_design)
        self.interop = InteropController(self, self.document, catalog, self.files)
        self.measurements = Measurements(self.document, self.pipeline, self.panels["bandwidth"],
                                         self.files, self)
        self.inspector_binder = InspectorBinder(self.document, self.inspector,
                                                self.editor.binder.selection)
        self.editor.selection_changed.connect(self.inspector_binder.refresh)
        self.scenario_binder = ScenarioBinder(self.document, self.scenario_tabs)
        self.comparison = ComparisonPanel(self.document, self.evaluator, self.pipeline,
                                          self.comparison_view, self._comparison_title, self)
        self.overlay = ScenarioOverlay(self.pipeline, self.panels.set, self)
        self.sweep: SweepWindow | None = None
        self.autosaver = Autosaver(self.document, recovery, self) if recovery else None
        if self.autosaver is not None:
            self.autosaver.failed.connect(self._autosave_failed)
        self.actions = build_actions(self, self.document.undo_stack)
        self.scenario_actions = build_scenario_actions(self)
        self.recent_menu = build_menus(self, self.actions,
                                       [*self.docks, *self.analysis_docks.values()],
                                       self.scenario_actions)
        build_toolbar(self, self.actions)
        self.context_menu = canvas_menu(self, self.actions)
        self._zoom_label = QLabel()
        self._estimate_label = QLabel()
        self.statusBar().addPermanentWidget(self._estimate_label)
        self.statusBar().addPermanentWidget(self._zoom_label)
        self._connect()
        self._font_told = False
        self._evaluated: Done | None = None
        follow_language(self, self._name_parts)
        self._attached = True
        self._default_state = self.saveState(panel_layout.LAYOUT_VERSION)
        self._restore_layout()
        self._update_recent_menu()
        self._update_title()
        self.actions.heat.setChecked(self.settings.heat_overlay())
        self.evaluator.evaluate_now()

    # -- wiring -----------------------------------------------------------------------

    @staticmethod
    def _centre(tabs: QWidget, canvas: QWidget) -> QWidget:
        """The scenario tabs over the canvas."""
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(tabs)
        layout.addWidget(canvas, 1)
        return centre

    def _dock(self, name: str, title: str, widget: QWidget, area: Dock) -> QDockWidget:
        """A dock titled ``title`` (context "Panels") in the chosen language."""
        dock = QDockWidget(self)
        dock.setObjectName(f"{name}-dock")
        follow_language(dock, lambda: dock.setWindowTitle(
            QCoreApplication.translate("Panels", title)))
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        a, editor, files = self.actions, self.editor, self.files
        a.new.triggered.connect(files.new)
        a.open.triggered.connect(files.open_dialog)
        a.save.triggered.connect(files.save)
        a.save_as.triggered.connect(files.save_as)
        a.import_design.triggered.connect(self.interop.import_dialog)
        a.export_infragraph.triggered.connect(lambda: self.interop.export_dialog("infragraph"))
        a.export_astra.triggered.connect(lambda: self.interop.export_dialog("astra-sim"))
        a.import_measurements.triggered.connect(self.measurements.import_dialog)
        a.clear_measurements.triggered.connect(self.measurements.clear)
        a.quit.triggered.connect(self.close)
        a.cut.triggered.connect(editor.cut_selection)
        a.copy.triggered.connect(editor.copy_selection)
        a.paste.triggered.connect(editor.paste)
        a.delete.triggered.connect(editor.delete_selection)
        a.select_all.triggered.connect(editor.select_all)
        a.group.triggered.connect(editor.group_selection)
        a.ungroup.triggered.connect(editor.ungroup_selection)
        a.collapse.triggered.connect(editor.toggle_selected_groups)
        a.zoom_in.triggered.connect(editor.view.zoom_in)
        a.zoom_out.triggered.connect(editor.view.zoom_out)
        a.zoom_fit.triggered.connect(editor.fit)
        a.zoom_actual.triggered.connect(editor.view.reset_zoom)
        a.snap.toggled.connect(self._set_snap)
        a.heat.toggled.connect(self._set_heat)
        a.reset_layout.triggered.connect(self._reset_layout)
        a.about.triggered.connect(self._about)
        for name, action in a.arrange.items():
            action.triggered.connect(lambda _=False, n=name: editor.arrange(n))
        for name, action in a.themes.items():
            action.setChecked(name == self.settings.theme())
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
        for name, action in a.languages.items():
            action.setChecked(name == self.settings.language())
            action.triggered.connect(lambda _=False, n=name: self.set_language(n))
        doc = self.document
        doc.path_changed.connect(self._update_title)
        doc.modified_changed.connect(self._update_title)
        doc.settings_changed.connect(self._update_title)
        doc.design_replaced.connect(lambda _: QTimer.singleShot(0, editor.fit))
        doc.design_replaced.connect(lambda _: QTimer.singleShot(0, freeze_open_design))
        editor.message_posted.connect(self._show_message)
        editor.view.zoom_changed.connect(self._on_zoom_changed)
        editor.view.files_dropped.connect(self._open_dropped)
        editor.context_menu_requested.connect(self.context_menu.popup)
        files.message_posted.connect(self._show_message)
        files.recent_changed.connect(self._update_recent_menu)
        self.interop.message_posted.connect(self._show_message)
        self.measurements.message_posted.connect(self._show_message)
        self.palette_panel.part_activated.connect(editor.add_part_at_centre)
        self.pipeline.lane("evaluation").answered.connect(self._on_evaluated)
        self.evaluator.pending_changed.connect(self._on_pending_changed)
        self.panels.message_posted.connect(self._show_message)
        self._connect_scenarios()

    def _connect_scenarios(self) -> None:
        s, binder = self.scenario_actions, self.scenario_binder
        s.duplicate.triggered.connect(lambda: binder.duplicate())
        s.rename.triggered.connect(binder.edit_active_name)
        s.delete.triggered.connect(lambda: binder.delete())
        s.next.triggered.connect(lambda: binder.step(1))
        s.previous.triggered.connect(lambda: binder.step(-1))
        s.compare.triggered.connect(self.show_comparison)
        s.present.triggered.connect(lambda: self.comparison.present())
        s.sweep.triggered.connect(self.show_sweep)
        s.export_report.triggered.connect(self._export_report)
        s.overlay.toggled.connect(self.overlay.set_enabled)
        s.overlay.toggled.connect(lambda _: self._update_scenario_actions())
        binder.message_posted.connect(self._show_message)
        binder.duplicated.connect(self.show_comparison)
        self.comparison.scenario_requested.connect(binder.show_scenario)
        self.comparison_dock.visibilityChanged.connect(self.comparison.set_visible)
        self.document.scenarios_changed.connect(self._update_scenario_actions)
        self._update_scenario_actions()

    def show_sweep(self) -> SweepWindow:
        """The sweep window for the shown scenario (one, kept while the window lives)."""
        if self.sweep is None:
            self.sweep = SweepWindow(self.document, self)
        self.sweep.refresh()
        self.sweep.show()
        self.sweep.raise_()
        return self.sweep

    def _export_report(self) -> None:
        """File > Export Report: the scenarios as they are now (saved or not), as the
        ``report`` command writes them; a second or two under a busy cursor."""
        doc = self.document
        stem = doc.path.stem if doc.path else "design"
        start = (doc.path.parent if doc.path else Path.cwd()) / f"{stem}-report.html"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), str(start),
                                              self.tr(REPORT_FILTER))
        if not name:
            return
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".html")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            check_writable(path)                 # before the seconds the report takes
            write_report(labelled(doc.scenarios), doc.catalog, path,
                         [self.files.display_name()])
        except WriteError as exc:
            self.files.show_problems(self.tr("Could not export the report"),
                                     self.tr("No report was written; choose another file or "
                                             "folder."), [str(exc)])
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_message(self.tr("Report written to {path}").format(path=path))

    def _autosave_failed(self, line: str) -> None:
        self.files.show_problems(
            self.tr("Autosave failed"),
            self.tr("Unsaved changes are not being kept for recovery after a crash. Save the "
                    "design (File > Save or Save As) to keep them; autosave tries again after "
                    "each edit and says nothing more until it works."), [line])

    def _comparison_title(self) -> str:
        """The scenarios by name, as a presentation's title."""
        names = [d.name for d in self.document.scenarios]
        return self.tr(" vs ").join(names) if len(names) <= 4 else self.files.display_name()

    def show_comparison(self) -> None:
        """The comparison, as one more tab beside the panels the first time it is shown."""
        if self.dockWidgetArea(self.comparison_dock) == Dock.BottomDockWidgetArea \
                and not self.tabifiedDockWidgets(self.comparison_dock):
            panel_layout.beside_panels(self, self.analysis_docks, self.panels.set.specs,
                                       self.comparison_dock)
            panel_layout.size_tabbed(self, self.analysis_docks, self.panels.set.specs)
        self.comparison_dock.show()
        self.comparison_dock.raise_()
        panel_layout.drop_stale_tab_bars(self)

    def _update_scenario_actions(self) -> None:
        several = len(self.document.scenarios) > 1
        self.scenario_actions.delete.setEnabled(several)
        self.comparison.set_overlaid(several and self.scenario_actions.overlay.isChecked())

    # -- files ------------------------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        return self.files.open_path(path)

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest unsaved work back; True if it was restored."""
        if self.recovery is None:
            return False
        orphans = self.recovery.orphans()
        if not orphans:
            return False
        latest = orphans[0]
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(latest.saved_at))
        name = latest.original.name if latest.original else self.tr("an untitled design")
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Recover unsaved work"),
            self.tr("Cluster Workbench closed unexpectedly while {name} had unsaved changes "
               "(autosaved {when}). Restore them?").format(name=name, when=when),
            buttons.Yes | buttons.No, buttons.Yes)
        restored = answer == buttons.Yes and self._restore(self.recovery, latest)
        self.recovery.discard(latest)
        return restored

    def _restore(self, store: RecoveryStore, recovered: Recovered) -> bool:
        """The file it came from (if it still loads), then the unsaved changes as one step."""
        try:
            design = store.load(recovered, self.catalog)
        except InputError as exc:
            self.files.show_problems(self.tr("Could not restore"),
                                     self.tr("The autosaved design is damaged."), exc.lines())
            return False
        original = recovered.original
        if not (original and original.exists()
                and self.files.open_path(original, confirmed=True)):
            self.document.load(Design(), None)
        self.document.push(lambda d: ReplaceDesignCommand(d, design,
                                                          self.tr("Restore unsaved changes")))
        return True

    def _open_dropped(self, paths: list[str]) -> None:
        if paths:
            self.files.open_path(Path(paths[0]))

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files():
            action = self.recent_menu.addAction(path.name)
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _open_recent(self, path: Path) -> None:
        if not path.exists():
            self.settings.remove_recent(path)
            self._update_recent_menu()
            self._show_message(self.tr("{path} no longer exists").format(path=path))
            return
        self.files.open_path(path)

    # -- window -------------------------------------------------------------------------

    def set_theme(self, theme: str) -> None:
        self.settings.set_theme(theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    def set_language(self, choice: str) -> None:
        """Speak ``choice`` ("system", "en" or "zh_CN") at once, and from now on."""
        self.settings.set_language(choice)
        language.use_language(language.resolve(choice))

    def _name_parts(self) -> None:
        """The window's own texts in the chosen language (the parts set theirs)."""
        self.history.setEmptyLabel(self.tr("<opened>"))
        self._update_title()
        self._on_pending_changed(not self.evaluator.is_idle())
        if self._evaluated is not None:
            self._on_evaluated(self._evaluated)
        if not self._font_told and language.current_language() != language.ENGLISH \
                and not language.has_chinese_font():
            self._font_told = True
            self.statusBar().showMessage(NO_CJK_FONT)

    def shutdown(self) -> None:
        """Remember the panel layout; leave no recovery files; stop a sweep and the
        analysis pipeline, so no worker thread runs Python while it shuts down (on close
        and on quit); give its design's frozen objects back to the collector."""
        self.settings.save_window_state(self.saveGeometry(),
                                        self.saveState(panel_layout.LAYOUT_VERSION))
        if self.sweep is not None:
            self.sweep.runner.cancel()
        self.pipeline.close()
        if self._attached:
            self.editor.detach()
            self._attached = False
        if self.recovery is not None:
            self.recovery.close()
            self.recovery = None
        thaw()

    def is_idle(self) -> bool:
        """Every analysis shows the current design's answer (none scheduled or running)."""
        return self.evaluator.is_idle() and self.pipeline.is_idle()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def showEvent(self, event: QShowEvent) -> None:
        """The default dock sizes follow the window's size when it first appears (no saved
        layout was restored)."""
        super().showEvent(event)
        if self._size_docks_when_shown:
            self._size_docks_when_shown = False
            self._default_sizes()
        panel_layout.drop_stale_tab_bars(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.editor.scene.set_theme(CanvasTheme.from_palette(self.palette()))
            paint_icons(self.actions, self.palette().windowText().color())
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if layout_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self._open_dropped(layout_files(event.mimeData()))
        event.acceptProposedAction()

    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(panel_layout.first_size(self.screen().availableGeometry().size()))
        self._size_docks_when_shown = state is None or not self.restoreState(
            state, panel_layout.LAYOUT_VERSION)

    def _default_sizes(self) -> None:
        palette, _, _, summary, inspector, _ = self.docks
        self.resizeDocks([palette, summary], [panel_layout.SIDE_WIDTH,
                                              panel_layout.RIGHT_WIDTH],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([summary, inspector], [summary.widget().sizeHint().height(),
                                                self.height()], Qt.Orientation.Vertical)
        panel_layout.size_tabbed(self, self.analysis_docks, self.panels.set.specs)

    def _reset_layout(self) -> None:
        self.restoreState(self._default_state, panel_layout.LAYOUT_VERSION)
        self._default_sizes()

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*] - {APP_TITLE}")
        self.setWindowModified(self.document.is_modified())

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _on_zoom_changed(self, zoom: float) -> None:
        self._zoom_label.setText(f"{zoom * 100:.0f} %")

    def _on_evaluated(self, done: Done) -> None:
        self._evaluated = done
        self.summary.set_tiles(summary_rows.tiles(done.value))
        self.summary.set_details(summary_rows.details(done.value))
        self.summary.set_status(self.tr("Estimated in {ms:.0f} ms").format(ms=done.seconds * 1e3))

    def _on_pending_changed(self, pending: bool) -> None:
        self._estimate_label.setText(self.tr("Estimating…") if pending else "")

    def _set_snap(self, on: bool) -> None:
        self.editor.scene.snap_enabled = on

    def _set_heat(self, on: bool) -> None:
        self.panels.set_heat(on)
        self.settings.set_heat_overlay(on)

    def _about(self) -> None:
        QMessageBox.about(self, APP_TITLE, self.tr("<b>Cluster Workbench</b><p>Design AI training "
                                              "clusters and see, as you edit, what they can "
                                              "do.</p>"))

