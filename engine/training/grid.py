"""The candidate parallel configurations of a job, as aligned numpy arrays.

A :class:`Grid` holds many configurations column by column, so memory and
time are computed for all of them at once. Ranks are placed in Megatron-LM's
default order tp-cp-ep-dp-pp: tensor-parallel ranks are adjacent (stride 1),
context-parallel ranks stride ``tp``, data-parallel ranks stride
``tp x cp`` (expert-parallel groups are carved out of the ``dp x cp`` ranks,
stride ``tp``), pipeline stages stride ``tp x cp x dp``.

The grid is built in two levels. Layouts come first: tp from powers of two
and the divisors of the heads that divide the scale-up domain, cp from
powers of two, pp from powers of two and the divisors of the layers, ep from
powers of two and the divisors of the experts, and dp
as given or the largest that fits the remaining GPUs and divides the global
batch (fewer GPUs than the machine has may be used: the estimate says how
many). Layouts that pass :func:`~engine.training.config.layout_rules` are
crossed with their schedules (virtual stages dividing a stage's layers,
power-of-two micro-batches dividing a rank's sequences, ZeRO stages when
there is data parallelism to shard over); schedules that pass
:func:`~engine.training.config.schedule_rules` with sequence parallelism
(when tp > 1) and the three recomputation modes. A field the user fixed
takes that value only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from engine.design import RECOMPUTE, Parallelism
from engine.training.config import Columns, apply_rules, layout_rules, schedule_rules
from engine.training.model import Transformer, layers_per_stage

FIELDS = ("tp", "pp", "dp", "cp", "ep", "micro_batch", "virtual_stages", "zero",
          "recompute", "sequence_parallel")
ZERO_STAGES = (0, 1, 2, 3)


@dataclass(frozen=True)
class Grid:
    """Configurations as aligned arrays; ``recompute`` indexes :data:`RECOMPUTE`."""

    tp: np.ndarray
    pp: np.ndarray
    dp: np.ndarray
    cp: np.ndarray
    ep: np.ndarray
    micro_batch: np.ndarray
    virtual_stages: np.ndarray
    zero: np.ndarray
    recompute: np.ndarray
    sequence_parallel: np.ndarray

    def __len__(self) -> int:
        return int(self.tp.size)

    def take(self, index: np.ndarray) -> Grid:
        """The configurations at ``index`` (integer array or boolean mask)."""
        return Grid(**{name: getattr(self, name)[index] for name in FIELDS})

    def row(self, i: int) -> dict[str, int | bool | str]:
        """Configuration ``i`` as plain values."""
        out: dict[str, int | bool | str] = {name: int(getattr(self, name)[i]) for name in FIELDS}
        out["recompute"] = RECOMPUTE[int(self.recompute[i])]
        out["sequence_parallel"] = bool(self.sequence_parallel[i])
        return out

    @property
    def gpus(self) -> np.ndarray:
        return self.tp * self.pp * self.dp * self.cp


def tokens_per_gpu(m: Transformer, grid: Grid) -> np.ndarray:
    """Tokens of one micro-batch on one GPU (context parallelism splits the sequence)."""
    return grid.micro_batch * m.seq_len / grid.cp


@dataclass(frozen=True)
class Enumeration:
    """The configurations that passed every divisibility rule, and the count of each reason."""

    grid: Grid
    rejected: Counter[str]


def enumerate_grid(m: Transformer, fixed: Parallelism, gpus: int, global_batch: int,
                   domain: int, dualpipe: bool) -> Enumeration:
    """Every valid configuration of ``m`` on ``gpus`` GPUs in scale-up domains of ``domain``;
    ``fixed``'s non-None fields hold."""
    rejected: Counter[str] = Counter()
    columns = _layouts(m, fixed, gpus, global_batch, domain)
    columns = apply_rules(columns, layout_rules(m, gpus, global_batch), rejected)
    columns = _expand(columns, "virtual_stages", columns["pp"], lambda pp: _or_fixed(
        fixed.virtual_stages, _divisors(int(layers_per_stage(m, pp))) if pp > 1 else [1]))
    columns = _expand(columns, "micro_batch", columns["dp"], lambda dp: _or_fixed(
        fixed.micro_batch, _powers_of_two_dividing(global_batch // dp)))
    columns = _expand(columns, "zero", columns["dp"] * columns["cp"], lambda dpcp: _or_fixed(
        fixed.zero, ZERO_STAGES if dpcp > 1 else [0]))
    columns = apply_rules(columns, schedule_rules(m, global_batch, dualpipe), rejected)
    columns = _expand(columns, "sequence_parallel", columns["tp"], lambda tp: [
        bool(fixed.sequence_parallel) and tp > 1] if fixed.sequence_parallel is not None
        else [False, True] if tp > 1 else [False])
    codes = [RECOMPUTE.index(fixed.recompute)] if fixed.recompute else range(len(RECOMPUTE))
    columns = _expand(columns, "recompute", np.zeros_like(columns["tp"]), lambda _: list(codes))
    return Enumeration(Grid(**{name: columns[name] for name in FIELDS}), rejected)


def _layouts(m: Transformer, fixed: Parallelism, gpus: int, global_batch: int,
             domain: int) -> Columns:
    """Every (tp, pp, cp, ep) candidate, with dp given or the largest that fits.

    Searched tensor-parallel sizes divide the scale-up domain, so a TP group
    (adjacent ranks) never leaves it: its two collectives per layer and pass
    would otherwise cross the network (Narayanan et al. 2021, Sec. 3.2: tp up
    to the GPUs of a server). A tp the user fixed is taken as given.
    """
    powers = _powers_of_two(gpus)
    tp = _or_fixed(fixed.tp, [t for t in _upto(gpus, powers, _divisors(m.heads))
                              if domain % t == 0])
    pp = _or_fixed(fixed.pp, _upto(min(gpus, m.layers), powers, _divisors(m.layers)))
    cp = _or_fixed(fixed.cp, powers)
    ep = _or_fixed(fixed.ep, _upto(gpus, powers, _divisors(m.experts)) if m.experts else [1])
    mesh = np.meshgrid(tp, pp, cp, ep, indexing="ij")
    columns = {name: axis.ravel().astype(np.int64)
               for name, axis in zip(("tp", "pp", "cp", "ep"), mesh, strict=True)}
    room = gpus // (columns["tp"] * columns["pp"] * columns["cp"])
    if fixed.dp is not None:
        columns["dp"] = np.full_like(room, fixed.dp)
    else:
        divisors = np.asarray(_divisors(global_batch))
        columns["dp"] = np.where(room >= 1, divisors[np.searchsorted(divisors, room,
                                                                     side="right") - 1], 0)
    return columns


def _expand(columns: Columns, name: str, key: np.ndarray,
            options: Callable[[int], Iterable[int | bool]]) -> Columns:
    """Each row repeated once per option its ``key`` value allows, with ``name`` set to it."""
    rows, values = [], []
    for k in np.unique(key):
        chosen = np.flatnonzero(key == k)
        opts = np.asarray(list(options(int(k))))
        rows.append(np.repeat(chosen, opts.size))
        values.append(np.tile(opts, chosen.size))
    index = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    out = {n: v[index] for n, v in columns.items()}
    out[name] = np.concatenate(values) if values else np.zeros(0, dtype=np.int64)
    return out


def _or_fixed(value: int | None, options: Iterable[int]) -> list[int]:
    return [value] if value is not None else list(options)


def _powers_of_two(limit: int) -> list[int]:
    return [2**k for k in range(limit.bit_length()) if 2**k <= limit]


def _powers_of_two_dividing(n: int) -> list[int]:
    return [p for p in _powers_of_two(n) if n % p == 0]


def _divisors(n: int) -> list[int]:
    small = [d for d in range(1, int(n**0.5) + 1) if n % d == 0]
    return sorted({*small, *(n // d for d in small)})


def _upto(limit: int, *option_lists: list[int]) -> list[int]:
    return sorted({v for options in option_lists for v in options if v <= limit})
