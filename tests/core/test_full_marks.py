"""The reference and an independently written correct solution get full marks; stubs get zero."""

from __future__ import annotations

import pytest

from grader import curriculum
from grader.grading import grade_submission
from grader.results import Outcome

from ..conftest import ALTERNATIVE, MISTAKES, REFERENCE, ROOT, STUBS, submission_with

OTHER_FORMS = ROOT / "tests" / "solutions" / "other_forms"
# Written from the student's material only (stubs, `grade show`, `grade hint`), after the two above.
INDEPENDENT = ROOT / "tests" / "solutions" / "independent"


def assert_full_marks(report) -> None:
    failures = [(ex.exercise, t.name, t.message) for ex in report.exercises for t in ex.tests if t.outcome is not Outcome.PASSED]
    assert failures == []
    assert report.score == report.max_score > 0


@pytest.mark.parametrize("seed", [2026, 7])
def test_reference_gets_full_marks(seed):
    report = grade_submission(REFERENCE, curriculum.all_exercises(), seed=seed)
    assert [e.exercise for e in report.exercises] == sorted(int(p.name[2:4]) for p in REFERENCE.glob("ex*.py"))
    assert_full_marks(report)


@pytest.mark.parametrize(("folder", "seed"), [(ALTERNATIVE, 2026), (ALTERNATIVE, 99), (INDEPENDENT, 2026), (INDEPENDENT, 123)],
                         ids=["alternative-2026", "alternative-99", "independent-2026", "independent-123"])
def test_alternative_solution_gets_full_marks(folder, seed):
    assert_full_marks(grade_submission(folder, curriculum.all_exercises(), seed=seed))


def test_other_forms_of_right_answers_get_full_marks(tmp_path):
    """0-d arrays, a pair as one array, np.stack and NamedTuple from update rules, an OrderedDict state, numpy.str_
    labels, a sibling imported as from its own folder (tests/solutions/other_forms)."""
    forms = sorted(OTHER_FORMS.glob("ex*.py"))
    submission = submission_with(tmp_path / "sub", {int(path.name[2:4]): path for path in forms})
    numbers = ",".join(str(int(path.name[2:4])) for path in forms)
    assert_full_marks(grade_submission(submission, curriculum.select(numbers)))


def test_seed_changes_the_hidden_inputs(tmp_path):
    """The same mistake fails on other inputs under another seed (the messages quote them)."""
    wrong = submission_with(tmp_path / "sub", {3: MISTAKES / "ex03_step_sign_flipped.py"})
    exercise = curriculum.select("3")
    first = [t.message for t in grade_submission(wrong, exercise, seed=1).exercises[0].tests]
    again = [t.message for t in grade_submission(wrong, exercise, seed=1).exercises[0].tests]
    other = [t.message for t in grade_submission(wrong, exercise, seed=2).exercises[0].tests]
    assert first == again
    assert first != other


def test_untouched_stubs_score_zero_with_not_implemented():
    report = grade_submission(STUBS, curriculum.all_exercises())
    assert report.score == 0
    for exercise in report.exercises:
        for test in exercise.tests:
            assert test.outcome is Outcome.ERROR
            assert test.diagnosis == "not_implemented", (exercise.exercise, test.name, test.message)
