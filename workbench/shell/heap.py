"""The open design's objects kept out of Python's full garbage collections.

A full collection walks every container object the process tracks and holds the
interpreter lock throughout; with a 5,000-node design open (its canvas items,
evaluations and catalog: some 400,000 objects) one takes about 200 ms, and when an
analysis thread triggers it the UI thread stalls as long. Objects that live as long
as the open design need no such walks: once a design has replaced the last one they
are frozen (:func:`gc.freeze`), so later collections walk only what was made since;
a window that closes thaws them, so the next full collection frees its cycles.
"""

from __future__ import annotations

import gc


def freeze_open_design() -> None:
    """Thaw what the last call froze, collect once (the replaced design's cycles are
    garbage now: frozen they would never be freed), and freeze what remains."""
    thaw()
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """Give frozen objects back to the collector (a window holding them has closed)."""
    gc.unfreeze()
