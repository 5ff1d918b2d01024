# Two commands do all set-up from plain Python: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OFFSCREEN := QT_QPA_PLATFORM=offscreen

.PHONY: run test lint bench fuzz screenshots translations clean

# The venv is (re)built when pyproject.toml changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python workbench/cli/desktop_check.py
	$(BIN)/cluster-workbench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

test: $(STAMP) lint
	$(OFFSCREEN) $(BIN)/python -m pytest -q -n 2

# Figures, one line each with its unit and target; never part of `make test`.
bench: $(STAMP)
	$(OFFSCREEN) $(BIN)/python -m benchmarks

# docs/images/*.png: every example as the window shows it, and the what-if comparison,
# presentation and a sweep (the README and docs/gui.md use them).
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

# After changing a text the GUI or report shows: the engine's catalogue, then lupdate into
# workbench/i18n/zh_CN.ts and lrelease into the committed zh_CN.qm (docs/gui.md, Languages).
translations: $(STAMP)
	$(BIN)/python scripts/translations.py

# The property and fuzz tests with many more cases than `make test` runs.
fuzz: $(STAMP)
	$(OFFSCREEN) HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -n 2 tests

clean:
	rm -rf $(VENV) build *.egg-info
