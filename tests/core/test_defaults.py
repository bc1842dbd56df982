"""A failed check that relies on default values the student set otherwise names them, with the
statement's: "you have max_steps=500, the statement says max_steps=1000"."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

from grader import curriculum
from grader.checks import CallDescription, DefaultsCall
from grader.defaults import NO_DEFAULT, not_the_statements, relied_on, statement_parameters
from grader.grading import grade_submission
from grader.sandbox.client import plain_defaults
from grader.sandbox.worker import literal_defaults

from ..conftest import module_file, reference_changed

WRONG_DEFAULTS = {  # name: (exercise, the reference's text, the wrong default, what the student is told)
    "ex04_max_steps_500": (4, "max_steps: int = 1000", "max_steps: int = 500", "у вас max_steps=500, в условии max_steps=1000"),
    "ex17_max_steps_2000": (17, "max_steps: int = 1000", "max_steps: int = 2000", "у вас max_steps=2000, в условии max_steps=1000"),
    "ex02_h_1e-6": (2, "h: float = 1e-5", "h: float = 1e-6", "у вас h=1e-06, в условии h=1e-05"),
    "ex06_epochs_100": (6, "epochs: int = 1000", "epochs: int = 100", "у вас epochs=100, в условии epochs=1000"),
    "ex13_torch_alpha": (13, "alpha: float = 0.9,", "alpha: float = 0.99,", "у вас alpha=0.99, в условии alpha=0.9"),
    "ex09_constant_eta": (9, "def constant(k: int, eta: float = 0.1)", "def constant(k: int, eta: float = 0.01)",
                          "у вас eta=0.01, в условии eta=0.1"),
    "ex09_step_decay_every_9": (9, "every: int = 10)", "every: int = 9)", "у вас every=9, в условии every=10"),
    "ex09_step_decay_every_11": (9, "every: int = 10)", "every: int = 11)", "у вас every=11, в условии every=10"),
}


def changed(tmp_path: Path, number: int, right: str, wrong: str) -> Path:
    return reference_changed(tmp_path / "sub", number, right, wrong)


@pytest.mark.parametrize("name", WRONG_DEFAULTS)
def test_a_wrong_default_is_named_with_both_values(tmp_path: Path, name: str):
    number, right, wrong, told = WRONG_DEFAULTS[name]
    (report,) = grade_submission(changed(tmp_path, number, right, wrong), curriculum.select(str(number)), lang="ru").exercises
    failed = [test for test in report.tests if test.score < test.max_score]
    assert failed
    for test in failed:
        assert test.diagnosis == "wrong_default", (test.name, test.message)
        assert told in test.message, test.message


def test_other_bad_values_keep_their_name_beside_a_wrong_default(tmp_path: Path):
    """A None returned is named as such, even by a check relying on a wrong default."""
    submission = changed(tmp_path, 6, "epochs: int = 1000", "epochs: int = 100")
    path = submission / module_file(6)
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("    return w, b, losses", "    return None"), encoding="utf-8")
    (report,) = grade_submission(submission, curriculum.select("6")).exercises
    assert {test.diagnosis for test in report.tests if test.score < test.max_score} == {"returned_none"}


def test_a_student_whose_signature_cannot_be_read_is_graded_as_before(tmp_path: Path):
    """A function whose signature raises when read (or any other answer the worker cannot give)
    only goes without the name: the points are those of the answers."""
    submission = changed(tmp_path, 4, "max_steps: int = 1000", "max_steps: int = 500")
    path = submission / module_file(4)
    path.write_text(path.read_text(encoding="utf-8") + "\ngradient_descent.__signature__ = 'not a signature'\n", encoding="utf-8")
    (report,) = grade_submission(submission, curriculum.select("4")).exercises
    failed = [test for test in report.tests if test.score < test.max_score]
    assert [test.name for test in failed] == ["default_max_steps"]
    assert failed[0].diagnosis != "wrong_default"


def test_only_plain_defaults_come_back_from_a_worker():
    def f(x, a=1, b=2.5, c="text", d=None, e=(1, 2), *, g=True):
        return x

    assert literal_defaults(f) == {"a": 1, "b": 2.5, "c": "text", "g": True}
    assert plain_defaults({"a": 1, "b": [1], "c": "x" * 500, 3: 4, "d": None}) == {"a": 1}
    assert plain_defaults(["a", 1]) == {}


def test_which_defaults_a_call_relies_on():
    ex04 = curriculum.exercise(4)
    assert relied_on(CallDescription("gradient_descent", ("g", [0.0]), {"learning_rate": 0.2}), ex04) == \
        {"gradient_descent": {"max_steps": 1000, "tol": 1e-8}}
    assert relied_on(CallDescription("gradient_descent", ("g", [0.0], 0.1, 5, 1e-3), {}), ex04) == {"gradient_descent": {}}
    assert relied_on("a call in words", ex04) == {}
    ex09 = curriculum.exercise(9)
    assert relied_on(DefaultsCall("[…]", ("constant", "inverse_time")), ex09) == \
        {"constant": {"eta": 0.1}, "inverse_time": {"eta0": 1.0}}

    class Student:
        def defaults_of(self, function):
            return {"max_steps": 1000.0, "tol": 1e-6, "learning_rate": 0.5}

    assert not_the_statements(Student(), relied_on(CallDescription("gradient_descent", ("g", [0.0]), {}), ex04)) == \
        (("learning_rate", 0.5, 0.1), ("tol", 1e-6, 1e-8))


@pytest.mark.parametrize("exercise", curriculum.all_exercises(), ids=lambda ex: f"ex{ex.number:02d}")
def test_the_statement_s_signatures_give_the_reference_s_defaults(exercise):
    reference = importlib.import_module(f"reference.{exercise.module}")
    assert set(exercise.signatures) == set(exercise.functions)
    for function, signature in exercise.signatures.items():
        statement = {name: default for name, default in statement_parameters(signature) if default is not NO_DEFAULT}
        parameters = inspect.signature(getattr(reference, function)).parameters.values()
        assert statement == {p.name: p.default for p in parameters if p.default is not inspect.Parameter.empty}, function
