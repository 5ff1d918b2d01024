"""Bad layout files: each gets a clear error naming its key path and line."""

from __future__ import annotations

import pytest

from engine.errors import LayoutError, UnsupportedFormatError
from engine.layout import load_design, loads_design
from engine.yamlio import MAX_FILE_BYTES

GOOD = """format: cluster-workbench/1
name: ok
nodes:
  - {id: dgx, kind: server, accelerator: h100-sxm, replicas: 4}
  - {id: leaf, kind: switch, switch: qm9700, replicas: 8}
links:
  - {id: l1, from: dgx, to: leaf, type: ib-ndr, count: 8}
"""

BOMB = "format: cluster-workbench/1\nnodes: []\nx0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + \
    "".join(f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))

# (case, text, line, expected message fragment)
CASES = [
    ("taken scenario name", GOOD + "scenarios:\n  - name: ok\n    nodes: []\n", 9,
     "scenarios[0].name: another scenario is already called 'ok'"),
    ("malformed yaml", GOOD.replace("replicas: 4}", "replicas: 4"), 5, "not valid YAML"),
    ("wrong type", GOOD.replace("replicas: 4", "replicas: many"), 4,
     "nodes[0].replicas: must be a whole number, got 'many'"),
    ("negative count", GOOD.replace("replicas: 4", "replicas: -4"), 4,
     "nodes[0].replicas: must be a whole number >= 1, got -4"),
    ("nan count", GOOD.replace("count: 8", "count: .nan"), 7,
     "links[0].count: must be a whole number, got nan"),
    ("huge number", GOOD + "workload: {tokens: 1e999}\n", 8,
     "workload.tokens: must be a finite number"),
    ("unknown accelerator", GOOD.replace("h100-sxm", "h900"), 4,
     "nodes[0].accelerator: unknown accelerator 'h900'"),
    ("unknown link type", GOOD.replace("ib-ndr", "ib-zdr"), 7,
     "links[0].type: unknown link type 'ib-zdr'"),
    ("link to missing node", GOOD.replace("to: leaf", "to: spine"), 7,
     "links[0].to: no node has id 'spine'"),
    ("duplicate ids", GOOD + "  - {id: l1, from: dgx, to: leaf, type: ib-ndr}\n", 8,
     "links[1].id: duplicate id 'l1'"),
    ("missing format", GOOD.replace("format: cluster-workbench/1\n", ""), 1,
     "format: is missing"),
    ("future version", GOOD.replace("cluster-workbench/1", "cluster-workbench/7"), 1,
     "written by a newer Cluster Workbench (format 7)"),
    ("alias bomb", BOMB, None, "alias bomb"),
    ("python tag", GOOD + "evil: !!python/object/apply:os.system ['true']\n", 8,
     "tag:yaml.org,2002:python/object/apply:os.system is not allowed"),
    ("unknown key", GOOD.replace("replicas: 4", "replica: 4"), 4,
     "nodes[0].replica: unknown key"),
    ("incompatible link", GOOD.replace("ib-ndr", "nvlink4"), 7,
     "links[0].type: nvlink4 (nvlink) cannot connect to 'leaf'"),
    ("duplicate yaml key", GOOD.replace("name: ok\n", "name: ok\nname: again\n"), 3,
     "duplicate key 'name'"),
    ("not a mapping", "- just\n- a list\n", 1, "not a Cluster Workbench layout"),
    ("bad position", GOOD.replace("replicas: 8}", "replicas: 8, position: [1]}"), 5,
     "nodes[1].position: must be [x, y]"),
    ("unknown group", GOOD.replace("replicas: 8}", "replicas: 8, group: pod}"), 5,
     "nodes[1].group: no group has id 'pod'"),
    ("group cycle", GOOD + "groups:\n  - {id: a, parent: a}\n", 9,
     "groups[0].parent: group 'a' contains itself"),
    ("torus shape", GOOD + "  - {id: t, from: dgx, to: dgx, type: nvlink4, pattern: torus, "
     "dims: [3, 3]}\n", 8,
     "links[1].dims: torus 3x3 does not fit: it has 9 places but 'dgx' has 4 units"),
    ("self link without pattern", GOOD + "  - {id: t, from: dgx, to: dgx, type: nvlink4}\n", 8,
     "links[1].pattern: a link from a node to itself needs pattern"),
    ("bad override", GOOD.replace("replicas: 4}", "replicas: 4, overrides: {colour: 3}}"), 4,
     "nodes[0].overrides.colour: cannot be overridden here"),
    ("bad choice", GOOD + "workload: {precision: fp4}\n", 8,
     "workload.precision: must be one of bf16, fp16, fp8, got 'fp4'"),
    ("unknown model", GOOD + "workload: {model: gpt-7}\n", 8,
     "workload.model: unknown model 'gpt-7'"),
]


@pytest.mark.parametrize(("case", "text", "line", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_gets_one_located_line(tmp_path, case, text, line, fragment):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(LayoutError) as info:
        load_design(str(path))
    lines = info.value.lines()
    assert len(lines) == 1, lines
    where = f"{path}:{line}: " if line else f"{path}"
    assert lines[0].startswith(where), lines[0]
    assert fragment in lines[0], lines[0]
    assert "Traceback" not in lines[0]


def test_every_problem_is_reported_not_just_the_first():
    text = GOOD.replace("replicas: 4", "replicas: -1").replace("ib-ndr", "ib-zdr") + \
        "workload: {global_batch: 0}\n"
    with pytest.raises(LayoutError) as info:
        loads_design(text, "multi.yaml")
    lines = info.value.lines()
    assert [line.split(": ")[0] for line in lines] == ["multi.yaml:4", "multi.yaml:7",
                                                       "multi.yaml:8"], lines


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(GOOD.encode() + b"#" * MAX_FILE_BYTES)
    with pytest.raises(LayoutError, match="over the 8 MiB limit"):
        load_design(str(path))


def test_future_version_is_its_own_error_type():
    with pytest.raises(UnsupportedFormatError):
        loads_design(GOOD.replace("/1", "/2"))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(LayoutError, match="cannot read: No such file"):
        load_design(str(tmp_path / "nope.yaml"))


def test_a_wrong_nodes_value_is_reported_once():
    with pytest.raises(LayoutError) as info:
        loads_design("format: cluster-workbench/1\nnodes: 7\n", "x.yaml")
    assert info.value.lines() == ["x.yaml:2: nodes: must be a list, got 7"]
