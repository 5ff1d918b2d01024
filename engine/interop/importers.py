"""Which importer reads a file: by its extension, else by its first bytes.

``.xml`` or text starting with ``<``: an NCCL topology file. ``.yaml``,
``.yml``, ``.json`` or text starting with ``{`` holding ``devices`` and
``instances``: an InfraGraph. Anything else is refused with a line saying
which formats are read (nccl-tests results are measurements, not designs:
``calibrate`` reads them).
"""

from __future__ import annotations

import os
from pathlib import Path

from engine.catalog import Catalog, load_catalog
from engine.design import Design
from engine.errors import InteropError, Problem
from engine.interop.files import decode, read_limited
from engine.interop.infragraph import MAX_INFRAGRAPH_BYTES, read_infragraph
from engine.interop.nccl_topology import read_nccl_topology, topology_design

#: Each format import reads, and the extensions of its files.
EXTENSIONS = {"NCCL topology": (".xml",), "InfraGraph": (".yaml", ".yml", ".json")}
FORMATS = tuple(f"{name} ({', '.join(ext)})" for name, ext in EXTENSIONS.items())


def import_design(path: str | os.PathLike[str], catalog: Catalog | None = None,
                  accelerator: str | None = None) -> Design:
    """The design another tool's file describes, validated and laid out."""
    file = str(path)
    catalog = catalog or load_catalog()
    kind = _kind(file)
    if kind == "nccl-topology":
        topology = read_nccl_topology(file, catalog, accelerator)
        return topology_design(topology, file, catalog)
    return read_infragraph(file, catalog)


def _kind(file: str) -> str:
    suffix = Path(file).suffix.lower()
    if suffix == ".xml":
        return "nccl-topology"
    if suffix in (".yaml", ".yml", ".json"):
        return "infragraph"
    head = decode(read_limited(file, MAX_INFRAGRAPH_BYTES)[:4096], file).lstrip()
    if head.startswith("<"):
        return "nccl-topology"
    if "devices" in head and "instances" in head:
        return "infragraph"
    raise InteropError([Problem("", f"not a format import reads ({'; '.join(FORMATS)}); "
                                "nccl-tests results go to 'calibrate'")], file)
