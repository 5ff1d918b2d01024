"""Catalog entries for what another tool describes by numbers only.

An NCCL topology gives a NIC's speed in Mb/s, an InfraGraph a link's
bandwidth in Gb/s; the design needs catalog ids. A link matches on its kind
and its line rate (within 1%); a switch on the link kinds it takes and a
port rate at least the link's, the closest rate first.
"""

from __future__ import annotations

from collections.abc import Iterable

from engine.catalog import Catalog, LinkSpec, SwitchSpec

RATE_TOLERANCE = 0.01


def link_at_rate(catalog: Catalog, kinds: Iterable[str], gbps: float) -> LinkSpec | None:
    """The catalog link of one of ``kinds`` (in order of preference) running at ``gbps``."""
    for kind in kinds:
        for link in catalog.links.values():
            rate = link.bandwidth_Bps * 8 / 1e9
            if link.kind == kind and abs(rate - gbps) <= RATE_TOLERANCE * gbps:
                return link
    return None


def switch_for(catalog: Catalog, link: LinkSpec, ports: int) -> SwitchSpec | None:
    """A catalog switch that takes ``link`` at its rate with at least ``ports`` ports."""
    fits = [s for s in catalog.switches.values()
            if link.kind in s.link_kinds and s.port_Bps >= link.bandwidth_Bps * 0.99
            and s.ports >= ports]
    if not fits:
        fits = [s for s in catalog.switches.values() if link.kind in s.link_kinds]
    return min(fits, key=lambda s: (s.port_Bps, -s.ports)) if fits else None
