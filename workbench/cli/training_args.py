"""The flags that describe a training job, shared by ``estimate`` and ``search``.

A job is a model (``--model`` from the catalog, or its shape; shape flags
given with ``--model`` change that model), a machine (a layout file, or the
hardware flags), a workload (global batch, tokens, precision; a file's
workload is the default) and the parallelism, whose fields left out are
searched. Software options get a flag each, generated from the workload
settings: a switch (FlashAttention, overlaps ...) ``--name/--no-name``, a
number (``--usable-memory 0.9``) takes its value, held to the setting's range.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
from collections.abc import Callable

from engine.catalog import Catalog, ModelSpec, load_catalog
from engine.catalog.specs import FFN_KINDS, PRECISIONS, MoESpec
from engine.design import RECOMPUTE, Parallelism, TrainingOptions, Workload
from engine.errors import InputError, Problem
from engine.rules import model_problems, settings_problems
from engine.settings import SettingField, settings_of
from engine.training import Job, Machine, job_for
from workbench.cli.hardware_args import Hardware, add_hardware_flags, hardware_from_args

SHAPE_FLAGS = {"layers": "layers", "hidden": "hidden", "heads": "heads", "seq": "seq_len",
               "vocab": "vocab", "ffn": "ffn_hidden", "kv_heads": "kv_heads",
               "ffn_kind": "ffn"}
REQUIRED_SHAPE = ("layers", "hidden", "heads", "seq", "vocab")
MOE_FLAGS = {"experts": "experts", "top_k": "top_k", "expert_ffn": "expert_ffn_hidden",
             "shared_experts": "shared_experts"}
_FLAG_OF = {field: f"--{flag.replace('_', '-')}" for flag, field in SHAPE_FLAGS.items()} | {
    f"moe.{field}": f"--{flag.replace('_', '-')}" for flag, field in MOE_FLAGS.items()}
PARALLELISM_FLAGS = ("tp", "pp", "dp", "cp", "ep", "micro_batch", "virtual_stages")
_WORKLOAD_FLAG = {"workload.tokens": "--tokens", "workload.global_batch": "--global-batch",
                  "workload.seq_len": "--seq"} | {
    f"workload.parallelism.{name}": f"--{name.replace('_', '-')}" for name in PARALLELISM_FLAGS}


def count(text: str) -> int:
    """A whole number >= 1 (argparse shows this message for a bad one)."""
    try:
        value = int(float(text)) if float(text).is_integer() else -1
    except ValueError:
        value = -1
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, got {text!r}")
    return value


def amount(text: str) -> float:
    """A positive number, scientific notation welcome (300e9)."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text!r}")
    return value


def setting_value(s: SettingField) -> Callable[[str], float]:
    """The argparse type of a numeric setting's flag: a number within the setting's range."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        low = -math.inf if s.info.minimum is None else s.info.minimum
        high = math.inf if s.info.maximum is None else s.info.maximum
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be a number {_range(s)}, got {text!r}")
        return value
    return parse


def _range(s: SettingField) -> str:
    low, high = s.info.minimum, s.info.maximum
    if low is not None and high is not None:
        return f"from {low:g} to {high:g}"
    return f">= {low:g}" if low is not None else f"<= {high:g}" if high is not None else ""


def add_model_flags(parser: argparse.ArgumentParser, seq: bool = True) -> None:
    """``--model`` or the shape flags (``--seq`` only where the sequence length is asked)."""
    model = parser.add_argument_group("model (a catalog id, or its shape)")
    model.add_argument("--model", metavar="ID", help="catalog model id (cluster-workbench "
                       "catalog models)")
    for flag, what in (("layers", "transformer layers"), ("hidden", "hidden size"),
                       ("heads", "attention heads"), ("seq", "sequence length, tokens"),
                       ("vocab", "vocabulary size"), ("ffn", "FFN inner size (default 4 x "
                       "hidden; per expert with --experts)"),
                       ("kv-heads", "key-value heads (grouped-query attention)"),
                       ("experts", "routed experts (mixture of experts)"),
                       ("top-k", "experts each token is routed to"),
                       ("expert-ffn", "one expert's FFN inner size (default --ffn)"),
                       ("shared-experts", "experts every token goes through")):
        if flag != "seq" or seq:
            model.add_argument(f"--{flag}", type=count, metavar="N", help=what)
    model.add_argument("--ffn-kind", choices=FFN_KINDS, help="FFN activation (default gelu)")


def add_training_flags(parser: argparse.ArgumentParser) -> None:
    add_hardware_flags(parser)
    add_model_flags(parser)
    work = parser.add_argument_group("workload")
    work.add_argument("--global-batch", type=count, metavar="B",
                      help=f"sequences per iteration (default: the file's, or "
                           f"{Workload().global_batch:,})")
    work.add_argument("--tokens", type=amount, metavar="T",
                      help="tokens to train on (default: the model's published count)")
    work.add_argument("--precision", choices=PRECISIONS)
    par = parser.add_argument_group("parallelism (left out: searched)")
    label = {s.name: s.info.label for s in settings_of(Parallelism)}
    for name in PARALLELISM_FLAGS:
        par.add_argument(f"--{name.replace('_', '-')}", type=count, metavar="N",
                         help=label[name])
    par.add_argument("--zero", type=int, choices=range(4), help=label["zero"])
    par.add_argument("--recompute", choices=RECOMPUTE, help=label["recompute"])
    par.add_argument("--sequence-parallel", action=argparse.BooleanOptionalAction,
                     help=label["sequence_parallel"])
    software = parser.add_argument_group("software (workload options)")
    for s in settings_of(TrainingOptions):
        flag = f"--{s.name.replace('_', '-')}"
        if s.kind is bool:
            software.add_argument(flag, action=argparse.BooleanOptionalAction,
                                  help=f"{s.info.label} (default {'on' if s.default else 'off'})")
        elif s.info.choices:
            software.add_argument(flag, choices=s.info.choices,
                                  help=f"{s.info.label} (default {s.default})")
        else:
            software.add_argument(flag, type=setting_value(s), metavar="X",
                                  help=f"{s.info.label}, {s.info.unit} {_range(s)} "
                                       f"(default {s.default:g})")


def job_from_args(args: argparse.Namespace, catalog: Catalog | None = None,
                  hardware: Hardware | None = None) -> Job:
    """The job the flags (and the file, if any) describe, on ``hardware`` if already read."""
    hardware = hardware or hardware_from_args(args, catalog or load_catalog())
    base = hardware.design.workload if hardware.design else Workload()
    spec = model_from_args(args, hardware.catalog,
                           args.model or (base.model if hardware.design else None))
    tokens = args.tokens or (base.tokens if hardware.design else
                             spec.trained_tokens or base.tokens)
    workload = dataclasses.replace(
        base, model=spec.id, tokens=tokens,
        global_batch=args.global_batch or base.global_batch,
        seq_len=args.seq or (base.seq_len if hardware.design else None),
        precision=args.precision or base.precision,
        parallelism=_given(args, base.parallelism, Parallelism),
        options=_given(args, base.options, TrainingOptions))
    found = settings_problems("workload", workload)
    if found:
        raise InputError([dataclasses.replace(p, path=_WORKLOAD_FLAG.get(p.path, p.path))
                          for p in found])
    return job_for(spec, workload, Machine(hardware.accelerator, hardware.fabric))


def searched(args: argparse.Namespace, job: Job) -> list[str]:
    """The parallelism fields the search chose (neither a flag nor the file fixed them)."""
    return [f.name for f in dataclasses.fields(Parallelism)
            if getattr(job.workload.parallelism, f.name) is None]


def _given(args: argparse.Namespace, base: object, cls: type) -> object:
    """``base`` with every field of ``cls`` that has a flag given replaced by it."""
    given = {f.name: getattr(args, f.name) for f in dataclasses.fields(cls)
             if getattr(args, f.name, None) is not None}
    return dataclasses.replace(base, **given)


def model_from_args(args: argparse.Namespace, catalog: Catalog, model_id: str | None,
                    defaults: dict[str, int] | None = None) -> ModelSpec:
    """The catalog model with the shape flags applied, or a model from the shape flags alone.

    ``defaults`` fills shape flags (``seq``, ``vocab``) a command does not require.
    """
    defaults = defaults or {}
    shape = {field: getattr(args, flag, None) for flag, field in SHAPE_FLAGS.items()}
    shape = {field: value for field, value in shape.items() if value is not None}
    if model_id is not None:
        spec = catalog.model(model_id)
        spec = dataclasses.replace(spec, **shape)
    else:
        given = {flag: getattr(args, flag, None) or defaults.get(flag) for flag in REQUIRED_SHAPE}
        missing = [f"--{flag}" for flag, value in given.items() if value is None]
        if missing:
            raise InputError([Problem(", ".join(missing), "required without --model or a "
                                      "layout file")])
        spec = ModelSpec(
            id="custom", name=f"{args.layers}-layer, {args.hidden}-wide transformer",
            architecture="decoder", layers=args.layers, hidden=args.hidden, heads=args.heads,
            kv_heads=args.kv_heads or args.heads, ffn_hidden=args.ffn or 4 * args.hidden,
            ffn=args.ffn_kind or "gelu", seq_len=given["seq"], vocab=given["vocab"],
            source="command-line shape")
    spec = dataclasses.replace(spec, moe=_moe(args, spec))
    problems = [dataclasses.replace(p, path=_FLAG_OF.get(p.path, p.path))
                for p in model_problems(spec)]
    if spec.heads % spec.kv_heads:
        problems.append(Problem("--kv-heads", f"{spec.kv_heads} does not divide the "
                                f"{spec.heads} attention heads"))
    if spec.moe and not 1 <= spec.moe.top_k <= spec.moe.experts:
        problems.append(Problem("--top-k", f"must be 1 to the {spec.moe.experts} experts, "
                                f"got {spec.moe.top_k}"))
    if problems:
        raise InputError(problems)
    return spec


def _moe(args: argparse.Namespace, spec: ModelSpec) -> MoESpec | None:
    """The model's experts, with ``--experts``, ``--top-k``, ``--expert-ffn`` and
    ``--shared-experts`` applied."""
    given = {name: getattr(args, flag) for flag, name in MOE_FLAGS.items()
             if getattr(args, flag) is not None}
    if not given:
        return spec.moe
    if spec.moe is None and "experts" not in given:
        flag = next(iter(given))
        raise InputError([Problem(f"--{flag.replace('_', '-')}", f"{spec.id} has no experts: "
                                  "give --experts")])
    moe = spec.moe or MoESpec(given["experts"], 1, spec.ffn_hidden)
    return dataclasses.replace(moe, **given)
