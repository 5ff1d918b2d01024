"""Safe YAML reading with limits and line numbers.

Every file the engine reads (layouts, catalogs) goes through
:func:`read_yaml_file` or :func:`parse_yaml`: safe tags only, a size limit,
an alias-expansion limit (a "billion laughs" file is refused before it is
built), duplicate keys refused, and a :class:`Locator` that maps a key path
back to its line so that every validation problem can say where it is.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from engine.errors import InputError, Problem
from engine.reading import read_bounded
from engine.yaml_events import UNUSUAL, plain_data

MAX_FILE_BYTES = 8 * 2**20
MAX_EXPANDED_NODES = 1_000_000
MAX_DIGITS = 4000   # Python refuses to convert whole numbers of over 4,300 digits

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT = "tag:yaml.org,2002:int"
PathKey = str | int


_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.@-]*$")


def render_path(path: Sequence[PathKey]) -> str:
    """``("nodes", 2, "replicas")`` -> ``"nodes[2].replicas"``; odd keys are quoted."""
    out = ""
    for key in path:
        if isinstance(key, int):
            out += f"[{key}]"
        elif _PLAIN_KEY.match(key):
            out += f".{key}" if out else key
        else:
            out += f"[{key!r}]"
    return out


class Locator:
    """Finds the line of a key path in a composed YAML node tree.

    Built from the text instead, it composes the tree only when a line is first asked for
    (a problem to report): reading a valid file never pays for it."""

    def __init__(self, root: yaml.Node | None = None, text: str | None = None) -> None:
        self._root = root
        self._text = text

    def line(self, path: Sequence[PathKey]) -> int | None:
        if self._text is not None:
            self._root, self._text = _compose_for_lines(self._text), None
        node = self._root
        if node is None:
            return None
        for key in path:
            child = _child(node, key)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1


class _LineComposer(_Loader):  # type: ignore[misc, valid-type]
    """Composes nodes for their marks only: every scalar is left a string."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return ""


def _compose_for_lines(text: str) -> yaml.Node | None:
    """The node tree of a text :func:`plain_data` has read (so it composes)."""
    loader = _LineComposer(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _child(node: yaml.Node, key: PathKey) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                return v
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) \
            and 0 <= key < len(node.value):
        return node.value[key]
    return None


@dataclass
class YamlDocument:
    """Plain data of one YAML document and the locator for its lines."""

    data: Any
    locator: Locator


def parse_yaml(
    text: str, file: str | None = None, error: type[InputError] = InputError
) -> YamlDocument:
    """Parse one YAML document safely; raise ``error`` with a located problem.

    The plain files we write are built straight from the parser's events; the rest
    (anchors, tags, errors...) are composed, checked and constructed in full."""
    data = plain_data(text, MAX_DIGITS)
    if data is not UNUSUAL:
        return YamlDocument(data, Locator(text=text))
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _check_tree(root)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise error([Problem("", _yaml_message(exc), line)], file) from None
    except _TreeError as exc:
        raise error([Problem("", exc.message, exc.line)], file) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise error([Problem("", f"not valid YAML: character {exc.character!r} is not "
                             "allowed", line)], file) from None
    except yaml.YAMLError as exc:
        raise error([Problem("", "not valid YAML: " + " ".join(str(exc).split()))],
                    file) from None
    except RecursionError:
        raise error([Problem("", "nested too deeply to read")], file) from None
    finally:
        loader.dispose()
    return YamlDocument(data, Locator(root))


def read_yaml_file(
    path: str | os.PathLike[str], error: type[InputError] = InputError
) -> YamlDocument:
    """Read and parse a YAML file: a regular file of at most :data:`MAX_FILE_BYTES`."""
    name = str(path)
    raw = read_bounded(path, MAX_FILE_BYTES, error)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error([Problem("", f"not UTF-8 text (byte {exc.start})")], name) from None
    return parse_yaml(text, name, error)


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    if "could not determine a constructor" in problem or ("tag" in problem and "!!" in problem):
        tag = problem.split("tag", 1)[-1].strip(" '")
        return f"tag {tag} is not allowed (layout files hold plain data only)"
    text = f"{context}, {problem}" if context and problem else problem or context
    return "not valid YAML: " + " ".join(text.split())


class _TreeError(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def _check_tree(root: yaml.Node) -> None:
    """Refuse duplicate keys, recursive aliases, alias bombs and whole numbers too long to
    convert (Python refuses over 4,300 digits), before construction."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise _TreeError("an alias refers to the node that contains it",
                             node.start_mark.line + 1)
        open_nodes.add(key)
        total = 1
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT \
                and len(node.value) > MAX_DIGITS:
            raise _TreeError(f"a whole number of {len(node.value):,} digits is too long to "
                             f"read (at most {MAX_DIGITS:,})", node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in seen:
                        raise _TreeError(f"duplicate key {k.value!r}", k.start_mark.line + 1)
                    seen.add(k.value)
                total += size(k) + size(v)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item)
        open_nodes.discard(key)
        if total > MAX_EXPANDED_NODES:
            raise _TreeError(
                f"anchors and aliases expand to over {MAX_EXPANDED_NODES:,} values "
                "(an alias bomb?)", node.start_mark.line + 1)
        sizes[key] = total
        return total

    size(root)
