"""The open document: the design, its file, its undo history, and the edits on it."""
