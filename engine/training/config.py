"""Which parallel configurations can run: divisibility rules, each with its reason.

Rules are vectorised predicates over columns of configurations (see
:mod:`engine.training.grid`). Layout rules concern how the model and the
batch divide over tp, pp, cp, ep and dp (Megatron-LM's constraints:
heads and query groups per TP rank, layers per stage, experts per EP rank,
sequences per DP rank); schedule rules concern micro-batches, virtual stages
and ZeRO. A configuration that breaks several rules is counted under the
first, so counts add up to the number rejected.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from engine.training.model import Transformer, layers_per_stage

Columns = dict[str, np.ndarray]


@dataclass(frozen=True)
class Rule:
    """A condition every configuration must meet, and what to say when one does not."""

    reason: str
    broken: Callable[[Columns], np.ndarray]


def layout_rules(m: Transformer, gpus: int, global_batch: int) -> tuple[Rule, ...]:
    """Rules on (tp, pp, cp, ep, dp): divisibility of the model and the machine."""
    return (
        Rule(f"tp must divide the {m.heads} attention heads", lambda c: m.heads % c["tp"] != 0),
        Rule(f"tp must divide the {m.kv_heads} key-value heads",
             lambda c: m.kv_heads % c["tp"] != 0),
        Rule(f"pp must not exceed the {m.layers} layers", lambda c: c["pp"] > m.layers),
        Rule(f"cp must split the {m.seq_len}-token sequence into 2 x cp equal chunks",
             lambda c: (c["cp"] > 1) & (m.seq_len % (2 * c["cp"]) != 0)),
        Rule("ep needs experts to spread" if not m.experts else
             f"ep must divide the {m.experts} experts",
             lambda c: (c["ep"] > 1) & ((m.experts == 0) | (m.experts % c["ep"] != 0))),
        Rule(f"tp x pp x cp x dp must not exceed the {gpus} GPUs",
             lambda c: (c["dp"] < 1) | (c["tp"] * c["pp"] * c["cp"] * c["dp"] > gpus)),
        Rule(f"dp must divide the global batch of {global_batch} sequences",
             lambda c: (c["dp"] >= 1) & (global_batch % np.maximum(c["dp"], 1) != 0)),
        Rule("ep must divide dp x cp (expert groups are carved out of the data-parallel ranks)",
             lambda c: (c["dp"] * c["cp"]) % c["ep"] != 0),
    )


def schedule_rules(m: Transformer, global_batch: int, dualpipe: bool) -> tuple[Rule, ...]:
    """Rules on the micro-batch, virtual stages and ZeRO stage of a valid layout."""
    def micro_batches(c: Columns) -> np.ndarray:
        return global_batch // c["dp"] // c["micro_batch"]

    return (
        Rule("micro-batch must divide the sequences per data-parallel rank",
             lambda c: (global_batch // c["dp"]) % c["micro_batch"] != 0),
        Rule("virtual stages need pp > 1", lambda c: (c["virtual_stages"] > 1) & (c["pp"] == 1)),
        Rule("virtual stages must divide the layers of a stage",
             lambda c: layers_per_stage(m, c["pp"]) % c["virtual_stages"] != 0),
        Rule("the interleaved schedule needs a multiple of pp micro-batches (Megatron-LM)",
             lambda c: (c["virtual_stages"] > 1) & (micro_batches(c) % c["pp"] != 0)),
        Rule("ZeRO-2/3 cannot be combined with pipeline parallelism (DeepSpeed allows "
             "ZeRO-1 only)", lambda c: (c["zero"] >= 2) & (c["pp"] > 1)),
        Rule("DualPipe needs an even number of pipeline stages and no virtual stages (it runs "
             "two chunks of its own)",
             lambda c: dualpipe & (c["pp"] > 1)
             & ((c["pp"] % 2 != 0) | (c["virtual_stages"] > 1))),
    )


def apply_rules(columns: Columns, rules: Sequence[Rule], rejected: Counter[str]) -> Columns:
    """The rows of ``columns`` that break no rule; each rejected row counted once, first rule."""
    keep = np.ones(next(iter(columns.values())).size, dtype=bool)
    for rule in rules:
        broken = keep & rule.broken(columns)
        if broken.any():
            rejected[rule.reason] += int(broken.sum())
            keep &= ~broken
    return {name: values[keep] for name, values in columns.items()}
