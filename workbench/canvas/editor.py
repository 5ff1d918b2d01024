"""The canvas as an editor: gestures, drops and edit actions become undo commands.

The editor owns the scene, the view and the binder, and is the scene's
input handler: a press starts the right interaction (a link from a box's
handle, a move from a box or a frame's title, a rubber band from empty
canvas). Every edit goes through ``Document.push``; a refused edit is
reported through ``message_posted`` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QUndoCommand
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QMenu

from engine.design import Design, Group
from engine.edit_errors import EditError
from engine.group_tree import with_subgroups
from widgets.canvas.scene import GRID, CanvasScene
from widgets.canvas.theme import CanvasTheme
from widgets.canvas.view import CanvasView
from widgets.content.selection import Selection
from widgets.language import follow_language
from workbench.canvas.arrange import ARRANGEMENTS
from workbench.canvas.binder import CanvasBinder
from workbench.canvas.interactions import (
    Interaction,
    MoveInteraction,
    Moves,
    NewLinkInteraction,
    RubberBandInteraction,
)
from workbench.canvas.link_defaults import new_link
from workbench.canvas.parts import fragment_for
from workbench.document import clipboard, fragments
from workbench.document.commands import (
    InsertCommand,
    MoveNodesCommand,
    add_fragment,
    delete_items,
    group_items,
    set_collapsed,
    ungroup,
)
from workbench.document.document import Document

_ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
           Qt.Key.Key_Down: (0, 1)}
PASTE_OFFSET = 2 * GRID


class CanvasEditor(QObject):
    """Edits the document from the canvas."""

    #: Something to tell the user: a refused edit, a hint.
    message_posted = Signal(str)
    #: The canvas selection changed.
    selection_changed = Signal()
    #: Right click on the canvas: show a context menu at this screen position.
    context_menu_requested = Signal(QPoint)

    def __init__(self, document: Document, theme: CanvasTheme,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = CanvasScene(theme)
        self.view = CanvasView(self.scene)
        self.binder = CanvasBinder(document, self.scene)
        self.scene.set_theme(theme)
        self.scene.set_handler(self)
        follow_language(self.view, lambda: self.view.set_placeholder(self.tr(
            "Drag servers, switches or a template here from the palette,\nor open a layout "
            "file (Ctrl+O).")))
        document.changed.connect(self._on_document_changed)
        self.view.zoom_changed.connect(self.scene.set_zoom)
        self.scene.set_zoom(self.view.zoom())
        self._on_document_changed()
        self.scene.selectionChanged.connect(self.selection_changed)
        self.view.part_dropped.connect(self.add_part)
        self.binder.collapse_requested.connect(self.toggle_collapsed)
        self.link_menu: QMenu | None = None
        self._interaction: Interaction | None = None
        self._pastes = 0

    def detach(self) -> None:
        """Stop reacting to the scene (before the window goes: a dying scene still announces
        that its items left the selection)."""
        self.scene.set_handler(None)
        self.scene.selectionChanged.disconnect(self.selection_changed)

    def _on_document_changed(self) -> None:
        self.view.set_empty(self.binder.item_count() == 0)

    # -- editing ---------------------------------------------------------------------

    def push(self, make: Callable[[Document], QUndoCommand]) -> bool:
        """Push an edit; report it instead if the document refuses it."""
        try:
            self.document.push(make)
        except EditError as exc:
            self.message_posted.emit(str(exc))
            return False
        return True

    def add_part(self, payload: str, at: QPointF) -> None:
        """Add a palette entry (a box or a template) centred at ``at``."""
        try:
            fragment, text = fragment_for(self.document.catalog, payload)
        except EditError as exc:
            self.message_posted.emit(str(exc))
            return
        self._add_fragment(fragment, self.scene.snap(at), text)

    def add_part_at_centre(self, payload: str) -> None:
        self.add_part(payload, self.view.mapToScene(self.view.viewport().rect().center()))

    def offer_link(self, source: str, target: str, screen_pos: QPoint) -> None:
        """Link two boxes: directly if one link type fits, else from a menu of those that do."""
        types = self.document.compatible_link_types(source, target)
        if not types:
            a, b = self.document.node(source).label, self.document.node(target).label
            self.message_posted.emit(f"{a} and {b} share no link type")
            return
        if len(types) == 1:
            self.connect_nodes(source, target, types[0].id)
            return
        if self.link_menu is not None:
            self.link_menu.deleteLater()
        menu = QMenu(self.view)
        menu.setToolTipsVisible(True)
        for index, spec in enumerate(types):
            action = QAction(f"{spec.name}  ({spec.id})", menu)
            action.setToolTip(f"{spec.bandwidth_Bps / 1e9:g} GB/s per direction, {spec.kind}")
            action.triggered.connect(lambda _=False, t=spec.id: self.connect_nodes(source,
                                                                                  target, t))
            menu.addAction(action)
            if index == 0:
                font = action.font()
                font.setBold(True)
                action.setFont(font)
                menu.setDefaultAction(action)
                menu.setActiveAction(action)
        self.link_menu = menu
        menu.popup(screen_pos)

    def connect_nodes(self, source: str, target: str, link_type: str) -> bool:
        doc = self.document
        spec = doc.catalog.link(link_type)
        link = new_link(doc.catalog, doc.fresh_id("link", f"{source}-{target}"),
                        doc.node(source), doc.node(target), spec)
        arrow = "↻" if source == target else "→"
        text = self.tr("Connect {source} {arrow} {target}").format(
            source=doc.node(link.source).label, arrow=arrow, target=doc.node(link.target).label)
        if not self.push(lambda d: InsertCommand(d, link, text=text)):
            return False
        self.binder.select(Selection(links=[link.id]))
        return True

    def delete_selection(self) -> None:
        chosen = self.binder.selection()
        if not chosen.is_empty():
            self.push(lambda d: delete_items(d, chosen.nodes, chosen.links, chosen.groups))

    def select_all(self) -> None:
        design = self.document.design
        self.binder.select(Selection([n.id for n in design.nodes], [lk.id for lk in design.links],
                                     [g.id for g in design.groups]))

    def copy_selection(self) -> bool:
        chosen = self.binder.selection()
        if not (chosen.nodes or chosen.groups):
            self.message_posted.emit(self.tr("Select boxes or groups to copy"))
            return False
        clipboard.copy_fragment(fragments.extract(self.document.design, chosen.nodes,
                                                  chosen.groups))
        self._pastes = 0
        return True

    def cut_selection(self) -> None:
        if self.copy_selection():
            chosen = self.binder.selection()
            self.push(lambda d: delete_items(d, chosen.nodes, chosen.links, chosen.groups))

    def paste(self) -> None:
        fragment = clipboard.pasted_fragment(self.document.catalog)
        if fragment is None:
            self.message_posted.emit(self.tr("Nothing to paste: the clipboard holds no layout"))
            return
        self._pastes += 1
        x, y = fragments.centre(fragment)
        at = QPointF(x + PASTE_OFFSET * self._pastes, y + PASTE_OFFSET * self._pastes)
        count = len(fragment.nodes) + len(fragment.groups)
        self._add_fragment(fragment, at, self.tr("Paste 1 item") if count == 1
                           else self.tr("Paste {n} items").format(n=count))

    def arrange(self, how: str) -> None:
        """Align or distribute the selected boxes (see :data:`ARRANGEMENTS`)."""
        ids = self._selected_node_ids()
        if len(ids) < 2:
            self.message_posted.emit(self.tr("Select two or more boxes to align them"))
            return
        old = {i: self.document.node(i).position for i in ids}
        new = ARRANGEMENTS[how](old)
        moves = {i: (old[i], new[i]) for i in ids if old[i] != new[i]}
        if moves:
            self.push(lambda d: MoveNodesCommand(d, moves))

    def nudge(self, dx: float, dy: float) -> None:
        ids = self._selected_node_ids()
        moves = {}
        for i in ids:
            x, y = self.document.node(i).position
            moves[i] = ((x, y), (x + dx, y + dy))
        if moves:
            self.push(lambda d: MoveNodesCommand(d, moves, nudge=True))

    def group_selection(self) -> None:
        chosen = self.binder.selection()
        if not (chosen.nodes or chosen.groups):
            self.message_posted.emit(self.tr("Select boxes or groups to group them"))
            return
        doc = self.document
        parents = {doc.node(i).group for i in chosen.nodes} | {doc.group(i).parent
                                                               for i in chosen.groups}
        group = Group(doc.fresh_id("group", "group"), "Group",
                      parent=parents.pop() if len(parents) == 1 else None)
        if self.push(lambda d: group_items(d, group, chosen.nodes, chosen.groups)):
            self.binder.select(Selection(groups=[group.id]))

    def ungroup_selection(self) -> None:
        for group_id in self.binder.selection().groups:
            self.push(lambda d, g=group_id: ungroup(d, g))

    def toggle_collapsed(self, group_id: str) -> None:
        collapsed = not self.document.group(group_id).collapsed
        self.push(lambda d: set_collapsed(d, group_id, collapsed))

    def toggle_selected_groups(self) -> None:
        groups = self.binder.selection().groups
        if not groups:
            self.message_posted.emit(self.tr("Select a group to collapse or expand it"))
        for group_id in groups:
            self.toggle_collapsed(group_id)

    def fit(self) -> None:
        self.view.fit(self.binder.nodes_rect())

    def _add_fragment(self, fragment: Design, at: QPointF, text: str) -> None:
        placed = fragments.rebase(fragment, self.document, (at.x(), at.y()))
        if self.push(lambda d: add_fragment(d, placed, text)):
            added = Selection([n.id for n in placed.nodes], [],
                              [g.id for g in placed.groups if g.parent is None])
            self.binder.select(added)
            self.view.reveal(self.binder.selection_rect(added))

    def _move(self, moves: Moves) -> None:
        self.push(lambda doc: MoveNodesCommand(doc, moves))

    def _selected_node_ids(self) -> list[str]:
        """Selected boxes, and every box inside selected groups."""
        chosen = self.binder.selection()
        design = self.document.design
        groups = with_subgroups(design, chosen.groups)
        inside = [n.id for n in design.nodes if n.group in groups]
        return list(dict.fromkeys([*chosen.nodes, *inside]))

    # -- scene input (CanvasScene's handler) -------------------------------------------------

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self._interaction is not None:
            return True
        pos = event.scenePos()
        item = self.scene.itemAt(pos, self.view.transform())
        found = self.binder.id_of(item)
        if event.button() == Qt.MouseButton.RightButton:
            if found is not None and not self.binder.item(*found).isSelected():
                self.scene.clearSelection()
                self.binder.item(*found).setSelected(True)
            self.context_menu_requested.emit(event.screenPos())
            return True
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        extend = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                           | Qt.KeyboardModifier.ShiftModifier))
        if found is None:
            if not extend:
                self.scene.clearSelection()
            self._interaction = RubberBandInteraction(self.scene, self.binder, pos, extend)
            return True
        kind, item_id = found
        if kind == "node" and self.binder.node_item(item_id).handle_at(pos):
            self._interaction = NewLinkInteraction(self.scene, self.binder, item_id, pos,
                                                   self.offer_link)
            return True
        if kind == "group" and self.binder.group_item(item_id).toggle_at(pos):
            return False                      # the triangle toggles collapse itself
        target = self.binder.item(kind, item_id)
        self._click_select(target, extend)
        if kind == "link" or not target.isSelected():
            return True
        start = {i: self.document.node(i).position for i in self._selected_node_ids()}
        self._interaction = MoveInteraction(self.scene, self.binder, pos, start,
                                            item_id if kind == "node" else None, self._move)
        return True

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self._interaction is None:
            return False
        self._interaction.mouse_move(event)
        return True

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self._interaction is None:
            return False
        interaction, self._interaction = self._interaction, None
        interaction.mouse_release(event)
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            if self._interaction is not None:
                self._interaction.cancel()
                self._interaction = None
            else:
                self.scene.clearSelection()
            return True
        if event.key() in _ARROWS and self._interaction is None:
            fine = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            step = 1.0 if fine else GRID
            dx, dy = _ARROWS[Qt.Key(event.key())]
            self.nudge(dx * step, dy * step)
            return True
        return False

    def _click_select(self, item: QGraphicsItem, extend: bool) -> None:
        if extend:
            item.setSelected(not item.isSelected())
        elif not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
