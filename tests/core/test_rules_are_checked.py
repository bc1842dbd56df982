"""Misreadings of the curriculum's rules that no named mistake covers still lose points: each
is the reference with one condition changed (found by an audit that wrote them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader import curriculum
from grader.grading import grade_submission

from ..conftest import reference_changed

MISREADINGS = {  # name: (exercise, the reference's text, the misreading)
    "ex04_tol_not_strict": (4, "np.linalg.norm(x_next - x) < tol", "np.linalg.norm(x_next - x) <= tol"),
    "ex04_gradient_norm_stops_too": (4, "np.linalg.norm(x_next - x) < tol", "np.linalg.norm(x_next - x) < tol or np.linalg.norm(grad_f(x)) < tol"),
    "ex04_stops_when_every_coordinate_is_non_finite": (4, "if not np.all(np.isfinite(x_next))", "if not np.any(np.isfinite(x_next))"),
    "ex16_zeros_kept_as_a_sign": (16, "if d != 0]", "]"),
    "ex16_changes_at_least_a_third": (16, "if changes > (len(losses) - 1) / 3", "if changes >= (len(losses) - 1) / 3"),
    "ex16_a_third_of_the_length": (16, "if changes > (len(losses) - 1) / 3", "if changes > len(losses) / 3"),
    "ex16_back_to_the_start_diverges": (16, "losses[-1] > losses[0]", "losses[-1] >= losses[0]"),
    "ex16_drop_divided_by_k": (16, "/ abs(losses[-k]) < 1e-3", "/ abs(losses[-k]) / k < 1e-3"),
    "ex16_relative_to_the_last": (16, "/ abs(losses[-k]) < 1e-3", "/ abs(losses[-1]) < 1e-3"),
    "ex16_relative_to_the_next": (16, "/ abs(losses[-k]) < 1e-3", "/ abs(losses[-k + 1]) < 1e-3"),
    "ex16_more_than_three_changes": (16, "if changes > (len(losses) - 1) / 3", "if changes > 3"),
    "ex16_second_to_last_above_first": (16, "losses[-1] > losses[0]", "losses[-2] > losses[0]"),
    "ex16_zero_tested_at_the_last": (16, "if losses[-k] == 0 or", "if losses[-1] == 0 or"),
    "ex16_zero_tested_before_the_window": (16, "if losses[-k] == 0 or", "if losses[-k - 1] == 0 or"),
    "ex16_a_zero_last_loss_stalls": (16, "if losses[-k] == 0 or", "if losses[-k] == 0 or losses[-1] == 0 or"),
    "ex16_unit_steps_dropped": (16, "if d != 0]", "if d != 1]"),
    "ex08_w0_and_b0_swapped": (8, "w, b = float(w0), float(b0)", "w, b = float(b0), float(w0)"),
    "ex12_eps_default_1e-10": (12, "eps: float = 1e-8", "eps: float = 1e-10"),  # torch.optim.Adagrad's
    "ex13_eps_default_1e-10": (13, "eps: float = 1e-8", "eps: float = 1e-10"),
    # (as a student writes it: without the reference's guard against a nan f, which would hide it)
    "ex17_skips_only_all_non_finite_ends": (17, "np.all(np.isfinite(final)):\n            continue\n        value = float(f(final))\n"
                                                "        if np.isnan(value):\n            continue\n",
                                            "np.any(np.isfinite(final)):\n            continue\n        value = float(f(final))\n"),
    "ex17_max_steps_500": (17, "max_steps: int = 1000", "max_steps: int = 500"),
    "ex17_max_steps_2000": (17, "max_steps: int = 1000", "max_steps: int = 2000"),
    "ex02_h_default_1e-6": (2, "h: float = 1e-5", "h: float = 1e-6"),
    "ex04_max_steps_500": (4, "max_steps: int = 1000", "max_steps: int = 500"),
    "ex04_max_steps_10000": (4, "max_steps: int = 1000", "max_steps: int = 10000"),
}


@pytest.mark.parametrize("name", MISREADINGS)
def test_a_misreading_loses_points(tmp_path: Path, name: str):
    number, right, wrong = MISREADINGS[name]
    submission = reference_changed(tmp_path / "sub", number, right, wrong)
    (report,) = grade_submission(submission, curriculum.select(str(number))).exercises
    assert 0 < report.score < report.max_score


def test_a_wrong_answer_among_several_is_the_student_s_not_a_grader_fault(tmp_path: Path):
    """ex16's noisy walks ask three answers at once: a None among them is `returned_none`."""
    submission = reference_changed(tmp_path / "sub", 16, '    return "decreasing"\n', "")
    (report,) = grade_submission(submission, curriculum.select("16")).exercises
    walks = next(test for test in report.tests if test.name == "random_walks")
    assert walks.diagnosis == "returned_none"
