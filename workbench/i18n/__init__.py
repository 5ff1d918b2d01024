"""The workbench in the person's language: the translations and the switch between them."""
