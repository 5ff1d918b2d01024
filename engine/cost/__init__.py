"""The cost model: buying versus renting a design, and what its workload costs.

``prices`` picks dated prices and converts currencies, ``buy`` and ``rent``
price the two ways of getting the hardware, ``section`` puts them together
for an evaluation (docs/engine.md, Cost).
"""

from engine.cost.parts import CostLine
from engine.cost.section import (
    COST,
    CostReport,
    TrainingFigures,
    break_even_months,
    cost_section,
)

__all__ = ["COST", "CostLine", "CostReport", "TrainingFigures", "break_even_months",
           "cost_section"]
