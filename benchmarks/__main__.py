"""``python -m benchmarks``: run every benchmark module, in name order."""

import importlib
import pkgutil
import sys

import benchmarks


def main() -> int:
    names = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__)
                   if m.name.endswith("_bench"))
    only = set(sys.argv[1:])
    for name in names:
        if only and name not in only:
            continue
        importlib.import_module(f"benchmarks.{name}").main()
    return 0


sys.exit(main())
