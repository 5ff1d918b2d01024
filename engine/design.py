"""The design model: what a layout file holds, as frozen dataclasses.

A :class:`Design` is nodes (accelerator servers, standalone accelerators,
switches), links between them, groups that repeat their members, and the
settings of its estimates: workload, cost and reliability, and those of
sections added since, by section. A node stands for ``replicas``
identical units, so a 16,384-GPU cluster is a few dozen nodes. Positions are
plain ``(x, y)`` tuples: the canvas reads them from here and never keeps its
own.

Designs are immutable values: an edit builds a new design (``replace``), so
undo can keep old ones and two designs compare with ``==``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any

from engine.catalog.specs import CLOUD_KINDS, PRECISIONS
from engine.limits import MAX_TOKENS
from engine.settings import setting

NODE_KINDS = ("server", "accelerator", "switch")
LINK_PATTERNS = ("spread", "mesh", "ring", "torus")
SELF_PATTERNS = ("mesh", "ring", "torus")
RECOMPUTE = ("none", "selective", "full")
FP8_KERNELS = ("deepgemm", "cutlass")      # engine/training/fp8_kernels.py, newest first
CURRENCIES = ("USD", "CNY")
BASES = ("rent", "buy")
BUY_UNITS = ("card", "server")
ACCELERATOR_OVERRIDES = ("peak_tflops_bf16", "peak_tflops_fp16", "peak_tflops_fp8",
                         "memory_gb", "memory_tbps", "scale_up_GBps_per_dir", "tdp_w",
                         "price_usd")
SWITCH_OVERRIDES = ("ports", "power_w", "price_usd")


@dataclass(frozen=True)
class Node:
    """A box on the canvas standing for ``replicas`` identical units."""

    id: str
    kind: str                       # one of NODE_KINDS
    hardware: str                   # catalog accelerator id (server, accelerator) or switch id
    name: str = ""
    replicas: int = 1
    accelerators: int = 1           # accelerators in one unit (0 for switches)
    position: tuple[float, float] = (0.0, 0.0)
    group: str | None = None
    overrides: tuple[tuple[str, float], ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.id

    def override(self, key: str) -> float | None:
        """The overriding value of catalog field ``key``, if the user set one."""
        return dict(self.overrides).get(key)


@dataclass(frozen=True)
class Link:
    """``count`` parallel links from each unit of ``source`` (see docs/format.md)."""

    id: str
    source: str
    target: str
    type: str                       # catalog link id
    count: int = 1
    pattern: str = "spread"         # one of LINK_PATTERNS
    dims: tuple[int, ...] = ()      # torus shape


@dataclass(frozen=True)
class Group:
    """A rack, pod or scalable unit: its members repeated ``replicas`` times."""

    id: str
    name: str = ""
    replicas: int = 1
    parent: str | None = None
    collapsed: bool = False


@dataclass(frozen=True)
class Parallelism:
    """How the job is split; ``None`` means "let the search choose"."""

    tp: int | None = setting(None, "Tensor parallel", minimum=1)
    pp: int | None = setting(None, "Pipeline parallel", minimum=1)
    dp: int | None = setting(None, "Data parallel", minimum=1)
    cp: int | None = setting(None, "Context parallel", minimum=1)
    ep: int | None = setting(None, "Expert parallel", minimum=1)
    micro_batch: int | None = setting(None, "Micro-batch", unit="sequences", minimum=1)
    virtual_stages: int | None = setting(None, "Virtual pipeline stages", minimum=1)
    zero: int | None = setting(None, "ZeRO stage", minimum=0, maximum=3)
    recompute: str | None = setting(None, "Activation recomputation", choices=RECOMPUTE)
    sequence_parallel: bool | None = setting(None, "Sequence parallelism")


@dataclass(frozen=True)
class TrainingOptions:
    """Software choices the training estimate depends on (kernels and communication overlap)."""

    flash_attention: bool = setting(
        True, "Fused attention (FlashAttention)",
        doc="no s x s attention matrix is stored or moved through memory",
        source="Dao et al. 2022, arXiv:2205.14135; the default attention of Megatron-Core "
               "(Transformer Engine) and PyTorch SDPA")
    dropout: bool = setting(
        False, "Dropout",
        doc="dropout masks are stored (Korthikanti et al. 2022 count them)",
        source="GPT-3 and Megatron-LM 2021 used dropout 0.1; Llama 2/3 and DeepSeek-V3 "
               "train without")
    overlap_dp_comm: bool = setting(
        True, "Overlap data-parallel communication",
        doc="gradient reduction runs during the backward pass, parameter gathers during "
            "the forward pass",
        source="Megatron-Core --overlap-grad-reduce/--overlap-param-gather; PyTorch DDP "
               "buckets (Li et al. 2020, arXiv:2006.15704)")
    overlap_tp_comm: bool = setting(
        False, "Overlap tensor-parallel communication",
        doc="TP collectives hidden behind the GEMMs that produce or consume them",
        source="Megatron-Core --tp-comm-overlap (Transformer Engine userbuffers, Hopper and "
               "later); Wang et al. 2023, ASPLOS, 'Overlap communication with dependent "
               "computation via decomposition'")
    overlap_p2p_comm: bool = setting(
        False, "Overlap pipeline sends",
        doc="stage-to-stage sends hidden behind the next micro-batch's compute",
        source="Megatron-Core --overlap-p2p-communication (interleaved schedule)")
    dualpipe: bool = setting(
        False, "DualPipe schedule",
        doc="micro-batches enter the pipeline from both ends and each forward chunk runs "
            "beside a backward chunk, hiding expert and pipeline communication: bubble "
            "(p/2 - 1)(F&B + B - 3W), two copies of the parameters, p + 1 micro-batches in "
            "flight",
        source="DeepSeek-AI 2024, DeepSeek-V3 Technical Report, arXiv:2412.19437, Sec. 3.2.1 "
               "and Table 2")
    recompute_norms: bool = setting(
        False, "Recompute norms",
        doc="RMSNorm/LayerNorm outputs are recomputed in the backward pass, so the inputs of "
            "the QKV and FFN projections are not stored",
        source="DeepSeek-V3 (arXiv:2412.19437) Sec. 3.2.3; Megatron-Core --recompute-modules "
               "layernorm")
    recompute_mla_up_proj: bool = setting(
        False, "Recompute MLA up-projections",
        doc="multi-head latent attention keeps its low-rank latents and recomputes Q, K and V "
            "from them in the backward pass",
        source="DeepSeek-V3 (arXiv:2412.19437) Sec. 3.2.3; Megatron-Core --recompute-modules "
               "mla_up_proj")
    recompute_ffn_activation: bool = setting(
        False, "Recompute FFN activation",
        doc="the SwiGLU/GeLU output (the down projection's input) is recomputed from its "
            "input in the backward pass",
        source="DeepSeek-V3 (arXiv:2412.19437) Sec. 3.3.3; Megatron-Core --recompute-modules "
               "moe_act")
    overlap_contention: float = setting(
        0.1, "Overlap contention", unit="fraction of hidden communication", minimum=0.0,
        maximum=1.0,
        doc="hidden communication still slows the compute it overlaps by this share of its "
            "time: NCCL runs one thread block per channel on the SMs the GEMMs would use "
            "while it runs (with SMs reserved for communication, these are paid instead)",
        source="assumption from NCCL's one-CTA-per-channel design: 8-16 channels of an "
               "A100's 108 or an H100's 132 SMs is 6-15% (NVIDIA A100/H100 whitepapers)")
    reserved_comm_sms: int = setting(
        0, "SMs reserved for communication", unit="SMs", minimum=0,
        doc="communication kernels hold this many of the accelerator's SMs for the whole "
            "step, so every kernel computes on the rest, at (SMs - reserved) / SMs of the "
            "peak, and the communication they hide costs nothing more (overlap contention "
            "then does not apply); 0: NCCL takes SMs only while it runs",
        source="DeepSeek-V3 (arXiv:2412.19437) Sec. 3.2.2 and 3.5.1: 20 of the H800's 132 "
               "SMs run the all-to-all dispatch and combine throughout DualPipe's overlap")
    fp8_kernels: str = setting(
        "deepgemm", "FP8 GEMM kernels", choices=FP8_KERNELS,
        doc="the block-scaled FP8 GEMM library: DeepGEMM (2025) or the CUTLASS 3.6-based "
            "kernels it was measured against, those DeepSeek-V3 trained with (2024)",
        source="deepseek-ai/DeepGEMM README, 'Performance' (2025-02): H800 TFLOP/s and "
               "speedup over CUTLASS 3.6 per shape (engine/training/fp8_kernels.py)")
    usable_memory: float = setting(
        0.92, "Usable memory", unit="fraction of device memory", minimum=0.5, maximum=1.0,
        doc="what a job may fill: the caching allocator's fragmentation leaves the rest "
            "unusable (the CUDA context and workspaces are counted as buffers)",
        source="assumption: PyTorch's caching allocator typically reserves 5-10% more than "
               "it allocates in large-model training")


@dataclass(frozen=True)
class Workload:
    """What the design is meant to train."""

    model: str = setting("llama3-70b", "Model", doc="catalog model id")
    tokens: float = setting(2.0e12, "Training tokens", unit="tokens", minimum=1.0,
                           maximum=MAX_TOKENS)
    global_batch: int = setting(1024, "Global batch", unit="sequences", minimum=1)
    seq_len: int | None = setting(None, "Sequence length", unit="tokens", minimum=1,
                                  doc="default: the model's")
    precision: str = setting("bf16", "Precision", choices=PRECISIONS)
    parallelism: Parallelism = field(default_factory=Parallelism)
    options: TrainingOptions = field(default_factory=TrainingOptions)


@dataclass(frozen=True)
class CostSettings:
    """Prices and the assumptions that turn hardware into money (docs/engine.md, Cost).

    Every price entered here is in USD; results are in ``currency``. Defaults
    carry their source; the catalog's dated price points win over defaults
    wherever the catalog has one.
    """

    currency: str = setting("USD", "Currency", choices=CURRENCIES)
    cny_per_usd: float = setting(
        7.1, "Exchange rate", unit="CNY per USD", minimum=0.01,
        source="People's Bank of China central parity, 2024 average about 7.12")
    discount: float = setting(
        1.0, "Rent discount", unit="fraction of list paid", minimum=0.01, maximum=1.0,
        source="Jiemian News 2024-01-12: regular customers pay 50-60% of list; "
               "a 2023 bid closed at 20%")
    basis: str = setting("rent", "Buy or rent", choices=BASES,
                         doc="which of the two the headline cost figures use")
    rent_kind: str = setting("on-demand", "Rental terms", choices=CLOUD_KINDS,
                             doc="which catalog cloud prices to rent at")
    reserved_fraction: float = setting(
        0.59, "Reserved price", unit="fraction of on-demand", minimum=0.01, maximum=1.0,
        doc="used for reserved terms when the catalog has no reserved price",
        source="AWS 1-year committed-use discount 41% (Epoch AI, training-cost-trends, "
               "constants.py DEFAULT_CUD)")
    rent_usd_per_hour: float | None = setting(
        None, "Rent price", unit="USD per accelerator-hour", minimum=0.0,
        doc="default: the catalog's newest cloud price of the chosen terms")
    accelerator_price_usd: float | None = setting(
        None, "Accelerator price", unit="USD per accelerator", minimum=0.0,
        doc="default: the catalog's newest card price (a node's price_usd wins)")
    price_as_of: str = setting(
        "", "Prices as of", unit="YYYY-MM-DD",
        doc="use the newest catalog price on or before this date; empty or 'latest': the "
            "newest")
    buy_unit: str = setting(
        "card", "Buy as", choices=BUY_UNITS,
        doc="card: the newest card price plus a host (else a whole-server price); server: "
            "the newest whole-server, system or rack price (else a card plus a host)",
        source="Chinese buyers mostly buy whole 8-card servers (china_market.yaml: the "
               "Lianhua H800 and Baidu 910B orders, dealer server quotes)")
    host_usd_per_accelerator: float = setting(
        4001.25, "Server host", unit="USD per accelerator", minimum=0.0,
        doc="CPUs, memory, storage, NICs, chassis, power supplies and assembly of the server",
        source="SemiAnalysis DGX H100 bill of materials (2023-05), non-GPU items 32,010 USD "
               "per 8-GPU server, as summed in Epoch AI training-cost-trends "
               "h100_manufacturing_cost.ipynb; / 8")
    switch_usd_per_port: float = setting(
        562.5, "Switch price", unit="USD per 400 Gb/s port", minimum=0.0,
        doc="for switches without a catalog price; ports at other rates scale by rate",
        source="64-port 400G NDR switch (FS.com QM9790 variant) about 36,000 USD in 2024-08 "
               "(public H100 cluster cost sheet, docs.google.com/spreadsheets/d/"
               "1Ft3RbeZ-w43kYSiLfYc1vxO41mK5lmJpcPC9GOYHAWc); / 64")
    optics_usd_per_link: float = setting(
        1280.0, "Optics and cable", unit="USD per 400 Gb/s link",
        minimum=0.0, doc="both transceivers and the fibre of one network link; scales by rate",
        source="same sheet, 2024-08: 2,621,440 USD of connectors and cables for 1,024 GPUs "
               "on 2,048 links; at least 732 USD for the transceivers alone per the "
               "XCVR_COST anecdote (> 1.5M USD for a 1,024-GPU NDR fabric)")
    electricity_usd_per_kwh: float = setting(
        0.0806, "Electricity price", unit="USD per kWh", minimum=0.0,
        source="US average industrial price 2023, EIA (as tabulated in Epoch AI "
               "training-cost-trends energy.py)")
    pue: float = setting(
        1.25, "PUE", unit="facility power / IT power", minimum=1.0, maximum=5.0,
        source="Epoch AI training-cost-trends energy.py, after SemiAnalysis: AI data "
               "centres aim below 1.3; colocation 1.5-1.6; hyperscalers about 1.1")
    power_draw: float = setting(
        0.75, "Power draw", unit="fraction of rated power", minimum=0.0, maximum=1.0,
        doc="average power while training, as a fraction of TDP and switch power",
        source="Epoch AI training-cost-trends energy.py server_TDP_fraction (Barroso et al., "
               "The Datacenter as a Computer, 3rd ed., p. 133: 75% of peak)")
    utilisation: float = setting(
        0.8, "Utilisation", unit="fraction of hours in use", minimum=0.01, maximum=1.0,
        doc="share of the owned cluster's hours that do work; spreads capex over them",
        source="Kokolis et al., Revisiting Reliability in Large-Scale ML Research Clusters, "
               "arXiv:2410.21680: Meta's research clusters ran above 80%")
    amortisation_years: float = setting(
        5.0, "Amortisation", unit="years", minimum=0.1, maximum=30.0,
        source="server useful life in 10-K filings: Amazon and Meta 5 years (2022), "
               "Microsoft and Alphabet 6 years")


@dataclass(frozen=True)
class ReliabilitySettings:
    """Failure rates and recovery times (docs/engine.md, Reliability).

    The failure rates are the Llama 3 405B run's (arXiv:2407.21783, Sec. 3.3.4,
    Table 5): 419 unexpected interruptions in 54 days on 16,384 H100 in 2,048
    servers, split by root cause and divided by the exposure of each part.
    """

    accelerator_failures: float = setting(
        12.62, "Accelerator failures", unit="per million accelerator-hours", minimum=0.0,
        source="Llama 3, Table 5: 268 GPU interruptions (faulty GPU 148, HBM3 72, SRAM 19, "
               "system processor 17, silent data corruption 6, thermal 6) / (16,384 x 1,296 h)")
    server_failures: float = setting(
        19.97, "Server failures", unit="per million server-hours", minimum=0.0,
        source="Llama 3, Table 5: 53 host interruptions (unplanned host maintenance 32, NIC 7, "
               "SSD 3, power supply 3, chassis 2, IO board 2, CPU 2, memory 2) / "
               "(2,048 x 1,296 h)")
    switch_failures: float = setting(
        23.08, "Switch failures", unit="per million switch-hours", minimum=0.0,
        doc="a switch and its cables",
        source="Llama 3, Table 5: 35 network switch/cable interruptions / (1,170 switches "
               "of examples/llama3-16k-h100-roce.yaml x 1,296 h)")
    software_failures: float = setting(
        2.97, "Software failures", unit="per million accelerator-hours", minimum=0.0,
        source="Llama 3, Table 5: 63 interruptions (software bug 54, NCCL watchdog 7, "
               "dependency 2) / (16,384 x 1,296 h)")
    checkpoint_bytes_per_parameter: float = setting(
        14.0, "Checkpoint size", unit="bytes per parameter", minimum=0.1,
        doc="model state saved: 16-bit weights and fp32 Adam state (weights, momentum, "
            "variance); gradients are not saved",
        source="Rajbhandari et al., ZeRO, arXiv:1910.02054, Sec. 3.1: 2 + 12 bytes per "
               "parameter for mixed-precision Adam")
    storage_GBps_per_accelerator: float = setting(
        0.122, "Checkpoint bandwidth", unit="GB/s per accelerator", minimum=1e-6,
        doc="storage write bandwidth the job's checkpoint gets, per accelerator",
        source="Llama 3, Sec. 3.3.1: Tectonic sustains 2 TB/s for the 16,384-GPU job")
    checkpoint_interval_min: float | None = setting(
        None, "Checkpoint interval", unit="minutes", minimum=0.01,
        doc="default: Young's optimum sqrt(2 x checkpoint time x MTBF)")
    restart_min: float = setting(
        10.0, "Restart time", unit="minutes", minimum=0.0,
        doc="from the failure to training again: detect, reschedule, load the checkpoint",
        source="Daly 2006 (doi:10.1016/j.future.2004.11.016) worked example, R = 10 min; "
               "Llama 3's > 90% effective training time at its failure rate allows <= 15 min")
    repair_hours: float = setting(
        72.0, "Repair time", unit="hours", minimum=0.0,
        doc="how long a failed server stays out of the pool",
        source="assumption: no published figure found; set your own")
    spare_confidence: float = setting(
        0.99, "Spare confidence", unit="probability", minimum=0.5, maximum=0.999999,
        doc="chance that the hot spares cover every server under repair")


@dataclass(frozen=True)
class LinkCalibration:
    """What measurements say one link type achieves (docs/format.md, Calibrations)."""

    link: str                       # catalog link id
    efficiency: float               # replaces the catalog's achievable fraction of line rate
    latency_us: float = 0.0         # measured time per collective beyond the engine's model


@dataclass(frozen=True)
class Calibration:
    """A named set of link figures fitted to measurements: where they came from, and when."""

    name: str
    source: str                     # the measurement files, as given
    date: str                       # YYYY-MM-DD
    links: tuple[LinkCalibration, ...] = ()


@dataclass(frozen=True)
class Design:
    """One cluster design, and optionally its what-if scenarios."""

    name: str = "Untitled design"
    description: str = ""
    source: str = ""
    nodes: tuple[Node, ...] = ()
    links: tuple[Link, ...] = ()
    groups: tuple[Group, ...] = ()
    workload: Workload = field(default_factory=Workload)
    cost: CostSettings = field(default_factory=CostSettings)
    reliability: ReliabilitySettings = field(default_factory=ReliabilitySettings)
    scenarios: tuple[Design, ...] = ()
    catalog: dict | None = field(default=None, compare=True)   # the file's catalog section
    #: Link figures fitted to measurements, applied in order over the catalog (top level only).
    calibrations: tuple[Calibration, ...] = ()
    #: Settings of sections other than those three, as ``(section key, settings)`` pairs
    #: sorted by key (:class:`engine.sections.SectionSettings` reads and writes them).
    section_settings: tuple[tuple[str, Any], ...] = ()
    #: False: the design only serves (its file has a serving workload and no ``workload:``),
    #: so ``workload`` holds defaults that nothing estimates.
    trains: bool = True

    def __hash__(self) -> int:
        """Hashed once, by value: the window's analyses look designs up after every edit."""
        return self._hash

    def node(self, node_id: str) -> Node:
        return self._nodes_by_id[node_id]

    def link(self, link_id: str) -> Link:
        return self._links_by_id[link_id]

    def group(self, group_id: str) -> Group:
        return self._groups_by_id[group_id]

    def links_of(self, node_id: str) -> tuple[Link, ...]:
        """The links with ``node_id`` at either end, in the design's order."""
        return self._links_by_node.get(node_id, ())

    # Indices built on first use: a design of thousands of boxes looks each one up in
    # constant time. A design is immutable, so they never go stale; they are not fields,
    # so equality and files ignore them.

    @cached_property
    def _hash(self) -> int:
        return hash(tuple(getattr(self, f.name) for f in fields(self)))

    @cached_property
    def _nodes_by_id(self) -> dict[str, Node]:
        return _first_by_id(self.nodes)

    @cached_property
    def _links_by_id(self) -> dict[str, Link]:
        return _first_by_id(self.links)

    @cached_property
    def _groups_by_id(self) -> dict[str, Group]:
        return _first_by_id(self.groups)

    @cached_property
    def _links_by_node(self) -> dict[str, tuple[Link, ...]]:
        by_node: dict[str, list[Link]] = {}
        for link in self.links:
            by_node.setdefault(link.source, []).append(link)
            if link.target != link.source:
                by_node.setdefault(link.target, []).append(link)
        return {node_id: tuple(links) for node_id, links in by_node.items()}


def _first_by_id(items: tuple[Any, ...]) -> dict[str, Any]:
    """Items by id; of duplicate ids (a file the rule set refuses) the first, as a scan finds."""
    out: dict[str, Any] = {}
    for item in items:
        out.setdefault(item.id, item)
    return out

