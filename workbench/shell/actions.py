"""The window's actions: names, platform-standard shortcuts, icons, tooltips.

Actions are created here and connected by the main window; menus, the
toolbar and the canvas context menu share the same objects, so a shortcut
or an enabled state is defined once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QStyle, QWidget

from widgets.action_icons import action_icon
from widgets.app_theme import THEMES

Key = QKeySequence.StandardKey

#: Arrange menu entries: (arrangement name in workbench.canvas.arrange, menu text).
ARRANGE = (("left", "Align &Left"), ("center", "Align &Centre"), ("right", "Align &Right"),
           ("top", "Align &Top"), ("middle", "Align &Middle"), ("bottom", "Align &Bottom"),
           ("distribute-horizontally", "Distribute &Horizontally"),
           ("distribute-vertically", "Distribute &Vertically"))


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


def new_action(window: QWidget, text: str, keys: tuple[Key | str, ...] = (), tip: str = "",
               icon: QIcon | None = None) -> QAction:
    """An action of the window: its shortcuts work wherever focus is in the window."""
    action = QAction(text, window)
    action.setShortcuts(_sequences(keys))
    if icon is not None:
        action.setIcon(icon)
    if tip:
        action.setStatusTip(tip)
    window.addAction(action)
    return action


def build_actions(window: QWidget, stack: QUndoStack) -> Actions:
    style = window.style()
    pixmap = QStyle.StandardPixmap

    def make(text: str, keys: tuple[Key | str, ...] = (), tip: str = "",
             icon: QIcon | None = None) -> QAction:
        return new_action(window, text, keys, tip, icon)

    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(_sequences((Key.Undo,)))
    undo.setIcon(style.standardIcon(pixmap.SP_ArrowBack))
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(_sequences((Key.Redo, "Ctrl+Shift+Z", "Ctrl+Y")))
    redo.setIcon(style.standardIcon(pixmap.SP_ArrowForward))
    actions = Actions(
        new=make("&New", (Key.New,), "Start a new design",
                 style.standardIcon(pixmap.SP_FileIcon)),
        open=make("&Open…", (Key.Open,), "Open a layout file",
                  style.standardIcon(pixmap.SP_DialogOpenButton)),
        save=make("&Save", (Key.Save,), "Save the design",
                  style.standardIcon(pixmap.SP_DialogSaveButton)),
        save_as=make("Save &As…", (Key.SaveAs, "Ctrl+Shift+S"), "Save under a new name"),
        import_design=make("&Import…", ("Ctrl+I",),
                           "Open an NCCL topology file or an InfraGraph as a new design"),
        export_infragraph=make("&InfraGraph…", (), "Write the shown design as an InfraGraph "
                               "(ASTRA-sim 3's infrastructure input)"),
        export_astra=make("&ASTRA-sim Inputs…", (), "Write the shown design's network and "
                          "system files for ASTRA-sim 2's analytical backend"),
        import_measurements=make("Import &Measurements…", (),
                                 "Draw nccl-tests results over the bandwidth panel's curves"),
        clear_measurements=make("C&lear Measurements", (),
                                "Remove the loaded nccl-tests results from the bandwidth panel"),
        quit=make("&Quit", (Key.Quit, "Ctrl+Q"), "Close the workbench"),
        undo=undo, redo=redo,
        cut=make("Cu&t", (Key.Cut,), "Cut the selection"),
        copy=make("&Copy", (Key.Copy,), "Copy the selection"),
        paste=make("&Paste", (Key.Paste,), "Paste boxes and groups"),
        delete=make("&Delete", (Key.Delete, "Backspace"), "Delete the selection",
                    style.standardIcon(pixmap.SP_TrashIcon)),
        select_all=make("Select &All", (Key.SelectAll,), "Select everything"),
        group=make("&Group", ("Ctrl+G",), "Put the selection in a new group"),
        ungroup=make("U&ngroup", ("Ctrl+Shift+G",), "Dissolve the selected groups"),
        collapse=make("Co&llapse or Expand Group", ("Ctrl+E",),
                      "Show a group as one box, or open it"),
        zoom_in=make("Zoom &In", (Key.ZoomIn, "Ctrl+="), "Zoom in"),
        zoom_out=make("Zoom &Out", (Key.ZoomOut,), "Zoom out"),
        zoom_fit=make("Zoom to &Fit", ("Ctrl+0",), "Show the whole design"),
        zoom_actual=make("&Actual Size", ("Ctrl+1",), "Zoom to 100 %"),
        snap=make("&Snap to Grid", (), "Keep boxes on the grid when moving them"),
        heat=make("Link &Heat Overlay", ("Ctrl+Shift+H",),
                  "Colour the links by their load under the design's busiest collective"),
        reset_layout=make("&Reset Panel Layout", (), "Put the panels back where they started"),
        about=make("&About Cluster Workbench", ()),
    )
    actions.snap.setCheckable(True)
    actions.snap.setChecked(True)
    actions.heat.setCheckable(True)
    for name, text in ARRANGE:
        actions.arrange[name] = make(text, (), f"{text.replace('&', '')} the selected boxes")
    group = QActionGroup(window)
    for theme in THEMES:
        action = make(f"&{theme.capitalize()}", (), f"{theme.capitalize()} theme")
        action.setCheckable(True)
        group.addAction(action)
        actions.themes[theme] = action
    window.addAction(undo)
    window.addAction(redo)
    paint_icons(actions, window.palette().windowText().color())
    return actions


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
