"""What the views show, as plain values: no Qt, so the report and tests use them too."""
