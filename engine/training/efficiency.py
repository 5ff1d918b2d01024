"""How fast an accelerator runs a transformer's kernels: GEMMs and memory-bound work.

**GEMMs** run at a fraction of the precision's dense peak that falls for
small ones. A GEMM of ``F`` FLOPs takes

    t = F / (E * peak) + tau,    so its efficiency is  E * F / (F + E * peak * tau)

Hockney's half-performance form (the collectives model uses the same one for
messages): ``E`` is what large GEMMs reach inside a training step and
``tau`` the fixed cost of one GEMM (launch, tail wave, prologue), so a GEMM of
``E * peak * tau`` FLOPs runs at half of ``E``. ``tau`` = 2 us reproduces
calculon's A100 table (calculon-ai/calculon systems/a100_80g.json: 0.6 of
peak at 1 GFLOP, 0.9 at 16, 0.95 at 128, i.e. half of the large-GEMM value at
about 0.6 GFLOP = 312 TFLOP/s x 0.95 x 2 us). ``E`` is fitted to the
Megatron-LM runs of Narayanan et al. 2021 (tests/engine/test_training_calibration.py;
docs/engine.md, "Training"). FP8 GEMMs take ``E`` from kernel measurements instead
(:mod:`~engine.training.fp8_kernels`: DeepGEMM's, or the CUTLASS-based kernels before it).

GEMMs and attention kernels work in tiles of ``TILE`` rows (CUTLASS
threadblock tiles; FlashAttention-2's query blocks, Dao 2023,
arXiv:2307.08691): a dimension shorter than a tile leaves the rest of it idle
("tile quantization", NVIDIA's Matrix Multiplication Background guide).
This matters for attention over short chunks: context parallelism gives each
rank ``s / 2cp`` queries of a sequence per chunk.

**Memory-bound kernels** (norms, activation functions, softmax, dropout,
residual adds, cross-entropy) move about twice the bytes of the activations
a layer stores in the forward pass (each is written once and read once), and
twice that again in the backward pass, at ``MEMORY_EFFICIENCY`` of the HBM
bandwidth (calculon's A100 table for the 10-100 MB tensors a layer works on).
"""

from __future__ import annotations

import numpy as np

from engine.training.fp8_kernels import FP8_KERNEL_EFFICIENCY

GEMM_EFFICIENCY = 0.735          # E: fitted on Narayanan et al. 2021 Tables 1-2
GEMM_FIXED_S = 2e-6              # tau: calculon systems/a100_80g.json matrix efficiency table
MEMORY_EFFICIENCY = 0.75         # calculon systems/a100_80g.json mem1, 10-100 MB
ELEMENTWISE_TRAFFIC = 2.0        # forward bytes moved per byte of activations stored
TILE = 128                       # rows of a GEMM or attention tile


def large_gemm_efficiency(precision: str, fp8_kernels: str = "deepgemm") -> float:
    """``E`` for GEMMs in ``precision``: block-scaled FP8 reaches less of its peak, how much
    less depending on the ``fp8_kernels`` library."""
    return FP8_KERNEL_EFFICIENCY[fp8_kernels] if precision == "fp8" else GEMM_EFFICIENCY


def gemm_seconds(flops: np.ndarray | float, gemms: np.ndarray | float,
                 peak: float, efficiency: float = GEMM_EFFICIENCY) -> np.ndarray:
    """Time of ``gemms`` GEMMs doing ``flops`` FLOPs in all, at ``peak`` FLOP/s, large ones
    reaching ``efficiency`` of it."""
    return np.asarray(flops) / (efficiency * peak) + np.asarray(gemms) * GEMM_FIXED_S


def gemm_efficiency(flops: np.ndarray | float, peak: float) -> np.ndarray:
    """Fraction of ``peak`` one GEMM of ``flops`` FLOPs reaches (the curve above)."""
    flops = np.asarray(flops, dtype=float)
    return flops / (peak * gemm_seconds(flops, 1, peak))


def tile_fraction(length: np.ndarray | float) -> np.ndarray:
    """Share of each tile doing work when a kernel's rows are ``length`` long."""
    return np.minimum(1.0, np.asarray(length) / TILE)


def elementwise_seconds(activation_bytes: np.ndarray | float, bandwidth_Bps: float) -> \
        np.ndarray:
    """Forward time of the memory-bound kernels around ``activation_bytes`` of activations."""
    return ELEMENTWISE_TRAFFIC * np.asarray(activation_bytes) / (MEMORY_EFFICIENCY * bandwidth_Bps)


def memory_seconds(nbytes: np.ndarray | float, bandwidth_Bps: float) -> np.ndarray:
    """Time to stream ``nbytes`` through HBM (the optimizer step)."""
    return np.asarray(nbytes) / (MEMORY_EFFICIENCY * bandwidth_Bps)
