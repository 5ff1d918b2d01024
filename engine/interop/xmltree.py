"""Untrusted XML to a small element tree with line numbers, safely.

NCCL topology files come from other machines. Python's expat parser expands
internal entities, so a "billion laughs" file could exhaust memory: a file
with a document type declaration (the only place entities are declared) is
refused before anything is expanded, as defusedxml does (its README lists
the attacks). Files over :data:`MAX_XML_BYTES`, deeper than
:data:`MAX_DEPTH` or with more than :data:`MAX_ELEMENTS` elements are
refused too. Every element keeps its line, so errors can say where.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from xml.parsers import expat

from engine.errors import InteropError, Problem
from engine.interop.files import read_limited

MAX_XML_BYTES = 4 * 2**20
MAX_DEPTH = 64
MAX_ELEMENTS = 200_000


@dataclass
class Element:
    """One XML element: its tag, attributes, children and line."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)

    def iter(self, tag: str) -> list[Element]:
        """Every element named ``tag`` below this one, in document order."""
        out = []
        for child in self.children:
            if child.tag == tag:
                out.append(child)
            out.extend(child.iter(tag))
        return out


class _Refused(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def parse_xml(data: bytes, file: str) -> Element:
    """The root element of ``data``; :class:`InteropError` naming the line if it is bad."""
    if len(data) > MAX_XML_BYTES:
        raise InteropError([Problem("", f"file is {len(data) / 2**20:.1f} MiB, over the "
                                    f"{MAX_XML_BYTES // 2**20} MiB limit")], file)
    parser = expat.ParserCreate()
    stack: list[Element] = []
    roots: list[Element] = []
    count = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        line = parser.CurrentLineNumber
        if count > MAX_ELEMENTS or len(stack) >= MAX_DEPTH:
            raise _Refused(f"over {MAX_ELEMENTS:,} elements or {MAX_DEPTH} levels deep", line)
        element = Element(tag, dict(attrs), line)
        (stack[-1].children if stack else roots).append(element)
        stack.append(element)

    def refuse_doctype(*_: object) -> None:
        raise _Refused("a document type declaration is not allowed (entities could expand "
                       "without bound)", parser.CurrentLineNumber)

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: stack.pop()
    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise InteropError([Problem("", exc.message, exc.line)], file) from None
    except expat.ExpatError as exc:
        raise InteropError([Problem("", f"not well-formed XML: "
                                    f"{expat.ErrorString(exc.code)}", exc.lineno)],
                           file) from None
    return roots[0]


def read_xml_file(path: str | os.PathLike[str]) -> Element:
    """Read and parse an XML file (its size checked before it is read)."""
    return parse_xml(read_limited(path, MAX_XML_BYTES), str(path))
