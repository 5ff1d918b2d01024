"""Work counted, not timed: how many lines of Python a call runs.

Tests of how work grows with a design's size compare these counts for two sizes; a
count does not depend on the machine or on what else runs on it. Every line counts,
the libraries' too (a networkx search per pair of boxes is as quadratic as our own
loop would be); work inside compiled code (numpy, Qt) does not.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def lines_run(fn: Callable[[], Any]) -> int:
    """Lines of Python that ``fn()`` runs."""
    count = 0

    def line(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return line

    previous = sys.gettrace()
    sys.settrace(line)
    try:
        fn()
    finally:
        sys.settrace(previous)
    return count
