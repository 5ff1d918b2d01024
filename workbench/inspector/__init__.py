"""The inspector: the selection's fields, edits made as undo commands."""
