"""How far to trust each figure: bands from the engine's residuals against published runs."""

from engine.trust.bands import (
    Band,
    Coverage,
    collective_bands,
    cost_bands,
    leave_one_out,
    reliability_bands,
    serving_bands,
    training_bands,
)
from engine.trust.fidelity import Trust, for_keys
from engine.trust.residuals import Residual, load_residuals

__all__ = [
    "Band",
    "Coverage",
    "Residual",
    "Trust",
    "collective_bands",
    "cost_bands",
    "for_keys",
    "leave_one_out",
    "load_residuals",
    "reliability_bands",
    "serving_bands",
    "training_bands",
]
