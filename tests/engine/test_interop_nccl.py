"""NCCL topology files and nccl-tests results: what they say, and one line when they are bad."""

from __future__ import annotations

import json

import numpy as np
import pytest
import yaml

from engine.catalog import load_catalog
from engine.collectives import collective
from engine.design import Design, Node
from engine.errors import InteropError
from engine.interop.calibration import calibrate
from engine.interop.nccl_tests import parse_nccl_tests, read_nccl_tests
from engine.interop.nccl_topology import read_nccl_topology, topology_design
from engine.layout import catalog_for, dumps_design, loads_design
from engine.topology import analyse
from tests.conftest import CALIBRATION, DATA

TOPOLOGY = DATA / "interop" / "nccl_topology"
A100_SWEEP = "a100_8gpu_allreduce_nccltests_stas"


def dump_xml(gpus: int = 8, nvlinks: str = "2", speed: str = "200000") -> str:
    """A file shaped like NCCL_TOPO_DUMP_FILE output of an 8 x A100 SXM4 80GB server with six
    NVSwitches and one HDR NIC per GPU pair of a PCIe switch (written for these tests)."""
    switches = "".join(f'<nvlink target="0000:c{k}:00.0" count="{nvlinks}" tclass="0x068000"/>'
                       for k in range(6))
    body = []
    for g in range(gpus):
        body.append(
            f'<pci busid="0000:{g:02x}:00.0" class="0x060400">'
            f'<pci busid="0000:{g:02x}:01.0" class="0x030200" vendor="0x10de" device="0x20b2">'
            f'<gpu dev="{g}" sm="80" rank="{g}" gdr="1">{switches}</gpu></pci>'
            f'<pci busid="0000:{g:02x}:02.0" class="0x020700" vendor="0x15b3">'
            f'<nic><net name="mlx5_{g}" dev="{g}" speed="{speed}" port="1" gdr="1"/></nic>'
            f'</pci></pci>')
    return ('<system version="1"><cpu numaid="0" arch="x86_64">' + "".join(body) +
            '<nic><net name="eth0" dev="9" speed="10000" port="0" gdr="0"/></nic>'
            '</cpu></system>\n')


def test_azure_ndv4_vm_imports_as_8_a100_with_nvlinks_and_hdr_nics():
    catalog = load_catalog()
    topology = read_nccl_topology(TOPOLOGY / "azure-ndv4-topo.xml", catalog, "a100-40gb")
    assert topology.accelerator == "a100-40gb"
    assert len(topology.gpus) == 8
    assert topology.nvlinks_per_gpu == 12            # NVLink 3: 12 x 25 GB/s
    assert topology.scale_up_GBps == pytest.approx(300)
    assert len(topology.nics) == 8
    assert topology.nic_link == "ib-hdr"
    # two GPUs and two NICs share each PCIe switch
    assert all(len(near) == 2 for near in topology.near)
    assert topology.near[0] == ("0103:00:00.0", "0104:00:00.0")
    assert any("assumed" in note for note in topology.notes)
    design = topology_design(topology, "azure-ndv4-topo.xml", catalog)
    server = design.node("server")
    assert (server.hardware, server.accelerators) == ("a100-40gb", 8)
    assert [(lk.type, lk.count) for lk in design.links] == [("ib-hdr", 8)]


def test_azure_ndv5_vm_has_one_ndr_nic_per_h100():
    topology = read_nccl_topology(TOPOLOGY / "azure-ndv5-topo.xml", accelerator="h100-sxm")
    assert (len(topology.gpus), len(topology.nics), topology.nic_link) == (8, 8, "ib-ndr")
    assert all(len(near) == 1 for near in topology.near)


def test_a_dump_says_the_gpu_its_nvlinks_and_nic_speed(tmp_path):
    path = tmp_path / "dump.xml"
    path.write_text(dump_xml())
    topology = read_nccl_topology(path)
    assert topology.accelerator == "a100-80gb"           # PCI device 0x20b2
    assert topology.nvlinks_per_gpu == 12
    assert topology.nic_link == "ib-hdr"
    assert [n.name for n in topology.nics] == [f"mlx5_{g}" for g in range(8)]
    assert topology.near[3] == ("mlx5_3",)
    assert any("socket" in note for note in topology.notes)   # eth0 left out


def test_an_a800_dump_with_8_nvlinks_overrides_the_scale_up_bandwidth(tmp_path):
    path = tmp_path / "a800.xml"
    path.write_text(dump_xml().replace("0x20b2", "0x20f3").replace('count="2"', 'count="1"')
                    .replace('<nvlink target="0000:c5:00.0" count="1" tclass="0x068000"/>',
                             "").replace('<nvlink target="0000:c4:00.0" count="1" '
                                         'tclass="0x068000"/>', "")
                    .replace('target="0000:c0:00.0" count="1"', 'target="0000:c0:00.0" '
                             'count="5"'))
    topology = read_nccl_topology(path)
    assert topology.accelerator == "a800-80gb"
    assert topology.nvlinks_per_gpu == 8
    design = topology_design(topology, str(path))
    assert design.node("server").override("scale_up_GBps_per_dir") is None  # A800: 8 x 25


@pytest.mark.parametrize(("text", "says"), [
    ('<system version="1"><cpu>', "not well-formed"),
    ("<topology/>", "root element is <topology>"),
    ('<system version="1"/>', "lists no GPU"),
    (dump_xml(nvlinks="1000000000000"), "count=1,000,000,000,000 is out of range"),
    (dump_xml(speed="fast"), "speed='fast' is not a number"),
    ('<!DOCTYPE s [<!ENTITY a "aaaa">]><system/>', "document type declaration"),
    ("\x00\x01", "not well-formed"),
])
def test_bad_topology_files_give_one_located_line(tmp_path, text, says):
    path = tmp_path / "bad.xml"
    path.write_text(text)
    with pytest.raises(InteropError) as caught:
        read_nccl_topology(path, accelerator="a100-80gb" if "GPU" not in says else None)
    lines = caught.value.lines()
    assert len(lines) == 1
    assert lines[0].startswith(str(path))
    assert says in lines[0]


def published_a100_log() -> str:
    """The 8 x A100 nccl-tests sweep of the calibration data, as all_reduce_perf prints it."""
    data = yaml.safe_load(CALIBRATION.read_text())
    row = next(r for r in data["collectives"] if r["id"] == A100_SWEEP)
    lines = ["# nThread 1 nGpus 8 minBytes 32768 maxBytes 17179869184 step: 2(factor) "
             "warmup iters: 5 iters: 50 agg iters: 1 validation: 1 graph: 0", "#",
             "# Using devices"]
    lines += [f"#  Rank {r:2d} Group  0 Pid   4242 on  a100-node device {r:2d} [0x{r:02x}] "
              "NVIDIA A100-SXM4-80GB" for r in range(8)]
    lines += ["#", "#       size         count      type   redop    root     time   algbw   "
              "busbw #wrong     time   algbw   busbw #wrong"]
    for m in row["measurements"]:
        cells = f"{m['time_us']:8.2f} {m['algbw_GBps']:7.2f} {m['busbw_GBps']:7.2f}      0"
        lines.append(f"{m['message_bytes']:12d} {m['message_bytes'] // 4:12d}     float     "
                     f"sum      -1 {cells} {cells}")
    lines += ["# Out of bounds values : 0 OK", "#",
              "# Collective test concluded: all_reduce_perf", ""]
    return "\n".join(lines)


def test_text_log_says_op_ranks_nodes_and_sizes():
    sweep = parse_nccl_tests(published_a100_log(), "a100.log")
    assert (sweep.op, sweep.ranks, sweep.nodes) == ("all_reduce", 8, 1)
    assert sweep.points[0].bytes == 32768
    assert sweep.points[0].time_us == pytest.approx(43.83)
    assert sweep.points[-1].busbw_GBps == pytest.approx(234.89)


def test_json_file_reads_the_same(tmp_path):
    text = parse_nccl_tests(published_a100_log(), "a100.log")
    data = {"version": 3, "args": ["./build/all_reduce_perf", "-b", "32K"],
            "devices": [{"rank": r, "hostname": f"node{r // 4}"} for r in range(8)],
            "results": [{"size": p.bytes, "type": "float",
                         "out_of_place": {"time": p.time_us, "alg_bw": 1.0,
                                          "bus_bw": p.busbw_GBps, "nwrong": 0}}
                        for p in text.points]}
    path = tmp_path / "run.json"
    path.write_text(json.dumps(data))
    sweep = read_nccl_tests(path)
    assert (sweep.op, sweep.ranks, sweep.nodes) == ("all_reduce", 8, 2)
    assert sweep.points == tuple(p.__class__(p.bytes, p.time_us, p.busbw_GBps, None)
                                 for p in text.points)


def _cut(text: str) -> str:
    return text[: text.index("536870912") + 30]


@pytest.mark.parametrize(("text", "says"), [
    (_cut(published_a100_log()), "truncated"),
    (published_a100_log().replace("#  Rank ", "# Rnk "), "does not list its ranks"),
    (published_a100_log().replace("#  Rank  7", "#  Rank 999999999999"), "lists ranks up to"),
    (published_a100_log().replace("43.83", "1e12"), "time 1e+12 is out of range"),
    (published_a100_log().replace("all_reduce_perf", "sendrecv_perf"), "sendrecv_perf"),
    ('{"results": [{"size": 8, "out_of_place": {"time": 1.0, "bus_bw": 1.0}}', "not valid JSON"),
    ('{"results": [{"size": "8", "out_of_place": {"time": 1.0, "bus_bw": 1.0}}]}',
     "results[0].size: must be a number"),
    ("hello\n", "before the table's header"),
    (published_a100_log().replace("   size", "   size\x00"), "does not name its 'size'"),
])
def test_bad_results_give_one_line(text, says):
    with pytest.raises(InteropError) as caught:
        parse_nccl_tests(text, "run.log")
    lines = caught.value.lines()
    assert len(lines) == 1
    assert lines[0].startswith("run.log")
    assert says in lines[0]


def test_calibrating_on_the_published_a100_sweep_lowers_the_median_error():
    catalog = load_catalog()
    design = Design(name="one DGX A100", nodes=(Node("dgx", "server", "a100-80gb",
                                                      accelerators=8),))
    sweep = parse_nccl_tests(published_a100_log(), "a100.log")
    calibrated, fits = calibrate(design, catalog, [sweep], "lab")
    (fit,) = fits
    assert fit.tier == 0
    assert fit.figure.link == "nvlink3"
    before, after = fit.median_errors()
    assert after < before
    assert 0.7 <= fit.figure.efficiency <= 0.9
    assert fit.figure.latency_us > 0
    # the calibration is saved, read back and applied to every estimate through the catalog
    again = loads_design(dumps_design(calibrated), "calibrated.yaml")
    assert again.calibrations == calibrated.calibrations
    (saved,) = again.calibrations
    assert (saved.name, saved.source) == ("lab", "a100.log")
    assert catalog_for(again, catalog).link("nvlink3").efficiency == fit.figure.efficiency


def test_a_calibrated_design_predicts_what_the_fit_reported():
    catalog = load_catalog()
    design = Design(nodes=(Node("dgx", "server", "a100-80gb", accelerators=8),))
    sweep = parse_nccl_tests(published_a100_log(), "a100.log")
    calibrated, (fit,) = calibrate(design, catalog, [sweep], "lab")
    fabric = analyse(calibrated, catalog_for(calibrated, catalog)).islands[0].fabric
    sizes = np.array([p.bytes for p in sweep.points], dtype=float)
    model_us = collective(fabric, "all_reduce", sizes, 8).time_s * 1e6
    ((_, rows),) = fit.sweeps
    assert model_us == pytest.approx([r.after_us for r in rows], rel=1e-6)
    # the fitted latency is what the model lacked at the smallest size, where latency rules
    plain = analyse(design, catalog).islands[0].fabric
    added = model_us[0] - collective(plain, "all_reduce", sizes[:1], 8).time_s[0] * 1e6
    assert added == pytest.approx(fit.figure.latency_us, abs=0.05)


def test_calibrating_again_under_the_same_name_gives_the_same_figures():
    catalog = load_catalog()
    design = Design(nodes=(Node("dgx", "server", "a100-80gb", accelerators=8),))
    sweep = parse_nccl_tests(published_a100_log(), "a100.log")
    once, (first,) = calibrate(design, catalog, [sweep], "lab")
    twice, (second,) = calibrate(once, catalog_for(once, catalog), [sweep], "lab")
    assert second.figure == first.figure
    assert twice.calibrations == once.calibrations


def test_a_sweep_that_fits_no_tier_is_refused():
    design = Design(nodes=(Node("dgx", "server", "a100-80gb", accelerators=4),))
    sweep = parse_nccl_tests(published_a100_log(), "a100.log")
    with pytest.raises(InteropError, match="8 ranks"):
        calibrate(design, load_catalog(), [sweep], "lab")
