"""The catalog as a Qt item model for the palette: templates, then servers, single
accelerators and switches, each grouped by vendor.

The pure registry (``engine.catalog``) stays Qt-free; this adapter adds
icons, tooltips, a search text per entry (its kind, id, name, vendor, aliases and
the fabrics it joins: nvlink, infiniband, roce, ethernet ...) and the
drag payload that the canvas turns into a fragment (:mod:`workbench.canvas.parts`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

from engine.catalog import AcceleratorSpec, Catalog, SwitchSpec
from engine.units import bytes_to_memory_label
from widgets.canvas.icons import kind_icon
from widgets.canvas.theme import kind_accent
from widgets.content.box_text import short_name
from widgets.language import follow_language
from widgets.mime import PART_MIME
from workbench.canvas.parts import node_payload, template_payload
from workbench.canvas.templates import TEMPLATES

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 3     # a heading's title as written (for translation)


class CatalogModel(QStandardItemModel):
    """Palette entries; leaves carry a drag payload, headings do not."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self._catalog = catalog
        self.appendRow(self._templates())
        accelerators = sorted(catalog.accelerators.values(), key=lambda a: (a.vendor, a.name))
        self.appendRow(self._by_vendor(QT_TRANSLATE_NOOP("Palette", "Servers"), "server",
                                       accelerators, self._server))
        self.appendRow(self._by_vendor(QT_TRANSLATE_NOOP("Palette", "Accelerators"),
                                       "accelerator", accelerators, self._accelerator))
        switches = sorted(catalog.switches.values(), key=lambda s: (s.vendor, s.name))
        self.appendRow(self._by_vendor(QT_TRANSLATE_NOOP("Palette", "Switches"), "switch",
                                       switches, self._switch))
        follow_language(self, self._name_headings)

    def _name_headings(self) -> None:
        """The group headings in the chosen language; a search finds either language's."""
        for row in range(self.rowCount()):
            item = self.item(row)
            source = item.data(SOURCE_ROLE)
            text = QCoreApplication.translate("Palette", source)
            item.setText(text)
            item.setData(f"{source} {text}", SEARCH_ROLE)

    def mimeTypes(self) -> list[str]:
        return [PART_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex | QPersistentModelIndex]) -> QMimeData:
        mime = QMimeData()
        payloads = [i.data(PAYLOAD_ROLE) for i in indexes if i.data(PAYLOAD_ROLE)]
        if payloads:
            mime.setData(PART_MIME, payloads[0].encode("utf-8"))
        return mime

    # -- entries -------------------------------------------------------------------

    def _templates(self) -> QStandardItem:
        heading = _heading(QT_TRANSLATE_NOOP("Palette", "Templates"), "group")
        for template in TEMPLATES.values():
            design = template.build()
            words = [*(n.kind for n in design.nodes),
                     *(self._fabric(link.type) for link in design.links)]
            heading.appendRow(_leaf(template.title, "group", template_payload(template.id),
                                    template.description,
                                    ["template", template.id, template.title,
                                     template.description, *words]))
        return heading

    def _by_vendor(self, title: str, kind: str, specs: Iterable[AcceleratorSpec | SwitchSpec],
                   leaf: Callable[[Any], QStandardItem]) -> QStandardItem:
        heading = _heading(title, kind)
        vendors: dict[str, QStandardItem] = {}
        for spec in specs:
            if spec.vendor not in vendors:
                vendors[spec.vendor] = _heading(spec.vendor or "Other", kind)
                heading.appendRow(vendors[spec.vendor])
            vendors[spec.vendor].appendRow(leaf(spec))
        return heading

    def _fabric(self, link_id: str) -> str:
        """The fabric a catalog link belongs to (nvlink, infiniband, roce ...), as people
        search for it."""
        link = self._catalog.links.get(link_id)
        return f"{link_id} {link.kind}" if link is not None else link_id

    def _server(self, spec: AcceleratorSpec) -> QStandardItem:
        server = spec.server
        tip = (f"{server.name}: {server.accelerators} × {spec.name}, "
               f"{server.nics} × {server.nic_link} NICs")
        return _leaf(server.name, "server", node_payload("server", spec.id), tip,
                     ["server", spec.id, spec.name, spec.vendor, server.name, *spec.aliases,
                      self._fabric(spec.scale_up.link), self._fabric(server.nic_link)])

    def _accelerator(self, spec: AcceleratorSpec) -> QStandardItem:
        peak = spec.peak_flops("bf16") or spec.peak_flops("fp16") or 0.0
        memory = bytes_to_memory_label(spec.memory_bytes)
        tip = (f"{spec.name}: {peak / 1e12:,.0f} TFLOP/s dense, "
               f"{memory:g} GB at {spec.memory_bw_Bps / 1e12:g} TB/s")
        return _leaf(short_name(spec.name, spec.vendor), "accelerator",
                     node_payload("accelerator", spec.id), tip,
                     ["accelerator", "gpu", spec.id, spec.name, spec.vendor, *spec.aliases,
                      self._fabric(spec.scale_up.link)])

    def _switch(self, spec: SwitchSpec) -> QStandardItem:
        tip = (f"{spec.name}: {spec.ports} × {spec.port_Bps * 8 / 1e9:g} Gb/s, "
               f"{', '.join(spec.link_kinds)}")
        return _leaf(short_name(spec.name, spec.vendor), "switch",
                     node_payload("switch", spec.id), tip,
                     ["switch", spec.id, spec.name, spec.vendor, *spec.link_kinds,
                      *spec.aliases])


def _heading(title: str, kind: str) -> QStandardItem:
    item = QStandardItem(title)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    item.setData(title, SEARCH_ROLE)
    item.setData(title, SOURCE_ROLE)
    return item


def _leaf(title: str, kind: str, payload: str, tooltip: str,
          search: list[str]) -> QStandardItem:
    item = QStandardItem(kind_icon(kind, kind_accent(kind)), title)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                  | Qt.ItemFlag.ItemIsDragEnabled)
    item.setToolTip(tooltip)
    item.setData(payload, PAYLOAD_ROLE)
    item.setData(" ".join(search), SEARCH_ROLE)
    return item
