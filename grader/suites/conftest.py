"""Fixtures of the hidden suites: the student's module, the reference, `check`, seeded inputs."""

from __future__ import annotations

import importlib

import numpy as np
import pytest

from grader.checks import Checker
from grader.engine import PLUGIN_KEY, GradingPlugin
from grader.implementations import LocalModule, StudentModule


@pytest.fixture
def grading(request: pytest.FixtureRequest) -> GradingPlugin:
    return request.config.stash[PLUGIN_KEY]


@pytest.fixture
def exercise_number(grading: GradingPlugin, request: pytest.FixtureRequest) -> int:
    return grading.exercise_of(str(request.node.path))


@pytest.fixture
def student(grading: GradingPlugin, exercise_number: int) -> StudentModule:
    return StudentModule(grading.sessions[exercise_number])


@pytest.fixture
def reference(grading: GradingPlugin, exercise_number: int) -> LocalModule:
    module = importlib.import_module(f"reference.{grading.exercises[exercise_number].module}")
    return LocalModule.from_module(module)


@pytest.fixture
def check(student: StudentModule, reference: LocalModule) -> Checker:
    return Checker(student, reference)


@pytest.fixture
def rng(grading: GradingPlugin, request: pytest.FixtureRequest) -> np.random.Generator:
    return grading.rng_for(request.node)
