"""What a section says about how far to trust its figures, by figure key.

A section declares a ``trust`` function (:class:`~engine.sections.Section`);
the evaluation keeps what it returns beside the section's result, so the
bands, labels and notes travel with the figures to every output: the JSON
of every command, the headline figures, the tiles, the comparison and the
report. Three things can be said of a figure: its band
(:class:`~engine.trust.bands.Band`), the part of the design it covers when
it is not the whole design, and the assumed value it rests on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from engine.trust.bands import Band


@dataclass(frozen=True)
class Trust:
    """Bands, coverage notes and assumptions of one section's figures, by figure key."""

    bands: Mapping[str, Band] = field(default_factory=dict)
    covers: Mapping[str, str] = field(default_factory=dict)    # key -> the part it is of
    assumed: Mapping[str, str] = field(default_factory=dict)   # key -> the assumed value

    def to_json(self) -> dict[str, Any]:
        """``bands{key: [low, high]}`` and ``fidelity{key: {label, reason}}``, then
        ``covers`` and ``assumed`` (each only when it has entries)."""
        data: dict[str, Any] = {}
        if self.bands:
            data["bands"] = {k: [b.low, b.high] for k, b in self.bands.items()}
            data["fidelity"] = {k: {"label": b.label, "reason": b.reason}
                                for k, b in self.bands.items()}
        if self.covers:
            data["covers"] = dict(self.covers)
        if self.assumed:
            data["assumed"] = dict(self.assumed)
        return data


def for_keys(keys: tuple[str, ...], note: str) -> dict[str, str]:
    """``note`` for each of ``keys`` (none when the note is empty)."""
    return dict.fromkeys(keys, note) if note else {}
