"""``cluster-workbench catalog``: the hardware, models and settings the engine knows."""

from __future__ import annotations

import argparse

from engine.catalog import AcceleratorSpec, Catalog, load_catalog
from engine.estimates import REGISTRY
from engine.settings import is_settings_class, settings_of
from engine.units import bytes_to_memory_label
from workbench.cli.output import print_json, print_table

KINDS = ("accelerators", "links", "switches", "models", "settings")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("catalog", help="list known accelerators, links, switches, models")
    p.add_argument("kind", nargs="?", choices=KINDS, help="only this kind")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=run)


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
        print(kind.capitalize())
        _TEXT[kind](catalog)
    return 0


def _accelerators(catalog: Catalog) -> None:
    rows = []
    for a in catalog.accelerators.values():
        rows.append([a.id, a.name, _tflops(a, "bf16"), _tflops(a, "fp8"),
                     bytes_to_memory_label(a.memory_bytes), a.memory_bw_Bps / 1e12,
                     f"{a.scale_up.bandwidth_Bps / 1e9:g} x{a.scale_up.domain}",
                     a.tdp_w or "-", a.source])
    print_table(["id", "name", "bf16 TF", "fp8 TF", "mem GB", "TB/s", "scale-up GB/s x n",
                 "TDP W", "source"], rows,
                right=[False, False, True, True, True, True, False, True, False])


def _tflops(accelerator: AcceleratorSpec, precision: str) -> float | str:
    peak = accelerator.peak_flops(precision)
    return peak / 1e12 if peak else "-"


def _links(catalog: Catalog) -> None:
    rows = [[lk.id, lk.name, lk.kind, lk.bandwidth_Bps / 1e9, lk.efficiency,
             lk.latency_s * 1e6, lk.source] for lk in catalog.links.values()]
    print_table(["id", "name", "kind", "GB/s/dir", "efficiency", "latency us", "source"], rows)


def _switches(catalog: Catalog) -> None:
    rows = [[s.id, s.name, ",".join(s.link_kinds), s.ports, s.port_Bps * 8 / 1e9,
             s.power_w or "-", s.source] for s in catalog.switches.values()]
    print_table(["id", "name", "links", "ports", "Gb/s", "power W", "source"], rows,
                right=[False, False, False, True, True, True, False])


def _models(catalog: Catalog) -> None:
    rows = [[m.id, m.name, m.layers, m.hidden, m.heads, m.kv_heads, m.seq_len,
             f"{m.moe.experts}x top-{m.moe.top_k}" if m.moe else "-",
             m.params_b or "-", m.source] for m in catalog.models.values()]
    print_table(["id", "name", "layers", "hidden", "heads", "kv", "seq", "experts",
                 "params B", "source"], rows,
                right=[False, False, True, True, True, True, True, False, True, False])


def _settings_rows() -> list[dict]:
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


def _settings(catalog: Catalog) -> None:
    rows = [[r["key"], "auto" if r["default"] is None else r["default"], r["unit"],
             r["source"]] for r in _settings_rows()]
    print_table(["setting", "default", "unit", "source"], rows,
                right=[False, True, False, False])


_TEXT = {"accelerators": _accelerators, "links": _links, "switches": _switches,
         "models": _models, "settings": _settings}
