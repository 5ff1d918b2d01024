"""Checkpointing under random failures: the interval and the share of time that is work.

With failures arriving as a Poisson process of mean time ``mtbf``, a job that
computes for ``interval`` between checkpoints taking ``write`` each, and
needs ``restart`` to resume after a failure, spends on average (Daly 2006,
"A higher order estimate of the optimum checkpoint interval for restart
dumps", FGCS 22(3), doi:10.1016/j.future.2004.11.016, the complete model)

    T_wall = mtbf * exp(restart / mtbf) * (exp((interval + write) / mtbf) - 1) * T_work / interval

so the goodput T_work / T_wall falls as failures rise. The interval that
minimises the time lost is Young's (1974, "A first order approximation to the
optimum checkpoint interval", CACM 17(9)) ``sqrt(2 x write x mtbf)``, the
leading term of Daly's higher-order estimate.
"""

from __future__ import annotations

import math


def young_interval_s(write_s: float, mtbf_s: float) -> float:
    """Young's optimum compute time between checkpoints, sqrt(2 x write x MTBF)."""
    return math.sqrt(2.0 * write_s * mtbf_s)


def goodput(interval_s: float, write_s: float, mtbf_s: float, restart_s: float) -> float:
    """Fraction of wall-clock time that advances training (Daly's complete model)."""
    if math.isinf(mtbf_s):
        return interval_s / (interval_s + write_s) if math.isfinite(interval_s) else 1.0
    if interval_s <= 0:
        return 0.0
    # In logs, so that failures far more frequent than checkpoints do not overflow.
    x = (interval_s + write_s) / mtbf_s
    log_expm1 = math.log(math.expm1(x)) if x < 1 else x + math.log1p(-math.exp(-x))
    log_wall = math.log(mtbf_s) + restart_s / mtbf_s + log_expm1
    return math.exp(math.log(interval_s) - log_wall)


def checkpoint_write_s(parameters: float, bytes_per_parameter: float,
                       storage_Bps: float) -> float:
    """Seconds to write the model state at the storage bandwidth the job gets."""
    return parameters * bytes_per_parameter / storage_Bps
