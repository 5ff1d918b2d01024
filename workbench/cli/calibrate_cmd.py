"""``cluster-workbench calibrate FILE RESULTS...``: fit a design to nccl-tests measurements."""

from __future__ import annotations

import argparse
import datetime

from engine.catalog import load_catalog
from engine.interop.nccl_tests import PROGRAMS
from engine.layout import catalog_for, load_design, save_design
from engine.units import format_bytes
from workbench.cli.output import print_table

EXAMPLES = (
    "cluster-workbench calibrate design.yaml all_reduce.log all_gather.log -o calibrated.yaml",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="layout file (.yaml); the calibration is written into it")
    p.add_argument("results", nargs="+", help="nccl-tests output: text logs or -J JSON files")
    p.add_argument("--name", help="the calibration's name (default: nccl-tests DATE)")
    p.add_argument("--op", choices=sorted(set(PROGRAMS.values())),
                   help="the collective, when a result file does not say")
    p.add_argument("-o", "--output", help="write the calibrated design here instead of FILE")


def run(args: argparse.Namespace) -> int:
    from engine.interop.calibration import calibrate
    from engine.interop.nccl_tests import read_nccl_tests
    design = load_design(args.file)
    sweeps = [read_nccl_tests(path, args.op) for path in args.results]
    today = datetime.date.today()
    name = args.name or f"nccl-tests {today.isoformat()}"
    calibrated, fits = calibrate(design, catalog_for(design, load_catalog()), sweeps, name,
                                 today)
    for fit in fits:
        figure = fit.figure
        print(f"Tier {fit.tier} ({fit.tier_name}): {figure.link} efficiency "
              f"{fit.previous_efficiency:g} -> {figure.efficiency:g}, latency "
              f"+{figure.latency_us:g} us")
        for sweep, rows in fit.sweeps:
            print(f"  {sweep.file}: {sweep.op}, {sweep.ranks} ranks on {sweep.nodes} node(s)")
            print_table(["size", "measured_us", "before_us", "after_us", "error_before",
                         "error_after"],
                        [[format_bytes(r.bytes), r.measured_us, r.before_us, r.after_us,
                          f"{r.before_error:.1%}", f"{r.after_error:.1%}"] for r in rows],
                        [False, True, True, True, True, True])
        before, after = fit.median_errors()
        print(f"  median error: {before:.1%} before, {after:.1%} after")
    out = args.output or args.file
    save_design(calibrated, out)
    print(f"wrote calibration '{name}' into {out}")
    return 0
