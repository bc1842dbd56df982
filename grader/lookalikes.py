"""A missing exercise file or function, and what in the submission looks like it: a function
defined under a close name (`gradient_stpe`, noted in every grading: engine.py), a notebook or
a file named for another number or topic (`ex03_gradient_step.ipynb`, `ex04_gradient_step.py`),
and a notebook beside a stub that still raises: these noted when the submission is a folder,
whose names the student sees (not a zip, nor a folder holding only a zip). `grade exercise`
looks at the folder after grading; a batch, whose zip holds only the .py files it grades,
looks at the student's own folder at intake (look_alikes_in, names only), and its worker
notes the record with that (noted_look_alikes): the same record either way. The student's
code is read, never run."""

from __future__ import annotations

import ast
import difflib
import re
from dataclasses import replace
from pathlib import Path

from . import curriculum
from .i18n import translate
from .results import ExerciseResult, Report, TestResult
from .submission import look_alikes_among, submitted_names

# What looks like each exercise's file in a submission folder, for the exercises that have
# anything: (module, notebooks, files); plain data, which a batch's job carries to its worker.
LookAlikes = tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]


def near_names_noted(result: ExerciseResult, root: Path, lang: str) -> ExerciseResult:
    """`result`, each test that misses a function of the exercise told of the function the
    student's file defines under a close name (gradient_stpe, MSE_loss, mse_grad)."""
    if not any(test.diagnosis == "missing_function" for test in result.tests):
        return result
    exercise = curriculum.exercise(result.exercise)
    near = _near_names(root / "exercises" / f"{exercise.module}.py", exercise.functions)
    notes = {function: translate("result.defines_near", lang, defined=defined, function=function)
             for function, defined in near.items()}

    def noted(test: TestResult) -> TestResult:
        said = [note for function, note in notes.items() if re.search(rf"\b{function}\b", test.message)]
        if test.diagnosis != "missing_function" or not said:
            return test
        return replace(test, message=f"{test.message} {said[0]}")

    return replace(result, tests=tuple(noted(test) for test in result.tests))


def _near_names(path: Path, functions: tuple[str, ...]) -> dict[str, str]:
    """For each of `functions` that the file at `path` does not define at its top level, the
    one it defines under a close name (`gradient_stpe`, `MSE_loss`, `mse_grad`), if any. The
    file is parsed, never run; one that cannot be read or parsed has none."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return {}
    defined = [node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    others = {name.lower(): name for name in defined if name not in functions}
    near = {}
    for function in (f for f in functions if f not in defined):
        close = difflib.get_close_matches(function.lower(), list(others), n=1, cutoff=0.75)
        if close:
            near[function] = others[close[0]]
    return near


def look_alikes_in(path: Path) -> LookAlikes:
    """What in the submission folder at `path` looks like each exercise's file
    (submission.look_alikes_among): names only, nothing is read or run. A batch finds it at intake,
    in the student's own folder, before the .py files are packed (batch/intake.py)."""
    names = submitted_names(Path(path))
    found = ((ex.module, *look_alikes_among(names, ex.module)) for ex in curriculum.all_exercises())
    return tuple((module, tuple(notebooks), tuple(files)) for module, notebooks, files in found if notebooks or files)


def noting_look_alikes(report: Report, path: Path, lang: str) -> Report:
    """`report`, an exercise whose file is missing told of the file in the submission folder
    that looks like it (a notebook, another topic or number): the work is there, not in the stub."""
    return noted_look_alikes(report, look_alikes_in(path), lang)


def noted_look_alikes(report: Report, found: LookAlikes, lang: str) -> Report:
    """noting_look_alikes, with what looks like each exercise's file `found` already
    (look_alikes_in): a batch's worker notes with what its job carries."""
    if not found:
        return report
    by_module = {module: (notebooks, files) for module, notebooks, files in found}
    return replace(report, exercises=tuple(_look_alike_noted(result, by_module, lang) for result in report.exercises))


def _look_alike_noted(result: ExerciseResult, found: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
                      lang: str) -> ExerciseResult:
    if any(test.diagnosis == "not_implemented" for test in result.tests):
        return _notebook_beside_noted(result, found, lang)
    if not any(test.diagnosis == "missing_file" for test in result.tests):
        return result
    file = curriculum.exercise(result.exercise).module + ".py"
    notebooks, files = found.get(file[:-len(".py")], ((), ()))
    if not notebooks and not files:
        return result
    wording, found_text = ("notebook", notebooks[0]) if notebooks else ("named", ", ".join(files))
    message = translate("result.missing_file", lang, file=file) + " " + \
        translate(f"diagnosis.missing_file_{wording}", lang, file=file, found=found_text)
    return replace(result, tests=tuple(replace(test, message=message) if test.diagnosis == "missing_file" else test
                                       for test in result.tests))


def _notebook_beside_noted(result: ExerciseResult, found: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
                           lang: str) -> ExerciseResult:
    """`result`, whose stub still raises, told of a notebook of the exercise beside it: the
    work is in the notebook, which the grader does not read."""
    file = curriculum.exercise(result.exercise).module + ".py"
    notebooks, _ = found.get(file[:-len(".py")], ((), ()))
    if not notebooks:
        return result
    note = notebook_note(result.exercise, notebooks[0], lang)
    return replace(result, notebook_beside=notebooks[0],
                   tests=tuple(replace(test, message=f"{test.message} {note}")
                               if test.diagnosis == "not_implemented" else test for test in result.tests))


def notebook_note(exercise: int, notebook: str, lang: str) -> str:
    """What a stub's test adds when the exercise's notebook is beside it (names only: the
    grader's words, which no input of a test shapes)."""
    return translate("result.notebook_beside", lang, found=notebook, file=curriculum.exercise(exercise).module + ".py")
