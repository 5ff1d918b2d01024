"""A design written in another tool's format: the one way the command line and the window do it.

``infragraph`` writes one file, YAML or JSON by its extension; ``astra-sim``
writes ``network.yml`` and ``system.json`` into a folder. What was written
comes back as lines to show; a file that cannot be written is an
:class:`~engine.errors.InteropError` naming it.
"""

from __future__ import annotations

import json
import os

import yaml

from engine.atomic_file import write_text
from engine.catalog import Catalog
from engine.design import Design

TARGETS = {"infragraph": "InfraGraph", "astra-sim": "ASTRA-sim"}


def export_design(design: Design, target: str, output: str | os.PathLike[str],
                  catalog: Catalog) -> list[str]:
    """Write ``design`` as ``target`` to ``output`` (a file, or for ASTRA-sim a folder);
    one line per file written. ``catalog`` is the design's (``catalog_for``); a file that
    cannot be written raises :class:`~engine.atomic_file.WriteError`."""
    out = str(output)
    if target == "astra-sim":
        from engine.interop.astra_sim import write_astra
        return [f"wrote {path}" for path in write_astra(design, out, catalog)]
    from engine.interop.infragraph import design_to_infragraph
    data = design_to_infragraph(design, catalog)
    text = json.dumps(data, indent=1) + "\n" if out.lower().endswith(".json") else \
        yaml.safe_dump(data, sort_keys=False, default_flow_style=None, width=100)
    write_text(out, text)
    return [f"wrote {out}: {len(data['instances'])} instances, {len(data['links'])} links, "
            f"{len(data['edges'])} edges"]
