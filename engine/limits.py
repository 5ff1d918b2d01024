"""How much work a design may ask for: the limits every input is held to.

A small file can ask for unbounded work (a link ``count`` of ten million from
each of 16 servers is 160 million cables; three nested groups of 1,000
replicas are a billion units), so one number at a time is not enough: the
rule set (:mod:`engine.rules`) multiplies counts through groups and
replicas, in exact integers, and refuses a design over these totals before
any estimate runs or allocates. The catalog reader holds model shapes to
:data:`MODEL_SHAPE`. Each limit is generous: a 1,000,000-accelerator design
with a three-tier fabric is well inside them (docs/format.md, "Limits").
"""

from __future__ import annotations

import math

#: One count, replica number or whole-number setting: no design has ten million of one thing.
MAX_COUNT = 10**7
#: Any other number: larger ones are typos or attacks, not hardware (and 1e30 x 1e30 is
#: still a finite float, so arithmetic on two of them cannot overflow).
MAX_NUMBER = 1e30
#: Canvas positions, scene units: far beyond any drawing, small enough to paint.
MAX_COORDINATE = 1e7

#: Accelerators in a whole design, replicas and groups multiplied through: twice the
#: largest cluster announced (about 1,000,000 GPUs).
MAX_ACCELERATORS = 2_000_000
#: Servers, switches and lone accelerators in a whole design (the topology numbers each
#: one: a few bytes per unit).
MAX_UNITS = 2_000_000
#: Physical cables in a whole design: a 2,000,000-accelerator design with one NIC per
#: accelerator in a three-tier fat tree needs about 6,000,000. The topology numbers both
#: ends of each (16 bytes a cable).
MAX_LINKS = 8_000_000

#: Training tokens: 100,000 times the largest published run (about 36 trillion).
MAX_TOKENS = 1e18

#: A model's shape, each at least 100 times the largest published model's (Megatron's
#: 1T: 128 layers, hidden 25,600; DeepSeek-V3: 256 experts; contexts of 10M tokens).
MODEL_SHAPE = {
    "layers": 10_000,
    "hidden": 1_000_000,
    "heads": 100_000,
    "kv_heads": 100_000,
    "ffn_hidden": 4_000_000,
    "seq_len": 100_000_000,
    "vocab": 10_000_000,
    "experts": 100_000,
    "top_k": 100_000,
    "expert_ffn_hidden": 4_000_000,
    "shared_experts": 100_000,
    "dense_layers": 10_000,
    "route_nodes": 100_000,
    "mtp_depth": 10_000,
    "q_lora_rank": 1_000_000,
    "kv_lora_rank": 1_000_000,
    "qk_nope_head_dim": 100_000,
    "qk_rope_head_dim": 100_000,
    "v_head_dim": 100_000,
}


def size_of(value: int) -> str:
    """A whole number as a message quotes it: huge ones by their size, not their digits
    (a 5,000-digit number is no error message, and Python refuses to print one)."""
    if abs(value) < 10**30:
        return str(value)
    return f"a number of about {int(value.bit_length() * math.log10(2)) + 1} digits"
