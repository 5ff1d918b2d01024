"""The rule set on big designs: a whole check, and the check of one edit."""

from __future__ import annotations

from benchmarks.big_design import grouped_design, moved_box
from benchmarks.timing import best_seconds, report
from engine.catalog import load_catalog
from engine.rules import edit_problems, problems


def main() -> None:
    catalog = load_catalog()
    big = grouped_design()
    report("rules: whole check, 5,000 boxes in 500 groups and 20,000 links",
           best_seconds(lambda: problems(big, catalog), repeat=3) * 1e3, "ms", "< 3,000 ms")
    before, after = moved_box()
    report("rules: one box moved in 5,000, edit check",
           best_seconds(lambda: edit_problems(before, after, catalog)) * 1e3, "ms", "< 100 ms")


if __name__ == "__main__":
    main()
