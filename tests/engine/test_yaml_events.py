"""The fast reader builds what PyYAML's safe loader builds, or hands the file back."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from engine.yaml_events import UNUSUAL, plain_data
from engine.yamlio import MAX_DIGITS, parse_yaml

ROOT = Path(__file__).resolve().parents[2]

SCALARS = """\
ints: [0, -7, +12, 1_000, 0x1f, 0o17, 0b101, 017, 1:30, 12345678901234567890]
floats: [1.5, -0.25, 1e3, 6.02e+23, .inf, -.Inf, 1_0.5, 1:30.5]
flags: [yes, No, on, OFF, true, False, y, n]
nothing: [~, null, Null, ]
dates: [2024-01-01, 2024-01-01 10:20:30, 2024-1-2T3:04:05Z]
texts: ['123', "yes", plain text, '', "tab\\tand \\u00e9", 2024-01, 1.2.3, -, =x]
block: |
  two
  lines
folded: >
  one
  line
1: an int key
3.5: a float key
false: a bool key
~: a null key
nested: {a: [1, {b: [[], {}]}], c: {d: e}}
"""


def test_the_scalars_and_shapes_of_yaml_read_as_the_safe_loader_reads_them():
    assert plain_data(SCALARS, MAX_DIGITS) == yaml.load(SCALARS, Loader=yaml.SafeLoader)


def test_not_a_number_reads_as_one():
    assert math.isnan(plain_data("[.nan, .NaN]", MAX_DIGITS)[0])


@pytest.mark.parametrize("path", sorted(ROOT.glob("examples/*.yaml"))
                         + sorted(ROOT.glob("engine/catalog/*.yaml")), ids=lambda p: p.name)
def test_every_example_and_catalog_reads_the_same_both_ways(path):
    text = path.read_text()
    fast = plain_data(text, MAX_DIGITS)
    assert fast is UNUSUAL or fast == yaml.load(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",                         # anchors and aliases
    "a: !!str 1\n",                             # tags
    "a: !custom 1\n",
    "base: &b {x: 1}\nmore:\n  <<: *b\n",       # merge keys
    "a: 1\na: 2\n",                             # duplicate keys
    "1: a\n0x1: b\n",                           # equal keys written differently
    "? [a, b]\n: c\n",                          # a list as a key
    "a: 1\n---\nb: 2\n",                        # two documents
    "[" * 300 + "]" * 300,                      # nested deeper than the fast reader goes
    "n: " + "9" * (MAX_DIGITS + 1) + "\n",      # a whole number too long to convert
    "a: [1, 2\n",                               # not YAML
    "= : x\n",                                  # a value key
])
def test_what_the_fast_reader_does_not_take_is_read_the_full_way(text):
    assert plain_data(text, MAX_DIGITS) is UNUSUAL


def test_empty_text_reads_as_nothing():
    assert plain_data("", MAX_DIGITS) is None
    assert plain_data("# only a comment\n", MAX_DIGITS) is None


def test_a_file_read_the_fast_way_still_finds_the_line_of_a_key():
    doc = parse_yaml("name: x\nnodes:\n  - id: a\n    kind: server\n  - id: b\n")
    assert doc.data == {"name": "x", "nodes": [{"id": "a", "kind": "server"}, {"id": "b"}]}
    assert doc.locator.line(("nodes", 1, "id")) == 5
    assert doc.locator.line(("nodes", 0, "kind")) == 4
    assert doc.locator.line(("missing",)) == 1
