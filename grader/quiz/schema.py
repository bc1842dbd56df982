"""The bank schema: turns one file's YAML data into a checked `Bank`, reporting every problem.

Bank file:  topic, title {kk, ru, en}, questions [...]
Question:   id, type, topic, source, text {kk, ru, en}, explanation {kk, ru, en}, and the
            answer data of its type (TYPE_FIELDS). The format is described in quizzes/README.md.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path
from typing import Callable

from grader.i18n import LANGUAGES
from grader.quiz.errors import Problem
from grader.quiz.expr import (
    CONSTANTS, FUNCTIONS, Expression, ExprError, compile_expression, evaluate,
)
from grader.quiz.fields import FieldReader, type_name
from grader.quiz.model import (
    PLACEHOLDER, QUESTION_TYPES, Bank, Option, Pair, Question, Tolerance, Variable, draw_values,
)
from grader.quiz.yamlsource import MarkedDict

BANK_FIELDS = ("topic", "title", "questions")
COMMON_FIELDS = ("id", "type", "topic", "source", "text", "explanation")
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "single": ("options", "answer"),
    "multiple": ("options", "answer"),
    "true_false": ("answer",),
    "numeric": ("answer", "abs_tol", "rel_tol"),
    "param_numeric": ("variables", "answer", "abs_tol", "rel_tol"),
    "short_text": ("answer",),
    "matching": ("pairs",),
    "ordering": ("items",),
    "flashcard": ("answer",),
}
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]*")
TOPIC_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
MAX_VARIABLE_VALUES = 10_000
# Draws tried when a bank is read, so that an answer that fails for some values is found by lint.
CHECK_DRAWS = 50


def read_bank(data: object, path: Path, file: str) -> tuple[Bank | None, list[Problem]]:
    """The bank in `data` (as read by yamlsource.read_yaml) and every problem found in it.

    The bank holds the questions that are valid, so that checks across questions still run;
    it is None only when the file has no usable topic and title.
    """
    reader = FieldReader(file)
    if not isinstance(data, MarkedDict):
        reader.report(getattr(data, "line", 1), "bank_not_mapping")
        return None, reader.problems
    reader.unknown_fields(data, BANK_FIELDS)
    topic = reader.string(data, "topic")
    if topic is not None and not TOPIC_PATTERN.fullmatch(topic):
        reader.report(data.line_of("topic"), "bad_topic", topic=topic)
    title = reader.localized(data, "title")
    items = reader.sequence(data, "questions")
    questions = []
    for index, item in enumerate(items or ()):
        question = _read_question(reader, item, items.line_of(index), topic)
        if question is not None:
            questions.append(question)
    _duplicate_ids(reader, items or [])
    if topic is None or title is None:
        return None, reader.problems
    return Bank(topic, title, path, file, tuple(questions)), reader.problems


def _duplicate_ids(reader: FieldReader, items: list) -> None:
    """Report an id used twice in the file, even where the questions are otherwise broken."""
    first: dict[str, int] = {}
    for item in items:
        qid = item.get("id") if isinstance(item, MarkedDict) else None
        if isinstance(qid, str) and qid in first:
            reader.report(item.line, "duplicate_id", id=qid, first=f"{reader.file}:{first[qid]}")
        elif isinstance(qid, str):
            first[qid] = item.line


def _read_question(reader: FieldReader, node: object, line: int, topic: str | None) -> Question | None:
    if not isinstance(node, MarkedDict):
        reader.report(line, "question_not_mapping")
        return None
    kind = reader.string(node, "type")
    if kind is not None and kind not in QUESTION_TYPES:
        reader.report(node.line_of("type"), "unknown_type", type=kind, types=", ".join(QUESTION_TYPES))
        kind = None
    if kind is not None:
        reader.unknown_fields(node, COMMON_FIELDS + TYPE_FIELDS[kind])
    common = _read_common(reader, node, topic)
    answer_data = TYPE_READERS[kind](reader, node) if kind else None
    if common is None or answer_data is None:
        return None
    return QUESTION_TYPES[kind](**common, **answer_data, file=reader.file, line=node.line)


def _read_common(reader: FieldReader, node: MarkedDict, topic: str | None) -> dict | None:
    qid = reader.string(node, "id")
    if qid is not None and not ID_PATTERN.fullmatch(qid):
        reader.report(node.line_of("id"), "bad_id", id=qid)
    question_topic = reader.string(node, "topic")
    if question_topic is not None and topic is not None and question_topic != topic:
        reader.report(node.line_of("topic"), "topic_mismatch", topic=question_topic, bank_topic=topic)
    fields = {
        "id": qid, "topic": question_topic, "source": reader.string(node, "source"),
        "text": reader.localized(node, "text"), "explanation": reader.localized(node, "explanation"),
    }
    return None if None in fields.values() else fields


def _options(reader: FieldReader, node: MarkedDict) -> tuple[Option, ...] | None:
    value = reader.mapping(node, "options")
    if value is None:
        return None
    options = []
    for key, text in value.items():
        line = value.line_of(key)
        if not isinstance(key, str):
            reader.report(line, "option_key", key=key)
        elif not isinstance(text, MarkedDict):
            reader.report(line, "not_mapping", field=f"options.{key}", found=type_name(text))
        else:
            localized = reader.localized_value(text, f"options.{key}", line)
            if localized is not None:
                options.append(Option(key, localized))
    if len(value) < 2:
        reader.report(node.line_of("options"), "too_few", field="options", minimum=2)
    reader.distinct([option.text for option in options], node.line_of("options"), "options")
    return tuple(options) if len(options) == len(value) >= 2 else None


def _option_key(reader: FieldReader, value: object, line: int, keys: list[str]) -> str | None:
    if not isinstance(value, str) or value not in keys:
        reader.report(line, "answer_not_option", answer=value, options=", ".join(keys))
        return None
    return value


def _read_single(reader: FieldReader, node: MarkedDict) -> dict | None:
    options = _options(reader, node)
    answer = reader.present(node, "answer")
    if options is None or answer is None:
        return None
    keys = [option.key for option in options]
    key = _option_key(reader, answer, node.line_of("answer"), keys)
    return None if key is None else {"options": options, "answer": key}


def _read_multiple(reader: FieldReader, node: MarkedDict) -> dict | None:
    options = _options(reader, node)
    answers = reader.sequence(node, "answer")
    if options is None or answers is None:
        return None
    keys = [option.key for option in options]
    chosen = [_option_key(reader, value, answers.line_of(i), keys) for i, value in enumerate(answers)]
    if None in chosen:
        return None
    if len(set(chosen)) != len(chosen):
        reader.report(node.line_of("answer"), "duplicate_answer")
        return None
    return {"options": options, "answer": frozenset(chosen)}


def _read_true_false(reader: FieldReader, node: MarkedDict) -> dict | None:
    answer = reader.present(node, "answer")
    if answer is not None and not isinstance(answer, bool):
        reader.report(node.line_of("answer"), "not_bool", found=answer)
        return None
    return None if answer is None else {"answer": answer}


def _tolerance(reader: FieldReader, node: MarkedDict) -> Tolerance | None:
    default = Tolerance()
    absolute = reader.number(node, "abs_tol", default=default.absolute)
    relative = reader.number(node, "rel_tol", default=default.relative)
    for key, value in (("abs_tol", absolute), ("rel_tol", relative)):
        if value is not None and value < 0:
            reader.report(node.line_of(key), "negative_tolerance", field=key)
            return None
    return None if absolute is None or relative is None else Tolerance(absolute, relative)


def _read_numeric(reader: FieldReader, node: MarkedDict) -> dict | None:
    answer = reader.number(node, "answer")
    tolerance = _tolerance(reader, node)
    return None if answer is None or tolerance is None else {"answer": answer, "tolerance": tolerance}


def _read_param_numeric(reader: FieldReader, node: MarkedDict) -> dict | None:
    variables = _variables(reader, node)
    source = reader.string(node, "answer")
    tolerance = _tolerance(reader, node)
    if variables is None or source is None or tolerance is None:
        return None
    line = node.line_of("answer")
    try:
        expression = compile_expression(source)
    except ExprError as err:
        reader.report(line, "bad_expression", expression=source, detail=str(err))
        return None
    names = {variable.name for variable in variables}
    for name in sorted(expression.names - names):
        reader.report(line, "unknown_variable", name=name, variables=", ".join(sorted(names)))
    shown = _placeholders_match(reader, node, names)
    if expression.names - names or not shown or not _computes(reader, line, variables, expression):
        return None
    return {"variables": variables, "answer": expression, "tolerance": tolerance}


def _computes(reader: FieldReader, line: int, variables: tuple[Variable, ...],
              expression: Expression) -> bool:
    """The answer has a finite value on CHECK_DRAWS draws of the variables."""
    for seed in range(CHECK_DRAWS):
        values = draw_values(variables, random.Random(seed))
        try:
            evaluate(expression, values)
        except ExprError as err:
            reader.report(line, "expression_fails", values=values, detail=str(err))
            return False
    return True


def _placeholders_match(reader: FieldReader, node: MarkedDict, names: set[str]) -> bool:
    """Every variable appears as {name} in the text of every language, and nothing else does;
    an explanation may use the variables and {answer}."""
    ok = True
    rules = (("text", names, names), ("explanation", set(), names | {"answer"}))
    for field, required, allowed in rules:
        texts = node.get(field) if isinstance(node.get(field), dict) else {}
        for lang in LANGUAGES:
            used = set(PLACEHOLDER.findall(str(texts.get(lang, ""))))
            for name in sorted(required - used):
                reader.report(node.line_of(field), "variable_not_in_text", name=name, language=lang)
            for name in sorted(used - allowed):
                reader.report(node.line_of(field), "unknown_placeholder", name=name, language=lang,
                              field=field)
            ok = ok and required <= used <= allowed
    return ok


def _variables(reader: FieldReader, node: MarkedDict) -> tuple[Variable, ...] | None:
    specs = reader.mapping(node, "variables")
    if specs is None:
        return None
    variables = [_variable(reader, name, spec, specs.line_of(name)) for name, spec in specs.items()]
    return None if None in variables or not variables else tuple(variables)


def _variable(reader: FieldReader, name: object, spec: object, line: int) -> Variable | None:
    if not isinstance(name, str) or not name.isidentifier() or name in FUNCTIONS or name in CONSTANTS:
        reader.report(line, "bad_variable_name", name=name)
        return None
    if not isinstance(spec, MarkedDict):
        reader.report(line, "bad_variable", name=name)
        return None
    if "choices" in spec:
        reader.unknown_fields(spec, ("choices",))
        choices = reader.sequence(spec, "choices")
        if choices is None:
            return None
        if not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in choices):
            reader.report(spec.line_of("choices"), "not_number", field=f"{name}.choices", found=choices)
            return None
        return Variable(name, tuple(choices))
    reader.unknown_fields(spec, ("min", "max", "step"))
    low, high, step = (reader.number(spec, key) for key in ("min", "max", "step"))
    if low is None or high is None or step is None:
        return None
    if step <= 0 or low > high or (high - low) / step >= MAX_VARIABLE_VALUES:
        reader.report(line, "bad_range", name=name, low=low, high=high, step=step,
                      limit=MAX_VARIABLE_VALUES)
        return None
    return Variable(name, value_range(low, high, step))


def value_range(low: float, high: float, step: float) -> tuple[float, ...]:
    """low, low + step, ... <= high, computed in decimal so that 0.1 steps stay 0.1, 0.2, 0.3."""
    start, stop, width = (Decimal(repr(value)) for value in (low, high, step))
    count = int((stop - start) / width) + 1
    values = [start + index * width for index in range(count)]
    as_int = all(isinstance(value, int) for value in (low, step))
    return tuple(int(value) if as_int else float(value) for value in values)


def _read_short_text(reader: FieldReader, node: MarkedDict) -> dict | None:
    answer = reader.localized_list(node, "answer")
    return None if answer is None else {"answer": answer}


def _read_matching(reader: FieldReader, node: MarkedDict) -> dict | None:
    rows = reader.sequence(node, "pairs", minimum=3)
    if rows is None:
        return None
    pairs = []
    for index, row in enumerate(rows):
        if not isinstance(row, MarkedDict):
            reader.report(rows.line_of(index), "not_mapping", field="pairs", found=type_name(row))
            continue
        reader.unknown_fields(row, ("left", "right"))
        left, right = reader.localized(row, "left"), reader.localized(row, "right")
        if left is not None and right is not None:
            pairs.append(Pair(left, right))
    reader.distinct([pair.left for pair in pairs], rows.line, "pairs.left")
    reader.distinct([pair.right for pair in pairs], rows.line, "pairs.right")
    return {"pairs": tuple(pairs)} if len(pairs) == len(rows) else None


def _read_ordering(reader: FieldReader, node: MarkedDict) -> dict | None:
    rows = reader.sequence(node, "items", minimum=3)
    if rows is None:
        return None
    items = []
    for index, row in enumerate(rows):
        if not isinstance(row, MarkedDict):
            reader.report(rows.line_of(index), "not_mapping", field="items", found=type_name(row))
            continue
        text = reader.localized_value(row, "items", rows.line_of(index))
        if text is not None:
            items.append(text)
    reader.distinct(items, rows.line, "items")
    return {"items": tuple(items)} if len(items) == len(rows) else None


def _read_flashcard(reader: FieldReader, node: MarkedDict) -> dict | None:
    answer = reader.localized(node, "answer")
    return None if answer is None else {"answer": answer}


TYPE_READERS: dict[str, Callable[[FieldReader, MarkedDict], dict | None]] = {
    "single": _read_single,
    "multiple": _read_multiple,
    "true_false": _read_true_false,
    "numeric": _read_numeric,
    "param_numeric": _read_param_numeric,
    "short_text": _read_short_text,
    "matching": _read_matching,
    "ordering": _read_ordering,
    "flashcard": _read_flashcard,
}
