"""Waiting for admission under Poisson arrivals: the server scenario's approximation.

A replica is treated as one server that completes requests at its
steady-state rate ``mu`` (a batch of ``B`` slots queues less than this, so
the waits are upper bounds). At load ``rho``, Kingman's formula (Kingman
1961, "The single server queue in heavy traffic") gives the mean wait for
Poisson arrivals (``c_a^2 = 1``) and work of squared coefficient of variation
``c_s^2``:

    W = rho / (1 - rho) x (1 + c_s^2) / 2 x 1/mu

and the wait's tail is taken as exponential, as in M/M/1, which Kingman's
formula equals for ``c_s^2 = 1``: ``P(wait > t) = rho exp(-rho t / W)``, so
the 99th percentile is ``W / rho x ln(100 rho)`` (no wait when ``rho <= 1%``).
"""

from __future__ import annotations

import numpy as np

P99_TAIL = 100.0          # 1 / (1 - 0.99)
BISECTIONS = 40


def mean_wait(rho: np.ndarray, service_s: np.ndarray, cv2: float) -> np.ndarray:
    rho = np.asarray(rho, dtype=float)
    return rho / (1.0 - rho) * (1.0 + cv2) / 2.0 * service_s


def p99_wait(rho: np.ndarray, service_s: np.ndarray, cv2: float) -> np.ndarray:
    rho = np.asarray(rho, dtype=float)
    tail = np.log(np.maximum(P99_TAIL * rho, 1.0))
    return (1.0 + cv2) / 2.0 * service_s / (1.0 - rho) * tail


def max_load(allowed_s: np.ndarray, service_s: np.ndarray, cv2: float) -> np.ndarray:
    """The highest load whose p99 wait stays within ``allowed_s`` (0 if none is allowed)."""
    allowed_s = np.asarray(allowed_s, dtype=float)
    low, high = np.zeros(allowed_s.shape), np.ones(allowed_s.shape)
    for _ in range(BISECTIONS):
        mid = (low + high) / 2
        ok = p99_wait(mid, service_s, cv2) <= allowed_s
        low, high = np.where(ok, mid, low), np.where(ok, high, mid)
    return np.where(allowed_s >= 0, low, 0.0)
