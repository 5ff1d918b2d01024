"""Serving: what a machine delivers serving a model, in tokens per second, latency and cost.

``serving_estimate(model spec, accelerator, fabric, ServingWorkload, price)``
gives the best configuration's :class:`ServingEstimate` (``to_json()`` holds
the contract's keys); :func:`serving_search` the ranked list and why the
rest were rejected. Modules: ``workload`` (what is served, and the named
assumptions), ``model`` (bytes per weight and KV cache per token), ``step``
(one iteration's roofline and communication), ``memory`` (per GPU, the
largest batch), ``batching`` (continuous, static, disaggregated),
``queueing`` (the server scenario's waits), ``search``, ``cost`` (per
million tokens and per request) and ``capacity`` (users, GPUs for a load).
"""

from engine.serving.capacity import gpus_for_load, gpus_for_tokens_per_day, users_served
from engine.serving.cost import Price, price_of
from engine.serving.result import JSON_KEYS, ServingEstimate
from engine.serving.search import ServingSearch, serving_estimate, serving_search
from engine.serving.workload import ServingOptions, ServingParallelism, ServingWorkload

__all__ = ["JSON_KEYS", "Price", "ServingEstimate", "ServingOptions", "ServingParallelism",
           "ServingSearch", "ServingWorkload", "gpus_for_load", "gpus_for_tokens_per_day",
           "price_of", "serving_estimate", "serving_search", "users_served"]
