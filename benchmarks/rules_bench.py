"""The rule set on big designs: a whole check, and the check of one edit."""

from __future__ import annotations

from benchmarks.timing import best_seconds, report
from engine.catalog import load_catalog
from engine.rules import edit_problems, problems
from tests.engine.test_rules import big_design, moved_box


def main() -> None:
    catalog = load_catalog()
    big = big_design()
    report("rules: whole check, 5,000 boxes and 20,000 links",
           best_seconds(lambda: problems(big, catalog), repeat=3) * 1e3, "ms", "< 3,000 ms")
    before, after = moved_box()
    report("rules: one box moved in 5,000, edit check",
           best_seconds(lambda: edit_problems(before, after, catalog)) * 1e3, "ms", "< 100 ms")


if __name__ == "__main__":
    main()
