"""Fixtures of the hidden suites: the student's module, `check`, seeded inputs.

`student`, `check` and `rng` differ per submission: the grading plugin builds them (for each
submission of the session it calls the test with its own); here they are what a test of the
first submission gets, so a suite reads like any pytest suite."""

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


@pytest.fixture
def student(grading: GradingPlugin, request: pytest.FixtureRequest) -> StudentModule:
    return grading.fixture_value("student", request.node)


@pytest.fixture
def check(grading: GradingPlugin, request: pytest.FixtureRequest) -> Checker:
    """The student against the expected answers (live reference or recorded at release)."""
    return grading.fixture_value("check", request.node)


@pytest.fixture
def rng(grading: GradingPlugin, request: pytest.FixtureRequest) -> np.random.Generator:
    return grading.fixture_value("rng", request.node)
