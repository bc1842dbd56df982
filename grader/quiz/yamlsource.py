"""Read YAML safely while keeping line numbers, and find the YAML 1.1 traps.

The document is composed once: the node tree is searched for traps (`no` read as false,
`1e-3` read as a string, `012` read as octal 10, `1:30` read as 90, duplicate keys), then
constructed by a SafeLoader subclass whose mappings and lists remember their lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Hashable, Iterator

import yaml

from grader.quiz.errors import Problem

BOOL_TAG = "tag:yaml.org,2002:bool"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
STR_TAG = "tag:yaml.org,2002:str"
# YAML 1.1 words read as booleans that people mean as text.
BOOL_WORDS = {"yes", "no", "on", "off"}
NUMBER_LIKE = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
LEADING_ZERO = re.compile(r"[-+]?0\d+")


class MarkedDict(dict):
    """A YAML mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[Hashable, int] = {}

    def line_of(self, key: Hashable) -> int:
        """The line of `key`, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class MarkedList(list):
    """A YAML sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        """The line of item `index`."""
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class MarkedLoader(yaml.SafeLoader):
    """yaml.SafeLoader whose mappings and sequences are MarkedDict and MarkedList."""


def _construct_map(loader: MarkedLoader, node: yaml.MappingNode) -> Iterator[MarkedDict]:
    data = MarkedDict()
    data.line = node.start_mark.line + 1
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                "found an unhashable key", key_node.start_mark,
            )
        data.key_lines.setdefault(key, key_node.start_mark.line + 1)
        data[key] = loader.construct_object(value_node, deep=True)


def _construct_seq(loader: MarkedLoader, node: yaml.SequenceNode) -> Iterator[MarkedList]:
    data = MarkedList()
    data.line = node.start_mark.line + 1
    yield data
    for item in node.value:
        data.item_lines.append(item.start_mark.line + 1)
        data.append(loader.construct_object(item, deep=True))


MarkedLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
MarkedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


class MarkedTextLoader(MarkedLoader):
    """MarkedLoader that reads every unquoted scalar as text: `no`, `012` and `0,5` stay as typed."""

    yaml_implicit_resolvers: dict = {}


def _scalar_trap(node: yaml.ScalarNode) -> tuple[str, dict[str, object]] | None:
    """The trap an unquoted scalar falls into, as (problem code, params), or None."""
    if node.style is not None:
        return None
    text = node.value
    if node.tag == BOOL_TAG and text.lower() in BOOL_WORDS:
        return "trap_bool", {"value": text, "read_as": str(text.lower() in {"yes", "on"}).lower()}
    if node.tag == STR_TAG and NUMBER_LIKE.fullmatch(text):
        return "trap_float_string", {"value": text}
    if LEADING_ZERO.fullmatch(text):
        read_as = int(text, 8) if node.tag == INT_TAG else text
        return "trap_octal", {"value": text, "read_as": read_as}
    if node.tag in (INT_TAG, FLOAT_TAG) and ":" in text:
        return "trap_sexagesimal", {"value": text, "read_as": yaml.safe_load(text)}
    return None


def find_traps(root: yaml.Node, file: str) -> list[Problem]:
    """Every YAML 1.1 trap and duplicate key under `root`."""
    problems: list[Problem] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            trap = _scalar_trap(node)
            if trap:
                problems.append(Problem(file, line, trap[0], trap[1]))
        elif isinstance(node, yaml.MappingNode):
            problems += _duplicate_keys(node, file)
            stack += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return problems


def _duplicate_keys(node: yaml.MappingNode, file: str) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        line = key_node.start_mark.line + 1
        if key_node.value in first:
            problems.append(Problem(file, line, "duplicate_key",
                                    {"key": key_node.value, "first_line": first[key_node.value]}))
        else:
            first[key_node.value] = line
    return problems


def read_yaml(path: Path, label: str | None = None, text_only: bool = False
              ) -> tuple[object, list[Problem]]:
    """The data of one YAML file (MarkedDict/MarkedList inside) and the traps found in it.

    With `text_only` every scalar is read as text and there are no traps. Syntax errors and
    unreadable files come back as problems with data None.
    """
    file = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(file, 1, "not_utf8", {"detail": str(err)})]
    loader = (MarkedTextLoader if text_only else MarkedLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(file, 1, "empty_file")]
        traps = [] if text_only else find_traps(node, file)
        return loader.construct_document(node), traps
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(file, line, "yaml_syntax", {"detail": err.problem or str(err)})]
    except yaml.YAMLError as err:
        return None, [Problem(file, 1, "yaml_syntax", {"detail": str(err)})]
    finally:
        loader.dispose()
