"""Sweep files: a base design, its axes, grid or sample, the figures to record (docs/format.md).

Read like layout files (:mod:`engine.yamlio`, :mod:`engine.validation`): safe YAML,
every problem found in one pass, each named by its key path and line. The base
design is a layout file named relative to the sweep file; its own problems are
reported against it.
"""

from __future__ import annotations

import re
from pathlib import Path

from engine.catalog import Catalog
from engine.design_space.axes import Axis, AxisError, read_axis
from engine.design_space.plan import PlanError, SweepPlan
from engine.errors import InputError
from engine.layout import load_design
from engine.validation import Fields, Reporter
from engine.yamlio import read_yaml_file

FORMAT_NAME = "cluster-workbench-sweep"
FORMAT_VERSION = 1
_FORMAT = re.compile(rf"^{FORMAT_NAME}/(\d+)$")
_PLACES = {"axes": ("axes",), "figures": ("figures",), "sample": ("sample", "points")}


class SweepFileError(InputError):
    """A sweep file is invalid."""


def is_sweep_file(path: str) -> bool:
    """Whether ``path`` says it is a sweep file (its ``format:``), not a layout file."""
    data = read_yaml_file(path, SweepFileError).data
    return isinstance(data, dict) and str(data.get("format", "")).startswith(FORMAT_NAME + "/")


def read_sweep_file(path: str, catalog: Catalog) -> SweepPlan:
    """The plan a sweep file describes; raise :class:`SweepFileError` naming every problem."""
    doc = read_yaml_file(path, SweepFileError)
    report = Reporter(doc.locator)
    top = Fields(doc.data, (), report)
    _check_format(top, path)
    name = top.text("design", required=True)
    axes_fields = top.mapping("axes", required=True)
    figures = top.texts("figures")
    sample = top.mapping("sample")
    points = sample.integer("points", required=True, minimum=1) if sample else None
    seed = sample.integer("seed", 0, minimum=0) if sample else 0
    if sample:
        sample.finish()
    top.finish()
    if report.problems or name is None or axes_fields is None:
        raise SweepFileError(report.problems, path)
    design = load_design(str(Path(path).parent / name), catalog)
    axes: list[Axis] = []
    for key, values in axes_fields.data.items():
        try:
            axes.append(read_axis(str(key), _values(values), design, catalog))
        except AxisError as exc:
            report.add(("axes", str(key)), str(exc).removeprefix(f"{key}: "))
    if report.problems:
        raise SweepFileError(report.problems, path)
    try:
        return SweepPlan(design, tuple(axes), figures, points, seed)
    except PlanError as exc:
        report.add(_PLACES[exc.part], str(exc))
        raise SweepFileError(report.problems, path) from None


def _values(values: object) -> str | list[object]:
    """An axis' values as :func:`read_axis` takes them: a list, or text (a range)."""
    if isinstance(values, list):
        return values
    return str(values).lower() if isinstance(values, bool) else str(values)


def _check_format(top: Fields, path: str) -> None:
    """A wrong or newer format stops reading at once: the rest would be guesses."""
    value = top.text("format", required=True)
    match = _FORMAT.match(value or "")
    if value is not None and match is None:
        top.report.add(("format",), f"must be '{FORMAT_NAME}/{FORMAT_VERSION}', got {value!r}")
    elif match is not None and int(match.group(1)) > FORMAT_VERSION:
        top.report.add(("format",), f"written by a newer Cluster Workbench (format "
                       f"{match.group(1)}); this version reads format {FORMAT_VERSION}")
    if top.report.problems:
        raise SweepFileError(top.report.problems, path)
