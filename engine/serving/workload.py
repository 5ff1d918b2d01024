"""What a design serves: a model, a request shape, a scenario, targets and assumptions.

Declared with :func:`~engine.settings.setting` like the training workload, so
a design file (or the GUI) can carry a serving workload later by naming this
class; every assumption the serving estimate rests on is an
:class:`ServingOptions` field with its default and source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.catalog.specs import SERVING_PRECISIONS
from engine.settings import setting

SCENARIOS = ("offline", "server", "interactive")
BATCHING = ("continuous", "static")


@dataclass(frozen=True)
class ServingParallelism:
    """How one model replica is split; ``None``: searched."""

    tp: int | None = setting(None, "Tensor parallel", minimum=1)
    pp: int | None = setting(None, "Pipeline parallel", minimum=1)
    ep: int | None = setting(None, "Expert parallel", minimum=1,
                             doc="MoE experts spread over ep ranks; attention runs data "
                                 "parallel over them (DeepSeek-V3 and SGLang's layout)")
    replicas: int | None = setting(None, "Replicas", minimum=1,
                                   doc="default: as many as the accelerators hold")


@dataclass(frozen=True)
class ServingOptions:
    """The serving engine's behaviour and the assumptions the estimate rests on."""

    batching: str = setting(
        "continuous", "Batching", choices=BATCHING,
        doc="continuous: requests join and leave the batch every iteration, prompts in "
            "chunks beside the decodes; static: a batch is prefilled, then decoded to the end",
        source="Yu et al. 2022, Orca (OSDI), iteration-level scheduling; Agrawal et al. 2024, "
               "Sarathi-Serve (OSDI), chunked prefill; static batches as FasterTransformer")
    max_batch_tokens: int = setting(
        8192, "Token budget per iteration", unit="tokens", minimum=1,
        doc="prompt and decode tokens one iteration may hold (the chunk size of prefills)",
        source="TensorRT-LLM max_num_tokens default 8192; vLLM max_num_batched_tokens")
    step_overhead_ms: float = setting(
        1.0, "Overhead per iteration", unit="ms", minimum=0.0,
        doc="scheduling, sampling and launch gaps between iterations",
        source="assumption: the order of serving engines' per-iteration CPU time "
               "(scheduler, sampler, detokeniser) with CUDA graphs; not fitted")
    usable_memory: float = setting(
        0.9, "Usable memory", unit="fraction of device memory", minimum=0.3, maximum=1.0,
        doc="what the engine may fill with weights, activations and KV cache",
        source="vLLM gpu_memory_utilization default 0.9; TensorRT-LLM "
               "kv_cache_free_gpu_mem_fraction default 0.9")
    mla_compressed_kv: bool = setting(
        True, "Cache MLA's latent",
        doc="models with multi-head latent attention cache the compressed latent and the "
            "decoupled RoPE key, not full K and V",
        source="DeepSeek-AI 2024, DeepSeek-V2 (arXiv:2405.04434) Sec. 2.1: "
               "(d_c + d_h^R) values per token and layer")
    disaggregated: bool = setting(
        False, "Disaggregated prefill and decode",
        doc="prompts run on prefill replicas, decodes on others; the KV cache crosses the "
            "network once per request",
        source="Zhong et al. 2024, DistServe (OSDI); Patel et al. 2024, Splitwise (ISCA)")
    service_cv2: float = setting(
        1.0, "Variability of request work", unit="squared coefficient of variation",
        minimum=0.0,
        doc="of the work per request, for the server scenario's queueing (1: as variable "
            "as exponential)",
        source="assumption: chat outputs range from a few tokens to the 1,024 cap "
               "(MLPerf OpenOrca set), as spread as an exponential")
    server_ttft_ms: float = setting(
        2000.0, "Server p99 TTFT target", unit="ms", minimum=0.0,
        doc="used by the server scenario when no target is given",
        source="MLPerf Inference llama2-70b Server constraint (loadgen/mlperf.conf)")
    server_tpot_ms: float = setting(
        200.0, "Server p99 TPOT target", unit="ms", minimum=0.0,
        doc="used by the server scenario when no target is given",
        source="MLPerf Inference llama2-70b Server constraint (loadgen/mlperf.conf)")


@dataclass(frozen=True)
class ServingWorkload:
    """A model served to requests of one mean shape, in one scenario."""

    model: str = setting("llama2-70b", "Model", doc="catalog model id")
    input_tokens: int = setting(1024, "Input tokens", unit="tokens per request", minimum=1)
    output_tokens: int = setting(256, "Output tokens", unit="tokens per request", minimum=1)
    scenario: str = setting(
        "offline", "Scenario", choices=SCENARIOS,
        doc="offline: every request waiting (best throughput); server: Poisson arrivals, the "
            "best throughput whose p99 TTFT and TPOT meet the targets; interactive: a fixed "
            "number of requests in flight",
        source="MLPerf Inference scenarios (Offline, Server, Interactive)")
    batch: int | None = setting(None, "Batch per replica", unit="sequences", minimum=1,
                                doc="default: searched")
    concurrency: int | None = setting(None, "Concurrency", unit="requests in flight",
                                      minimum=1, doc="whole system (interactive scenario)")
    ttft_ms: float | None = setting(None, "TTFT target", unit="ms", minimum=0.0)
    tpot_ms: float | None = setting(None, "TPOT target", unit="ms", minimum=0.0)
    user_tokens_per_s: float = setting(
        5.0, "Speed per user", unit="output tokens/s", minimum=0.0,
        doc="what 'users served' counts: requests in flight whose TPOT is at most "
            "1 / this speed",
        source="about the speed people read: 238 words a minute (Brysbaert 2019, J. Memory "
               "and Language 109, meta-analysis of silent reading) at about 1.3 tokens a "
               "word; MLPerf's 200 ms Server TPOT limit is the same speed")
    precision: str = setting("bf16", "Precision", choices=SERVING_PRECISIONS,
                             doc="of the weights and the GEMMs")
    kv_precision: str | None = setting(None, "KV cache precision", choices=SERVING_PRECISIONS,
                                       doc="default: the precision (fp8 for fp4 weights)")
    parallelism: ServingParallelism = field(default_factory=ServingParallelism)
    options: ServingOptions = field(default_factory=ServingOptions)

    @property
    def cache_precision(self) -> str:
        if self.kv_precision is not None:
            return self.kv_precision
        return "fp8" if self.precision == "fp4" else self.precision
