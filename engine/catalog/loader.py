"""Catalog files to :class:`~engine.catalog.registry.Catalog`, with every problem located.

The shipped files live beside this module. Users add their own in a
catalog folder (``$CLUSTER_WORKBENCH_CATALOG``, else
``~/.config/cluster-workbench/catalog``) or in a layout file's ``catalog:``
section; all go through :func:`parse_entries`, so the same checks apply.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from engine.catalog.registry import Catalog, Entry, name_key
from engine.catalog.specs import (
    ARCHITECTURES,
    CLOUD_KINDS,
    CONFIDENCES,
    CURRENCIES,
    FFN_KINDS,
    LINK_KINDS,
    NCCL_IB_STEP,
    PRECISIONS,
    PRICE_KINDS,
    PRICE_TYPES,
    SCALE_UP_TOPOLOGIES,
    SERVING_PRECISIONS,
    AcceleratorSpec,
    CloudPrice,
    LinkSpec,
    MLASpec,
    ModelSpec,
    MoESpec,
    Peaks,
    PricePoint,
    Provenance,
    ScaleUp,
    ServerSpec,
    StepLatency,
    SwitchSpec,
)
from engine.errors import CatalogError
from engine.limits import MODEL_SHAPE
from engine.units import memory_label_to_bytes
from engine.validation import Fields, Reporter
from engine.validation import Path as KeyPath
from engine.yamlio import read_yaml_file

SHIPPED_DIR = Path(__file__).parent
CATALOG_VERSION = 1
ENV_USER_DIR = "CLUSTER_WORKBENCH_CATALOG"
KINDS = ("links", "switches", "models", "accelerators")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9.-]*")


@dataclass
class Parsed:
    """Entries read from one source, each with where it was read."""

    entries: list[tuple[Entry, KeyPath]] = field(default_factory=list)


def parse_entries(fields: Fields) -> Parsed:
    """Read the four entry lists of one catalog mapping (a file or a layout's section)."""
    parsed = Parsed()
    readers = {"links": _link, "switches": _switch, "models": _model,
               "accelerators": _accelerator}
    for kind in KINDS:
        for path, item in fields.items(kind):
            entry = readers[kind](Fields(item, path, fields.report))
            if entry is not None:
                parsed.entries.append((entry, path))
    return parsed


def check_names(parsed: Parsed, report: Reporter) -> None:
    """Within one source, ids are unique per kind and no name answers to two entries."""
    ids: set[tuple[type, str]] = set()
    owners: dict[tuple[type, str], str] = {}
    for entry, path in parsed.entries:
        if (type(entry), entry.id) in ids:
            report.add(path + ("id",), f"duplicate id {entry.id!r}")
            continue
        ids.add((type(entry), entry.id))
        for key_name, name in (("id", entry.id), ("name", entry.name),
                               *(("aliases", a) for a in entry.aliases)):
            owner = owners.setdefault((type(entry), name_key(name)), entry.id)
            if owner != entry.id:
                report.add(path + (key_name,), f"{name!r} already names {owner!r}")


def check_references(catalog: Catalog, parsed: Parsed, report: Reporter) -> None:
    """Link ids named by accelerators must exist in ``catalog``."""
    for entry, path in parsed.entries:
        if not isinstance(entry, AcceleratorSpec):
            continue
        for key, link_id in (("scale_up", entry.scale_up.link), ("server", entry.server.nic_link)):
            if catalog.find_link(link_id) is None:
                sub = "link" if key == "scale_up" else "nic_link"
                report.add(path + (key, sub), f"unknown link type {link_id!r}")


def load_catalog_file(path: Path) -> tuple[Parsed, Reporter]:
    """Parse one catalog file; raises :class:`CatalogError` if it cannot be read at all."""
    doc = read_yaml_file(path, CatalogError)
    report = Reporter(doc.locator)
    fields = Fields(doc.data, (), report)
    fields.integer("catalog_version", required=True, minimum=1, maximum=CATALOG_VERSION)
    if report.problems:   # not a catalog of ours: its keys are not ours to list
        raise CatalogError(report.problems, str(path))
    parsed = parse_entries(fields)
    fields.finish()
    return parsed, report


def build_catalog(sources: Iterable[Path], base: Catalog | None = None) -> Catalog:
    """Merge catalog files over ``base``; raise one :class:`CatalogError` per bad file."""
    catalog = base or Catalog()
    loaded: list[tuple[Path, Parsed, Reporter]] = []
    for path in sources:
        parsed, report = load_catalog_file(path)
        catalog = catalog.merged(entry for entry, _ in parsed.entries)
        loaded.append((path, parsed, report))
    for path, parsed, report in loaded:
        check_names(parsed, report)
        check_references(catalog, parsed, report)
        if report.problems:
            raise CatalogError(report.problems, str(path))
    return catalog


def user_catalog_dir() -> Path:
    """Where a user's own catalog files are looked for."""
    configured = os.environ.get(ENV_USER_DIR)
    if configured:
        return Path(configured)
    return Path.home() / ".config" / "cluster-workbench" / "catalog"


def shipped_files() -> list[Path]:
    return sorted(SHIPPED_DIR.glob("*.yaml"))


@lru_cache(maxsize=4)
def _cached(user_dir: str | None) -> Catalog:
    catalog = build_catalog(shipped_files())
    if user_dir and Path(user_dir).is_dir():
        catalog = build_catalog(sorted(Path(user_dir).glob("*.yaml")), base=catalog)
    return catalog


def load_catalog(user_dir: str | os.PathLike[str] | None = None, *, user: bool = True) -> Catalog:
    """The shipped catalog plus the user's folder (``user=False`` for the shipped one only)."""
    if not user:
        return _cached(None)
    return _cached(str(user_dir or user_catalog_dir()))


def with_layout_section(base: Catalog, data: Any, path: KeyPath, report: Reporter) -> Catalog:
    """``base`` extended by a layout file's ``catalog:`` section; problems go to ``report``."""
    fields = Fields(data, path, report)
    parsed = parse_entries(fields)
    fields.finish()
    catalog = base.merged(entry for entry, _ in parsed.entries)
    check_names(parsed, report)
    check_references(catalog, parsed, report)
    return catalog


# -- one reader per entry kind -------------------------------------------------

def _common(f: Fields) -> dict[str, Any]:
    entry_id = f.text("id", required=True)
    if entry_id is not None and not ID_PATTERN.fullmatch(entry_id):
        f.report.add(f.path + ("id",), f"must be lowercase letters, digits, '.' and '-', "
                     f"got {entry_id!r}")
    return {
        "id": entry_id,
        "name": f.text("name", required=True),
        "aliases": f.texts("aliases"),
        "source": f.text("source", required=True),
        "notes": f.text("notes", "") or "",
    }


def _complete(f: Fields, values: dict[str, Any], before: int) -> bool:
    """True if this entry read cleanly (no new problems) so it may be built."""
    f.finish()
    return len(f.report.problems) == before and all(
        v is not None for k, v in values.items() if k in ("id", "name", "source"))


def _prices(f: Fields) -> tuple[PricePoint, ...]:
    out = []
    for path, item in f.items("prices"):
        p = Fields(item, path, f.report)
        values = (p.number("amount", required=True, positive=True),
                  p.text("currency", required=True, choices=CURRENCIES),
                  p.text("date", required=True),
                  p.text("kind", required=True, choices=PRICE_KINDS),
                  p.text("source", required=True),
                  p.text("qualifier", "") or "")
        provenance = _provenance(p)
        p.finish()
        if None not in values:
            out.append(PricePoint(*values, provenance=provenance))
    return tuple(out)


def _cloud_prices(f: Fields) -> tuple[CloudPrice, ...]:
    """Rows priced in ``usd_per_hour`` or ``cny_per_hour`` (one of the two)."""
    out = []
    for path, item in f.items("cloud_prices"):
        p = Fields(item, path, f.report)
        rates = {currency: p.number(f"{currency.lower()}_per_hour", positive=True)
                 for currency in CURRENCIES}
        given = [(currency, rate) for currency, rate in rates.items() if rate is not None]
        if len(given) != 1:
            p.report.add(path, "needs exactly one of usd_per_hour, cny_per_hour")
        values = (p.text("provider", required=True),
                  p.text("kind", required=True, choices=CLOUD_KINDS),
                  p.text("source", required=True))
        extra = (p.text("instance", "") or "", p.text("region", "") or "",
                 p.text("date", "") or "")
        provenance = _provenance(p)
        p.finish()
        if None not in values and len(given) == 1:
            provider, kind, source = values
            currency, rate = given[0]
            out.append(CloudPrice(provider, rate, kind, source, *extra, currency=currency,
                                  provenance=provenance))
    return tuple(out)


def _provenance(p: Fields) -> Provenance:
    return Provenance(p.text("price_type", "", choices=PRICE_TYPES) or "",
                      p.text("confidence", "", choices=CONFIDENCES) or "",
                      p.text("derived", "") or "")


def _accelerator(f: Fields) -> AcceleratorSpec | None:
    before = len(f.report.problems)
    common = _common(f)
    vendor = f.text("vendor", required=True)
    peaks = _peaks(f.mapping("peak_tflops", required=True))
    memory_gb = f.number("memory_gb", required=True, positive=True)
    memory_tbps = f.number("memory_tbps", required=True, positive=True)
    tdp = f.number("tdp_w", positive=True)
    tdp_assumed = f.text("tdp_assumed", "") or ""
    sms = f.integer("sms", minimum=1)
    scale_up = _scale_up(f.mapping("scale_up", required=True))
    server = _server(f.mapping("server", required=True))
    prices, cloud = _prices(f), _cloud_prices(f)
    if not _complete(f, common, before) or None in (vendor, peaks, memory_gb, memory_tbps,
                                                   scale_up, server):
        return None
    return AcceleratorSpec(
        vendor=vendor, peaks=peaks, memory_bytes=memory_label_to_bytes(memory_gb),
        memory_bw_Bps=memory_tbps * 1e12, scale_up=scale_up, server=server, tdp_w=tdp,
        prices=prices, cloud_prices=cloud, tdp_assumed=tdp_assumed, sms=sms, **common)


def _peaks(f: Fields | None) -> Peaks | None:
    if f is None:
        return None
    values = {p: f.number(p, positive=True) for p in SERVING_PRECISIONS}
    f.finish()
    if all(values[p] is None for p in PRECISIONS):
        f.report.add(f.path, "needs at least one of bf16, fp16, fp8")
        return None
    return Peaks(**{k: v * 1e12 if v is not None else None for k, v in values.items()})


def _scale_up(f: Fields | None) -> ScaleUp | None:
    if f is None:
        return None
    values = (f.text("link", required=True), f.number("GBps_per_dir", required=True,
                                                      positive=True),
              f.integer("domain", required=True, minimum=1))
    reduction = f.flag("in_network_reduction", False)
    topology = f.text("topology", "switch", choices=SCALE_UP_TOPOLOGIES)
    f.finish()
    if None in values:
        return None
    link, gbps, domain = values
    return ScaleUp(link, gbps * 1e9, domain, reduction, topology)


def _server(f: Fields | None) -> ServerSpec | None:
    if f is None:
        return None
    values = (f.text("name", required=True), f.integer("accelerators", required=True, minimum=1),
              f.integer("nics", required=True, minimum=0), f.text("nic_link", required=True))
    power_kw = f.number("power_kw", positive=True)
    f.finish()
    if None in values:
        return None
    return ServerSpec(*values, power_w=power_kw * 1e3 if power_kw else None)


def _link(f: Fields) -> LinkSpec | None:
    before = len(f.report.problems)
    common = _common(f)
    values = {
        "kind": f.text("kind", required=True, choices=LINK_KINDS),
        "bandwidth_Bps": f.number("GBps_per_dir", required=True, positive=True),
        "efficiency": f.number("efficiency", required=True, positive=True, maximum=1.0),
        "latency_s": f.number("latency_us", required=True, minimum=0.0),
        "scale_up": f.flag("scale_up", required=True),
    }
    step = _step_latency(f)
    if not _complete(f, common, before) or None in values.values():
        return None
    values["bandwidth_Bps"] *= 1e9
    values["latency_s"] *= 1e-6
    return LinkSpec(**values, **common, step_latency=step)


def _step_latency(f: Fields) -> StepLatency:
    """``step_latency_us: {LL, LL128, Simple}`` or ``step_extra_latency_us``, and the
    ``latency_basis`` they rest on (required with either); NCCL's constants otherwise."""
    if not (f.has("step_latency_us") or f.has("step_extra_latency_us")):
        return NCCL_IB_STEP
    table = f.mapping("step_latency_us")
    by_protocol: tuple[float | None, ...] = ()
    if table is not None:
        by_protocol = tuple(table.number(p, required=True, positive=True)
                            for p in ("LL", "LL128", "Simple"))
        table.finish()
    extra = f.number("step_extra_latency_us", 0.0, minimum=0.0)
    basis = f.text("latency_basis", required=True)
    if None in (*by_protocol, extra, basis):
        return NCCL_IB_STEP
    return StepLatency(tuple(v * 1e-6 for v in by_protocol), extra * 1e-6, basis)


def _switch(f: Fields) -> SwitchSpec | None:
    before = len(f.report.problems)
    common = _common(f)
    kinds = f.texts("link_kinds")
    for index, kind in enumerate(kinds):
        if kind not in LINK_KINDS:
            f.report.add(f.path + ("link_kinds", index),
                         f"must be one of {', '.join(LINK_KINDS)}, got {kind!r}")
    if not kinds and not f.has("link_kinds"):
        f.report.add(f.path + ("link_kinds",), "is required")
    values = {
        "vendor": f.text("vendor", required=True),
        "ports": f.integer("ports", required=True, minimum=1),
        "port_Bps": f.number("port_gbps", required=True, positive=True),
        "latency_s": f.number("latency_ns", required=True, minimum=0.0),
        "in_network_reduction": f.flag("in_network_reduction", False),
    }
    power = f.number("power_w", positive=True)
    prices = _prices(f)
    if not _complete(f, common, before) or None in values.values():
        return None
    values["port_Bps"] *= 1e9 / 8
    values["latency_s"] *= 1e-9
    return SwitchSpec(link_kinds=kinds, power_w=power, prices=prices, **values, **common)


def _model(f: Fields) -> ModelSpec | None:
    before = len(f.report.problems)
    common = _common(f)
    heads = _shape(f, "heads", required=True)
    hidden = _shape(f, "hidden", required=True)
    values = {
        "architecture": f.text("architecture", "decoder", choices=ARCHITECTURES),
        "layers": _shape(f, "layers", required=True),
        "hidden": hidden,
        "heads": heads,
        "kv_heads": _shape(f, "kv_heads", heads),
        "ffn_hidden": _shape(f, "ffn_hidden", 4 * hidden if hidden else None),
        "ffn": f.text("ffn", "gelu", choices=FFN_KINDS),
        "seq_len": _shape(f, "seq_len", required=True),
        "vocab": _shape(f, "vocab", required=True),
        "mtp_depth": _shape(f, "mtp_depth", 0, minimum=0),
    }
    tied = f.flag("tied_embeddings", False)
    moe, mla = _moe(f.mapping("moe")), _mla(f.mapping("mla"))
    params_b = f.number("params_b", positive=True)
    tokens = f.number("trained_tokens", positive=True)
    if heads and values["kv_heads"] and heads % values["kv_heads"]:
        f.report.add(f.path + ("kv_heads",), f"must divide heads ({heads})")
    if not _complete(f, common, before) or None in values.values():
        return None
    return ModelSpec(tied_embeddings=tied, moe=moe, mla=mla, params_b=params_b,
                     trained_tokens=tokens, **values, **common)


def _moe(f: Fields | None) -> MoESpec | None:
    if f is None:
        return None
    experts = _shape(f, "experts", required=True)
    values = (experts, f.integer("top_k", required=True, minimum=1,
                                 maximum=experts or MODEL_SHAPE["top_k"]),
              _shape(f, "expert_ffn_hidden", required=True),
              _shape(f, "shared_experts", 0, minimum=0), _shape(f, "dense_layers", 0, minimum=0),
              _shape(f, "route_nodes", 0, minimum=0))
    f.finish()
    return None if None in values else MoESpec(*values)


def _mla(f: Fields | None) -> MLASpec | None:
    if f is None:
        return None
    names = ("q_lora_rank", "kv_lora_rank", "qk_nope_head_dim", "qk_rope_head_dim", "v_head_dim")
    values = [_shape(f, n, required=True) for n in names]
    f.finish()
    return None if None in values else MLASpec(*values)


def _shape(f: Fields, key: str, default: int | None = None, *, required: bool = False,
           minimum: int = 1) -> int | None:
    """One dimension of a model's shape, within :data:`~engine.limits.MODEL_SHAPE`."""
    return f.integer(key, default, required=required, minimum=minimum,
                     maximum=MODEL_SHAPE[key])
