"""Units: the engine is SI inside (bytes, seconds, FLOP/s, watts, bit/s).

Human units appear only in file keys, flags and displays; this module reads
and writes the ones they share (sizes, memory labels, numbers). In sizes,
``KB, MB, GB`` are powers of ten and ``KiB, MiB, GiB`` powers of two, as the
IEC prefixes say; a bare ``K``/``M``/``G`` (nccl-tests' own ``-b 8 -e 16G``
flags) is a power of two.
"""

from __future__ import annotations

import math
import re
from typing import Any

KIB, MIB, GIB, TIB = 2**10, 2**20, 2**30, 2**40
HOUR = 3600.0
DAY = 86400.0
YEAR = 365.25 * DAY

_SIZE_UNITS = {
    "": 1, "b": 1,
    "k": KIB, "m": MIB, "g": GIB, "t": TIB,
    "kib": KIB, "mib": MIB, "gib": GIB, "tib": TIB,
    "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
}
_SIZE = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*([a-z]*)\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Bytes in a size such as ``8``, ``256MB``, ``1GiB`` or ``16G``.

    Raises ``ValueError`` with a readable message for anything else.
    """
    match = _SIZE.match(text)
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _SIZE_UNITS:
        raise ValueError(f"not a size: {text!r} (examples: 8, 256MB, 1GiB, 16G)")
    value = float(match.group(1)) * _SIZE_UNITS[unit]
    if not math.isfinite(value) or value < 1 or value > 2**50:
        raise ValueError(f"size out of range (1 B to 1 PiB): {text!r}")
    return round(value)


def format_bytes(n: float) -> str:
    """A byte count the way nccl-tests prints sizes: 8 B, 64 KiB, 1 GiB."""
    for unit, size in (("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.2f} {unit}"
    return f"{n:.0f} B"


def memory_label_to_bytes(gb: float) -> float:
    """Bytes in a device-memory label: HBM sizes are binary, so an "80GB" H100 holds 80 GiB.

    nvidia-smi reports 81,559 MiB for an H100 80GB and 81,920 MiB for an A100 80GB;
    Google and AWS state TPU and Trainium memory in GiB (hardware reference README).
    """
    return gb * GIB


def bytes_to_memory_label(n: float) -> float:
    """The inverse of :func:`memory_label_to_bytes`: the "GB" a vendor would print."""
    return n / GIB


def number(value: Any) -> str:
    """A number the way a person reads it: thousands separated, 4 significant digits."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "-" if value is None else str(value)
    if isinstance(value, int) or (float(value).is_integer() and abs(value) >= 1000):
        return f"{int(value):,}"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:,.0f}"
    if magnitude >= 1 or magnitude == 0:
        return f"{value:.3g}" if magnitude < 10 else f"{value:.1f}"
    return f"{value:.3g}"
