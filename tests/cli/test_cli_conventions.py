"""The command line's conventions: numbers take values, tables fit a terminal, figures
carry their units and currency, columns their design names, every --help an example."""

from __future__ import annotations

import importlib
import json
import re
import shlex

import pytest

from tests.conftest import ROOT
from workbench.cli import COMMANDS, UsageError, build_parser, main
from workbench.cli.output import MONEY_KEYS

WHAT_IF = str(ROOT / "examples" / "what-if-a800-h800-h20.yaml")
H100_64 = ["--model", "llama3-8b", "--accelerator", "h100-sxm", "--gpus", "64"]


@pytest.mark.parametrize(("name", "module"), [(c[0], c[1]) for c in COMMANDS])
def test_every_commands_help_ends_with_examples_that_parse(name, module, capsys):
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    help_text = capsys.readouterr().out
    examples = importlib.import_module(f"workbench.cli.{module}").EXAMPLES
    assert examples
    assert "examples:\n" in help_text
    parser = build_parser(name)
    for example in examples:
        assert f"  {example}" in help_text
        words = shlex.split(example, comments=True)
        assert words[0] == "cluster-workbench"
        parser.parse_args(words[1:])


def test_numeric_settings_take_values_and_switches_stay_flags(capsys):
    parser = build_parser("estimate")
    args = parser.parse_args(["estimate", *H100_64, "--usable-memory", "0.9",
                              "--overlap-contention", "0", "--no-flash-attention"])
    assert (args.usable_memory, args.overlap_contention, args.flash_attention) == (0.9, 0.0,
                                                                                 False)
    with pytest.raises(UsageError, match=re.escape("--usable-memory: must be a number from "
                                                   "0.5 to 1, got '0.3'")):
        parser.parse_args(["estimate", *H100_64, "--usable-memory", "0.3"])
    with pytest.raises(UsageError, match="unrecognized arguments: --no-usable-memory"):
        parser.parse_args(["estimate", *H100_64, "--no-usable-memory"])
    capacity = {}
    for fraction in ("0.6", "0.9"):
        assert main(["estimate", *H100_64, "--usable-memory", fraction, "--json"]) == 0
        capacity[fraction] = json.loads(capsys.readouterr().out)["memory_capacity_gib"]
    assert capacity["0.6"] / capacity["0.9"] == pytest.approx(0.6 / 0.9)


@pytest.mark.parametrize("kind", ["accelerators", "links", "switches", "models", "settings"])
def test_catalog_fits_a_100_column_terminal_with_sources_on_request(kind, capsys,
                                                                    monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["catalog", kind]) == 0
    figures = capsys.readouterr().out
    assert main(["catalog", kind, "--sources"]) == 0
    sources = capsys.readouterr().out
    for text in (figures, sources):
        assert max(len(line) for line in text.splitlines()) <= 100
    assert "source" not in figures.splitlines()[1]
    assert sources.splitlines()[1].split() == [sources.splitlines()[1].split()[0], "source"]


def test_catalog_lists_each_accelerators_source_under_sources(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    main(["catalog", "accelerators", "--sources"])
    lines = capsys.readouterr().out.splitlines()
    for accelerator in ("a100-80gb", "h800", "ascend-910b", "tpu-v5p", "trainium2"):
        line = next(line for line in lines if line.startswith(f"{accelerator} "))
        assert line[len(accelerator):].strip(), f"{accelerator} has no source"


def test_every_money_figure_of_evaluate_carries_its_currency(capsys):
    assert main(["evaluate", WHAT_IF, "--scenarios"]) == 0
    lines = capsys.readouterr().out.splitlines()
    money = [line for line in lines if (m := re.match(r"\s+(\S+)\s+[\d,.]+", line))
             and MONEY_KEYS.search(m.group(1))]
    assert any(line.split()[0] == "cost_per_run_with_failures" for line in money)
    assert any(line.split()[0] == "amount" for line in money)
    bare = [line for line in money if not line.rstrip().endswith((" CNY", " USD"))]
    assert not bare


def test_compare_columns_carry_the_design_names(capsys):
    files = [str(ROOT / "examples" / f) for f in ("a800-1024.yaml", "h800-1024.yaml")]
    assert main(["compare", *files]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = " ".join(lines[:lines.index(next(line for line in lines
                                               if line.startswith("---")))])
    assert "What-if A, 128 x HGX A800 (1,024" in header
    assert "What-if B, 128 x HGX H800 (1,024" in header
    assert next(line for line in lines if line.startswith("file")).split() == [
        "file", "a800-1024", "h800-1024"]
