"""Drag-and-drop payload types shared by the palette (source) and the canvas (target)."""

#: A palette entry: UTF-8 JSON naming what to add (``{"node": ...}`` or ``{"template": ...}``).
PART_MIME = "application/x-cluster-workbench-part"
