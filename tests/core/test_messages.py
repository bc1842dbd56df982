"""What a failed check says: numbers that differ look different, arrays stay on one line, the
call is named in the student's language, a None names the call that returned it, and the
grader's own warnings are not shown as the student's output."""

from __future__ import annotations

import numpy as np

from grader import curriculum
from grader.compare import show, show_apart
from grader.grading import grade_submission

from ..conftest import MISTAKES, REFERENCE as REFERENCE_DIR, ROOT, module_file, submission_with


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
    assert any("место расхождения: результат: число мини-батчей" in m for m in messages)
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


def student_file(tmp_path, source: str):
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "student.py"
    path.write_text(source, encoding="utf-8")
    return path


def graded(tmp_path, number: int, source: str, lang: str = "en", extra: dict | None = None):
    files = {number: student_file(tmp_path, source), **(extra or {})}
    (exercise,) = grade_submission(submission_with(tmp_path / "s", files), curriculum.select(str(number)), lang=lang).exercises
    return [test for test in exercise.tests if test.score < test.max_score]


MOMENTUM = "import numpy as np\n\ndef momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):\n"


def test_a_stub_of_another_exercise_is_named_with_its_exercise(tmp_path):
    from ..conftest import STUBS

    stub = STUBS / "ex04_gradient_descent.py"
    failed = graded(tmp_path, 17, (REFERENCE_DIR / "ex17_multistart.py").read_text(encoding="utf-8"), "ru", {4: stub})
    named = [t for t in failed if "gradient_descent в exercises/ex04_gradient_descent.py" in t.message]
    assert named and all("(упражнение 4)" in t.message and "`grade show 4`" in t.message for t in named)


def test_an_update_rule_returning_none_or_a_state_without_a_key_is_told_so_in_the_loops(tmp_path):
    failed = graded(tmp_path, 10, MOMENTUM + "    h = alpha * np.asarray(h) + learning_rate * np.asarray(grad)\n")
    assert {t.diagnosis for t in failed} == {"returned_none"}
    assert any("The update rule returned None" in t.message for t in failed)
    source = (REFERENCE_DIR / "ex15_adam_options.py").read_text(encoding="utf-8").replace('"v_max": v_max}', '"vmax": v_max}')
    loops = [t for t in graded(tmp_path / "b", 15, source, "kk") if "келесі қадамға" in t.message]
    assert loops and all("m, v, vmax" in t.message and t.diagnosis == "missing_keys" for t in loops)


def test_parts_in_another_order_and_a_flipped_pair_are_named(tmp_path):
    swapped = graded(tmp_path, 10, MOMENTUM + "    h_new = alpha * np.asarray(h) + learning_rate * np.asarray(grad)\n"
                                   "    return h_new, np.asarray(w) - h_new\n")
    assert "wrong_order" in {t.diagnosis for t in swapped}
    source = (REFERENCE_DIR / "ex15_adam_options.py").read_text(encoding="utf-8").replace(
        'return w_new, {"m": m_new, "v": v_new, "v_max": v_max}', 'return {"m": m_new, "v": v_new, "v_max": v_max}, w_new')
    assert {t.diagnosis for t in graded(tmp_path / "b", 15, source)} == {"wrong_order"}
    flipped = (REFERENCE_DIR / "ex05_linear_regression.py").read_text(encoding="utf-8").replace(
        "return float(-2 * np.mean(x * residual)), float(-2 * np.mean(residual))",
        "return float(2 * np.mean(x * residual)), float(2 * np.mean(residual))")
    assert "sign_flipped" in {t.diagnosis for t in graded(tmp_path / "c", 5, flipped)}


def test_the_answer_as_a_whole_is_named_in_the_language(tmp_path):
    failed = graded(tmp_path, 1, "def sum_of_squares(v):\n    return None\n\ndef sum_of_squares_gradient(v):\n"
                                 "    return [2 * x for x in v]\n", "kk")
    assert failed and all("нәтиже — None" in t.message and "result" not in t.message for t in failed)


def test_a_key_added_to_the_given_state_and_a_generator_of_batches_are_named(tmp_path):
    source = (REFERENCE_DIR / "ex15_adam_options.py").read_text(encoding="utf-8").replace(
        "    w = np.asarray(w, dtype=float)\n", "    state[\"t\"] = t\n    w = np.asarray(w, dtype=float)\n", 1)
    failed = graded(tmp_path, 15, source)
    assert [t.name for t in failed] == ["leaves_the_state_unchanged"] and "exactly the keys m, v, v_max" in failed[0].message
    generator = (REFERENCE_DIR / "ex08_minibatch.py").read_text(encoding="utf-8") + (
        "\n\ndef minibatches(n, batch_size, rng):\n    order = rng.permutation(n)\n"
        "    for start in range(0, n, batch_size):\n        yield order[start:start + batch_size]\n")
    batches = [t for t in graded(tmp_path / "b", 8, generator) if t.name.startswith("minibatches")]
    assert batches and all("generator" in t.message for t in batches)
    # told to return a list of index arrays, not to convert to float (the advice for numbers)
    assert all("return a list" in t.message and "float(x)" not in t.message for t in batches)


def test_an_exception_is_set_off_from_its_place(tmp_path):
    failed = graded(tmp_path, 3, "def gradient_step(v, gradient, step_size):\n    return v + step_size * gradient\n", "ru")
    listed = [t for t in failed if "TypeError" in t.message]
    assert listed and all(" — exercises/ex03_gradient_step.py:2 (gradient_step): return v + step_size * gradient." in t.message
                          for t in listed)


def test_an_exercise_failing_through_the_one_it_calls_says_so(tmp_path):
    submission = submission_with(tmp_path / "s", {5: MISTAKES / "ex05_sum_instead_of_mean.py"})
    report = grade_submission(submission, curriculum.select("5-6"), lang="en")
    ex06 = report.exercises[1]
    failed = [t for t in ex06.tests if t.score < t.max_score]
    assert failed and all(t.diagnosis == "depends_on" and "calls your exercise 5" in t.message for t in failed)
    (alone,) = grade_submission(submission, curriculum.select("6"), lang="en").exercises  # ex05 graded silently
    assert [(t.name, t.score, t.message) for t in alone.tests] == [(t.name, t.score, t.message) for t in ex06.tests]
    correct = grade_submission(submission_with(tmp_path / "c", {}), curriculum.select("6"), lang="en")
    assert [ex.exercise for ex in correct.exercises] == [6] and correct.exercises[0].score == correct.exercises[0].max_score


def test_an_exercise_that_does_not_call_the_other_is_not_told_it_does(tmp_path):
    """ex07 may be written with ex05's mse_loss or without: without, an unfinished ex05 is no
    cause of its failures ("this exercise calls your exercise 5" was said, and its own mistake,
    reseeded_every_epoch, lost its name), and ex05 is not graded for a note."""
    from ..conftest import STUBS

    submission = submission_with(tmp_path / "s", {5: STUBS / "ex05_linear_regression.py",
                                                  7: MISTAKES / "ex07_reseeded_every_epoch.py"})
    (ex07,) = grade_submission(submission, curriculum.select("7"), lang="ru").exercises
    failed = [t for t in ex07.tests if t.score < t.max_score]
    assert failed and {t.diagnosis for t in failed} == {"reseeded_every_epoch"}
    assert not any("упражнение 5" in t.message for t in failed)
    both = grade_submission(submission, curriculum.select("5,7"), lang="en").exercises
    assert {t.diagnosis for t in both[1].tests if t.score < t.max_score} == {"reseeded_every_epoch"}
    # the same ex07 calling ex05's mse_loss for its losses is told, as before
    source = (MISTAKES / "ex07_reseeded_every_epoch.py").read_text(encoding="utf-8")
    calling = tmp_path / "ex07_calling.py"
    calling.write_text("from .ex05_linear_regression import mse_loss  # noqa: F401\n" + source, encoding="utf-8")
    submission = submission_with(tmp_path / "c", {5: STUBS / "ex05_linear_regression.py", 7: calling})
    (ex07,) = grade_submission(submission, curriculum.select("7"), lang="en").exercises
    assert all(t.diagnosis == "depends_on" and "calls your exercise 5" in t.message
               for t in ex07.tests if t.score < t.max_score)


def test_the_stub_s_words_about_the_other_exercise_are_no_call_to_it(tmp_path):
    """The kit's ex06 and ex08 stubs say, in their docstrings, that ex05's mse_gradient may be
    imported ("or write the formulas again"): a student who wrote them again and kept the
    docstring was still told "this exercise calls your exercise 5", the text being searched,
    words included. Only code counts: an import in a string or a comment calls nothing."""
    from ..conftest import STUBS

    stub = (ROOT / "exercises" / "ex06_batch_gd.py").read_text(encoding="utf-8")
    docstring = stub[:stub.index('"""', stub.index('"""') + 3) + 3]
    assert "from .ex05_linear_regression import" in docstring
    inline = tmp_path / "ex06_inline.py"
    inline.write_text(docstring + "\n# not from .ex05_linear_regression: inline\n"
                      + (MISTAKES / "ex06_sequential_update.py").read_text(encoding="utf-8"), encoding="utf-8")
    submission = submission_with(tmp_path / "s", {5: STUBS / "ex05_linear_regression.py", 6: inline})
    (ex06,) = grade_submission(submission, curriculum.select("6"), lang="en").exercises
    failed = [t for t in ex06.tests if t.score < t.max_score]
    assert failed and "depends_on" not in {t.diagnosis for t in failed}, {t.diagnosis for t in failed}
    assert not any("calls your exercise 5" in t.message for t in failed)


def test_an_import_of_the_other_exercise_that_fails_keeps_its_own_name(tmp_path):
    """ex07 importing ex05 by a name it does not have (`from .ex05 import`), or handed in
    without ex05's file, fails on that import, not on ex05's code: it was still told "fix
    exercise 5 first" and named depends_on, losing sibling_import and sibling_missing, which say
    what to do."""
    source = (REFERENCE_DIR / "ex07_sgd.py").read_text(encoding="utf-8")
    short = tmp_path / "ex07_short.py"
    short.write_text(source.replace("from .ex05_linear_regression import", "from .ex05 import"), encoding="utf-8")
    from ..conftest import STUBS

    cases = {"sibling_import": submission_with(tmp_path / "a", {5: STUBS / "ex05_linear_regression.py", 7: short}),
             "sibling_missing": submission_with(tmp_path / "b", {7: REFERENCE_DIR / "ex07_sgd.py"})}
    (tmp_path / "b" / "ex05_linear_regression.py").unlink()
    for diagnosis, submission in cases.items():
        for which in ("7", "5,7"):
            ex07 = grade_submission(submission, curriculum.select(which), lang="en").exercises[-1]
            failed = [t for t in ex07.tests if t.score < t.max_score]
            assert failed and {t.diagnosis for t in failed} == {diagnosis}, (which, {t.diagnosis for t in failed})
            assert not any("fix exercise 5 first" in t.message for t in failed)


def test_a_correct_exercise_is_not_given_the_mistake_of_the_one_it_calls(tmp_path):
    """A summed ex05 makes a correct ex08's answers those of ex08's own "sum instead of mean":
    the name goes to the exercise to fix first."""
    submission = submission_with(tmp_path / "s", {5: MISTAKES / "ex05_sum_instead_of_mean.py"})
    (ex08,) = grade_submission(submission, curriculum.select("8"), lang="kk").exercises
    failed = [t for t in ex08.tests if t.score < t.max_score]
    assert failed and {t.diagnosis for t in failed} == {"depends_on"}
    assert all("5-жаттығуыңызды шақырады" in t.message for t in failed)


def test_the_class_report_describes_every_mistake_on_its_own():
    import re

    from grader.batch.outputs import diagnosis_text
    from grader.i18n import catalogue

    keys = {key.split(".", 1)[1] for key in catalogue("en") if re.fullmatch(r"diagnosis\.[a-z_]+", key)} - {"see_source"}
    # diagnosis.<id>_<wording> is another text of <id> for the test's message (verdict.diagnosis_text),
    # never a diagnosis of its own: the report names <id>
    ids = {key for key in keys if not any(key.startswith(f"{other}_") for other in keys)}
    for lang in ("en", "ru", "kk"):
        for diagnosis in ids:
            text = diagnosis_text(5, diagnosis, lang)
            assert text and "{" not in text and text != diagnosis, (lang, diagnosis)
    assert diagnosis_text(5, "not_implemented", "en").startswith("Not written yet")
    assert diagnosis_text(5, "missing_file", "ru") == "В работе нет файла этого упражнения."


def test_a_number_returned_as_a_one_element_array_is_told_to_return_a_number(tmp_path):
    """sum_of_squares as v @ v.T of a row, (1, 1), or mse_loss as np.array([…]), (1,): the
    answer is a number; np.ravel (the advice for a vector with an extra axis) keeps the shape
    (1,) and would not fix it."""
    wrong = student_file(tmp_path / "f", "import numpy as np\n\n\ndef sum_of_squares(v):\n"
                         "    row = np.array(v, dtype=float).reshape(1, -1)\n    return row @ row.T\n\n\n"
                         "def sum_of_squares_gradient(v):\n    return [2 * x for x in v]\n")
    folder = submission_with(tmp_path / "s", {1: wrong})
    said = {"en": "a number", "ru": "число", "kk": "сан"}
    for lang in ("en", "ru", "kk"):
        messages = failed_messages(folder, 1, lang)
        assert messages and all("np.ravel" not in m and "float(" in m and said[lang] in m for m in messages), messages
    # A vector with an extra axis keeps its advice.
    column = submission_with(tmp_path / "c", {1: ROOT / "tests" / "generic" / "ex01_column_gradient.py"})
    assert any("np.ravel" in m for m in failed_messages(column, 1, "en"))


def test_a_misspelled_function_is_named_with_its_file_in_the_students_language(tmp_path):
    """Not Python's English "module 'exercises.ex01_sum_of_squares' has no attribute …" inside
    a Kazakh or Russian sentence: the file and the function the grader looked for."""
    wrong = student_file(tmp_path / "f", "def sum_of_square(v):\n    return sum(x * x for x in v)\n\n\n"
                         "def sum_of_squares_gradient(v):\n    return [2 * x for x in v]\n")
    folder = submission_with(tmp_path / "s", {1: wrong})
    said = {"en": "has no function sum_of_squares", "ru": "нет функции sum_of_squares",
            "kk": "sum_of_squares функциясы жоқ"}
    for lang in ("en", "ru", "kk"):
        messages = failed_messages(folder, 1, lang)
        assert messages, lang
        for message in messages:
            assert "has no attribute" not in message and "module '" not in message, message
            assert "exercises/ex01_sum_of_squares.py" in message and said[lang] in message, message


def test_a_wrong_number_of_entries_is_not_called_a_wrong_shape(tmp_path):
    """epochs=100 as the default where the statement says 1000: losses has 100 entries, not
    1000. Each entry is right; "check the shape of what you return" sends the student to the
    wrong place: the loop's count (and the defaults) is what to check."""
    wrong = student_file(tmp_path / "f", (REFERENCE_DIR / "ex06_batch_gd.py").read_text(encoding="utf-8")
                         .replace("epochs: int = 1000", "epochs: int = 100"))
    assert "epochs: int = 100," in wrong.read_text(encoding="utf-8")
    folder = submission_with(tmp_path / "s", {6: wrong})
    shape = {"en": "Check the shape of what you return", "ru": "Проверьте форму того, что вы возвращаете",
             "kk": "Қайтаратын мәніңіздің пішінін тексеріңіз"}
    said = {"en": "default values", "ru": "значения по умолчанию", "kk": "әдепкі мәндері"}
    for lang in ("en", "ru", "kk"):
        messages = failed_messages(folder, 6, lang)
        assert messages and all(shape[lang] not in m and said[lang] in m for m in messages), messages


def test_calls_are_shown_as_python_the_student_can_run(tmp_path):
    """A schedule's check is the list over k = 1..40, shown as the comprehension that makes it
    (so result[0] is k = 1); a generator is shown as the call that makes it, not as a string."""
    schedules = failed_messages(submission_with(tmp_path / "s9", {9: MISTAKES / "ex09_k_shifted.py"}), 9, "en")
    assert any(m.startswith("[inverse_time(k, eta0=") and " for k in range(1, 41)]: expected " in m for m in schedules)
    assert not any("'k" in m for m in schedules)
    batches = failed_messages(submission_with(tmp_path / "s8", {8: MISTAKES / "ex08_last_batch_dropped.py"}), 8, "ru")
    assert any(m.startswith("minibatches(10, 3, np.random.default_rng(") for m in batches)
    assert not any("'default_rng" in m for m in batches)


def test_lists_in_a_call_are_shown_without_numpy_s_padding(tmp_path):
    """"[ 2.649094, -0.712464]" and "[[ 2.     ], [ 0.55623]]" are numpy's columns, not how a
    list is written; wrapped at 80 columns, the "[" of a padded list also ended a line alone."""
    multistart = failed_messages(submission_with(tmp_path / "s17", {17: MISTAKES / "ex17_largest_loss_picked.py"}), 17, "kk")
    assert any(m.startswith("multistart(polynomial_sum.f, polynomial_sum.grad, [[2.], [0.55623], [-2.]]): ") for m in multistart)
    regression = failed_messages(submission_with(tmp_path / "s5", {5: MISTAKES / "ex05_sum_instead_of_mean.py"}), 5, "ru")
    assert any(m.startswith("mse_gradient(0.3, -0.2, [") for m in regression)
    assert not any("[ " in m or " ," in m or " ]" in m or ",  " in m for m in multistart + regression)


def test_a_number_of_another_type_is_placed_and_told_once_how_to_convert(tmp_path):
    """A Decimal returned for a number: the place is the entry (result[0], k = 1), and the
    advice comes once, for a number as for several, not twice in other words."""
    source = (REFERENCE_DIR / module_file(9)).read_text(encoding="utf-8").replace(
        "def power_decay", "from decimal import Decimal\n\n\ndef _power_decay") + (
        "\n\ndef power_decay(k, lam=1.0, s0=1.0, p=0.5):\n    return Decimal(_power_decay(k, lam, s0, p))\n")
    (failed,) = [t for t in graded(tmp_path, 9, source) if t.name == "power_decay"]
    assert "result[0] is an object of type Decimal, not plain numbers. Convert before you return: float(x)" in failed.message
    assert failed.message.count("numpy") == 0 and failed.message.count("np.asarray") == 1
