"""Grading one prepared submission: run the hidden suites in-process with pytest, every call
into student code going to a worker, and collect one Report.

pytest is given only the suites' own files, rootdir and ini file (never a path of the
submission, whose conftest.py would be imported), with plugin autoloading off.
"""

from __future__ import annotations

import os
import re
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pytest

from .checks import Checker
from .curriculum import SUITES_DIR, Exercise
from .dependencies import calls_in, note_dependencies
from .i18n import catalogue, translate
from .implementations import StudentModule
from .lookalikes import near_names_noted
from .oracle import oracles_for
from .results import ExerciseResult, Outcome, Report, TestResult
from .sandbox.client import StudentSession
from .verdict import suite_error, verdict

PLUGIN_KEY = pytest.StashKey["GradingPlugin"]()
SUITE_MODULE = re.compile(r"test_ex(\d\d)")


class GradingPlugin:
    """Holds the submissions' sessions and collects one TestResult per test and submission.

    One pytest session grades one or many submissions (a batch worker's chunk): pytest collects
    and sets up each test once, and the plugin calls the test function once per submission,
    with the fixtures that depend on the submission (PER_SUBMISSION) built for it."""

    def __init__(self, submissions: list[dict[int, StudentSession]], exercises: list[Exercise], seed: int, lang: str,
                 oracles: dict[int, Any] | None = None):
        self.oracles = oracles if oracles is not None else oracles_for(exercises, seed)
        self.exercises = {ex.number: ex for ex in exercises}
        self.order = [ex.number for ex in exercises]
        self.seed, self.lang = seed, lang
        self.submissions = submissions
        self.results: list[dict[int, list[TestResult]]] = [{n: [] for n in self.order} for _ in submissions]
        self.collect_errors: dict[int, str] = {}
        self.roots: list[Path | None] = [None] * len(submissions)  # where each is prepared (grade_prepared)

    def pytest_configure(self, config: pytest.Config) -> None:
        config.stash[PLUGIN_KEY] = self

    def exercise_of(self, node_path: str) -> int:
        return int(SUITE_MODULE.search(node_path).group(1))

    def rng_for(self, item: pytest.Item) -> np.random.Generator:
        """Hidden inputs: a stream per (seed, exercise, test name), stable across runs."""
        number = self.exercise_of(str(item.path))
        return np.random.default_rng([self.seed, number, zlib.crc32(item.name.encode())])

    def fixture_value(self, name: str, item: pytest.Item, submission: int = 0) -> Any:
        """The value of a per-submission fixture (the suites' conftest asks for submission 0)."""
        number = self.exercise_of(str(item.path))
        if name == "student":
            return StudentModule(self.submissions[submission][number])
        if name == "check":
            return Checker(self.fixture_value("student", item, submission), self.oracles[number], item.nodeid,
                           exercise=self.exercises[number])
        if name == "rng":
            return self.rng_for(item)
        raise KeyError(name)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed and SUITE_MODULE.search(report.nodeid):
            self.collect_errors[self.exercise_of(report.nodeid)] = str(report.longrepr)[-2000:]

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        """Exercises are independent: when the next one starts, stop every process of the
        previous one (and whatever it left running in the sandbox)."""
        number = self.exercise_of(str(item.path))
        earlier = self.order[: self.order.index(number)]
        if earlier:
            for sessions in self.submissions:
                sessions[earlier[-1]].close()

    @pytest.hookimpl(tryfirst=True)
    def pytest_pyfunc_call(self, pyfuncitem: pytest.Function) -> bool:
        """Call the test once per submission; its outcome is that submission's result.

        A test's outcome depends only on the answers it gets (its inputs come from the seed):
        submissions whose answers to this exercise are all bit for bit the reference's get
        the same outcome, so the test runs for the first of them and the rest take its result."""
        number = self.exercise_of(str(pyfuncitem.path))
        arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        as_reference: TestResult | None = None
        for index, sessions in enumerate(self.submissions):
            same_answers = sessions[number].answers_are_the_reference
            if same_answers and as_reference is not None:
                self.results[index][number].append(as_reference)
                continue
            for name in PER_SUBMISSION.intersection(arguments):
                arguments[name] = self.fixture_value(name, pyfuncitem, index)
            try:
                pyfuncitem.obj(**arguments)
                error = None
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as failure:  # a failed check, or pytest.fail/skip in a suite
                error = failure
            self.record(index, pyfuncitem, error)
            if sessions[number].answers_are_the_reference:  # (still: every answer came from the plan)
                as_reference = self.results[index][number][-1]
        return True

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
        yield
        if call.when == "setup" and call.excinfo is not None:  # a suite's fixture failed: every submission
            for index in range(len(self.submissions)):
                self.record(index, item, call.excinfo.value)

    def record(self, index: int, item: pytest.Item, error: BaseException | None) -> None:
        number = self.exercise_of(str(item.path))
        exercise = self.exercises[number]
        points_mark = item.get_closest_marker("points")
        points = float(points_mark.args[0]) if points_mark else 1.0
        name = item.name.removeprefix("test_")
        function = getattr(item, "originalname", item.name).removeprefix("test_")
        title_id = f"test.ex{number:02d}.{function}"
        title = catalogue(self.lang).get(title_id, function.replace("_", " "))
        params = getattr(item, "callspec", None)
        if params is not None:
            title = f"{title} [{params.id}]"
        list_input = item.get_closest_marker("list_input") is not None
        try:
            result = verdict(name, title, points, error, exercise, self.lang, list_input)
        except Exception as failure:  # noqa: BLE001 - the grader's own fault, on this answer only
            text = translate("result.internal_error", self.lang, text=f"{type(failure).__name__}: {failure}")
            result = TestResult(name, title, Outcome.ERROR, 0.0, points, text, "grader_error", internal_error=True)
        self.results[index][number].append(result)

    def reports(self) -> list[Report]:
        return [self._report(index) for index in range(len(self.submissions))]

    def _report(self, index: int) -> Report:
        exercises = []
        for number in self.order:
            exercise = self.exercises[number]
            tests = self.results[index][number]
            if number in self.collect_errors or not tests:
                tests = [suite_error(exercise, self.lang, self.collect_errors.get(number, "no tests collected"))]
            session = self.submissions[index][number]
            session.close()  # its output is complete once its processes are stopped
            exercises.append(ExerciseResult(number, exercise.title_in(self.lang), tuple(tests), session.output()))
        root = self.roots[index]
        if root is not None:  # a function missing under a close name: the name it has (lookalikes.py)
            exercises = [near_names_noted(result, root, self.lang) for result in exercises]
        return Report(tuple(note_dependencies(exercises, self.lang, calls_in(root))))


PER_SUBMISSION = frozenset({"student", "check", "rng"})


@contextmanager
def _quiet_pytest_environment() -> Iterator[None]:
    saved = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        yield
    finally:
        if saved is None:
            del os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"]
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = saved


def pytest_arguments(exercises: list[Exercise]) -> list[str]:
    """Only the grader's own suites, ini file, rootdir and conftest; no submission path."""
    return [
        *(str(ex.suite) for ex in exercises),
        "-c", str(SUITES_DIR / "pytest.ini"), "--rootdir", str(SUITES_DIR), "--confcutdir", str(SUITES_DIR),
        "-p", "no:cacheprovider", "-p", "no:terminal", "-p", "no:doctest", "-p", "no:junitxml",
        "-p", "no:pastebin", "-p", "no:legacypath", "-p", "no:stepwise", "-p", "no:warnings",
        # These two call gc.collect() repeatedly at session end: 40 ms for nothing here.
        "-p", "no:unraisableexception", "-p", "no:threadexception",
        "-p", "no:logging", "-p", "no:faulthandler", "-p", "no:unittest", "-p", "no:debugging",
        "-p", "no:setuponly", "-p", "no:setupplan", "-p", "no:python_path", "-p", "no:tmpdir",
        "-p", "no:monkeypatch", "-p", "no:recwarn", "-p", "no:freeze_support",
        # The suites assert through grader.checks, never with a bare assert: no rewriting.
        "--assert=plain", "--capture=sys", "--import-mode=importlib",
    ]


def grade_prepared(submissions: list[dict[int, StudentSession]], exercises: list[Exercise], seed: int, lang: str,
                   record_into: dict[str, Any] | None = None, roots: list[Path | None] | None = None) -> list[Report]:
    """Run the suites of `exercises` once, calling each submission's code through its
    sessions; one Report per submission, in order.

    The caller owns the sessions (and closes them). With `record_into`, every expected answer
    (and every wrong variant's) is recorded there, keyed by check (see oracle.py). `roots`,
    where each submission is prepared, tell which exercise calls which (dependencies.calls_in)."""
    plugin = GradingPlugin(submissions, exercises, seed, lang, oracles_for(exercises, seed, record_into))
    plugin.roots = roots or [None] * len(submissions)
    with _quiet_pytest_environment():
        code = pytest.main(pytest_arguments(exercises), plugins=[plugin])
    if code == pytest.ExitCode.INTERRUPTED:  # pytest catches Ctrl-C and returns: the user asked to stop
        raise KeyboardInterrupt
    return plugin.reports()
