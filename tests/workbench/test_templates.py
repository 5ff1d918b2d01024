"""Every template drops into a design as a valid block, in one undo step."""

from __future__ import annotations

import pytest

from engine.catalog import load_catalog
from engine.design import Design
from engine.layout import dumps_design, loads_design
from engine.structure import total_accelerators
from workbench.canvas.templates import TEMPLATES
from workbench.document.commands import add_fragment
from workbench.document.document import Document
from workbench.document.fragments import rebase

ACCELERATORS = {"dgx-server": 8, "rail-pod": 256, "fat-tree": 512, "torus": 64}


@pytest.mark.parametrize("template_id", list(TEMPLATES))
def test_a_template_drops_as_a_valid_saveable_block(qapp, template_id):
    catalog = load_catalog(user=False)
    doc = Document(catalog, Design())
    template = TEMPLATES[template_id]
    for at in ((0.0, 0.0), (900.0, 0.0)):          # twice: the second gets fresh ids
        placed = rebase(template.build(), doc, at)
        doc.push(lambda d, p=placed: add_fragment(d, p, f"Drop {template.title}"))
    assert doc.undo_stack.count() == 2
    assert total_accelerators(doc.design) == 2 * ACCELERATORS[template_id]
    assert loads_design(dumps_design(doc.design), catalog=catalog) == doc.design
