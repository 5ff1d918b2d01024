"""``cluster-workbench catalog``: the hardware, models and settings the engine knows."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

from engine.catalog import AcceleratorSpec, Catalog, load_catalog
from engine.settings import is_settings_class, settings_of
from engine.units import bytes_to_memory_label
from workbench.cli.output import print_json, print_table

KINDS = ("accelerators", "links", "switches", "models", "settings")


EXAMPLES = (
    "cluster-workbench catalog accelerators",
    "cluster-workbench catalog switches --sources   # where each figure comes from",
    "cluster-workbench catalog settings --json",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", nargs="?", choices=KINDS, help="only this kind")
    p.add_argument("--sources", action="store_true",
                   help="where each entry's figures come from, instead of the figures")
    p.add_argument("--json", action="store_true", help="machine-readable output, sources "
                   "included")


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    kinds = [args.kind] if args.kind else [k for k in KINDS if k != "settings"]
    if args.json:
        out = {k: _settings_rows() if k == "settings" else list(getattr(catalog, k).values())
               for k in kinds}
        print_json(out)
        return 0
    for index, kind in enumerate(kinds):
        if index:
            print()
        table = _TABLES[kind](catalog)
        print(f"{kind.capitalize()}{', sources' if args.sources else ''}")
        if args.sources:
            print_table([table.headers[0], "source"], [[r[0], r[-1]] for r in table.rows],
                        right=[False, False], wrap=1)
        else:
            print_table(table.headers, [r[:-1] for r in table.rows], table.right, table.wrap)
    return 0


@dataclass(frozen=True)
class Table:
    """One kind's rows, each ending with its source (shown by ``--sources`` only); column
    ``wrap`` gives way to fit the terminal."""

    headers: list[str]
    rows: list[list[Any]]
    right: list[bool]
    wrap: int = 1


def _accelerators(catalog: Catalog) -> Table:
    rows = [[a.id, a.name, _tflops(a, "bf16"), _tflops(a, "fp8"),
             bytes_to_memory_label(a.memory_bytes), a.memory_bw_Bps / 1e12,
             f"{a.scale_up.bandwidth_Bps / 1e9:g} x{a.scale_up.domain}", a.tdp_w or "-",
             a.source] for a in catalog.accelerators.values()]
    return Table(["id", "name", "bf16 TF/s", "fp8 TF/s", "mem GB", "mem TB/s",
                  "scale-up GB/s x n", "TDP W"], rows,
                 [False, False, True, True, True, True, False, True])


def _tflops(accelerator: AcceleratorSpec, precision: str) -> float | str:
    peak = accelerator.peak_flops(precision)
    return peak / 1e12 if peak else "-"


def _links(catalog: Catalog) -> Table:
    rows = [[lk.id, lk.name, lk.kind, lk.bandwidth_Bps / 1e9, lk.efficiency,
             lk.latency_s * 1e6, lk.source] for lk in catalog.links.values()]
    return Table(["id", "name", "kind", "GB/s/dir", "efficiency", "latency us"], rows,
                 [False, False, False, True, True, True])


def _switches(catalog: Catalog) -> Table:
    rows = [[s.id, s.name, ",".join(s.link_kinds), s.ports, s.port_Bps * 8 / 1e9,
             s.power_w or "-", s.source] for s in catalog.switches.values()]
    return Table(["id", "name", "links", "ports", "Gb/s", "power W"], rows,
                 [False, False, False, True, True, True])


def _models(catalog: Catalog) -> Table:
    rows = [[m.id, m.name, m.layers, m.hidden, m.heads, m.kv_heads, m.seq_len,
             f"{m.moe.experts}x top-{m.moe.top_k}" if m.moe else "-",
             m.params_b or "-", m.source] for m in catalog.models.values()]
    return Table(["id", "name", "layers", "hidden", "heads", "kv", "seq", "experts",
                  "params B"], rows, [False, False, True, True, True, True, True, False, True])


def _settings_rows() -> list[dict]:
    # every section's module, so only when settings are listed
    from engine.estimates import REGISTRY
    rows = []
    for settings in REGISTRY.settings_sections():
        rows.extend(_rows_of(settings.key, settings.cls))
    return rows


def _rows_of(prefix: str, cls: type) -> list[dict]:
    rows = []
    for s in settings_of(cls):
        if is_settings_class(s.kind):
            rows.extend(_rows_of(f"{prefix}.{s.name}", s.kind))
            continue
        rows.append({"key": f"{prefix}.{s.name}", "label": s.info.label,
                     "default": s.default, "unit": s.info.unit, "source": s.info.source})
    return rows


def _settings(catalog: Catalog) -> Table:
    rows = [[r["key"], "auto" if r["default"] is None else r["default"], r["unit"],
             r["source"]] for r in _settings_rows()]
    return Table(["setting", "default", "unit"], rows, [False, True, False], wrap=2)


_TABLES = {"accelerators": _accelerators, "links": _links, "switches": _switches,
           "models": _models, "settings": _settings}
