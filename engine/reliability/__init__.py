"""The reliability model: how often a job fails, how often to checkpoint, what is left.

``failures`` turns per-part failure rates into the job's MTBF and the hot
spares it needs, ``checkpoints`` holds Young's interval and Daly's goodput,
``section`` puts them together for an evaluation (docs/engine.md, Reliability).
"""

from engine.reliability.section import RELIABILITY, ReliabilityReport, reliability_section

__all__ = ["RELIABILITY", "ReliabilityReport", "reliability_section"]
