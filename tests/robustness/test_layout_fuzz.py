"""Random damage to every example, and random YAML: a design or one clear error, never a crash.

Each input either loads or raises LayoutError whose lines all read
``file[:line]: [path: ]message``; nothing else may escape, and each input is
bounded in time (hypothesis' deadline). ``make fuzz`` runs many more cases.
"""

from __future__ import annotations

import re

import yaml
from hypothesis import given
from hypothesis import strategies as st

from engine.errors import LayoutError
from engine.layout import loads_design
from tests.conftest import EXAMPLES

NAME = "fuzz.yaml"
LINE = re.compile(rf"^{re.escape(NAME)}(:\d+)?: \S.*$")
TEXTS = [p.read_text() for p in EXAMPLES]
JUNK = st.one_of(
    st.sampled_from(["-1", "0", ".nan", ".inf", "-.inf", "1e999", "99999999999999999999",
                     "''", "[]", "{}", "null", "true", "!!python/object:os.system x",
                     "*undefined", "&a [*a]", "\"\\x00\"", "h9000", "{id: x}", "- - -"]),
    st.text(max_size=12),
    st.integers(-10**12, 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


def check(text: str) -> None:
    try:
        loads_design(text, NAME)
    except LayoutError as exc:
        lines = exc.lines()
        assert lines, "an error names at least one problem"
        for line in lines:
            assert LINE.match(line), line


@st.composite
def damaged_example(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(TEXTS)).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "indent", "truncate",
                                       "insert"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {draw(JUNK)}"
        elif action == "indent":
            lines[index] = " " * draw(st.integers(0, 6)) + lines[index].lstrip()
        elif action == "truncate":
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        else:
            lines.insert(index, draw(st.text(max_size=40)))
    return "\n".join(lines) + "\n"


@given(damaged_example())
def test_damaged_examples_load_or_fail_with_located_lines(text):
    check(text)


plain = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8)),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=30)
top_keys = st.sampled_from(["format", "name", "nodes", "links", "groups", "workload", "cost",
                            "reliability", "scenarios", "catalog", "bogus"])


@given(st.dictionaries(top_keys, plain, max_size=6), st.booleans())
def test_random_documents_load_or_fail_with_located_lines(data, versioned):
    if versioned:
        data["format"] = "cluster-workbench/1"
    check(yaml.safe_dump(data))


@given(st.binary(max_size=200))
def test_random_bytes_fail_cleanly(raw):
    check(raw.decode("utf-8", errors="replace"))
