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
about 0.6 GFLOP = 312 TFLOP/s x 0.95 x 2 us).

**``E`` per accelerator and precision.** ``E`` is known at one anchor per
precision class: 16-bit GEMMs on the A100 (``GEMM_EFFICIENCY``, fitted to the
Megatron-LM runs of Narayanan et al. 2021, tests/engine/test_training_calibration.py),
FP8 GEMMs on the H800 (:mod:`~engine.training.fp8_kernels`: DeepGEMM's kernel table, or
the CUTLASS-based kernels before it). Another
accelerator's ``E`` is the anchor's times the ratio of the two parts' published
large-GEMM fractions of peak (:mod:`engine.catalog.gemm_kernels`):

    E(part) = E(anchor) x kernel(part) / kernel(anchor)

so what a training step loses beyond its kernels (the A100 fit over the A100's
kernel fraction: layer shapes that are not the kernel's best, clocks under a
whole node's load, launch gaps) is carried over as a factor, and what the
kernels themselves reach comes from kernel measurements, not from training
runs. A part with no published measurement keeps the anchor's ``E``.

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

from dataclasses import dataclass

import numpy as np

from engine.catalog.gemm_kernels import KernelFraction, kernel_fraction
from engine.training.fp8_kernels import FP8_KERNEL_EFFICIENCY

GEMM_EFFICIENCY = 0.735          # E: fitted on Narayanan et al. 2021 Tables 1-2
GEMM_FIXED_S = 2e-6              # tau: calculon systems/a100_80g.json matrix efficiency table
MEMORY_EFFICIENCY = 0.75         # calculon systems/a100_80g.json mem1, 10-100 MB
ELEMENTWISE_TRAFFIC = 2.0        # forward bytes moved per byte of activations stored
TILE = 128                       # rows of a GEMM or attention tile


# What each FP8 kernel library's E on the H800 rests on (engine.training.fp8_kernels).
FP8_ANCHOR_BASIS = {"deepgemm": "DeepGEMM's block-scaled FP8 table on H800",
                    "cutlass": "DeepGEMM's table over its speedups on the CUTLASS 3.6 kernels, "
                               "H800"}


def _anchor(precision: str, fp8_kernels: str) -> tuple[str, float, str]:
    """The accelerator a precision's ``E`` was measured on: (catalog id, E, what E rests on)."""
    if precision == "fp8":
        return "h800", FP8_KERNEL_EFFICIENCY[fp8_kernels], FP8_ANCHOR_BASIS[fp8_kernels]
    return "a100-80gb", GEMM_EFFICIENCY, "the fit to Narayanan et al. 2021's 13 A100 runs"


@dataclass(frozen=True)
class GemmBasis:
    """A part's large-GEMM efficiency ``E`` and what it rests on."""

    efficiency: float
    anchor: str                        # the catalog id E was measured on
    anchor_efficiency: float
    anchor_basis: str
    own: KernelFraction | None         # the part's kernel fraction, None if unpublished
    reference: KernelFraction | None   # the anchor's

    def describe(self) -> str:
        """One sentence for a figure's fidelity reason: fitted, kernel-calibrated or
        extrapolated, and from what."""
        if self.own is None or self.reference is None:
            return (f"GEMM efficiency extrapolated: {self.efficiency:.3f} of peak, that of "
                    f"{self.anchor} ({self.anchor_basis}), as no large-GEMM throughput of this "
                    "part in this precision is published")
        if self.own.rows == self.reference.rows:
            return (f"GEMM efficiency {self.efficiency:.3f} of peak ({self.anchor_basis}; "
                    f"the large-GEMM fraction published for {self.anchor}'s silicon: "
                    f"{self.own.fraction:.2f}, {self.own.describe()})")
        return (f"GEMM efficiency kernel-calibrated: {self.efficiency:.3f} of peak = "
                f"{self.anchor}'s {self.anchor_efficiency:.3f} ({self.anchor_basis}) x this "
                f"part's large-GEMM fraction {self.own.fraction:.2f} ({self.own.describe()}) / "
                f"{self.anchor}'s {self.reference.fraction:.2f}")


def gemm_basis(precision: str, accelerator: str | None = None,
               fp8_kernels: str = "deepgemm") -> GemmBasis:
    """``E`` for large GEMMs in ``precision`` on ``accelerator`` (a catalog id; None: the
    anchor's), carried from the precision's anchor by published kernel fractions; FP8 from
    the ``fp8_kernels`` library's."""
    anchor, value, basis = _anchor(precision, fp8_kernels)
    reference = kernel_fraction(anchor, precision)
    own = kernel_fraction(accelerator, precision) if accelerator is not None else None
    efficiency = value * own.fraction / reference.fraction \
        if own is not None and reference is not None else value
    return GemmBasis(efficiency, anchor, value, basis, own, reference)


def large_gemm_efficiency(precision: str, accelerator: str | None = None,
                          fp8_kernels: str = "deepgemm") -> float:
    """``E`` for GEMMs in ``precision`` on ``accelerator`` (see :func:`gemm_basis`)."""
    return gemm_basis(precision, accelerator, fp8_kernels).efficiency


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
