"""Python's cycle collector held off while a big design's objects are made in one go.

Reading a design of 5,000 nodes and 20,000 links, or building its canvas, makes
hundreds of thousands of objects that all stay alive. The collector is triggered by
allocations and each of its full passes walks every live object, so it runs many times
for nothing: about a third of the time such a step takes. Held off for the step, it
runs again normally after (any cycle made meanwhile is collected then).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection inside the block; nested blocks and threads may overlap
    (the collector is back on once the block that turned it off ends)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
