"""The design canvas: a scene, a view and dumb items that know nothing of the document.

Items expose setters and signals only; :mod:`workbench.canvas.binder` is the
one piece of code that writes to them.
"""
