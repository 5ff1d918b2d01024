"""The comparison of every scenario: evaluated, tabulated, drawn."""
