"""The HTML report: the comparison, panels and canvases of several designs, in one file."""
