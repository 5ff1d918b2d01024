"""The window's actions: names, platform-standard shortcuts, icons, tooltips.

Actions are created here and connected by the main window; menus, the
toolbar and the canvas context menu share the same objects, so a shortcut
or an enabled state is defined once. Their texts are marked for lupdate
(context "Actions") and set in the chosen language, again after every
change of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QStyle, QWidget

from widgets.action_icons import action_icon
from widgets.language import follow_language
from workbench.i18n.codes import CHOICES

Key = QKeySequence.StandardKey
CONTEXT = "Actions"

#: Arrange menu entries: (arrangement name in workbench.canvas.arrange, menu text, tip).
ARRANGE = (("left", QT_TRANSLATE_NOOP("Actions", "Align &Left"),
            QT_TRANSLATE_NOOP("Actions", "Align the selected boxes on the left")),
           ("center", QT_TRANSLATE_NOOP("Actions", "Align &Centre"),
            QT_TRANSLATE_NOOP("Actions", "Align the selected boxes on their centres")),
           ("right", QT_TRANSLATE_NOOP("Actions", "Align &Right"),
            QT_TRANSLATE_NOOP("Actions", "Align the selected boxes on the right")),
           ("top", QT_TRANSLATE_NOOP("Actions", "Align &Top"),
            QT_TRANSLATE_NOOP("Actions", "Align the selected boxes at the top")),
           ("middle", QT_TRANSLATE_NOOP("Actions", "Align &Middle"),
            QT_TRANSLATE_NOOP("Actions", "Align the selected boxes on their middles")),
           ("bottom", QT_TRANSLATE_NOOP("Actions", "Align &Bottom"),
            QT_TRANSLATE_NOOP("Actions", "Align the selected boxes at the bottom")),
           ("distribute-horizontally", QT_TRANSLATE_NOOP("Actions", "Distribute &Horizontally"),
            QT_TRANSLATE_NOOP("Actions", "Space the selected boxes evenly across")),
           ("distribute-vertically", QT_TRANSLATE_NOOP("Actions", "Distribute &Vertically"),
            QT_TRANSLATE_NOOP("Actions", "Space the selected boxes evenly down")))
#: View > Theme entries: (theme of widgets.app_theme.THEMES, menu text, tip).
THEME_TEXTS = (("system", QT_TRANSLATE_NOOP("Actions", "&System"),
                QT_TRANSLATE_NOOP("Actions", "The system's colours")),
               ("light", QT_TRANSLATE_NOOP("Actions", "&Light"),
                QT_TRANSLATE_NOOP("Actions", "Light theme")),
               ("dark", QT_TRANSLATE_NOOP("Actions", "&Dark"),
                QT_TRANSLATE_NOOP("Actions", "Dark theme")))
#: View > Language's first entry; the languages themselves are named in their own.
SYSTEM_LANGUAGE = QT_TRANSLATE_NOOP("Actions", "&System Language")


@dataclass
class Actions:
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    import_design: QAction
    export_infragraph: QAction
    export_astra: QAction
    import_measurements: QAction
    clear_measurements: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    cut: QAction
    copy: QAction
    paste: QAction
    delete: QAction
    select_all: QAction
    group: QAction
    ungroup: QAction
    collapse: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_fit: QAction
    zoom_actual: QAction
    snap: QAction
    heat: QAction
    reset_layout: QAction
    about: QAction
    arrange: dict[str, QAction] = field(default_factory=dict)
    themes: dict[str, QAction] = field(default_factory=dict)
    languages: dict[str, QAction] = field(default_factory=dict)


def new_action(window: QWidget, text: str, keys: tuple[Key | str, ...] = (), tip: str = "",
               icon: QIcon | None = None) -> QAction:
    """An action of the window: its shortcuts work wherever focus is in the window; ``text``
    and ``tip`` are source texts of context "Actions", shown in the chosen language."""
    action = QAction(window)
    action.setShortcuts(_sequences(keys))
    if icon is not None:
        action.setIcon(icon)
    follow_language(action, lambda: name_action(action, text, tip))
    window.addAction(action)
    return action


def name_action(action: QAction, text: str, tip: str = "") -> None:
    """Set ``action``'s text and tip from their source texts, in the chosen language."""
    action.setText(QCoreApplication.translate(CONTEXT, text))
    if tip:
        action.setStatusTip(QCoreApplication.translate(CONTEXT, tip))


def build_actions(window: QWidget, stack: QUndoStack) -> Actions:
    style = window.style()
    pixmap = QStyle.StandardPixmap

    def make(text: str, keys: tuple[Key | str, ...] = (), tip: str = "",
             icon: QIcon | None = None) -> QAction:
        return new_action(window, text, keys, tip, icon)

    undo = _stack_action(window, stack, redo=False)
    undo.setShortcuts(_sequences((Key.Undo,)))
    undo.setIcon(style.standardIcon(pixmap.SP_ArrowBack))
    redo = _stack_action(window, stack, redo=True)
    redo.setShortcuts(_sequences((Key.Redo, "Ctrl+Shift+Z", "Ctrl+Y")))
    redo.setIcon(style.standardIcon(pixmap.SP_ArrowForward))
    actions = Actions(
        new=make(QT_TRANSLATE_NOOP("Actions", "&New"), (Key.New,),
                 QT_TRANSLATE_NOOP("Actions", "Start a new design"),
                 style.standardIcon(pixmap.SP_FileIcon)),
        open=make(QT_TRANSLATE_NOOP("Actions", "&Open…"), (Key.Open,),
                  QT_TRANSLATE_NOOP("Actions", "Open a layout file"),
                  style.standardIcon(pixmap.SP_DialogOpenButton)),
        save=make(QT_TRANSLATE_NOOP("Actions", "&Save"), (Key.Save,),
                  QT_TRANSLATE_NOOP("Actions", "Save the design"),
                  style.standardIcon(pixmap.SP_DialogSaveButton)),
        save_as=make(QT_TRANSLATE_NOOP("Actions", "Save &As…"), (Key.SaveAs, "Ctrl+Shift+S"),
                     QT_TRANSLATE_NOOP("Actions", "Save under a new name")),
        import_design=make(QT_TRANSLATE_NOOP("Actions", "&Import…"), ("Ctrl+I",),
                           QT_TRANSLATE_NOOP("Actions", "Open an NCCL topology file or an "
                                                        "InfraGraph as a new design")),
        export_infragraph=make(QT_TRANSLATE_NOOP("Actions", "&InfraGraph…"), (),
                               QT_TRANSLATE_NOOP("Actions", "Write the shown design as an "
                                                            "InfraGraph (ASTRA-sim 3's "
                                                            "infrastructure input)")),
        export_astra=make(QT_TRANSLATE_NOOP("Actions", "&ASTRA-sim Inputs…"), (),
                          QT_TRANSLATE_NOOP("Actions", "Write the shown design's network and "
                                                       "system files for ASTRA-sim 2's "
                                                       "analytical backend")),
        import_measurements=make(QT_TRANSLATE_NOOP("Actions", "Import &Measurements…"), (),
                                 QT_TRANSLATE_NOOP("Actions", "Draw nccl-tests results over the "
                                                              "bandwidth panel's curves")),
        clear_measurements=make(QT_TRANSLATE_NOOP("Actions", "C&lear Measurements"), (),
                                QT_TRANSLATE_NOOP("Actions", "Remove the loaded nccl-tests "
                                                             "results from the bandwidth "
                                                             "panel")),
        quit=make(QT_TRANSLATE_NOOP("Actions", "&Quit"), (Key.Quit, "Ctrl+Q"),
                  QT_TRANSLATE_NOOP("Actions", "Close the workbench")),
        undo=undo, redo=redo,
        cut=make(QT_TRANSLATE_NOOP("Actions", "Cu&t"), (Key.Cut,),
                 QT_TRANSLATE_NOOP("Actions", "Cut the selection")),
        copy=make(QT_TRANSLATE_NOOP("Actions", "&Copy"), (Key.Copy,),
                  QT_TRANSLATE_NOOP("Actions", "Copy the selection")),
        paste=make(QT_TRANSLATE_NOOP("Actions", "&Paste"), (Key.Paste,),
                   QT_TRANSLATE_NOOP("Actions", "Paste boxes and groups")),
        delete=make(QT_TRANSLATE_NOOP("Actions", "&Delete"), (Key.Delete, "Backspace"),
                    QT_TRANSLATE_NOOP("Actions", "Delete the selection"),
                    style.standardIcon(pixmap.SP_TrashIcon)),
        select_all=make(QT_TRANSLATE_NOOP("Actions", "Select &All"), (Key.SelectAll,),
                        QT_TRANSLATE_NOOP("Actions", "Select everything")),
        group=make(QT_TRANSLATE_NOOP("Actions", "&Group"), ("Ctrl+G",),
                   QT_TRANSLATE_NOOP("Actions", "Put the selection in a new group")),
        ungroup=make(QT_TRANSLATE_NOOP("Actions", "U&ngroup"), ("Ctrl+Shift+G",),
                     QT_TRANSLATE_NOOP("Actions", "Dissolve the selected groups")),
        collapse=make(QT_TRANSLATE_NOOP("Actions", "Co&llapse or Expand Group"), ("Ctrl+E",),
                      QT_TRANSLATE_NOOP("Actions", "Show a group as one box, or open it")),
        zoom_in=make(QT_TRANSLATE_NOOP("Actions", "Zoom &In"), (Key.ZoomIn, "Ctrl+="),
                     QT_TRANSLATE_NOOP("Actions", "Zoom in")),
        zoom_out=make(QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), (Key.ZoomOut,),
                      QT_TRANSLATE_NOOP("Actions", "Zoom out")),
        zoom_fit=make(QT_TRANSLATE_NOOP("Actions", "Zoom to &Fit"), ("Ctrl+0",),
                      QT_TRANSLATE_NOOP("Actions", "Show the whole design")),
        zoom_actual=make(QT_TRANSLATE_NOOP("Actions", "&Actual Size"), ("Ctrl+1",),
                         QT_TRANSLATE_NOOP("Actions", "Zoom to 100 %")),
        snap=make(QT_TRANSLATE_NOOP("Actions", "&Snap to Grid"), (),
                  QT_TRANSLATE_NOOP("Actions", "Keep boxes on the grid when moving them")),
        heat=make(QT_TRANSLATE_NOOP("Actions", "Link &Heat Overlay"), ("Ctrl+Shift+H",),
                  QT_TRANSLATE_NOOP("Actions", "Colour the links by their load under the "
                                               "design's busiest collective")),
        reset_layout=make(QT_TRANSLATE_NOOP("Actions", "&Reset Panel Layout"), (),
                          QT_TRANSLATE_NOOP("Actions", "Put the panels back where they "
                                                       "started")),
        about=make(QT_TRANSLATE_NOOP("Actions", "&About Cluster Workbench"), ()),
    )
    actions.snap.setCheckable(True)
    actions.snap.setChecked(True)
    actions.heat.setCheckable(True)
    for name, text, tip in ARRANGE:
        actions.arrange[name] = make(text, (), tip)
    _checkable_group(window, actions.themes, [(theme, make(text, (), tip))
                                              for theme, text, tip in THEME_TEXTS])
    _checkable_group(window, actions.languages, [
        (code, make(native or SYSTEM_LANGUAGE)) for code, native in CHOICES])
    window.addAction(undo)
    window.addAction(redo)
    paint_icons(actions, window.palette().windowText().color())
    return actions


def _stack_action(window: QWidget, stack: QUndoStack, redo: bool) -> QAction:
    """Undo or Redo and the step it would take ("Undo Move 3 boxes"), enabled when there is
    one; unlike ``QUndoStack.createUndoAction`` its prefix follows the language."""
    action = QAction(window)
    step = [stack.redoText() if redo else stack.undoText()]

    def name(text: str | None = None) -> None:
        if text is not None:
            step[0] = text
        prefix = QCoreApplication.translate("Actions", "&Redo") if redo \
            else QCoreApplication.translate("Actions", "&Undo")
        action.setText(f"{prefix} {step[0]}" if step[0] else prefix)

    action.setEnabled(stack.canRedo() if redo else stack.canUndo())
    (stack.canRedoChanged if redo else stack.canUndoChanged).connect(action.setEnabled)
    (stack.redoTextChanged if redo else stack.undoTextChanged).connect(name)
    action.triggered.connect(stack.redo if redo else stack.undo)
    follow_language(action, name)
    return action


def _checkable_group(window: QWidget, into: dict[str, QAction],
                     entries: list[tuple[str, QAction]]) -> None:
    """Exclusive checkable actions (one theme, one language), by name."""
    group = QActionGroup(window)
    for name, action in entries:
        action.setCheckable(True)
        group.addAction(action)
        into[name] = action


def paint_icons(actions: Actions, ink: QColor) -> None:
    """(Re)draw the painted icons in the theme's text colour."""
    for action, name in ((actions.group, "group"), (actions.zoom_in, "zoom-in"),
                         (actions.zoom_out, "zoom-out"), (actions.zoom_fit, "zoom-fit")):
        action.setIcon(action_icon(name, ink))


def _sequences(keys: tuple[Key | str, ...]) -> list[QKeySequence]:
    """Every binding of the standard keys (the platform's own) plus the given ones, once."""
    out: dict[str, QKeySequence] = {}
    for key in keys:
        for sequence in (QKeySequence.keyBindings(key) if isinstance(key, Key)
                         else [QKeySequence(key)]):
            out.setdefault(sequence.toString(), sequence)
    return list(out.values())
