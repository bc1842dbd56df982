"""The reference and an independently written correct solution get full marks; stubs get zero."""

from __future__ import annotations

import pytest

from grader import curriculum
from grader.grading import grade_submission
from grader.results import Outcome

from ..conftest import ALTERNATIVE, MISTAKES, REFERENCE, ROOT, STUBS, importers_of, reference_changed, submission_with

OTHER_FORMS = ROOT / "tests" / "solutions" / "other_forms"
# Written from the student's material only (stubs, `grade show`, `grade hint`), after the two above.
INDEPENDENT = ROOT / "tests" / "solutions" / "independent"
ROUNDOFF = ROOT / "tests" / "solutions" / "roundoff.py"


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


@pytest.mark.parametrize("seed", [1, 99999])
def test_other_rounding_gets_full_marks(tmp_path, seed):
    """The reference with tests/solutions/roundoff.py appended to each module: every float it
    returns, and every value of the ∇f or f it is given, a few units in the last place away.
    Round-off must never decide a verdict (ex17's three runs to one minimum once tied to 1 ulp
    of f, and the winner was the rounding's)."""
    submission = submission_with(tmp_path / "sub", {})
    for path in submission.glob("ex*.py"):
        path.write_text(path.read_text(encoding="utf-8") + ROUNDOFF.read_text(encoding="utf-8"), encoding="utf-8")
    assert_full_marks(grade_submission(submission, curriculum.all_exercises(), seed=seed))


# Right solutions that round otherwise: the reference with one expression written as another,
# equal in exact arithmetic (as students write it; ex14 as torch.optim.Adam computes it).
OTHER_ROUNDINGS = {  # name: (exercise, the reference's text, the same in other arithmetic)
    "ex02_half_over_h": (2, "/ (2 * h)", "* (0.5 / h)"),
    "ex05_mean_as_a_dot_product": (5, "return float(np.mean(residual**2))", "return float(np.dot(residual, residual) / residual.size)"),
    "ex07_residual_in_two_subtractions": (7, "residual = y[i] - (w * x[i] + b)", "residual = y[i] - w * x[i] - b"),
    "ex09_power_as_exp_of_log": (9, "return eta0 * gamma**k", "return eta0 * math.exp(k * math.log(gamma))"),
    "ex12_step_size_first": (12, "learning_rate * grad / np.sqrt(G_new + eps)", "grad * (learning_rate / np.sqrt(G_new + eps))"),
    "ex13_average_as_lerp": (13, "alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad**2",
                             "np.asarray(G, dtype=float) + (1 - alpha) * (grad**2 - np.asarray(G, dtype=float))"),
    "ex14_torch_arithmetic": (14, "learning_rate * m_hat / (np.sqrt(v_hat) + eps)",
                              "learning_rate / (1 - beta1**t) * m_new / (np.sqrt(v_new) / np.sqrt(1 - beta2**t) + eps)"),
    "ex16_drop_against_a_product": (16, "(losses[-k] - losses[-1]) / abs(losses[-k]) < 1e-3", "losses[-k] - losses[-1] < 1e-3 * abs(losses[-k])"),
    "ex16_drop_as_one_minus_a_ratio": (16, "(losses[-k] - losses[-1]) / abs(losses[-k]) < 1e-3",
                                       "(1 - losses[-1] / losses[-k]) * math.copysign(1, losses[-k]) < 1e-3"),
    "ex16_drop_as_a_sum_of_differences": (16, "(losses[-k] - losses[-1]) / abs(losses[-k]) < 1e-3",
                                          "-math.fsum(b - a for a, b in zip(losses[-k:], losses[-k + 1:])) / abs(losses[-k]) < 1e-3"),
}


@pytest.mark.parametrize("name", OTHER_ROUNDINGS)
def test_a_rewritten_expression_keeps_full_marks(tmp_path, name):
    number, right, other = OTHER_ROUNDINGS[name]
    submission = reference_changed(tmp_path / "sub", number, right, other)
    graded = curriculum.select(",".join(str(n) for n in sorted({number} | importers_of(number))))
    for seed in (1, 7, 2026):
        assert_full_marks(grade_submission(submission, graded, seed=seed))


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


def test_stubs_that_return_none_score_zero(tmp_path):
    """Every stub's `raise NotImplementedError(…)` made `return None`: code that does nothing.
    It changes none of its inputs, and the tests of that ('Returns new w and h, leaves the given
    ones unchanged') once passed on that alone: 7 points for nothing. They now ask for the right
    answer too."""
    import re

    folder = tmp_path / "exercises"
    folder.mkdir()
    for stub in STUBS.glob("ex*.py"):
        text = re.sub(r"raise NotImplementedError\((?:[^()]|\([^()]*\))*\)", "return None", stub.read_text(encoding="utf-8"))
        assert "NotImplementedError" not in text, stub.name
        (folder / stub.name).write_text(text, encoding="utf-8")
    report = grade_submission(folder, curriculum.all_exercises())
    passed = [(ex.exercise, t.name) for ex in report.exercises for t in ex.tests if t.outcome is Outcome.PASSED]
    assert passed == []
    assert report.score == 0 and report.max_score > 0
