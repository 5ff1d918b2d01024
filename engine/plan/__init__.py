"""A plan over months: deliveries, when training finishes, and what each way of paying
has cost by each month under the price path (docs/engine.md, Plan)."""

from engine.plan.section import PLAN, PlanReport, plan_section
from engine.plan.settings import PlanSettings

__all__ = ["PLAN", "PlanReport", "PlanSettings", "plan_section"]
