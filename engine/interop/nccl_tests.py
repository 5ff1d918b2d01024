"""nccl-tests results: the text table its ``*_perf`` programs print, and its ``-J`` JSON.

The text (nccl-tests src/util.cu, ``writeResultHeader``) names every rank
in a ``#  Rank  3 Group  0 Pid ... on HOST device 3 [...] NAME`` line, then
a table whose header names the columns (``size count type redop root time
algbw busbw #wrong`` out of place, then the same in place; older versions
have no ``root``). The JSON file (``-J FILE.json``, same file, version 3)
holds ``args`` (the program first), ``devices`` (rank, hostname ...) and
``results`` (``size``, and ``out_of_place`` with ``time`` in us,
``alg_bw``, ``bus_bw``). The out-of-place time is the one used. Ranks
and nodes (distinct hostnames) say which tier of a design the test ran on.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from engine.errors import InteropError, Problem
from engine.interop.files import decode, read_limited

MAX_LOG_BYTES = 16 * 2**20
MAX_RANKS = 1_000_000
MAX_BYTES = 2**44
MAX_TIME_US = 1e9
PROGRAMS = {"all_reduce_perf": "all_reduce", "all_gather_perf": "all_gather",
            "reduce_scatter_perf": "reduce_scatter", "alltoall_perf": "all_to_all",
            "broadcast_perf": "broadcast"}
_PROGRAM = re.compile(r"\b(\w+_perf)\b")
_RANK = re.compile(r"^#\s*Rank\s+(\d+)\s+Group\s+\d+\s+Pid\s+\d+\s+on\s+(\S+)")


@dataclass(frozen=True)
class Point:
    """One message size of a sweep."""

    bytes: int
    time_us: float
    busbw_GBps: float
    line: int | None = None


@dataclass(frozen=True)
class Sweep:
    """One nccl-tests run: which collective, on how many ranks and nodes, at which sizes."""

    file: str
    op: str
    ranks: int
    nodes: int
    points: tuple[Point, ...]


def read_nccl_tests(path: str | os.PathLike[str], op: str | None = None) -> Sweep:
    """The sweep in an nccl-tests text log or JSON file (told apart by content)."""
    file = str(path)
    text = decode(read_limited(path, MAX_LOG_BYTES), file)
    return parse_nccl_tests(text, file, op or _op_from_name(Path(file).name))


def parse_nccl_tests(text: str, file: str, op: str | None = None) -> Sweep:
    if text.lstrip().startswith("{"):
        return _from_json(text, file, op)
    return _from_text(text, file, op)


def _op_from_name(name: str) -> str | None:
    match = _PROGRAM.search(name)
    return PROGRAMS.get(match.group(1)) if match else None


def _program_op(program: str, file: str, line: int | None) -> str:
    if program not in PROGRAMS:
        raise InteropError([Problem("", f"{program} is not a collective the engine models "
                                    f"({', '.join(PROGRAMS)})", line)], file)
    return PROGRAMS[program]


def _from_text(text: str, file: str, op: str | None) -> Sweep:
    hosts: dict[int, str] = {}
    columns: list[str] | None = None
    points: list[Point] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            rank = _RANK.match(line)
            if rank:
                hosts[int(rank.group(1))] = rank.group(2)
            elif re.search(r"\bsize\b", line) and re.search(r"\bbusbw\b", line):
                columns = line.lstrip("#").split()
                if not {"size", "busbw"} <= set(columns) or \
                        not {"time", "cputime"} & set(columns):
                    raise InteropError([Problem("", "the table's header does not name its "
                                                "'size', 'time' and 'busbw' columns apart",
                                                number)], file)
            program = _PROGRAM.search(line)
            if program and op is None and "Collective test" in line:
                op = _program_op(program.group(1), file, number)
            continue
        if columns is None:
            raise InteropError([Problem("", "a result row before the table's header (not "
                                        "nccl-tests output?)", number)], file)
        points.append(_text_row(line.split(), columns, file, number))
    if columns is None:
        raise InteropError([Problem("", "no nccl-tests result table (no '# size ... busbw' "
                                    "header)")], file)
    return _sweep(file, op, hosts, points)


def _text_row(cells: list[str], columns: list[str], file: str, line: int) -> Point:
    """One row, by the header's first (out-of-place) ``size``, ``time`` and ``busbw``."""
    time_key = "time" if "time" in columns else "cputime"
    need = max(columns.index(k) for k in ("size", time_key, "busbw") if k in columns)
    if len(cells) <= need:
        raise InteropError([Problem("", f"a result row with {len(cells)} columns where the "
                                    f"header has {len(columns)} (truncated?)", line)], file)
    size = _number(cells[columns.index("size")], "size", file, line)
    time_us = _number(cells[columns.index(time_key)], "time", file, line)
    busbw = _number(cells[columns.index("busbw")], "busbw", file, line)
    return _point(size, time_us, busbw, file, line)


def _from_json(text: str, file: str, op: str | None) -> Sweep:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InteropError([Problem("", f"not valid JSON: {exc.msg}", exc.lineno)],
                           file) from None
    except RecursionError:
        raise InteropError([Problem("", "nested too deeply to read")], file) from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise InteropError([Problem("results", "missing: not an nccl-tests -J file")], file)
    args = data.get("args")
    if op is None and isinstance(args, list) and args and isinstance(args[0], str):
        match = _PROGRAM.search(args[0])
        if match:
            op = _program_op(match.group(1), file, None)
    hosts: dict[int, str] = {}
    devices = data.get("devices")
    for index, device in enumerate(devices if isinstance(devices, list) else []):
        if not isinstance(device, dict) or not isinstance(device.get("rank"), int) \
                or isinstance(device.get("rank"), bool):
            raise InteropError([Problem(f"devices[{index}]", "must hold a whole-number "
                                        "'rank' and a 'hostname'")], file)
        hosts[device["rank"]] = str(device.get("hostname", ""))
    points = []
    for index, row in enumerate(data["results"]):
        where = f"results[{index}]"
        body = row.get("out_of_place") if isinstance(row, dict) else None
        if not isinstance(body, dict):
            raise InteropError([Problem(where, "must hold 'size' and 'out_of_place' "
                                        "{time, bus_bw}")], file)
        values = []
        for key, value in (("size", row.get("size")), ("out_of_place.time", body.get("time")),
                           ("out_of_place.bus_bw", body.get("bus_bw"))):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InteropError([Problem(f"{where}.{key}", f"must be a number, "
                                            f"got {value!r}")], file)
            values.append(float(value))
        points.append(_point(*values, file, None, where))
    return _sweep(file, op, hosts, points)


def _number(cell: str, name: str, file: str, line: int) -> float:
    try:
        return float(cell)
    except ValueError:
        raise InteropError([Problem("", f"{name} {cell!r} is not a number", line)],
                           file) from None


def _point(size: float, time_us: float, busbw: float, file: str, line: int | None,
           where: str = "") -> Point:
    checks = (("size", size, 1, MAX_BYTES), ("time", time_us, 1e-3, MAX_TIME_US),
              ("busbw", busbw, 0, 1e6))
    for name, value, low, high in checks:
        if not math.isfinite(value) or not low <= value <= high:
            raise InteropError([Problem(where, f"{name} {value:g} is out of range "
                                        f"({low:g} to {high:g})", line)], file)
    if size != int(size):
        raise InteropError([Problem(where, f"size {size:g} is not a whole number of bytes",
                                    line)], file)
    return Point(int(size), time_us, busbw, line)


def _sweep(file: str, op: str | None, hosts: dict[int, str], points: list[Point]) -> Sweep:
    if op is None:
        raise InteropError([Problem("", "does not say which collective it ran (no "
                                    "'*_perf' program named); name it (--op)")], file)
    if not points:
        raise InteropError([Problem("", "no result rows (truncated?)")], file)
    if not hosts:
        raise InteropError([Problem("", "does not list its ranks (no '#  Rank N ... on HOST' "
                                    "lines or devices)")], file)
    ranks = max(hosts) + 1
    if ranks > MAX_RANKS or len(hosts) != ranks:
        raise InteropError([Problem("", f"lists ranks up to {ranks - 1:,} but "
                                    f"{len(hosts):,} of them (at most {MAX_RANKS:,})")], file)
    return Sweep(file, op, ranks, len(set(hosts.values())), tuple(points))
