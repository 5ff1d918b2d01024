"""Capacity: users served at a reading speed, and accelerators needed for a stated load.

A user reading at ``s`` tokens per second is served by a sequence slot whose
TPOT is at most ``1/s``; the system serves as many such users at once as it
has slots (replicas x batch) when its TPOT allows, none when not (search with
``tpot_ms = 1000/s`` to find the layout that serves most). A load of ``R``
requests a second needs ``R`` over one replica's rate replicas, rounded up,
each of ``tp x pp x ep`` accelerators.
"""

from __future__ import annotations

import math

from engine.serving.result import ServingEstimate

SECONDS_PER_DAY = 86400.0


def users_served(e: ServingEstimate, tokens_per_s_per_user: float) -> int:
    """Users ``e`` serves at once, each at least ``tokens_per_s_per_user`` tokens a second."""
    if e.tpot_ms <= 0 or 1e3 / e.tpot_ms < tokens_per_s_per_user:
        return 0
    return e.batch_per_replica * e.parallelism.replicas


def gpus_for_load(e: ServingEstimate, requests_per_s: float) -> int:
    """Accelerators for ``requests_per_s`` with ``e``'s layout and batch (whole replicas)."""
    p = e.parallelism
    per_replica = e.requests_per_s / p.replicas
    return math.ceil(requests_per_s / per_replica) * p.tp * p.pp * p.ep


def gpus_for_tokens_per_day(e: ServingEstimate, output_tokens_per_day: float) -> int:
    """Accelerators to generate ``output_tokens_per_day`` with ``e``'s request shape."""
    return gpus_for_load(e, output_tokens_per_day / SECONDS_PER_DAY / e.output_tokens)
