"""One sweep on every backend: in this process, a local process pool and a real Dask
``LocalCluster`` write the same rows, and a Dask worker killed mid-sweep loses no point."""

from __future__ import annotations

import os
import signal

import pyarrow.parquet as pq
import pytest

from engine.catalog import load_catalog
from engine.design_space.axes import read_axis
from engine.design_space.plan import SweepPlan
from engine.layout import load_design
from tests.conftest import ROOT
from workbench.sweep.backends import DaskCluster, InProcess, ProcessPool
from workbench.sweep.to_file import sweep_to_file

CHUNK = 3          # several chunks per worker, finishing out of order


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def plan(catalog):
    """24 points: 12 trainings (two parts, three sizes, two models), two prices each."""
    design = load_design(str(ROOT / "examples" / "h800-1024.yaml"), catalog)
    axes = [read_axis(key, values, design, catalog) for key, values in (
        ("accelerator", "h100-sxm,h800"), ("gpus", "256,512,1024"),
        ("model", "llama3-8b,llama2-13b"), ("cost.discount", "0.5,1.0"),
        ("cost.basis", "rent"))]
    return SweepPlan(design, tuple(axes))


@pytest.fixture(scope="module")
def in_process(plan, catalog, tmp_path_factory):
    out = tmp_path_factory.mktemp("in-process") / "rows.parquet"
    assert sweep_to_file(plan, catalog, InProcess(), out, CHUNK).points == plan.size
    return pq.read_table(out)


def test_a_process_pool_writes_the_same_rows(plan, catalog, in_process, tmp_path):
    pool = ProcessPool(2)
    try:
        sweep_to_file(plan, catalog, pool, tmp_path / "rows.parquet", CHUNK)
    finally:
        pool.close()
    assert pq.read_table(tmp_path / "rows.parquet").equals(in_process)
    assert in_process["point"].to_pylist() == list(range(plan.size))


def test_a_dask_local_cluster_writes_the_same_rows(plan, catalog, in_process, tmp_path):
    dask = DaskCluster(workers=2)
    try:
        assert dask.workers == 2
        sweep_to_file(plan, catalog, dask, tmp_path / "rows.csv", CHUNK)
        sweep_to_file(plan, catalog, dask, tmp_path / "rows.parquet", CHUNK)
    finally:
        dask.close()
    assert pq.read_table(tmp_path / "rows.parquet").equals(in_process)
    lines = (tmp_path / "rows.csv").read_text().splitlines()
    assert len(lines) == plan.size + 1
    assert lines[0].startswith("point,accelerator,gpus")


def test_a_killed_dask_worker_loses_no_point_and_repeats_none(plan, catalog, in_process,
                                                              tmp_path):
    dask = DaskCluster(workers=2)
    killed: list[int] = []

    def kill_a_worker(written: int) -> None:
        """After the first chunk: SIGKILL a worker process that is running chunks."""
        busy = [address for address, keys in dask.client.processing().items() if keys]
        if not killed and busy:
            pid = dask.client.run(os.getpid, workers=busy[:1])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(written)

    try:
        sweep_to_file(plan, catalog, dask, tmp_path / "rows.parquet", 1, kill_a_worker)
    finally:
        dask.close()
    assert killed
    assert killed[0] < plan.size
    table = pq.read_table(tmp_path / "rows.parquet")
    assert table["point"].to_pylist() == list(range(plan.size))
    assert table.equals(in_process)
