"""Writers to kill, for the kill-loop test, started once: ``python kill_loop_writer.py``.

Each line on stdin, ``KIND OUT KILLS SEED``, asks for one loop. KIND is ``save`` (the
app's save path, :func:`engine.layout.save_design`), ``render`` or ``report`` (the real
command line, :func:`workbench.cli.main`). Everything is imported once, here; then for
each kill a child process is forked that writes OUT over and over, alternating two
versions, until it is killed with SIGKILL: at a random moment, or (every other kill) just
after its temporary file appears, so that many kills land inside a write. After each
kill this writes ``killed`` and waits for a line (the test checks OUT meanwhile). Then a
last child writes OUT once and exits, as the next start would, and this writes ``next
N`` with N its exit status.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import PySide6.QtWidgets  # noqa: F401  (imported before the forks, started after)

import workbench.report.build
import workbench.shell.render  # noqa: F401
from engine.layout import load_design, save_design
from workbench.cli import main

ROOT = Path(__file__).resolve().parents[2]
STARTER = ROOT / "workbench" / "shell" / "resources" / "default.yaml"
SIZES = ("640x400", "720x480")
CURRENCIES = ("USD", "CNY")
RANDOM_WITHIN_S = {"save": 0.3, "render": 1.5, "report": 3.0}
WATCH_TIMEOUT_S = 60.0


def writer(kind: str, out: Path) -> Callable[[int], object]:
    """What a child does on its ``i``-th write of ``out``."""
    if kind == "save":
        base = load_design(str(out))
        extra = tuple(replace(base.nodes[0], id=f"copy{i}", name="x" * 200)
                      for i in range(3000))
        versions = (replace(base, name="A", nodes=base.nodes + extra), replace(base, name="B"))
        return lambda i: save_design(versions[i % 2], out)
    if kind == "render":
        return lambda i: main(["render", str(STARTER), "-o", str(out), "--size", SIZES[i % 2]])
    return lambda i: main(["report", str(STARTER), "-o", str(out),
                           "--currency", CURRENCIES[i % 2]])


def fork(write: Callable[[int], object], times: int | None) -> int:
    """A child writing ``times`` times (forever if None), its own output silenced."""
    pid = os.fork()
    if pid:
        return pid
    status = 1
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        i = 0
        while times is None or i < times:
            write(i)
            i += 1
        status = 0
    finally:
        os._exit(status)


def wait_for_temp(out: Path, pid: int) -> None:
    """Until the child's temporary file of ``out`` exists (it is writing)."""
    prefix = f".{out.name}.cw{pid}-"
    deadline = time.monotonic() + WATCH_TIMEOUT_S
    while time.monotonic() < deadline:
        if any(name.startswith(prefix) for name in os.listdir(out.parent)):
            return
        time.sleep(0.0005)


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def kill_loop(kind: str, out: Path, kills: int, seed: int) -> None:
    write = writer(kind, out)
    rng = random.Random(seed)
    for k in range(kills):
        pid = fork(write, None)
        if k % 2:
            wait_for_temp(out, pid)
            time.sleep(rng.uniform(0, 0.005))
        else:
            time.sleep(rng.uniform(0, RANDOM_WITHIN_S[kind]))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        say("killed")
        sys.stdin.readline()
    _, status = os.waitpid(fork(write, 1), 0)
    say(f"next {os.waitstatus_to_exitcode(status)}")


if __name__ == "__main__":
    say("ready")
    for request in sys.stdin:
        kind, out, kills, seed = request.split()
        kill_loop(kind, Path(out), int(kills), int(seed))
