"""Live analysis plots (pyqtgraph): views of numbers the engine computed.

``base.PlotPanel`` holds what every panel shares: a titled plot with units
on its axes, a legend under it, a read-out of the point nearest the mouse,
and export to PNG, SVG and CSV. Panels are one module each and take the
engine's results, one named series (or bar) per scenario, so several
variants of a design can be overlaid: ``bandwidth_panel``,
``breakdown_panel``, ``memory_panel``, ``scaling_panel``, ``cost_panel``,
``reliability_panel``, and a sweep's Pareto front, ``front_panel``. ``axes``
formats ticks (bytes, counts, money), ``bars`` draws stacked horizontal bars,
``hover`` finds the nearest point, ``export`` writes files, ``style`` picks colours.
"""
