"""Communication times for many configurations at once.

The collectives model (:mod:`engine.collectives`) is vectorised over message
sizes for one group of ranks. A search asks for thousands of (ranks, stride,
size) triples that share a handful of groups, so each distinct group is
called once with its distinct sizes and the answers are spread back.
"""

from __future__ import annotations

import numpy as np

from engine.collectives import collective, point_to_point
from engine.fabric import Fabric


def collective_seconds(fabric: Fabric, op: str, nbytes: np.ndarray, ranks: np.ndarray,
                       stride: np.ndarray) -> np.ndarray:
    """Time of ``op`` over ``ranks`` ranks ``stride`` apart, row by row (0 for one rank)."""
    nbytes, ranks, stride = np.broadcast_arrays(np.asarray(nbytes, dtype=float), ranks, stride)
    out = np.zeros(nbytes.shape)
    active = (ranks > 1) & (nbytes > 0)
    groups = ranks.astype(np.int64) * (1 << 32) + stride.astype(np.int64)
    for group in np.unique(groups[active]):
        rows = active & (groups == group)
        sizes, inverse = np.unique(nbytes[rows], return_inverse=True)
        n, s = divmod(int(group), 1 << 32)
        out[rows] = collective(fabric, op, sizes, n, s).time_s[inverse]
    return out


def send_seconds(fabric: Fabric, nbytes: np.ndarray, distance: np.ndarray) -> np.ndarray:
    """Time to send ``nbytes`` to the rank ``distance`` places away, row by row."""
    nbytes, distance = np.broadcast_arrays(np.asarray(nbytes, dtype=float), distance)
    out = np.zeros(nbytes.shape)
    for d in np.unique(distance[distance > 0]):
        rows = distance == d
        sizes, inverse = np.unique(nbytes[rows], return_inverse=True)
        out[rows] = point_to_point(fabric, sizes, int(d))[inverse]
    return out
