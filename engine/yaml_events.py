"""Plain data straight from the C parser's events, for the files we write ourselves.

PyYAML's safe loader composes a node per value and then constructs every value in
Python: about 5 s for a 2 MB layout of 5,000 nodes and 20,000 links. Reading the event
stream of the same parser and building dicts, lists and scalars in one loop takes a
fraction of that. The loop takes only the plain subset (untagged scalars, mappings and
sequences, no anchors or aliases, no merge keys, unique keys, bounded nesting and digit
counts); anything else (or any YAML error) returns :data:`UNUSUAL`, and
:func:`engine.yamlio.parse_yaml` reads the file the full way, whose checks and messages
therefore stay the only ones. What the loop builds equals what the safe loader builds.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

UNUSUAL = object()   # this document needs the full loader
MAX_DEPTH = 200      # deeper files take the full path (which refuses very deep ones)

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_CONSTRUCTOR = SafeConstructor()
_BUILT_BY_CONSTRUCTOR = {
    _TAG + "int": _CONSTRUCTOR.construct_yaml_int,
    _TAG + "float": _CONSTRUCTOR.construct_yaml_float,
    _TAG + "timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
}


class _Unusual(Exception):
    """The document leaves the plain subset."""


def plain_data(text: str, max_digits: int) -> Any:
    """The document's data, or :data:`UNUSUAL` when it must be read the full way.

    Whole numbers of over ``max_digits`` digits are unusual (the full path refuses them
    with a located message)."""
    parser = _Parser(text)
    try:
        return _build(parser, _Scalars(max_digits))
    except (_Unusual, yaml.YAMLError):
        return UNUSUAL
    finally:
        parser.dispose()


def _build(parser: Any, scalars: _Scalars) -> Any:
    """One pass over the events; the containers around the open one wait on a stack."""
    get_event = parser.get_event
    if not isinstance(get_event(), StreamStartEvent):
        raise _Unusual
    event = get_event()
    if isinstance(event, StreamEndEvent):
        return None
    if not isinstance(event, DocumentStartEvent):
        raise _Unusual
    built = scalars.built
    stack: list[tuple[Any, bool]] = []      # the open containers around ``top``
    top: Any = None                         # the innermost open container
    in_list = False
    key: Any = _NONE                        # the key of ``top`` waiting for its value
    root: Any = _NONE
    while True:
        event = get_event()
        cls = type(event)
        if cls is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise _Unusual
            value = event.value
            if event.implicit[0]:           # plain: resolved like the safe loader does
                value = built.get(value, _NONE)
                if value is _NONE:
                    value = scalars.build(event.value)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                raise _Unusual
            value = {} if cls is MappingStartEvent else []
            if top is not None:
                if not in_list and key is _NONE:
                    raise _Unusual          # a container as a key
                _place_value(top, in_list, key, value)
                stack.append((top, in_list))
            top, in_list, key = value, cls is SequenceStartEvent, _NONE
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            if stack:
                top, in_list = stack.pop()
            else:
                root, top = top, None
            key = _NONE
            continue
        elif cls is DocumentEndEvent:
            break
        else:                               # aliases, and anything we do not expect
            raise _Unusual
        if top is None:
            root = value
        elif in_list:
            top.append(value)
        elif key is _NONE:
            if value in top:                # duplicate keys: the full path names them
                raise _Unusual
            key = value
        else:
            top[key] = value
            key = _NONE
    if root is _NONE or not isinstance(get_event(), StreamEndEvent):
        raise _Unusual          # a second document: the full path says it is one too many
    return root


_NONE = object()


def _place_value(top: Any, in_list: bool, key: Any, value: Any) -> None:
    if in_list:
        top.append(value)
    else:
        top[key] = value


class _Scalars:
    """Plain and quoted scalars to values, as the safe loader resolves and builds them."""

    def __init__(self, max_digits: int) -> None:
        self._max_digits = max_digits
        self.built: dict[str, Any] = {}     # plain scalars read so far, by their text
        self._resolvers = Resolver.yaml_implicit_resolvers

    def build(self, text: str) -> Any:
        """The value of a plain scalar (remembered: keys and kinds repeat)."""
        value = self._value(text)
        self.built[text] = value
        return value

    def _value(self, text: str) -> Any:
        tag = self._tag(text)
        if tag == _TAG + "str":
            return text
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return _CONSTRUCTOR.bool_values[text.lower()]
        if tag == _TAG + "int" and len(text) > self._max_digits:
            raise _Unusual
        build = _BUILT_BY_CONSTRUCTOR.get(tag)
        if build is None:       # merge keys and value keys
            raise _Unusual
        return build(ScalarNode(tag, text))

    def _tag(self, text: str) -> str:
        resolvers = self._resolvers.get(text[0] if text else "", [])
        for tag, pattern in [*resolvers, *self._resolvers.get(None, [])]:
            if pattern.match(text):
                return tag
        return _TAG + "str"
