"""Waiting for a batch slot under Poisson arrivals: the server scenario's approximation.

A replica holding ``B`` sequences is a queue with ``c = B`` servers (slots);
a request holds its slot for the replica's cycle, ``S = B / mu`` at the
replica's steady-state rate ``mu`` requests a second, and waits only when
every slot is taken. For Poisson arrivals at load ``rho`` the probability
of waiting is Erlang's C, taken in the Halfin-Whitt form that holds for
the many slots of a batch (Halfin and Whitt 1981, "Heavy-traffic limits
for queues with many exponential servers"):

    C = 1 / (1 + sqrt(2 pi) beta Phi(beta) exp(beta^2 / 2)),  beta = (1 - rho) sqrt(c)

A waiting request's wait is exponential with mean ``S / (c (1 - rho))``
(M/M/c), so ``P(wait > t) = C exp(-c (1 - rho) t / S)`` and the 99th
percentile is ``S / (c (1 - rho)) x ln(100 C)`` (none when ``C <= 1%``).
Work per request that varies more or less than exponential scales waits by
``(1 + c_s^2) / 2`` (the Allen-Cunneen approximation for G/G/c queues).
"""

from __future__ import annotations

import numpy as np

P99_TAIL = 100.0          # 1 / (1 - 0.99)
BISECTIONS = 40
MAX_EXPONENT = 700.0        # exp(700) ~ 1e304, below float64's largest
# Abramowitz and Stegun 7.1.26: erf(x) for x >= 0 within 1.5e-7.
_ERF_P = 0.3275911
_ERF_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def _normal_cdf(x: np.ndarray) -> np.ndarray:
    z = np.abs(x) / np.sqrt(2.0)
    t = 1.0 / (1.0 + _ERF_P * z)
    erf = 1.0 - t * np.polyval(_ERF_A[::-1], t) * np.exp(-z * z)
    return 0.5 * (1.0 + np.sign(x) * erf)


def waiting_probability(rho: np.ndarray, slots: np.ndarray) -> np.ndarray:
    """Erlang C in the Halfin-Whitt form: the chance an arrival finds every slot busy."""
    beta = (1.0 - np.asarray(rho, dtype=float)) * np.sqrt(slots)
    growth = np.exp(np.minimum(beta**2 / 2, MAX_EXPONENT))   # beyond it the chance is ~0
    return 1.0 / (1.0 + np.sqrt(2 * np.pi) * beta * _normal_cdf(beta) * growth)


def _scale(rho: np.ndarray, replica_rate: np.ndarray, cv2: float) -> np.ndarray:
    """Mean wait of a request that waits: ``S / (c (1 - rho)) = 1 / (mu (1 - rho))``."""
    return (1.0 + cv2) / 2.0 / (replica_rate * (1.0 - np.asarray(rho, dtype=float)))


def mean_wait(rho: np.ndarray, replica_rate: np.ndarray, slots: np.ndarray,
              cv2: float) -> np.ndarray:
    return waiting_probability(rho, slots) * _scale(rho, replica_rate, cv2)


def p99_wait(rho: np.ndarray, replica_rate: np.ndarray, slots: np.ndarray,
             cv2: float) -> np.ndarray:
    tail = np.log(np.maximum(P99_TAIL * waiting_probability(rho, slots), 1.0))
    return tail * _scale(rho, replica_rate, cv2)


def max_load(allowed_s: np.ndarray, replica_rate: np.ndarray, slots: np.ndarray,
             cv2: float) -> np.ndarray:
    """The highest load whose p99 wait stays within ``allowed_s`` (0 if none is allowed)."""
    allowed_s = np.asarray(allowed_s, dtype=float)
    low, high = np.zeros(allowed_s.shape), np.ones(allowed_s.shape)
    for _ in range(BISECTIONS):
        mid = (low + high) / 2
        ok = p99_wait(mid, replica_rate, slots, cv2) <= allowed_s
        low, high = np.where(ok, mid, low), np.where(ok, high, mid)
    return np.where(allowed_s >= 0, low, 0.0)
