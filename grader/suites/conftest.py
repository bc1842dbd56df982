"""Fixtures of the hidden suites: the student's module, `check`, seeded inputs."""

from __future__ import annotations

import numpy as np
import pytest

from grader.checks import Checker
from grader.engine import PLUGIN_KEY, GradingPlugin
from grader.implementations import StudentModule


# Broad scopes where nothing changes between tests: fewer fixture calls per test (batch speed).
@pytest.fixture(scope="session")
def grading(request: pytest.FixtureRequest) -> GradingPlugin:
    return request.config.stash[PLUGIN_KEY]


@pytest.fixture(scope="module")
def exercise_number(grading: GradingPlugin, request: pytest.FixtureRequest) -> int:
    return grading.exercise_of(str(request.node.path))


@pytest.fixture(scope="module")
def student(grading: GradingPlugin, exercise_number: int) -> StudentModule:
    return StudentModule(grading.sessions[exercise_number])


@pytest.fixture
def check(grading: GradingPlugin, exercise_number: int, student: StudentModule, request: pytest.FixtureRequest) -> Checker:
    """The student against the expected answers (live reference or recorded at release)."""
    return Checker(student, grading.oracles[exercise_number], request.node.nodeid)


@pytest.fixture
def rng(grading: GradingPlugin, request: pytest.FixtureRequest) -> np.random.Generator:
    return grading.rng_for(request.node)
