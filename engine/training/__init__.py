"""Training time: how long a model takes to train on a design, with which parallelism.

``job_for(model spec, workload, Machine(accelerator, fabric))`` describes the
job; :func:`estimate` gives the best configuration's :class:`TrainingEstimate`
and :func:`search` the ranked list with the reasons others were rejected.
Modules: ``model`` (sizes and FLOPs), ``grid`` and ``config`` (candidate
configurations and their rules), ``memory``, ``efficiency``, ``timing``,
``comm`` (batched collectives), ``candidates``, ``result``, ``search``,
``section`` (the ``training`` section of ``evaluate``).
"""

from engine.training.job import Job, Machine, job_for
from engine.training.result import TrainingEstimate
from engine.training.search import RankingKey, SearchResult, by_time, estimate, search
from engine.training.section import TRAINING

__all__ = ["TRAINING", "Job", "Machine", "RankingKey", "SearchResult", "TrainingEstimate",
           "by_time", "estimate", "job_for", "search"]
