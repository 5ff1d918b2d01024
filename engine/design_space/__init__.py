"""Design spaces: a base design, axes of values, every point evaluated (docs/sweeps.md).

:mod:`~engine.design_space.axes` reads and applies one axis,
:mod:`~engine.design_space.plan` numbers the points and splits them into chunks,
:mod:`~engine.design_space.sweep_file` reads a sweep file,
:mod:`~engine.design_space.chunks` evaluates a chunk of points into rows (the one task
every executor runs) and :mod:`~engine.design_space.front` summarises the rows.
"""
