"""One serving estimate, with every key of the JSON contract (design.md, "Serving").

Keys are stable: add, never rename. Throughputs are the whole system's
(every replica); ``ttft_ms`` and ``tpot_ms`` are means (the server scenario's
p99s are beside them); ``kv_cache_gib`` and ``memory_per_gpu_gib`` are per
GPU; costs are per million output tokens and per request in ``currency``
(``None`` when the hardware has no price).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.results import to_data

JSON_KEYS = ("output_tokens_per_s", "input_tokens_per_s", "requests_per_s", "ttft_ms",
             "tpot_ms", "per_gpu_output_tokens_per_s", "batch_per_replica", "parallelism",
             "memory_per_gpu_gib", "kv_cache_gib", "max_batch_by_memory", "fits_in_memory",
             "bottleneck", "cost_per_million_output_tokens", "cost_per_request", "currency")


@dataclass(frozen=True)
class ServingLayout:
    tp: int
    pp: int
    ep: int
    replicas: int


@dataclass(frozen=True)
class StepParts:
    """Milliseconds of the iteration that sets the pace, by what bounds each part."""

    total: float
    compute: float
    memory: float
    communication: float


@dataclass(frozen=True)
class ServingEstimate:
    output_tokens_per_s: float
    input_tokens_per_s: float
    requests_per_s: float
    ttft_ms: float
    tpot_ms: float
    per_gpu_output_tokens_per_s: float
    batch_per_replica: int
    parallelism: ServingLayout
    memory_per_gpu_gib: float
    kv_cache_gib: float
    max_batch_by_memory: int
    fits_in_memory: bool
    bottleneck: str
    cost_per_million_output_tokens: float | None
    cost_per_request: float | None
    currency: str | None
    # beyond the contract: what the text output and the tests read
    ttft_p99_ms: float
    load: float                     # share of the replicas' capacity in use
    step_ms: StepParts
    weights_gib: float
    memory_capacity_gib: float
    gpus: int                       # used: tp x pp x ep x replicas
    gpus_available: int
    model: str
    accelerator: str
    scenario: str
    precision: str
    kv_precision: str
    input_tokens: int
    output_tokens: int
    cost_per_gpu_hour: float | None
    cost_basis: str | None

    def to_json(self) -> dict[str, Any]:
        """The contract's keys, in its order."""
        return {key: to_data(getattr(self, key)) for key in JSON_KEYS}
