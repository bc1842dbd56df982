"""Submissions that hang, raise, crash or lie cost only their own exercise; the JSON stays valid."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import HOSTILE, importers_of, submission_with

CASES = {
    "ex03_infinite_loop": (3, {"timeout"}),
    "ex03_raises": (3, {"raised_exception"}),
    "ex01_ndarray_subclass": (1, {"not_plain_data"}),
    "ex01_custom_eq": (1, {"not_plain_data"}),
    "ex10_syntax_error": (10, {"syntax_error"}),
    "ex05_exit_at_import": (5, {"worker_crashed"}),
    "ex03_prints_fake_result": (3, {"step_sign_flipped", "sign_flipped", "constant_factor", "channel_broken", None}),
    "ex09_imports_reference": (9, {"raised_exception", "missing_function"}),
    "ex01_returns_nan": (1, {"diverged"}),
    "ex04_wrong_shape": (4, {"wrong_shape"}),
    "ex03_forges_unparsable_reply": (3, {"channel_broken", "worker_crashed"}),
    "ex03_huge_answer": (3, {"not_plain_data"}),
    "ex03_raises_lone_surrogates": (3, {"raised_exception"}),
}


def grade_json(submission: Path, which: str = "all") -> tuple[int, dict]:
    done = subprocess.run(
        [sys.executable, "-m", "grader", "exercise", which, "--submission", str(submission), "--json", "--timeout", "2"],
        capture_output=True, text=True, timeout=300,
    )
    return done.returncode, json.loads(done.stdout)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_costs_only_its_exercise(tmp_path: Path, name: str):
    number, diagnoses = CASES[name]
    submission = submission_with(tmp_path / "sub", {number: HOSTILE / f"{name}.py"})
    code, result = grade_json(submission)
    assert code == 1
    for exercise in result["exercises"]:
        if exercise["exercise"] == number:
            failing = [t for t in exercise["tests"] if t["status"] != "passed"]
            assert failing, "the hostile exercise must lose points"
            assert {t["diagnosis"] for t in failing} <= diagnoses | {"list_input_unsupported"}, failing[0]
            assert {t["diagnosis"] for t in failing} & diagnoses
        elif exercise["exercise"] in importers_of(number):
            continue  # e.g. ex17 calls ex04: it may fail through ex04, and only through it
        else:
            assert exercise["score"] == exercise["max_score"], exercise["exercise"]


def test_infinite_loop_times_out_once_not_per_test(tmp_path: Path):
    submission = submission_with(tmp_path / "sub", {3: HOSTILE / "ex03_infinite_loop.py"})
    code, result = grade_json(submission, "3")
    statuses = [t["status"] for t in result["exercises"][0]["tests"]]
    assert code == 1 and set(statuses) == {"timeout"}


def test_fake_printed_result_is_only_output(tmp_path: Path):
    submission = submission_with(tmp_path / "sub", {3: HOSTILE / "ex03_prints_fake_result.py"})
    code, result = grade_json(submission, "3")
    exercise = result["exercises"][0]
    assert exercise["score"] == 0
    assert '"score": 100' in exercise["output"]
    assert result["score"] == 0


def test_a_shipped_module_named_like_an_installed_one_shadows_nothing(tmp_path: Path):
    """The exercises folder is searched last: `math.py` or `numpy.py` of a student's is not
    what `import math` finds, in the student's module or in the grader's code beside it."""
    from grader import curriculum
    from grader.grading import grade_submission

    submission = submission_with(tmp_path / "sub", {})
    for name in ("math", "numpy", "json", "base64"):
        (submission / f"{name}.py").write_text("raise SystemExit('shadowed')\n", encoding="utf-8")
    helper = submission / "helper.py"
    helper.write_text("import math\n\ndef twice(x):\n    return 2 * x * math.cos(0.0)\n", encoding="utf-8")
    source = submission / "ex01_sum_of_squares.py"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "    return 2.0 * np.asarray(v, dtype=float)", "    from helper import twice\n    return twice(np.asarray(v, dtype=float))"),
        encoding="utf-8")
    report = grade_submission(submission, curriculum.select("1-3"))
    assert report.score == report.max_score, [t.message for e in report.exercises for t in e.tests if t.score < t.max_score][:2]


def test_a_forged_inputs_reply_is_tampering_not_a_grader_failure(tmp_path: Path):
    from grader import curriculum
    from grader.grading import grade_submission

    submission = submission_with(tmp_path / "sub", {})
    source = submission / "ex02_numerical_gradient.py"
    source.write_text(source.read_text(encoding="utf-8") + '\nimport sys\nsys.modules["loops"].containers = lambda args: 7\n',
                      encoding="utf-8")
    (exercise,) = grade_submission(submission, curriculum.select("2")).exercises
    unchanged = next(t for t in exercise.tests if t.name == "leaves_v_unchanged")
    assert unchanged.diagnosis == "channel_broken" and not unchanged.internal_error
