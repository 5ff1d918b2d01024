"""The Cluster Workbench application: document, commands, main window, command line."""
