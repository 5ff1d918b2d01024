"""The catalog: every shipped entry validates, lookups, user additions, located errors."""

from __future__ import annotations

import pytest

from engine.catalog import load_catalog
from engine.catalog.loader import build_catalog, shipped_files
from engine.errors import CatalogError, LookupFailed

STABLE_ACCELERATOR_IDS = (
    "a100-40gb", "a100-80gb", "a800-80gb", "h100-sxm", "h100-pcie", "h800", "h20", "h200",
    "b200", "gb200", "mi300x", "mi325x", "gaudi2", "gaudi3", "tpu-v4", "tpu-v5e", "tpu-v5p",
    "trainium", "trainium2", "inferentia2", "ascend-910b", "kunlun",
)
REQUIRED_LINKS = (
    "nvlink3", "nvlink4", "nvlink5", "pcie4", "pcie5", "ib-hdr", "ib-ndr", "ib-xdr",
    "roce-100g", "roce-200g", "roce-400g", "roce-800g",
)
REQUIRED_MODELS = (
    "gpt3-175b", "llama2-7b", "llama2-13b", "llama2-70b", "llama3-8b", "llama3-70b",
    "llama3-405b", "mixtral-8x7b", "deepseek-v3", "bert-large",
)


def test_shipped_catalog_validates_and_has_the_stable_ids():
    catalog = build_catalog(shipped_files())
    assert set(STABLE_ACCELERATOR_IDS) <= set(catalog.accelerators)
    assert set(REQUIRED_LINKS) <= set(catalog.links)
    assert set(REQUIRED_MODELS) <= set(catalog.models)
    assert len(catalog.switches) >= 5


def test_every_shipped_entry_carries_a_source_and_sane_numbers():
    catalog = load_catalog(user=False)
    for entry in catalog.entries():
        assert entry.source.strip(), entry.id
    for accel in catalog.accelerators.values():
        assert accel.peak_flops("bf16") or accel.peak_flops("fp16"), accel.id
        assert 1e9 < accel.memory_bytes < 1e12, accel.id
        assert catalog.find_link(accel.scale_up.link), accel.id
        assert catalog.find_link(accel.server.nic_link), accel.id
    for link in catalog.links.values():
        assert 0 < link.efficiency <= 1, link.id
        assert link.bandwidth_Bps > 0, link.id


def test_names_and_aliases_match_case_insensitively():
    catalog = load_catalog(user=False)
    assert catalog.accelerator("H100-SXM").id == "h100-sxm"
    assert catalog.accelerator("a800").id == "a800-80gb"
    assert catalog.accelerator("ASCEND 910B").id == "ascend-910b"
    assert catalog.accelerator(catalog.accelerator("h20").name.upper()).id == "h20"


def test_unknown_name_suggests_close_ids():
    catalog = load_catalog(user=False)
    with pytest.raises(LookupFailed, match=r"unknown accelerator 'h900'.*h800"):
        catalog.accelerator("h900")


def test_user_catalog_folder_adds_and_replaces(tmp_path):
    (tmp_path / "mine.yaml").write_text("""
catalog_version: 1
accelerators:
  - id: my-npu
    name: My NPU
    vendor: Us
    peak_tflops: {bf16: 500}
    memory_gb: 64
    memory_tbps: 2
    scale_up: {link: hccs, GBps_per_dir: 100, domain: 8}
    tdp_w: 350
    server: {name: My box, accelerators: 8, nics: 8, nic_link: roce-200g}
    source: our own measurements
""")
    catalog = load_catalog(tmp_path)
    assert catalog.accelerator("my npu").peak_flops("bf16") == 500e12
    assert catalog.accelerator("h100-sxm").id == "h100-sxm"


def test_user_catalog_errors_name_file_path_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("""catalog_version: 1
links:
  - id: slow
    name: Slow
    kind: carrier-pigeon
    GBps_per_dir: -3
    efficiency: 0.5
    latency_us: 1
    scale_up: false
    source: x
""")
    with pytest.raises(CatalogError) as info:
        load_catalog(tmp_path)
    lines = info.value.lines()
    assert any(f"{bad}:5: links[0].kind: must be one of" in line for line in lines), lines
    assert any(f"{bad}:6: links[0].GBps_per_dir: must be a number > 0" in line
               for line in lines), lines


def test_small_catalog_fixture(small_catalog):
    assert small_catalog.accelerator("alpha").id == "gpu-a"
    assert small_catalog.accelerator("gpu-b").peak_flops("fp16") is None


def test_duplicate_alias_and_bad_reference_are_reported(tmp_path):
    bad = tmp_path / "dup.yaml"
    bad.write_text("""catalog_version: 1
models:
  - {id: m1, name: Model, layers: 1, hidden: 8, heads: 2, seq_len: 8, vocab: 8, source: x}
  - {id: m2, name: model, layers: 1, hidden: 8, heads: 2, seq_len: 8, vocab: 8, source: x}
  - {id: m3, name: M3, layers: 1, hidden: 8, heads: 3, kv_heads: 2, seq_len: 8, vocab: 8, source: x}
""")
    with pytest.raises(CatalogError) as info:
        build_catalog([bad])
    text = str(info.value)
    assert "models[1].name: 'model' already names 'm1'" in text
    assert "models[2].kv_heads: must divide heads (3)" in text
