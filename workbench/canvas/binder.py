"""Keeps the canvas in step with the document: the only code that writes to canvas items.

It listens to the document's fine-grained signals and keeps ``id -> item``
dicts. Group frames and link geometry are derived here from node positions
(groups have no position of their own): a frame wraps its members, a
collapsed group becomes one stacked box, and links into a collapsed group
end on that box. Item signals create, drop and refresh items; the frames and
link geometry they affect are laid out once, on the document's ``changed``
that ends each edit, however many items it touched. While a drag is
previewed, items move without the document knowing; the binder still keeps
links and frames attached to them.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from engine.collector import collector_paused
from engine.design import Design, Group, Link, Node
from engine.structure import group_chain
from widgets.canvas.group_item import TITLE_HEIGHT, GroupItem
from widgets.canvas.heat import UNLOADED, heat_color
from widgets.canvas.link_item import LinkItem
from widgets.canvas.node_item import BOX_HEIGHT, BOX_WIDTH, NodeItem
from widgets.canvas.scene import CanvasScene
from widgets.canvas.theme import CanvasTheme, link_color
from widgets.content.box_text import group_text, link_look, node_text
from widgets.content.selection import Selection
from widgets.language import follow_language

if TYPE_CHECKING:          # the binder follows a document's signals; it makes none
    from workbench.document.document import Document

FRAME_PADDING = 22.0
BEND_STEP = 34.0
SCENE_MARGIN = 1500.0


@dataclass(frozen=True)
class Heat:
    """Link loads to colour the links by, and the collective that causes them."""

    loads: dict[str, float]
    collective: str


class Bundled(NamedTuple):
    """A link in a bundle: the visible boxes standing for its two ends."""

    link: str
    source: tuple[str, str]
    target: tuple[str, str]


class CanvasBinder(QObject):
    """One item per node, link and group of the document, kept up to date."""

    #: The user clicked a group's disclosure triangle: group id.
    collapse_requested = Signal(str)

    def __init__(self, document: Document, scene: CanvasScene) -> None:
        super().__init__(scene)
        self._doc = document
        self._scene = scene
        self._nodes: dict[str, NodeItem] = {}
        self._links: dict[str, LinkItem] = {}
        self._groups: dict[str, GroupItem] = {}
        self._ids: dict[QGraphicsItem, tuple[str, str]] = {}
        self._heat: Heat | None = None
        self._haloed: set[LinkItem] = set()
        self._bundles: dict[frozenset[tuple[str, str]], tuple[Bundled, ...]] = {}
        self._bundles_of: dict[str, tuple[frozenset[tuple[str, str]], ...]] = {}
        #: what an edit's item signals left to redo on its ``changed``: "layout" (all),
        #: "links" (placement), "texts" (every box's figures), "groups" (frame texts)
        self._stale: set[str] = set()
        self._covered: QRectF | None = None     # nodes_rect, until items change
        self._precision = document.design.workload.precision
        doc = document
        doc.node_added.connect(self._on_node_added)
        doc.node_removed.connect(self._on_node_removed)
        doc.node_changed.connect(self._on_node_changed)
        doc.link_added.connect(self._on_link_added)
        doc.link_removed.connect(self._on_link_removed)
        doc.link_changed.connect(self._on_link_changed)
        doc.group_added.connect(self._on_group_added)
        doc.group_removed.connect(self._on_group_removed)
        doc.group_changed.connect(self._on_group_changed)
        doc.design_replaced.connect(self._on_design_replaced)
        doc.settings_changed.connect(self._on_settings_changed)
        doc.changed.connect(self._on_changed)
        scene.theme_changed.connect(self._on_theme_changed)
        scene.labels_shown_changed.connect(self._on_labels_shown_changed)
        scene.selectionChanged.connect(self._show_halos)
        self._on_design_replaced(doc.design)
        follow_language(self, self._relayout)       # the boxes' lines are words too

    # -- lookups ------------------------------------------------------------------

    def item(self, kind: str, item_id: str) -> QGraphicsItem:
        return {"node": self._nodes, "link": self._links, "group": self._groups}[kind][item_id]

    def node_item(self, node_id: str) -> NodeItem:
        return self._nodes[node_id]

    def link_item(self, link_id: str) -> LinkItem:
        return self._links[link_id]

    def group_item(self, group_id: str) -> GroupItem:
        return self._groups[group_id]

    def item_count(self) -> int:
        return len(self._nodes) + len(self._links) + len(self._groups)

    def id_of(self, item: QGraphicsItem | None) -> tuple[str, str] | None:
        """``(kind, id)`` of a canvas item (or of the link a label belongs to)."""
        while item is not None:
            found = self._ids.get(item)
            if found is not None:
                return found
            item = item.parentItem()
        return None

    def selection(self) -> Selection:
        chosen = Selection()
        for item in self._scene.selectedItems():
            found = self._ids.get(item)
            if found is not None:
                getattr(chosen, f"{found[0]}s").append(found[1])
        return chosen

    def select(self, selection: Selection) -> None:
        self._scene.clearSelection()
        for kind, ids in (("node", selection.nodes), ("link", selection.links),
                          ("group", selection.groups)):
            for item_id in ids:
                self.item(kind, item_id).setSelected(True)

    def nodes_rect(self) -> QRectF:
        """The scene area the design's visible items cover (a link's bounds hold its line
        and label; a box has no children), remembered from the last layout until items
        change again (fitting the view after opening a design asks at once)."""
        if self._covered is None:
            self._covered = self._covered_rect()
        return QRectF(self._covered)

    def _covered_rect(self) -> QRectF:
        rects = [self._extent(item) for item in self._groups.values() if item.isVisible()]
        rects += [item.sceneBoundingRect() for item in self._nodes.values() if item.isVisible()]
        # links sit at the scene's origin: their own bounds are in scene coordinates
        rects += [item.boundingRect() for item in self._links.values() if item.isVisible()]
        corners = [r.getCoords() for r in rects if not r.isNull()]
        if not corners:
            return QRectF()
        left, top, right, bottom = zip(*corners, strict=True)
        return QRectF(QPointF(min(left), min(top)), QPointF(max(right), max(bottom)))

    def selection_rect(self, selection: Selection) -> QRectF:
        """The scene area the chosen boxes and groups cover, frames and labels included."""
        rect = QRectF()
        for kind, ids in (("node", selection.nodes), ("group", selection.groups)):
            for item_id in ids:
                rect = rect.united(self._extent(self.item(kind, item_id)))
        return rect

    @staticmethod
    def _extent(item: QGraphicsItem) -> QRectF:
        """Scene rectangle of an item with its children (a link with its label)."""
        return item.mapRectToScene(item.boundingRect() | item.childrenBoundingRect())

    # -- document -> items --------------------------------------------------------------

    def _on_design_replaced(self, design: Design) -> None:
        with self._scene.bulk_change(), collector_paused():
            for item in list(self._ids):
                self._scene.removeItem(item)
            self._nodes.clear()
            self._links.clear()
            self._groups.clear()
            self._ids.clear()
            for group in design.groups:
                self._create_group(group)
            for node in design.nodes:
                self._create_node(node)
            for link in design.links:
                self._create_link(link)
            self._relayout()

    def _on_node_added(self, index: int, node: Node) -> None:
        self._create_node(node)
        self._stale.add("layout")

    def _on_node_removed(self, index: int, node: Node) -> None:
        self._forget(self._nodes.pop(node.id))
        self._stale.add("layout")

    def _on_node_changed(self, old: Node, new: Node) -> None:
        self._show_node(new)
        if old.group != new.group:
            self._stale.add("layout")
        elif (old.replicas, old.accelerators) != (new.replicas, new.accelerators):
            self._stale.add("groups")           # the frames count what they hold

    def _on_link_added(self, index: int, link: Link) -> None:
        self._create_link(link)
        self._stale.add("links")

    def _on_link_removed(self, index: int, link: Link) -> None:
        self._forget(self._links.pop(link.id))
        self._stale.add("links")

    def _on_link_changed(self, old: Link, new: Link) -> None:
        self._show_link(new)
        self._stale.add("links")

    def _on_group_added(self, index: int, group: Group) -> None:
        self._create_group(group)
        self._stale.add("layout")

    def _on_group_removed(self, index: int, group: Group) -> None:
        self._forget(self._groups.pop(group.id))
        self._stale.add("layout")

    def _on_group_changed(self, old: Group, new: Group) -> None:
        self._stale.add("layout")

    def _on_settings_changed(self, key: str) -> None:
        """Boxes show peak figures at the workload's precision, and nothing else of the
        settings: only a new precision redraws their text."""
        precision = self._doc.design.workload.precision
        if precision != self._precision:
            self._precision = precision
            self._stale.add("texts")

    def _on_changed(self) -> None:
        """The edit is complete: redo what its item signals left stale, once. Only
        placement moves many items, so only it runs as one bulk change of the scene."""
        stale, self._stale = self._stale, set()
        if stale:
            self._covered = None
        if "layout" in stale:
            with self._scene.bulk_change():
                self._relayout()
            return
        if "links" in stale:
            with self._scene.bulk_change():
                self._place_links()
        if "texts" in stale:
            for node in self._doc.design.nodes:
                self._show_node(node)
        if "groups" in stale:
            self._show_groups()

    def _on_theme_changed(self, theme: CanvasTheme) -> None:
        with self._scene.bulk_change():
            for item in self._ids:
                item.set_theme(theme)

    # -- creating and showing items ----------------------------------------------------------

    def _create_node(self, node: Node) -> None:
        item = NodeItem(node.kind, self._scene.theme())
        item.setPos(*node.position)     # its text comes with the layout that follows
        self._nodes[node.id] = item
        self._remember(item, "node", node.id)
        item.position_changed.connect(functools.partial(self._on_node_item_moved, node.id))

    def _show_node(self, node: Node) -> None:
        item = self._nodes[node.id]
        text = node_text(self._doc.design, self._doc.catalog, node)
        item.set_kind(node.kind)
        item.set_title(text.title)
        item.set_lines(text.lines)
        item.set_count_text(text.count)
        if (item.pos().x(), item.pos().y()) != node.position:
            item.setPos(*node.position)

    def _create_link(self, link: Link) -> None:
        item = LinkItem(self._scene.theme())
        item.set_label_shown(self._scene.labels_shown())
        self._links[link.id] = item
        self._show_link(link)           # styled before it joins the scene: no index to tell
        self._remember(item, "link", link.id)

    def _show_halos(self) -> None:
        """Selected links wear a halo (links have no item callbacks of their own)."""
        if not shiboken6.isValid(self._scene):
            return          # a dying scene still announces that its items left the selection
        selected = {item for item in self._scene.selectedItems() if isinstance(item, LinkItem)}
        for item in self._haloed - selected:
            item.set_halo_shown(False)
        for item in selected - self._haloed:
            item.set_halo_shown(True)
        self._haloed = selected

    def _on_labels_shown_changed(self, shown: bool) -> None:
        with self._scene.bulk_change():
            for item in self._links.values():
                item.set_label_shown(shown)

    def show_heat(self, heat: Heat | None) -> None:
        """Colour links by their load (the heat overlay), or by their kind with ``None``.

        The panels call this after every evaluation, heat on or off: links are
        only touched when the loads changed."""
        if heat == self._heat:
            return
        self._heat, self._covered = heat, None          # labels change width
        with self._scene.bulk_change():
            for link in self._doc.design.links:
                self._show_link(link)

    def _show_link(self, link: Link) -> None:
        look = link_look(self._doc.catalog, link)
        item = self._links[link.id]
        if self._heat is None:
            label, color, tip = look.label, link_color(look.kind), ""
        elif (load := self._heat.loads.get(link.id)) is None:
            label, color, tip = look.label, QColor(UNLOADED), self.tr(
                "Not used by {collective}").format(collective=self._heat.collective)
        else:
            label, color = f"{look.label} · {load:.0%}", heat_color(load)
            tip = self.tr("{load:.0%} of this link's bandwidth in use by {collective}").format(
                load=load, collective=self._heat.collective)
        item.set_label(label)
        item.set_style(color, look.width)
        if item.toolTip() != tip:
            item.setToolTip(tip)

    def _create_group(self, group: Group) -> None:
        item = GroupItem(self._scene.theme())
        self._groups[group.id] = item
        self._remember(item, "group", group.id)
        item.collapse_toggled.connect(functools.partial(self.collapse_requested.emit, group.id))

    def _remember(self, item: QGraphicsItem, kind: str, item_id: str) -> None:
        self._ids[item] = (kind, item_id)
        self._scene.addItem(item)

    def _forget(self, item: QGraphicsItem) -> None:
        del self._ids[item]
        self._scene.removeItem(item)

    # -- derived geometry: frames, visibility, link ends ------------------------------------

    def _relayout(self) -> None:
        design = self._doc.design
        self._precision = design.workload.precision
        self._show_groups()
        owners = self._owners()
        for node in design.nodes:
            self._show_node(node)
            self._nodes[node.id].setVisible(owners[node.id] == ("node", node.id))
        self._place_links()
        self._place_groups()
        if any(group.collapsed for group in design.groups):
            self._place_links()     # again: links into collapsed groups end on their boxes
        self._covered = None
        rect = self.nodes_rect()
        self._scene.setSceneRect(rect.adjusted(-SCENE_MARGIN, -SCENE_MARGIN,
                                               SCENE_MARGIN, SCENE_MARGIN))

    def _show_groups(self) -> None:
        """Each frame's title, remark, contents and count."""
        design = self._doc.design
        for group in design.groups:
            item = self._groups[group.id]
            text = group_text(design, group)
            item.set_title(text.title)
            item.set_remark(text.remark)
            item.set_lines(text.lines)
            item.set_count_text(text.count)
            item.set_collapsed(group.collapsed)
            item.set_depth(len(group_chain(design, group.id)) - 1)

    def _on_node_item_moved(self, node_id: str) -> None:
        """A box moved (drag preview or binder): frames and links follow.

        Only the links of bundles the box is an end of are placed again. While an edit's
        signals arrive (links or layout stale) they wait for the edit's full placement."""
        self._covered = None
        if self._stale & {"layout", "links"}:
            return
        self._place_bundles(self._bundles_of.get(node_id, ()))
        if self._doc.design.groups:
            self._place_groups()
            self._place_bundles(self._bundles_of.get(node_id, ()))

    def _place_groups(self) -> None:
        """Frames wrap their members, innermost first; collapsed groups are one box."""
        design = self._doc.design
        members: dict[str, list[QRectF]] = defaultdict(list)    # group id -> what it wraps
        for node in design.nodes:
            if node.group is not None:
                members[node.group].append(self._nodes[node.id].scene_body_rect())
        for link in design.links:
            group = design.node(link.source).group
            if link.source == link.target and group is not None:
                members[group].append(self._extent(self._links[link.id]))
        children: dict[str, list[str]] = defaultdict(list)
        for child in design.groups:
            if child.parent is not None:
                children[child.parent].append(child.id)
        shown: dict[str, QRectF] = {}
        for group in sorted(design.groups, key=lambda g: -len(group_chain(design, g.id))):
            content = QRectF()
            for rect in members[group.id]:
                content = content.united(rect)
            for child in children[group.id]:
                if child in shown:
                    content = content.united(shown[child])
            item = self._groups[group.id]
            if content.isNull():
                item.setVisible(False)
                continue
            if group.collapsed:
                centre = content.center()
                frame = QRectF(centre.x() - BOX_WIDTH / 2, centre.y() - BOX_HEIGHT / 2,
                               BOX_WIDTH, BOX_HEIGHT)
            else:
                frame = content.adjusted(-FRAME_PADDING, -FRAME_PADDING - TITLE_HEIGHT,
                                         FRAME_PADDING, FRAME_PADDING)
            shown[group.id] = frame
            item.set_frame(frame)
            item.setVisible(self._owner_of_group(group.id) == ("group", group.id))

    def _place_links(self) -> None:
        """Link ends on the visible box standing for each end; parallel links fan out.

        The links are bundled by the pair of boxes they join, and each node remembers
        the bundles it is an end of, so a moved box places only its own links."""
        owners = self._owners()
        bundles: dict[frozenset[tuple[str, str]], list[Bundled]] = defaultdict(list)
        bundles_of: dict[str, set[frozenset[tuple[str, str]]]] = defaultdict(set)
        for link in self._doc.design.links:
            ends = (owners[link.source], owners[link.target])
            if ends[0] == ends[1] and link.source != link.target:
                self._links[link.id].setVisible(False)     # inside one collapsed group
                continue
            key = frozenset(ends)
            bundles[key].append(Bundled(link.id, *ends))
            bundles_of[link.source].add(key)
            bundles_of[link.target].add(key)
        self._bundles = {key: tuple(bundle) for key, bundle in bundles.items()}
        self._bundles_of = {node: tuple(keys) for node, keys in bundles_of.items()}
        self._place_bundles(self._bundles)

    def _place_bundles(self, keys: Iterable[frozenset[tuple[str, str]]]) -> None:
        rects: dict[tuple[str, str], QRectF] = {}
        for key in keys:
            bundle = self._bundles[key]
            for i, (link_id, source, target) in enumerate(bundle):
                bend = BEND_STEP * (i - (len(bundle) - 1) / 2)
                if source == target:
                    bend = BEND_STEP * i
                elif source > target:
                    bend = -bend        # the same side whichever way the link was drawn
                item = self._links[link_id]
                item.setVisible(True)
                for end in (source, target):
                    if end not in rects:
                        rects[end] = self._rect_of(end)
                item.set_geometry(rects[source], rects[target], bend)

    def _owners(self) -> dict[str, tuple[str, str]]:
        """The visible item standing for each node: itself, or its outermost collapsed group."""
        design = self._doc.design
        owners = {}
        for node in design.nodes:
            owner = ("node", node.id)
            for group in group_chain(design, node.group):
                if group.collapsed:
                    owner = ("group", group.id)
            owners[node.id] = owner
        return owners

    def _owner_of_group(self, group_id: str) -> tuple[str, str]:
        owner = ("group", group_id)
        for group in group_chain(self._doc.design, group_id)[1:]:
            if group.collapsed:
                owner = ("group", group.id)
        return owner

    def _rect_of(self, owner: tuple[str, str]) -> QRectF:
        kind, item_id = owner
        if kind == "node":
            return self._nodes[item_id].scene_body_rect()
        return self._groups[item_id].scene_frame()
