"""Scenarios: the tabs over the canvas and the other scenarios overlaid in the panels."""
