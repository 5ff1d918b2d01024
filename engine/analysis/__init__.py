"""What the live analysis panels draw beyond an evaluation, computed by the engine.

Modules, one curve each: ``bandwidth`` (bus bandwidth against message size),
``link_loads`` (each link's load under the busiest collective),
``cost_curves`` (buy against rent over months, a run's bill by part),
``checkpoint_curve`` (goodput against the checkpoint interval), ``scaling``
(time to train and MFU with the design's block replicated),
``alternatives`` (the parallelism search's best configurations),
``serving_curve`` (the serving search's throughput against latency);
``panels`` bundles them by cost. Every number comes from the model modules
(collectives, training, cost, reliability, serving); nothing here has a formula of
its own.
"""

from engine.analysis.panels import Curves, Exploration, curves, explore

__all__ = ["Curves", "Exploration", "curves", "explore"]
