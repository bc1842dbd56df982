"""A safe evaluator of arithmetic expressions for parametrised questions (no `eval`).

The expression is parsed by Python's `ast` and every node is checked against a whitelist:
numbers, variable names, + - * / // % **, unary minus, and calls of the functions in FUNCTIONS.
Evaluation walks the tree with floats only, so `9**9**9` overflows instead of eating memory.
"""

from __future__ import annotations

import ast
import math
import operator
from dataclasses import dataclass, field
from typing import Callable, Mapping

MAX_LENGTH = 400

FUNCTIONS: dict[str, Callable[..., float]] = {
    "sqrt": math.sqrt, "exp": math.exp, "log": math.log, "abs": abs,
    "sin": math.sin, "cos": math.cos, "tanh": math.tanh,
    "min": min, "max": max, "ceil": math.ceil, "floor": math.floor,
}
CONSTANTS: dict[str, float] = {"pi": math.pi, "e": math.e}

BINARY: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
UNARY: dict[type, Callable[[float], float]] = {ast.USub: operator.neg, ast.UAdd: operator.pos}
ALLOWED_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Call,
                 ast.Load, *BINARY, *UNARY)


class ExprError(ValueError):
    """An expression that is not allowed, or that has no finite real value."""


@dataclass(frozen=True)
class Expression:
    """A checked expression and the variable names it reads (constants excluded)."""

    source: str
    names: frozenset[str]
    tree: ast.Expression = field(compare=False, repr=False)


def compile_expression(source: str) -> Expression:
    """Parse and check `source`; raise ExprError naming the first thing that is not allowed."""
    if len(source) > MAX_LENGTH:
        raise ExprError(f"longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, RecursionError, MemoryError) as err:
        raise ExprError(f"not an expression: {getattr(err, 'msg', err)}") from err
    names = set()
    for node in ast.walk(tree):
        _check_node(node)
        if isinstance(node, ast.Name) and node.id not in FUNCTIONS and node.id not in CONSTANTS:
            names.add(node.id)
    return Expression(source, frozenset(names), tree)


def _check_node(node: ast.AST) -> None:
    if not isinstance(node, ALLOWED_NODES):
        raise ExprError(f"{type(node).__name__} is not allowed")
    if isinstance(node, ast.Constant) and (
        isinstance(node.value, bool) or not isinstance(node.value, (int, float))
    ):
        raise ExprError(f"constant {node.value!r} is not a number")
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name):
            raise ExprError("only a function name may be called")
        if node.func.id not in FUNCTIONS:
            raise ExprError(f"{node.func.id}() is not an allowed function")
        if node.keywords or not node.args:
            raise ExprError(f"{node.func.id}() takes positional arguments only")


def evaluate(expression: Expression, values: Mapping[str, float]) -> float:
    """The value of `expression` with `values` for its variables, as a finite float."""
    missing = expression.names - set(values)
    if missing:
        raise ExprError(f"no value for {', '.join(sorted(missing))}")
    try:
        result = _eval(expression.tree.body, values)
    except (ArithmeticError, ValueError, TypeError, RecursionError) as err:
        raise ExprError(f"cannot be computed: {err}") from err
    if not isinstance(result, float) or not math.isfinite(result):
        raise ExprError(f"the value {result!r} is not a finite real number")
    return result


def _eval(node: ast.AST, values: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        if node.id in values:
            return float(values[node.id])
        if node.id in CONSTANTS:
            return CONSTANTS[node.id]
        raise ExprError(f"{node.id} is a function, not a value")
    if isinstance(node, ast.UnaryOp):
        return UNARY[type(node.op)](_eval(node.operand, values))
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, values), _eval(node.right, values)
        result = BINARY[type(node.op)](left, right)
        if isinstance(result, complex):
            raise ExprError(f"{left!r} ** {right!r} is not a real number")
        return result
    if isinstance(node, ast.Call):
        return float(FUNCTIONS[node.func.id](*(_eval(arg, values) for arg in node.args)))
    raise ExprError(f"{type(node).__name__} is not allowed")
