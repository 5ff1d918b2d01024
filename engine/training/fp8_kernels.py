"""How much of the FP8 peak block-scaled FP8 GEMMs reach, by kernel library.

DeepSeek-V3's FP8 recipe (arXiv:2412.19437 Sec. 3.3) scales GEMM inputs per
1x128 activation tile and 128x128 weight block and promotes partial sums to
CUDA cores every 128 elements, which keeps such GEMMs below the fraction of
the peak 16-bit GEMMs reach. DeepGEMM's README (deepseek-ai/DeepGEMM,
"Performance", 2025-02) measures its kernels on an H800 for DeepSeek-V3's
shapes, each with its speedup over "our internally and carefully optimized
implementation based on CUTLASS 3.6": the kernels of the time DeepSeek-V3
was trained (2024; DeepGEMM was released on 2025-02-26).

A library's efficiency is the median, over the training-sized rows (the
dense GEMMs of 4,096 rows and the contiguous grouped GEMMs, in which each
expert's tokens are concatenated), of the row's TFLOP/s over the H800's
1,979 TFLOP/s FP8 peak; the CUTLASS-based kernels' TFLOP/s is each row's
divided by its speedup. The README prints speedups to one decimal, so that
figure is good to about 5%.
"""

from __future__ import annotations

from statistics import median

from engine.design import FP8_KERNELS

H800_FP8_PEAK_TFLOPS = 1979.0

#: (rows M, or groups x rows per group; N; K; DeepGEMM TFLOP/s; speedup over CUTLASS 3.6)
TRAINING_SHAPES = (
    ("4096", 2112, 7168, 1058, 1.1),
    ("4096", 24576, 1536, 990, 1.0),
    ("4096", 32768, 512, 590, 1.0),
    ("4096", 7168, 16384, 1358, 1.2),
    ("4096", 4096, 7168, 1304, 1.1),
    ("4096", 7168, 2048, 1025, 1.1),
    ("4 x 8192", 4096, 7168, 1297, 1.2),
    ("4 x 8192", 7168, 2048, 1099, 1.2),
    ("8 x 4096", 4096, 7168, 1288, 1.2),
    ("8 x 4096", 7168, 2048, 1093, 1.1),
)

#: Fraction of the FP8 peak large block-scaled FP8 GEMMs reach, by library.
FP8_KERNEL_EFFICIENCY = dict(zip(FP8_KERNELS, (
    median(row[3] for row in TRAINING_SHAPES) / H800_FP8_PEAK_TFLOPS,
    median(row[3] / row[4] for row in TRAINING_SHAPES) / H800_FP8_PEAK_TFLOPS), strict=True))
