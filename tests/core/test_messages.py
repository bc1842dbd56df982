"""What a failed check says: numbers that differ look different, arrays stay on one line, the
call is named in the student's language, a None names the call that returned it, and the
grader's own warnings are not shown as the student's output."""

from __future__ import annotations

import numpy as np

from grader import curriculum
from grader.compare import show, show_apart
from grader.grading import grade_submission

from ..conftest import MISTAKES, submission_with


def test_numbers_that_differ_are_shown_with_the_digits_that_differ():
    assert show_apart(0.11605196123, 0.11605196456) == ("0.116051961", "0.116051965")
    assert show_apart(1.5, 2.0) == ("1.5", "2")
    expected, got = show_apart(1.0, 1.0 + 2**-52)
    assert expected != got and float(expected) == 1.0 and float(got) == 1.0 + 2**-52


def test_arrays_are_shown_on_one_line():
    assert "\n" not in show(np.arange(20.0).reshape(4, 5))
    assert show(np.array([[2.0], [0.55623]])) == "[[2.     ], [0.55623]]"


def failed_messages(folder, number: int, lang: str) -> list[str]:
    (exercise,) = grade_submission(folder, curriculum.select(str(number)), lang=lang).exercises
    return [test.message for test in exercise.tests if test.score < test.max_score]


def test_a_near_miss_is_shown_apart_and_named(tmp_path):
    messages = failed_messages(submission_with(tmp_path / "s", {13: MISTAKES / "ex13_eps_outside_root.py"}), 13, "kk")
    assert messages and all("ε түбірдің ішінде тұрады" in m for m in messages)
    for message in messages:
        if "күтілгені" in message:
            expected, got = message.split("күтілгені ")[1].split(" (")[0].split(", алынғаны ")
            assert expected != got
    assert any("<пішіні (50,) ndarray>" in m for m in messages)  # a long argument, in Kazakh


def test_the_number_of_mini_batches_is_worded_in_the_language(tmp_path):
    messages = failed_messages(submission_with(tmp_path / "s", {8: MISTAKES / "ex08_last_batch_dropped.py"}), 8, "ru")
    assert any("место расхождения: result: число мини-батчей" in m for m in messages)
    assert not any("number of batches" in m or "shape" in m for m in messages)


def test_a_none_names_the_call_that_returned_it(tmp_path):
    wrong = tmp_path / "ex01.py"
    wrong.write_text("def sum_of_squares(v):\n    return sum(x * x for x in v)\n\n\n"
                     "def sum_of_squares_gradient(v):\n    [2 * x for x in v]\n", encoding="utf-8")
    messages = failed_messages(submission_with(tmp_path / "s", {1: wrong}), 1, "en")
    assert messages and all(m.startswith("sum_of_squares_gradient(") and "is None" in m for m in messages)


def test_the_grader_s_own_warnings_are_not_the_student_s_output(tmp_path):
    """f evaluated at a diverged (infinite) point warns inside the suites' test function."""
    student = tmp_path / "ex17.py"
    student.write_text(
        "import numpy as np\nfrom .ex04_gradient_descent import gradient_descent\n\n\n"
        "def random_starts(n_starts, dim, eps, rng):\n    return rng.uniform(-eps, eps, size=(n_starts, dim))\n\n\n"
        "def multistart(f, grad_f, starts, learning_rate=0.01, max_steps=1000):\n"
        "    finals = [gradient_descent(grad_f, s, learning_rate, max_steps)[-1] for s in starts]\n"
        "    values = [float(f(x)) for x in finals]  # also at the infinite ones\n"
        "    kept = [i for i, x in enumerate(finals) if np.all(np.isfinite(x))]\n"
        "    best = min(kept, key=lambda i: values[i])\n"
        "    return finals[best], values[best]\n", encoding="utf-8")
    (exercise,) = grade_submission(submission_with(tmp_path / "s", {17: student}), curriculum.select("17")).exercises
    assert exercise.score == exercise.max_score
    assert exercise.output == ""
