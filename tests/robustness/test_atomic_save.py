"""Saving is atomic: a writer killed at random moments never leaves a broken file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from engine.layout import load_design
from tests.conftest import ROOT

WRITER = """
import sys
from dataclasses import replace
from engine.layout import load_design, save_design
path = sys.argv[1]
base = load_design(path)
extra = tuple(replace(base.nodes[0], id=f"copy{i}", name="x" * 200) for i in range(3000))
versions = [replace(base, name="A", nodes=base.nodes + extra), replace(base, name="B")]
print("ready", flush=True)
i = 0
while True:
    save_design(versions[i % 2], path)
    i += 1
"""


def test_killing_the_writer_mid_save_leaves_a_whole_file(tmp_path):
    path = tmp_path / "design.yaml"
    path.write_text((ROOT / "examples" / "dgx-h100-superpod.yaml").read_text())
    original = load_design(str(path))
    whole = {original.name: len(original.nodes), "A": len(original.nodes) + 3000,
             "B": len(original.nodes)}
    rng = random.Random(7)
    for _ in range(6):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.01, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        design = load_design(str(path))           # loads: not truncated, not mixed
        assert whole[design.name] == len(design.nodes)
