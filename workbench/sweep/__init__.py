"""Sweeps of one setting in worker processes, plotted as they arrive."""
