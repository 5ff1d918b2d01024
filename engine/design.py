"""The design model: what a layout file holds, as frozen dataclasses.

A :class:`Design` is nodes (accelerator servers, standalone accelerators,
switches), links between them, groups that repeat their members, and the
workload, cost and reliability settings. A node stands for ``replicas``
identical units, so a 16,384-GPU cluster is a few dozen nodes. Positions are
plain ``(x, y)`` tuples: the canvas reads them from here and never keeps its
own.

Designs are immutable values: an edit builds a new design (``replace``), so
undo can keep old ones and two designs compare with ``==``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.catalog.specs import PRECISIONS
from engine.settings import setting

NODE_KINDS = ("server", "accelerator", "switch")
LINK_PATTERNS = ("spread", "mesh", "ring", "torus")
SELF_PATTERNS = ("mesh", "ring", "torus")
RECOMPUTE = ("none", "selective", "full")
CURRENCIES = ("USD", "CNY")
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


@dataclass(frozen=True)
class Workload:
    """What the design is meant to train."""

    model: str = setting("llama3-70b", "Model", doc="catalog model id")
    tokens: float = setting(2.0e12, "Training tokens", unit="tokens", minimum=1.0)
    global_batch: int = setting(1024, "Global batch", unit="sequences", minimum=1)
    seq_len: int | None = setting(None, "Sequence length", unit="tokens", minimum=1,
                                  doc="default: the model's")
    precision: str = setting("bf16", "Precision", choices=PRECISIONS)
    parallelism: Parallelism = field(default_factory=Parallelism)
    options: TrainingOptions = field(default_factory=TrainingOptions)


@dataclass(frozen=True)
class CostSettings:
    """Prices and the assumptions that turn hardware into money."""

    currency: str = setting("USD", "Currency", choices=CURRENCIES)
    cny_per_usd: float = setting(
        7.1, "Exchange rate", unit="CNY per USD", minimum=0.01,
        source="People's Bank of China central parity, 2024 average about 7.12")
    discount: float = setting(
        1.0, "Rent discount", unit="fraction of list paid", minimum=0.01, maximum=1.0,
        source="Jiemian News 2024-01-12: regular customers pay 50-60% of list; "
               "a 2023 bid closed at 20%")


@dataclass(frozen=True)
class ReliabilitySettings:
    """Failure rates and recovery times (the reliability model's assumptions)."""


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

    def node(self, node_id: str) -> Node:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def group(self, group_id: str) -> Group:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def links_of(self, node_id: str) -> tuple[Link, ...]:
        return tuple(link for link in self.links if node_id in (link.source, link.target))
