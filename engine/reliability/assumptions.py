"""Which reliability figures rest on a default that is an assumption, not a measurement.

The failure rates are Llama 3's counted interruptions (their band is the
counting error). The restart time is a worked example's (Daly 2006) and the
repair time has no published figure at all: a figure resting on either,
left at its default, is marked assumed.
"""

from __future__ import annotations

from engine.design import ReliabilitySettings
from engine.phrases import Template

_SCHEDULE = ("goodput", "time_to_train_days_with_failures", "cost_per_run_with_failures")
# setting -> the figures resting on it
RESTING_ON = {"restart_min": _SCHEDULE, "repair_hours": ("hot_spare_servers",)}
DEFAULTS_ASSUMED = Template("assumed default {settings}: set your fleet's")


def assumed_settings(settings: ReliabilitySettings) -> dict[str, str]:
    """Figure key -> the default settings it rests on that are assumptions."""
    defaults = ReliabilitySettings()
    out: dict[str, list[str]] = {}
    for name, figures in RESTING_ON.items():
        value = getattr(settings, name)
        if value == getattr(defaults, name):
            for key in figures:
                out.setdefault(key, []).append(f"reliability.{name} {value:g}")
    return {key: DEFAULTS_ASSUMED(settings=", ".join(names)) for key, names in out.items()}
