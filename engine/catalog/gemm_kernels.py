"""Published large-GEMM throughput per accelerator and precision (``measured/gemm_kernels.yaml``).

What one accelerator's best matmul kernel reaches alone, as a fraction of the
catalog's dense peak: the kernel-level data the training engine's GEMM
efficiency is carried across accelerators by
(:func:`engine.training.efficiency.large_gemm_efficiency`). A part's fraction
is the median of the reference harness's rows for it (one script, one method,
every vendor, so fractions compare), else of the other sources' rows. FP16
takes the BF16 rows where the part has no FP16 row and runs both at one peak
(the same tensor-core rate on the spec sheet).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from engine.catalog.loader import load_catalog
from engine.errors import CatalogError, Problem

GEMM_KERNELS = Path(__file__).parent / "measured" / "gemm_kernels.yaml"
PRECISIONS = ("bf16", "fp16", "fp8")


@dataclass(frozen=True)
class GemmMeasurement:
    """One published large-GEMM throughput of one device in one precision."""

    device: str
    accelerators: tuple[str, ...]     # catalog ids of the same silicon at the same clocks
    precision: str
    tflops: float
    source: str                       # a key of the file's ``sources``
    shape: str = ""                   # M x N x K, where the source states it
    software: str = ""


@dataclass(frozen=True)
class KernelFraction:
    """The fraction of an accelerator's catalog peak its large GEMMs reach, and why."""

    accelerator: str
    precision: str
    fraction: float
    rows: tuple[GemmMeasurement, ...]

    def describe(self) -> str:
        """``MAMF: 794.5 TFLOP/s BF16 on NVIDIA H100 SXM`` (each row the fraction rests on)."""
        return "; ".join(f"{r.source}: {r.tflops:g} TFLOP/s {r.precision.upper()} on {r.device}"
                         for r in self.rows)


@dataclass(frozen=True)
class GemmKernels:
    """The file: its reference source, the sources by key and every row."""

    reference: str
    sources: dict[str, str]
    measurements: tuple[GemmMeasurement, ...]


def _row(raw: dict, index: int, sources: dict[str, str]) -> GemmMeasurement:
    path = f"measurements[{index}]"
    try:
        row = GemmMeasurement(**{**raw, "accelerators": tuple(raw["accelerators"]),
                                 "tflops": float(raw["tflops"])})
    except (KeyError, TypeError, ValueError) as error:
        raise CatalogError([Problem(f"{GEMM_KERNELS.name}: {path}",
                                    f"not a measurement ({error})")]) from error
    if row.source not in sources:
        raise CatalogError([Problem(f"{GEMM_KERNELS.name}: {path}.source",
                                    f"unknown source {row.source!r}")])
    if row.precision not in PRECISIONS:
        raise CatalogError([Problem(f"{GEMM_KERNELS.name}: {path}.precision",
                                    f"one of {', '.join(PRECISIONS)}")])
    return row


@cache
def load_gemm_kernels() -> GemmKernels:
    """The shipped file, checked: every row names a known source and precision."""
    data = yaml.safe_load(GEMM_KERNELS.read_text(encoding="utf-8"))
    sources = dict(data["sources"])
    rows = tuple(_row(raw, i, sources) for i, raw in enumerate(data["measurements"]))
    return GemmKernels(data["reference"], sources, rows)


@cache
def kernel_fraction(accelerator: str, precision: str) -> KernelFraction | None:
    """Fraction of the shipped catalog's ``precision`` peak that ``accelerator``'s large GEMMs
    reach, or ``None`` where nothing is published (or the id is not a shipped part)."""
    catalog = load_catalog(user=False)
    if accelerator not in catalog.accelerators:
        return None
    spec = catalog.accelerator(accelerator)
    peak = spec.peak_flops(precision)
    if not peak:
        return None
    kernels = load_gemm_kernels()
    rows = [r for r in kernels.measurements
            if accelerator in r.accelerators and r.precision == precision]
    if not rows and precision == "fp16" and peak == spec.peak_flops("bf16"):
        rows = [r for r in kernels.measurements
                if accelerator in r.accelerators and r.precision == "bf16"]
    chosen = [r for r in rows if r.source == kernels.reference] or rows
    if not chosen:
        return None
    tflops = statistics.median(r.tflops for r in chosen)
    return KernelFraction(accelerator, precision, tflops * 1e12 / peak, tuple(chosen))
