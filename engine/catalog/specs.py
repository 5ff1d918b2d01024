"""Frozen, SI-unit descriptions of hardware and models.

These are what the engine computes from. They are built from the catalog
YAML files by :mod:`engine.catalog.loader`, which converts the human units in
the file keys (GB/s, TFLOP/s, us) to SI here (bytes/s, FLOP/s, s).
"""

from __future__ import annotations

from dataclasses import dataclass

PRECISIONS = ("bf16", "fp16", "fp8")                       # training math
SERVING_PRECISIONS = (*PRECISIONS, "int8", "fp4")          # serving weights and math
CURRENCIES = ("USD", "CNY")
PRICE_KINDS = ("card", "server", "system", "rack")
CLOUD_KINDS = ("on-demand", "reserved", "capacity-block", "spot", "neocloud", "lease")
PRICE_TYPES = ("list", "transaction", "quote", "estimate", "bid")
CONFIDENCES = ("high", "medium", "low")
LINK_KINDS = ("nvlink", "pcie", "infiniband", "roce", "ethernet", "efa", "ici",
              "neuronlink", "hccs", "xgmi")
SCALE_UP_TOPOLOGIES = ("switch", "mesh", "torus")
ARCHITECTURES = ("decoder", "encoder")
FFN_KINDS = ("gelu", "swiglu")


@dataclass(frozen=True)
class Provenance:
    """How far to trust a price: what it was (``price_type``: a list price, a signed
    transaction, a dealer quote, an analyst's estimate, a bid), the source's
    ``confidence`` (high, medium, low; empty when the entry does not say), and, for a
    value worked out from published ones, the arithmetic (``derived``)."""

    price_type: str = ""
    confidence: str = ""
    derived: str = ""

    def caveat(self) -> str:
        """"low confidence", "derived: ...", both or "" (what a user should be told)."""
        parts = ["low confidence"] if self.confidence == "low" else []
        if self.derived:
            parts.append(f"derived: {self.derived}")
        return "; ".join(parts)


@dataclass(frozen=True)
class PricePoint:
    """A dated price as published: ``amount`` in ``currency`` for one ``kind`` of thing."""

    amount: float
    currency: str
    date: str
    kind: str
    source: str
    qualifier: str = ""
    provenance: Provenance = Provenance()


@dataclass(frozen=True)
class CloudPrice:
    """A rental price per accelerator-hour in ``currency`` (an instance's or a server's
    price divided by its accelerators)."""

    provider: str
    per_hour: float
    kind: str
    source: str
    instance: str = ""
    region: str = ""
    date: str = ""
    currency: str = "USD"
    provenance: Provenance = Provenance()


@dataclass(frozen=True)
class Peaks:
    """Dense peak FLOP/s (int8: OP/s) by precision; ``None`` where the part has no such unit."""

    bf16: float | None = None
    fp16: float | None = None
    fp8: float | None = None
    int8: float | None = None
    fp4: float | None = None

    def of(self, precision: str) -> float | None:
        return getattr(self, precision, None)


@dataclass(frozen=True)
class ScaleUp:
    """The accelerator's load/store fabric (NVLink, ICI, ...) as one accelerator sees it."""

    link: str
    bandwidth_Bps: float          # per accelerator, one direction
    domain: int                   # accelerators in one domain
    in_network_reduction: bool = False
    topology: str = "switch"


@dataclass(frozen=True)
class ServerSpec:
    """The reference server an accelerator ships in."""

    name: str
    accelerators: int
    nics: int
    nic_link: str
    power_w: float | None = None


@dataclass(frozen=True)
class AcceleratorSpec:
    id: str
    name: str
    vendor: str
    peaks: Peaks
    memory_bytes: float
    memory_bw_Bps: float
    scale_up: ScaleUp
    server: ServerSpec
    tdp_w: float | None
    source: str
    aliases: tuple[str, ...] = ()
    tdp_assumed: str = ""          # why tdp_w is assumed rather than published, if it is
    sms: int | None = None         # streaming multiprocessors (AMD: compute units); None: unknown
    prices: tuple[PricePoint, ...] = ()
    cloud_prices: tuple[CloudPrice, ...] = ()
    notes: str = ""
    tdp_assumed: str = ""         # why the TDP is an assumption ("" when it is published)

    def peak_flops(self, precision: str) -> float | None:
        """Dense peak FLOP/s in ``precision``, or ``None`` if the part lacks it."""
        return self.peaks.of(precision)


#: What a network step's latency rests on when a link gives no figures of its own.
NCCL_IB_STEP_BASIS = ("NCCL's InfiniBand per-step network constants (NCCL 2.27 tuning.cc "
                      "hwLat NET)")


@dataclass(frozen=True)
class StepLatency:
    """One network step of NCCL's protocols on a fabric: a message from a GPU through its
    NIC, one switch and the far NIC to a GPU, software included.

    NCCL's own constants are InfiniBand's; EFA's SRD transport (through the aws-ofi-nccl
    plugin) is several times slower per step, RoCE only by its Ethernet switch hop. A link
    gives its own figures (``by_protocol_s``: LL, LL128, Simple, replacing NCCL's), or a
    latency added to NCCL's (``extra_s``), and says what they rest on (``basis``).
    """

    by_protocol_s: tuple[float, ...] = ()
    extra_s: float = 0.0
    basis: str = NCCL_IB_STEP_BASIS


NCCL_IB_STEP = StepLatency()     # a link with no figures of its own: NCCL's constants


@dataclass(frozen=True)
class LinkSpec:
    """One physical link (an NVLink, a NIC port, a cable)."""

    id: str
    name: str
    kind: str
    bandwidth_Bps: float          # one direction
    efficiency: float             # achievable fraction of line rate, large messages
    latency_s: float              # one hop
    scale_up: bool
    source: str
    aliases: tuple[str, ...] = ()
    notes: str = ""
    #: What a design's calibration measured per collective on this link's tier beyond the
    #: engine's model (launch and software overheads NCCL's constants do not know).
    calibrated_latency_s: float = 0.0
    step_latency: StepLatency = NCCL_IB_STEP   # network links: one NCCL step's latency


@dataclass(frozen=True)
class SwitchSpec:
    id: str
    name: str
    vendor: str
    link_kinds: tuple[str, ...]
    ports: int
    port_Bps: float               # one direction
    latency_s: float
    power_w: float | None
    in_network_reduction: bool
    source: str
    aliases: tuple[str, ...] = ()
    prices: tuple[PricePoint, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class MoESpec:
    experts: int
    top_k: int
    expert_ffn_hidden: int
    shared_experts: int = 0
    dense_layers: int = 0
    route_nodes: int = 0     # node-limited routing: a token reaches at most this many nodes


@dataclass(frozen=True)
class MLASpec:
    """Multi-head latent attention (DeepSeek-V2/V3) projection sizes."""

    q_lora_rank: int
    kv_lora_rank: int
    qk_nope_head_dim: int
    qk_rope_head_dim: int
    v_head_dim: int


@dataclass(frozen=True)
class ModelSpec:
    """A transformer's shape."""

    id: str
    name: str
    architecture: str
    layers: int
    hidden: int
    heads: int
    kv_heads: int
    ffn_hidden: int
    ffn: str
    seq_len: int
    vocab: int
    source: str
    aliases: tuple[str, ...] = ()
    tied_embeddings: bool = False
    moe: MoESpec | None = None
    mla: MLASpec | None = None
    params_b: float | None = None
    trained_tokens: float | None = None
    notes: str = ""
    mtp_depth: int = 0       # multi-token-prediction modules (DeepSeek-V3: 1), each one more block
