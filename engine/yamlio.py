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
from pathlib import Path
from typing import Any

import yaml

from engine.errors import InputError, Problem

MAX_FILE_BYTES = 8 * 2**20
MAX_EXPANDED_NODES = 1_000_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
    """Finds the line of a key path in a composed YAML node tree."""

    def __init__(self, root: yaml.Node | None) -> None:
        self._root = root

    def line(self, path: Sequence[PathKey]) -> int | None:
        node = self._root
        if node is None:
            return None
        for key in path:
            child = _child(node, key)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1


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
    """Parse one YAML document safely; raise ``error`` with a located problem."""
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
    """Read and parse a YAML file, refusing files over :data:`MAX_FILE_BYTES`."""
    name = str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise error(
                [Problem("", f"file is {size / 2**20:.1f} MiB, over the "
                         f"{MAX_FILE_BYTES // 2**20} MiB limit")], name)
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise error([Problem("", f"cannot read: {exc.strerror or exc}")], name) from None
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
    """Refuse duplicate keys, recursive aliases and alias bombs, before construction."""
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
