"""From what happened in a test to a TestResult: outcome, points, message and diagnosis.

Decided here, in the grader's process, from the exception the test ended with; nothing the
worker says about itself is taken as a verdict.
"""

from __future__ import annotations

import re
from typing import Any

from . import curriculum
from .checks import CallDescription, Mismatch
from .compare import BadValue, show_apart
from .curriculum import Exercise
from .diagnosis import Diagnosis, diagnose, wrong_default
from .errors import GraderError
from .i18n import catalogue, translate
from .results import Outcome, TestResult
from .sandbox.client import StudentProtocolError, StudentRaised, StudentTimeout, WorkerCrashed


def diagnosis_text(diagnosis: Diagnosis, exercise: Exercise, lang: str) -> str:
    """The exercise's own message for this id (with where the lecture says it) if it has one,
    else the generic one."""
    specific = f"diagnosis.ex{exercise.number:02d}.{diagnosis.id}"
    generic = f"diagnosis.{diagnosis.id}" + (f"_{diagnosis.params['wording']}" if diagnosis.params.get("wording") else "")
    if specific not in catalogue("en") and generic in catalogue("en"):
        return translate(generic, lang, **diagnosis.params)
    text = translate(specific, lang, **diagnosis.params)
    return f"{text} {translate('diagnosis.see_source', lang, source=exercise.citation_in(lang))}" if exercise.source else text


def refused_kind(description: str, lang: str) -> str:
    """A refused value's kind ('object|Series': sandbox/protocol.describe) in the student's
    language; anything else is shown as it is."""
    tag, _, name = description.partition("|")
    key = f"value.kind.{tag}"
    text = translate(key, lang, name=name)
    return description if text == key else text


def update_return(reason: str) -> tuple[str, dict]:
    """The message id and parameters for the reason of a ReturnShapeError (sandbox/loops.py:
    'count|2', 'type|dict', 'shape|(3,)|(2,)'); anything else is shown as it is."""
    kind, *values = reason.split("|")
    names = {"none": ("",), "count": ("count",), "type": ("type",), "shape": ("got", "expected"),
             "keys": ("keys", "got"), "order": ("order",)}.get(kind)
    if names is None or len(values) != len(names):
        return "result.bad_update_return", {"text": reason}
    return f"result.update_{kind}", dict(zip(names, values))


def _call_text(call: Any, lang: str) -> str:
    """A check's call as shown to the student, long arguments worded in `lang`."""
    return call.text(lang) if isinstance(call, CallDescription) else str(call)


def _not_utf8(text: str) -> bool:
    """Whether a SyntaxError says the source is not UTF-8 (a file saved as Windows-1251, say)."""
    return "'utf-8' codec can't decode" in text or "Non-UTF-8 code" in text


# What Python says of a sign it does not read: "invalid character '−' (U+2212)", "invalid
# non-printable character U+00A0".
INVALID_CHARACTER = re.compile(r"invalid (?:non-printable )?character (?:'.' )?\(?U\+(?P<code>[0-9A-F]{4,6})")
# The signs of the statements' and the lecture's formulas, and what Python writes in their place.
TYPED_AS = {"−": "-", "–": "-", "—": "-", "·": "*", "⋅": "*", "×": "*", "÷": "/", "²": "**2", "³": "**3",
            "≤": "<=", "≥": ">=", "≠": "!=", "√": "np.sqrt(…)", "‖": "np.linalg.norm(…)",
            "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"}
SPACES = frozenset("\u00a0\u2009\u202f")  # no-break, thin and narrow no-break spaces (web pages, Word)


def _syntax_diagnosis(kind: str, text: str) -> Diagnosis:
    """not_utf8 for a file in another encoding; for a sign copied from a formula (− for -, ·
    for *, a no-break space) or an indentation (a tab among spaces), syntax_error worded with
    what to do (Python's own text is English); else syntax_error."""
    if _not_utf8(text):
        return Diagnosis("not_utf8")
    if kind in ("TabError", "IndentationError"):
        return Diagnosis("syntax_error", {"wording": "tabs" if kind == "TabError" else "indentation"})
    found = INVALID_CHARACTER.search(text)
    sign = chr(int(found.group("code"), 16)) if found else ""
    if sign in SPACES:
        return Diagnosis("syntax_error", {"wording": "copied_space"})
    if sign in TYPED_AS:
        return Diagnosis("syntax_error", {"wording": "copied_symbol", "sign": sign, "code": f"U+{ord(sign):04X}",
                                          "typed": TYPED_AS[sign]})
    return Diagnosis("syntax_error")


def _student_raised(error: StudentRaised, list_input: bool, exercise: Exercise) -> tuple[Outcome, str, dict, Diagnosis]:
    where = "."  # the sentence ends here when no line of the student's is to be shown
    if error.frames:  # set off from the exception's own text: " — file:line (function): code."
        file, line, function, code = error.frames[-1]
        where = f" — {file}:{line}" + (f" ({function})" if function else "") + f": {code.rstrip('.')}."
    params = {"type": error.type, "text": error.text.rstrip("."), "where": where}
    if error.not_implemented:
        return _not_implemented(error, exercise, params)
    if error.type == "ModuleNotFoundError" and f"'exercises.{exercise.module}'" in error.text:
        return Outcome.ERROR, "result.missing_file", {"file": f"{exercise.module}.py"}, Diagnosis("missing_file")
    sibling = _sibling(error)
    if sibling is not None:
        module, named_right = sibling
        if named_right:  # the file of the exercise it calls is not in the submission (one file handed in)
            return Outcome.ERROR, "result.raised", params, Diagnosis("sibling_missing", {"file": f"{module}.py"})
        # `from ex05 import …`, `from .ex05 import …`: another exercise by a name it does not have
        return Outcome.ERROR, "result.raised", params, Diagnosis("sibling_import", {"module": module})
    if NULL_BYTES in error.text:
        return _saved_as_utf16(error, exercise, params)
    if error.syntax:
        return Outcome.ERROR, "result.syntax_error", params, _syntax_diagnosis(error.type, error.text)
    if error.type == "ReturnShapeError":
        message_id, reason = update_return(error.text)
        diagnosis = {"result.update_none": "returned_none", "result.update_keys": "missing_keys",
                     "result.update_order": "wrong_order"}.get(message_id, "wrong_shape")
        return Outcome.FAILED, message_id, reason, Diagnosis(diagnosis, {"order": reason.get("order", "")})
    if error.type == "AttributeError" and "has no attribute" in error.text and not error.frames:
        named = MISSING_ATTRIBUTE.search(error.text)
        if named:  # said in the student's language, not Python's English
            file = named.group("module").replace(".", "/") + ".py"
            return Outcome.ERROR, "result.missing_function_named", {"file": file, "function": named.group("name")}, \
                Diagnosis("missing_function")
        return Outcome.ERROR, "result.missing_function", params, Diagnosis("missing_function")
    if error.type in ("TypeError", "AttributeError") and list_input and error.frames and LIST_OPERAND.search(error.text):
        # a list where an array was assumed (not a call the signature refused, nor any TypeError)
        return Outcome.ERROR, "result.raised", params, Diagnosis("list_input_unsupported")
    removed = NUMPY_ATTRIBUTE.fullmatch(error.text.strip()) if error.type == "AttributeError" and error.frames else None
    if removed is not None and removed.group("name") in REMOVED_FROM_NUMPY:
        # np.math.cos, np.float, np.product: older numpy (on the student's computer) had them, without a word from numpy
        name = removed.group("name")
        return Outcome.ERROR, "result.raised", params, Diagnosis("removed_from_numpy", {"wording": "named", "name": name,
                                                                           "replacement": REMOVED_FROM_NUMPY[name]})
    if error.type == "TypeError" and error.frames and MATH_ON_ARRAY.search(error.text):
        code = error.frames[-1][3]  # float(v.T @ v) of a column: a (1, 1) array, which older numpy only warned of
        wording = {"wording": "float"} if NUMBER_CONVERSION.search(code) and "math." not in code else {}
        return Outcome.ERROR, "result.raised", params, Diagnosis("math_on_array", wording)
    if error.type == "ValueError" and error.frames and ARRAY_INTO_AN_ELEMENT.fullmatch(error.text.strip()):
        # losses[e] = r.T @ r / n of a column r: a (1, 1) array stored as one number, which older numpy only warned of
        return Outcome.ERROR, "result.raised", params, Diagnosis("array_as_number")
    if error.type in ("OSError", "PermissionError") and error.frames and (
            "Read-only file system" in error.text or ("Permission denied" in error.text and WRITING.search(error.frames[-1][3]))):
        # plt.savefig("loss.png") left at the bottom of the file: the submission is read-only while it is graded
        return Outcome.ERROR, "result.raised", params, Diagnosis("writes_files")
    if error.type == "EOFError" and error.frames:  # input(): nobody types during grading
        return Outcome.ERROR, "result.raised", params, Diagnosis("reads_input")
    if error.type == "RecursionError" and error.frames:  # a loop written as a call per step: 1000 steps is too deep
        return Outcome.ERROR, "result.raised", params, Diagnosis("recursion_too_deep")
    if error.type == "OverflowError" and error.frames:  # 1e200 ** 2 on a Python float; numpy would give inf
        return Outcome.ERROR, "result.raised", params, Diagnosis("float_overflow")
    named = _undefined_name(error.text) if error.type == "NameError" and error.frames else None
    if named is not None:
        return Outcome.ERROR, "result.raised", params, Diagnosis("raised_exception", named)
    if error.type == "TypeError" and not error.frames and SIGNATURE_REFUSED.search(error.text):
        # No line of the student's ran: the call itself did not fit the function's parameters.
        return Outcome.ERROR, "result.raised", params, Diagnosis("wrong_signature", {"number": exercise.number})
    return Outcome.ERROR, "result.raised", params, Diagnosis("raised_exception")


# What Python says of a file saved as UTF-16 (Notepad's "Unicode", PowerShell's >): a
# SyntaxError (3.11 and later) or a ValueError (3.10), with no line of the file either way.
NULL_BYTES = "source code string cannot contain null bytes"


def _saved_as_utf16(error: StudentRaised, exercise: Exercise, params: dict) -> tuple[Outcome, str, dict, Diagnosis]:
    """A file with null bytes: this exercise's own when no line of the submission led to it
    (else the import shown is where the other file came in), told to be saved as UTF-8."""
    if not error.frames:
        params = {**params, "where": f" — exercises/{exercise.module}.py."}
    return Outcome.ERROR, "result.syntax_error", params, Diagnosis("not_utf8", {"wording": "utf16"})


def _sibling(error: StudentRaised) -> tuple[str, bool] | None:
    """(the module of the exercise that a failed import meant, whether it was named so):
    ('ex05_linear_regression', False) for 'ex05' or 'exercises.ex5_regression', True for its
    own name, whose file is then what is missing; None for any other module."""
    named = SIBLING_IMPORT.search(error.text) if error.type == "ModuleNotFoundError" else None
    if named is None:
        return None
    try:
        module = curriculum.exercise(int(named.group("number"))).module
    except GraderError:  # no such exercise: an import of something else
        return None
    return module, named.group("name") == module


# What Python says of an operation on a list or a tuple: "can't multiply sequence by non-int",
# "unsupported operand type(s) for -: 'list' and 'list'", "'list' object has no attribute 'shape'".
LIST_OPERAND = re.compile(r"'(list|tuple)'|sequence")
# math.sqrt, math.exp… given an array: "only length-1 arrays…" (numpy < 2), "only 0-dimensional arrays…"
MATH_ON_ARRAY = re.compile(r"only (length-1|0-dimensional|size-1) arrays can be converted to Python scalars")
# float(…) or int(…) on the line that raised it: an array of one number with an axis, not a math function.
NUMBER_CONVERSION = re.compile(r"(?<![\w.])(float|int)\s*\(")
# Names older numpy had and the numpy that grades says nothing more of than "module 'numpy' has no attribute
# 'math'" (those it removed with an explanation, np.Inf or np.asfarray, speak for themselves): what to write instead.
NUMPY_ATTRIBUTE = re.compile(r"module 'numpy' has no attribute '(?P<name>\w+)'")
REMOVED_FROM_NUMPY = {"math": "import math; math.cos(…), math.pi", "float": "np.float64", "int": "np.int64",
                      "object": "object", "str": "str", "product": "np.prod", "cumproduct": "np.cumprod",
                      "trapz": "np.trapezoid", "in1d": "np.isin", "msort": "np.sort(a, axis=0)", "asscalar": "a.item()",
                      "alen": "len(a)"}
# A line that writes a file (where "Permission denied" is not a file it could not read).
WRITING = re.compile(r"savefig|\bopen\(|\.write|\bsave(txt|z)?\(|mkdir|to_csv|\.dump\(")
# An array stored into one element of another (not numpy's "… inhomogeneous shape …" of a ragged list).
ARRAY_INTO_AN_ELEMENT = re.compile(r"setting an array element with a sequence\.?")
# A NameError's text: a module used without its import (np), a letter of the formulas (η, α).
UNDEFINED_NAME = re.compile(r"name '(?P<name>\w+)' is not defined")
IMPORTS = {"np": "import numpy as np", "numpy": "import numpy", "math": "import math"}  # modules the exercises use
GREEK = range(0x0370, 0x0400)  # the Greek and Coptic block: η, α, ε, β as the formulas write them
SIBLING_IMPORT = re.compile(r"No module named '(?:exercises\.)?(?P<name>ex(?P<number>\d{1,2})(?:_\w*)?)'")
MISSING_ATTRIBUTE = re.compile(r"module '(?P<module>exercises\.\w+)' has no attribute '(?P<name>\w+)'")
SIGNATURE_REFUSED = re.compile(r"unexpected keyword argument|positional arguments? but|missing \d+ required|"
                               r"got multiple values for argument|takes no (keyword )?arguments")


def _undefined_name(text: str) -> dict | None:
    """The wording for a NameError a student is told more of: the formulas' η where the code
    has learning_rate (`w - η*g`), a module used without its import (np); else None."""
    found = UNDEFINED_NAME.search(text)  # (\w is Unicode: it matches η too)
    name = found.group("name") if found else ""
    if name and ord(name[0]) in GREEK:
        return {"wording": "formula_symbol", "symbol": name}
    if name in IMPORTS:
        return {"wording": "not_imported", "name": name, "line": IMPORTS[name]}
    return None


def _not_implemented(error: StudentRaised, exercise: Exercise, params: dict) -> tuple[Outcome, str, dict, Diagnosis]:
    """A stub still raising: this exercise's, or another's it calls (ex17's multistart calls
    ex04's gradient_descent): then that one is named, with its exercise to finish first."""
    file, _, function, _ = error.frames[-1] if error.frames else (exercise.module, 0, "", "")
    found = re.search(r"ex(\d\d)_\w+\.py", str(file))
    number = int(found.group(1)) if found else exercise.number
    if number != exercise.number:
        params = {**params, "function": function, "file": str(file), "number": number}
        return Outcome.ERROR, "result.not_implemented_elsewhere", params, Diagnosis("not_implemented", {"number": number})
    message_id = "result.not_implemented_function" if function else "result.not_implemented"
    return Outcome.ERROR, message_id, {**params, "function": function}, Diagnosis("not_implemented", {"number": number})


COUNTED = ("value.wrong_length", "value.wrong_rows")  # right entries, too many or too few of them


def _wording(error: BadValue) -> dict:
    """Which text of the diagnosis fits this bad value (diagnosis.<id>_<wording>), when the
    generic one would send the student to the wrong place: a number returned as a one-element
    array, (1,) or (1, 1), is fixed by returning the number (np.ravel keeps (1,)); right entries
    but too many or too few of them (not one off) by the loop's count and the defaults, not the
    shape."""
    if error.diagnosis == "extra_dimension" and str(error.params.get("expected")) == "()":
        return {"wording": "number"}
    if error.diagnosis == "wrong_shape" and error.message_id in COUNTED:
        return {"wording": "count"}
    if error.diagnosis == "wrong_shape" and error.params.get("one_row"):
        return {"wording": "one_row"}
    return {}


def _classify(error: BaseException, exercise: Exercise, list_input: bool, lang: str) -> tuple[Outcome, str, dict, Diagnosis | None]:
    if isinstance(error, Mismatch):
        difference = error.difference
        expected, got = show_apart(difference.expected, difference.got)
        where = difference.where if difference.where and not difference.where.startswith("[") else f"result{difference.where}"
        params = {"call": _call_text(error.call, lang), "expected": expected, "got": got, "where": where, "aspect": difference.aspect,
                  **error.params}
        diagnosis = Diagnosis("changed_input") if error.message_id == "check.input_changed" else diagnose(error)
        return Outcome.FAILED, error.message_id, params, diagnosis
    if isinstance(error, BadValue):
        # Too many or too few entries may come from a default (max_steps=500): named so; any
        # other bad value (None, text, a ragged list) is named as itself.
        counted = error.message_id in COUNTED
        return Outcome.FAILED, error.message_id, error.params, \
            (counted and wrong_default(error.wrong_defaults())) or Diagnosis(error.diagnosis, _wording(error))
    if isinstance(error, StudentRaised):
        return _student_raised(error, list_input, exercise)
    if isinstance(error, StudentTimeout):
        return Outcome.TIMEOUT, "result.timeout", {"seconds": f"{error.seconds:g}"}, Diagnosis("timeout")
    if isinstance(error, WorkerCrashed):
        if error.detail:
            return Outcome.ERROR, "result.not_started", {"text": error.detail}, Diagnosis("worker_crashed")
        if error.memory_limit is not None:
            return Outcome.ERROR, "result.out_of_memory", {"gib": f"{error.memory_limit / 2**30:g}"}, \
                Diagnosis("worker_crashed", {"wording": "memory"})
        return Outcome.ERROR, "result.crashed", {}, Diagnosis("worker_crashed")
    if isinstance(error, StudentProtocolError):
        return Outcome.ERROR, "result.protocol", {"text": str(error)}, Diagnosis("channel_broken")
    raise TypeError("not a student failure")


def verdict(name: str, title: str, points: float, error: BaseException | None, exercise: Exercise,
            lang: str, list_input: bool = False) -> TestResult:
    """The result of one test that ended with `error` (None: it passed)."""
    if error is None:
        return TestResult(name, title, Outcome.PASSED, points, points)
    try:
        outcome, message_id, params, diagnosis = _classify(error, exercise, list_input, lang)
    except TypeError:
        text = translate("result.internal_error", lang, text=f"{type(error).__name__}: {error}")
        return TestResult(name, title, Outcome.ERROR, 0.0, points, text, "grader_error", internal_error=True)
    if message_id == "value.rejected":
        params = {**params, "kind": refused_kind(params["kind"], lang)}
    if params.get("aspect"):  # not a value that differs: the shape, the number of mini-batches
        params = {**params, "where": translate(f"where.{params['aspect']}", lang, where=params["where"])}
    if str(params.get("where", "")).startswith("result"):  # the answer as a whole, in the language
        params = {**params, "where": translate("where.result", lang) + params["where"][len("result"):]}
    message = translate(message_id, lang, **params)
    if isinstance(error, BadValue) and error.call is not None:
        message = f"{_call_text(error.call, lang)}: {message}"
    if diagnosis is not None:
        message = f"{message} {diagnosis_text(diagnosis, exercise, lang)}"
    return TestResult(name, title, outcome, 0.0, points, cut(message), diagnosis.id if diagnosis else None)


MAX_MESSAGE = 10_000  # characters: a message quotes what student code returned (a dict's keys)


def cut(message: str) -> str:
    """A test's message of at most MAX_MESSAGE characters: it goes into every report."""
    return message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE] + "…"


def suite_error(exercise: Exercise, lang: str, detail: Any) -> TestResult:
    """A suite that could not be collected, or collected no test, is an error, never a pass."""
    text = translate("result.suite_error", lang, text=str(detail))
    return TestResult("suite", "suite", Outcome.ERROR, 0.0, 1.0, text, "grader_error", internal_error=True)
