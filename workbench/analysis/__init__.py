"""The live estimates and analysis panels, computed off the UI thread, newest wins."""
