"""Phrases: the engine's English text wherever a str goes, with the template and values a
display needs to write it in another language."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np

from engine.catalog import load_catalog
from engine.collectives import collective
from engine.errors import NotRequested, message
from engine.evaluate import evaluate
from engine.headline import headline
from engine.layout import load_design
from engine.network import NETWORK
from engine.phrases import TEMPLATES, Phrase, joined
from engine.topology import TIER_NAME

WHAT_IF = Path(__file__).resolve().parents[2] / "examples" / "what-if-a800-h800-h20.yaml"

IN_SWITCH = "{tier} in-switch reduction"
LOUD = {"level {depth} ({switches})": "LEVEL {depth} [{switches}]",
        "{tier} in-switch reduction": "{tier} REDUCES"}


def loud(template: str) -> str:
    return LOUD.get(template, template)


def via(tier: str) -> Phrase:
    """A bottleneck phrase (built directly: a template declared here would join the
    translators' catalogue for the rest of the run)."""
    return Phrase(IN_SWITCH, {"tier": tier})


def test_a_phrase_is_its_english_text_everywhere():
    phrase = via(TIER_NAME(depth=1, switches="leaf"))
    assert phrase == "level 1 (leaf) in-switch reduction"
    assert json.loads(json.dumps({"bottleneck": phrase})) == {"bottleneck": str(phrase)}
    assert f"{phrase}!" == "level 1 (leaf) in-switch reduction!"


def test_said_translates_templates_and_keeps_plain_values_as_written():
    phrase = via(TIER_NAME(depth=2, switches="leaf"))
    assert phrase.said(loud) == "LEVEL 2 [leaf] REDUCES"


def test_a_phrase_survives_pickling_whole():
    phrase = via(TIER_NAME(depth=1, switches="spine"))
    copy = pickle.loads(pickle.dumps(phrase))
    assert isinstance(copy, Phrase)
    assert copy.said(loud) == "LEVEL 1 [spine] REDUCES"


def test_declaring_a_template_lists_it_for_translators():
    assert TIER_NAME.text in TEMPLATES
    assert IN_SWITCH in TEMPLATES            # declared by engine.collectives


def test_joined_leaves_out_empty_texts():
    assert joined(["", "a", "", "b"]) == "a; b"
    assert joined(["", ""]) == ""
    assert joined([TIER_NAME(depth=1, switches="x"), "b"]).said(loud) == "LEVEL 1 [x]; b"


def test_an_error_raised_with_a_phrase_keeps_it():
    assert isinstance(message(NotRequested(TIER_NAME(depth=1, switches="x"))), Phrase)
    assert message(ValueError("plain")) == "plain"


def test_tier_names_and_bottlenecks_come_out_as_phrases():
    catalog = load_catalog()
    design = load_design(str(WHAT_IF), catalog)
    network = evaluate(design, catalog).result(NETWORK)
    fabric = network.topology().islands[0].fabric
    assert fabric.tiers[1].name.template == "level {depth} ({switches})"
    result = collective(fabric, "all_to_all", np.array([2.0**30]))
    limit = result.bottleneck[0]
    assert isinstance(limit, Phrase)
    assert limit.values["tier"] is fabric.tiers[1].name


def test_missing_reasons_and_band_notes_are_phrases():
    catalog = load_catalog()
    design = load_design(str(WHAT_IF), catalog)
    figures = headline(evaluate(design, catalog))
    missing = [f.missing for f in figures if f.value is None]
    notes = [note for f in figures for note in f.notes]
    assert missing
    assert all(isinstance(text, Phrase) for text in missing)
    assert notes
    assert all(isinstance(text, Phrase) for text in notes)
