"""Mistakes beyond the curriculum's list are named too: a wrong sign, a constant factor, a
transposed or extra axis, a loop that never updates, divergence, an exception in the student's
own code (with its file and line) — and never on a correct solution."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader import curriculum
from grader.grading import grade_submission
from grader.i18n import translate
from grader.results import Outcome
from grader.sandbox.isolation import namespaces_available

from ..conftest import ALTERNATIVE, REFERENCE, STUBS, reference_changed, submission_with

GENERIC = Path(__file__).resolve().parent.parent / "generic"
CASES = {
    "ex01_column_gradient": "extra_dimension",
    "ex01_quadruple_gradient": "constant_factor",
    "ex03_negated": "sign_flipped",
    "ex04_transposed": "transposed",
    "ex10_never_updates": "no_update",
    "ex04_appends_one_array": "appended_same_array",
    "ex02_shifts_v_in_place": "changed_input",
    "ex10_updates_in_place": "changed_input",
    "ex11_updates_in_place": "changed_input",
    "ex12_updates_in_place": "changed_input",
    "ex13_updates_in_place": "changed_input",
    "ex14_updates_in_place": "changed_input",
    "ex15_updates_the_state": "changed_input",
    "ex10_plus_sign": "diverged",
    "ex03_raises_in_helper": "raised_exception",
    "ex03_float32": "single_precision",
    "ex04_python_float_overflow": "float_overflow",
    "ex01_list_doubled": "list_repeated",
    "ex04_recursive": "recursion_too_deep",
    "ex16_capitalised_label": "not_a_label",
    "ex06_imports_ex05_by_a_short_name": "sibling_import",
    "ex01_reads_input": "reads_input",
    "ex14_math_sqrt": "math_on_array",
    # Asked again, an unseeded generator of its own answers otherwise: the rng given is not used.
    "ex08_own_generator": "seed_not_used",
    # One seeded once and for all answers the same each time: only the order says it.
    "ex08_own_seeded_generator": "another_permutation",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_generic_mistake_is_named(tmp_path: Path, name: str):
    number = int(name[2:4])
    submission = submission_with(tmp_path / "sub", {number: GENERIC / f"{name}.py"})
    (exercise,) = grade_submission(submission, curriculum.select(str(number))).exercises
    diagnoses = {t.diagnosis for t in exercise.tests if t.outcome is not Outcome.PASSED}
    assert CASES[name] in diagnoses, [t.message for t in exercise.tests][:3]


def _numpy_refuses_a_one_by_one_as_a_number() -> bool:
    import warnings

    import numpy as np

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numpy 1.25 and later warn before they refuse
        try:
            float(np.ones((1, 1)))
        except TypeError:
            return True
    return False


@pytest.mark.skipif(not _numpy_refuses_a_one_by_one_as_a_number(), reason="this numpy still turns a (1, 1) array into a number")
def test_float_of_a_one_by_one_array_is_not_blamed_on_the_math_module(tmp_path: Path):
    """float(v.T @ v) of a column runs where numpy only warns (DeprecationWarning since 1.25) and
    raises the math module's TypeError where it refuses: told as float() given an array, with
    .item(), not as math.sqrt given one."""
    submission = submission_with(tmp_path / "sub", {1: GENERIC / "ex01_float_of_a_column.py"})
    (exercise,) = grade_submission(submission, curriculum.select("1"), lang="ru").exercises
    raised = [t for t in exercise.tests if "TypeError" in t.message]
    assert raised and {t.diagnosis for t in raised} == {"math_on_array"}
    assert all(".item()" in t.message and "math.sqrt" not in t.message for t in raised)


@pytest.mark.skipif(not _numpy_refuses_a_one_by_one_as_a_number(), reason="this numpy still turns a (1, 1) array into a number")
def test_a_one_by_one_array_stored_as_a_number_is_told_so(tmp_path: Path):
    """losses[e] = r.T @ r / n of a column r: numpy's 'setting an array element with a sequence'
    told as an array where one number goes, with .item()."""
    submission = submission_with(tmp_path / "sub", {6: GENERIC / "ex06_column_loss_stored.py"})
    (exercise,) = grade_submission(submission, curriculum.select("6"), lang="kk").exercises
    assert exercise.score == 0 and {t.diagnosis for t in exercise.tests} == {"array_as_number"}
    assert all(".item()" in t.message for t in exercise.tests)


@pytest.mark.skipif(hasattr(__import__("numpy"), "math"), reason="this numpy still has np.math")
def test_a_name_numpy_removed_without_a_word_is_told_what_to_write(tmp_path: Path):
    """np.math.cos ran on numpy 1.x; numpy 2 says only "module 'numpy' has no attribute 'math'"."""
    submission = submission_with(tmp_path / "sub", {9: GENERIC / "ex09_np_math.py"})
    (exercise,) = grade_submission(submission, curriculum.select("9"), lang="ru").exercises
    raised = [t for t in exercise.tests if "AttributeError" in t.message]
    assert raised and {t.diagnosis for t in raised} == {"removed_from_numpy"}
    assert all("np.math нет в numpy" in t.message and "import math; math.cos(…), math.pi" in t.message for t in raised)


@pytest.mark.skipif(not namespaces_available(), reason="the fallback sandbox may let the file be written")
def test_a_file_written_at_the_bottom_of_the_module_is_told_to_go_under_main(tmp_path: Path):
    """plt.savefig("path.png") after the functions, as a student tries them: the submission is
    read-only in the sandbox, so importing the file raises; told as a file written, with
    if __name__ == "__main__":, not "read the line shown"."""
    submission = submission_with(tmp_path / "sub", {4: GENERIC / "ex04_saves_a_plot.py"})
    (exercise,) = grade_submission(submission, curriculum.select("4"), lang="kk").exercises
    assert exercise.score == 0 and {t.diagnosis for t in exercise.tests} == {"writes_files"}
    assert all('if __name__ == "__main__":' in t.message and "savefig" in t.message for t in exercise.tests)


@pytest.mark.parametrize("name", ["ex02_shifts_v_in_place", "ex10_updates_in_place", "ex11_updates_in_place",
                                  "ex12_updates_in_place", "ex13_updates_in_place", "ex14_updates_in_place",
                                  "ex15_updates_the_state"])
def test_changing_an_argument_in_place_costs_that_test_alone(tmp_path: Path, name: str):
    number = int(name[2:4])
    submission = submission_with(tmp_path / "sub", {number: GENERIC / f"{name}.py"})
    (exercise,) = grade_submission(submission, curriculum.select(str(number))).exercises
    assert [t.name for t in exercise.tests if t.outcome is not Outcome.PASSED] == [next(
        t.name for t in exercise.tests if t.name.startswith("leaves_"))]


def test_a_call_the_signature_refuses_is_not_blamed_on_lists(tmp_path: Path):
    submission = submission_with(tmp_path / "sub", {10: GENERIC / "ex10_keyword_only.py"})
    (exercise,) = grade_submission(submission, curriculum.select("10")).exercises
    refused = [t for t in exercise.tests if "positional argument" in t.message]
    assert refused and {t.diagnosis for t in refused} == {"wrong_signature"}  # the call did not fit, not a list


@pytest.mark.parametrize("name", ["ex03_list_arithmetic", "ex16_list_arithmetic", "ex03_list_has_no_shape"])
def test_every_test_that_passes_lists_names_code_written_for_arrays_only(tmp_path: Path, name: str):
    # ex03's lecture example and every curve of ex16 are lists: a TypeError there is the
    # list's, and said so (it was on the one test marked list_input, and only "read the line"
    # on the others).
    number = int(name[2:4])
    submission = submission_with(tmp_path / "sub", {number: GENERIC / f"{name}.py"})
    (exercise,) = grade_submission(submission, curriculum.select(str(number)), lang="kk").exercises
    raised = [t for t in exercise.tests if "TypeError" in t.message or "AttributeError" in t.message]
    assert raised and {t.diagnosis for t in raised} == {"list_input_unsupported"}, [t.name for t in raised]
    assert all("np.asarray" in t.message for t in raised)
    if number == 3:
        assert "lecture_example" in raised[0].name


def test_another_exercise_imported_by_a_name_it_does_not_have_is_told_its_module(tmp_path: Path):
    submission = submission_with(tmp_path / "sub", {6: GENERIC / "ex06_imports_ex05_by_a_short_name.py"})
    (exercise,) = grade_submission(submission, curriculum.select("6"), lang="kk").exercises
    assert all("from .ex05_linear_regression import" in t.message and "`grade list`" in t.message for t in exercise.tests)
    assert "exercises/ex06_batch_gd.py:2" in exercise.tests[0].message  # the line is still shown


def test_only_an_exercise_module_is_taken_for_a_sibling_import():
    from grader.sandbox.client import StudentRaised
    from grader.verdict import _sibling

    def sibling(text: str) -> tuple[str, bool] | None:
        return _sibling(StudentRaised({"type": "ModuleNotFoundError", "message": text}))

    assert sibling("No module named 'ex05'") == sibling("No module named 'exercises.ex5_mse'") == ("ex05_linear_regression", False)
    assert sibling("No module named 'exercises.ex04'") == ("ex04_gradient_descent", False)
    assert sibling("No module named 'ex05_linear_regression'") == ("ex05_linear_regression", True)  # its file is missing
    assert sibling("No module named 'ex99'") is sibling("No module named 'pandas'") is sibling("No module named 'exam'") is None


def test_an_exercise_handed_in_without_the_one_it_imports_is_told_which_file_to_add(tmp_path: Path):
    folder = tmp_path / "only_ex04"
    folder.mkdir()
    source = (REFERENCE / "ex04_gradient_descent.py").read_text(encoding="utf-8")
    (folder / "ex04_gradient_descent.py").write_text(
        source.replace("\nimport numpy as np\n", "\nimport numpy as np\n\nfrom .ex03_gradient_step import gradient_step\n", 1),
        encoding="utf-8")
    (exercise,) = grade_submission(folder, curriculum.select("4"), lang="ru").exercises
    assert {t.diagnosis for t in exercise.tests} == {"sibling_missing"}
    assert "импортирует ex03_gradient_step.py, но в проверенной работе этого файла нет" in exercise.tests[0].message


def test_exception_message_shows_the_students_file_and_line(tmp_path: Path):
    submission = submission_with(tmp_path / "sub", {3: GENERIC / "ex03_raises_in_helper.py"})
    (exercise,) = grade_submission(submission, curriculum.select("3"), lang="ru").exercises
    message = exercise.tests[0].message
    assert "exercises/ex03_gradient_step.py:7" in message and "NameError" in message
    assert "grader" not in message.split("NameError")[1]


@pytest.mark.parametrize("folder", [REFERENCE, ALTERNATIVE], ids=["reference", "alternative"])
def test_no_diagnosis_on_correct_solutions(folder: Path):
    report = grade_submission(folder, curriculum.all_exercises())
    assert {t.diagnosis for e in report.exercises for t in e.tests} == {None}


def test_a_missing_file_is_named(tmp_path: Path):
    submission = submission_with(tmp_path / "sub", {})
    (submission / "ex05_linear_regression.py").unlink()
    report = grade_submission(submission, curriculum.select("4-5"), lang="kk")
    four, five = report.exercises
    assert four.score == four.max_score
    assert five.score == 0 and {t.diagnosis for t in five.tests} == {"missing_file"}
    assert "ex05_linear_regression.py" in five.tests[0].message


@pytest.mark.parametrize(("lang", "said"), [("en", "is a Jupyter notebook"), ("kk", "Jupyter блокноты"),
                                            ("ru", "это блокнот Jupyter")])
def test_a_notebook_in_place_of_the_exercise_file_is_named(tmp_path: Path, lang: str, said: str):
    """Work done in Jupyter or Colab: "put it back (a fresh copy of the stub is in the kit)"
    sent the student to the stub, away from the work."""
    submission = submission_with(tmp_path / "sub", {})
    (submission / "ex03_gradient_step.py").unlink()
    (submission / "ex03_gradient_step.ipynb").write_text('{"cells": []}', encoding="utf-8")
    (exercise,) = grade_submission(submission, curriculum.select("3"), lang=lang).exercises
    assert {t.diagnosis for t in exercise.tests} == {"missing_file"}
    message = exercise.tests[0].message
    assert said in message and "ex03_gradient_step.ipynb" in message, message
    assert translate("diagnosis.missing_file", lang) not in message


@pytest.mark.parametrize(("lang", "said"), [("en", "Your folder also has ex03_gradient_step.ipynb, a Jupyter notebook"),
                                            ("kk", "Бумаңызда ex03_gradient_step.ipynb Jupyter блокноты да бар"),
                                            ("ru", "В вашей папке есть и ex03_gradient_step.ipynb — блокнот Jupyter")])
def test_a_notebook_beside_the_untouched_stub_is_named(tmp_path: Path, lang: str, said: str):
    """The work in a notebook beside the kit's stub: 'not implemented yet' alone sends the
    student to a function they wrote, in the other file."""
    submission = submission_with(tmp_path / "sub", {3: STUBS / "ex03_gradient_step.py"})
    (submission / "ex03_gradient_step.ipynb").write_text('{"cells": []}', encoding="utf-8")
    (exercise,) = grade_submission(submission, curriculum.select("3"), lang=lang).exercises
    assert {t.diagnosis for t in exercise.tests} == {"not_implemented"}
    assert all(said in t.message for t in exercise.tests), exercise.tests[0].message


@pytest.mark.parametrize("name", ["ex03_step.py", "ex04_gradient_step.py"])
def test_a_file_named_for_another_topic_or_number_is_named(tmp_path: Path, name: str):
    submission = submission_with(tmp_path / "sub", {})
    (submission / "ex03_gradient_step.py").rename(submission / name)
    (exercise,) = grade_submission(submission, curriculum.select("3"), lang="kk").exercises
    message = exercise.tests[0].message
    assert f"Бумаңызда {name} бар" in message and "ex03_gradient_step.py деп" in message, message
    (alone,) = grade_submission(submission_with(tmp_path / "plain", {}), curriculum.select("3")).exercises
    assert alone.score == alone.max_score  # (ex03_gradient_step.py is there: nothing looks like it)


@pytest.mark.parametrize(("number", "right", "wrong", "lang", "said"), [
    (3, "def gradient_step(", "def gradient_stpe(", "en", "Your file defines gradient_stpe: if that is the function, name it gradient_step."),
    (5, "def mse_loss(", "def MSE_loss(", "kk", "Файлыңызда MSE_loss функциясы анықталған: егер бұл сол функция болса, атын mse_loss деп өзгертіңіз."),
    (5, "def mse_gradient(", "def mse_grad(", "ru", "В вашем файле определена функция mse_grad: если это она и есть, назовите её mse_gradient."),
])
def test_a_misspelt_function_is_named_with_the_name_it_has(tmp_path: Path, number: int, right: str, wrong: str,
                                                          lang: str, said: str):
    submission = reference_changed(tmp_path / "sub", number, right, wrong)
    (exercise,) = grade_submission(submission, curriculum.select(str(number)), lang=lang).exercises
    missing = [t for t in exercise.tests if t.diagnosis == "missing_function"]
    assert missing and all(said in t.message for t in missing), missing[0].message
    assert not any(said in t.message for t in exercise.tests if t.diagnosis != "missing_function")


def test_a_misspelt_function_is_named_in_a_batch_as_alone(tmp_path: Path):
    """A batch gives each submission what `grade exercise` gives it: the note comes from the
    prepared copy, which both have."""
    from grader.grading import grade_prepared_many
    from grader.sandbox.client import Sandbox
    from grader.submission import prepared

    folder = reference_changed(tmp_path / "sub", 3, "def gradient_step(", "def gradient_stpe(")
    alone = grade_submission(folder, curriculum.select("3"), lang="en")
    sandbox = Sandbox(None)
    try:
        with prepared(folder) as root:
            (together,) = grade_prepared_many([root], curriculum.select("3"), 2026, "en", sandbox)
    finally:
        sandbox.close()
    assert together.to_dict() == alone.to_dict()
    assert "defines gradient_stpe" in together.exercises[0].tests[0].message


def test_a_file_saved_as_windows_1251_is_told_to_be_saved_as_utf8(tmp_path: Path):
    """Kazakh and Russian comments in a file saved by a Windows editor in its default encoding."""
    submission = submission_with(tmp_path / "sub", {})
    path = submission / "ex03_gradient_step.py"
    source = path.read_text(encoding="utf-8").replace('"""', '"""Қадам: v + η·g. Шаг вдоль градиента. ', 1)
    path.write_bytes(source.encode("cp1251", errors="replace"))
    (exercise,) = grade_submission(submission, curriculum.select("3"), lang="kk").exercises
    assert {t.diagnosis for t in exercise.tests} == {"not_utf8"} and exercise.score == 0
    assert "UTF-8 түрінде сақтаңыз" in exercise.tests[0].message
    hostile = submission_with(tmp_path / "other", {3: Path(__file__).resolve().parent.parent / "hostile" / "ex03_not_utf8.py"})
    (exercise,) = grade_submission(hostile, curriculum.select("3")).exercises
    assert {t.diagnosis for t in exercise.tests} == {"not_utf8"}


@pytest.mark.parametrize(("lang", "said"), [("en", "saved as UTF-16"), ("kk", "UTF-16 түрінде сақталған"),
                                            ("ru", "сохранён в UTF-16")])
def test_a_file_saved_as_utf16_is_named_and_told_to_be_saved_as_utf8(tmp_path: Path, lang: str, said: str):
    """Notepad's "Unicode" or PowerShell's `>` save UTF-16: Python finds null bytes and gives
    no line, so the message names the file (it said "fix the syntax error at the line shown")."""
    submission = submission_with(tmp_path / "sub", {})
    path = submission / "ex03_gradient_step.py"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    (exercise,) = grade_submission(submission, curriculum.select("3"), lang=lang).exercises
    assert {t.diagnosis for t in exercise.tests} == {"not_utf8"} and exercise.score == 0
    message = exercise.tests[0].message
    assert said in message and "exercises/ex03_gradient_step.py" in message, message


def test_a_utf16_file_imported_by_another_exercise_is_not_blamed_on_the_importer(tmp_path: Path):
    submission = submission_with(tmp_path / "sub", {})
    path = submission / "ex05_linear_regression.py"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    five, six = grade_submission(submission, curriculum.select("5-6")).exercises
    assert "exercises/ex05_linear_regression.py." in five.tests[0].message
    message = six.tests[0].message  # the import line that brought ex05's file in, not ex06's file
    assert "UTF-16" in message and "exercises/ex06_batch_gd.py:9" in message, message
    assert "ex05_linear_regression import" in message


# A sign of the statements' formulas typed into code: what Python writes in its place.
COPIED_SIGNS = [("v, dtype=float) + step_size", "v, dtype=float) − step_size", "kk", "`-`"),
                ("step_size * np.asarray", "step_size · np.asarray", "ru", "`*`"),
                ("step_size * np.asarray", "step_size × np.asarray", "en", "`*`")]


@pytest.mark.parametrize(("right", "wrong", "lang", "typed"), COPIED_SIGNS)
def test_a_sign_copied_from_a_formula_is_named_with_what_to_type(tmp_path: Path, right: str, wrong: str,
                                                                  lang: str, typed: str):
    """'x_new = x − η·grad' from a hint or `grade show`: Python's 'invalid character' is in
    English, and 'fix the syntax error' does not say that − is not -."""
    submission = reference_changed(tmp_path / "sub", 3, right, wrong)
    (exercise,) = grade_submission(submission, curriculum.select("3"), lang=lang).exercises
    assert {t.diagnosis for t in exercise.tests} == {"syntax_error"} and exercise.score == 0
    message = exercise.tests[0].message
    sign = wrong.split()[-2]
    assert f"{sign} (U+{ord(sign):04X})" in message and typed in message, message
    assert translate("diagnosis.syntax_error", lang) not in message


@pytest.mark.parametrize(("number", "right", "wrong", "lang", "said"), [
    (10, "alpha * np.asarray(h", "α * np.asarray(h", "en", "α is a symbol of the formulas, not a name in your code"),
    (3, "step_size * np", "η * np", "kk", "η — формулалардағы белгі"),
    (3, "step_size * np", "η * np", "ru", "η — обозначение из формул"),
])
def test_a_greek_letter_of_the_formulas_used_as_a_name_is_told_to_be_the_parameter(
        tmp_path: Path, number: int, right: str, wrong: str, lang: str, said: str):
    """`w − η·g` with − and · fixed: NameError 'η' is not defined, and 'read the line shown'."""
    submission = reference_changed(tmp_path / "sub", number, right, wrong)
    (exercise,) = grade_submission(submission, curriculum.select(str(number)), lang=lang).exercises
    message = next(t.message for t in exercise.tests if t.outcome is not Outcome.PASSED)
    assert said in message and translate("diagnosis.raised_exception", lang) not in message, message


@pytest.mark.parametrize(("right", "wrong", "lang", "said"), [
    ("    return np.asarray", "\treturn np.asarray", "kk", "Көрсетілген жол табпен"),
    ("    return np.asarray", "\treturn np.asarray", "ru", "Указанная строка сдвинута табуляцией"),
    ("    return np.asarray", "        return np.asarray", "kk", "Көрсетілген жолдың шегінісі"),
    ("    return np.asarray", "  return np.asarray", "ru", "Отступ указанной строки"),
    ("    return np.asarray", "  return np.asarray", "en", "The indentation of the line shown"),
])
def test_an_indentation_error_is_explained_in_the_students_language(tmp_path: Path, right: str, wrong: str,
                                                                   lang: str, said: str):
    """TabError and IndentationError came as Python's English alone ('inconsistent use of tabs
    and spaces in indentation'), and a tab is not seen in the line shown."""
    submission = reference_changed(tmp_path / "sub", 3, right, wrong)
    (exercise,) = grade_submission(submission, curriculum.select("3"), lang=lang).exercises
    message = exercise.tests[0].message
    assert {t.diagnosis for t in exercise.tests} == {"syntax_error"} and said in message, message


@pytest.mark.parametrize(("lang", "said"), [("en", "Your file uses np without importing it: add `import numpy as np`"),
                                            ("kk", "Файлыңыз np атауын импорттамай қолданады: файлдың басына `import numpy as np`"),
                                            ("ru", "Ваш файл использует np, не импортировав его: добавьте `import numpy as np`")])
def test_numpy_used_without_its_import_is_told_the_import(tmp_path: Path, lang: str, said: str):
    submission = reference_changed(tmp_path / "sub", 3, "import numpy as np\n", "\n")
    (exercise,) = grade_submission(submission, curriculum.select("3"), lang=lang).exercises
    message = exercise.tests[0].message
    assert said in message and translate("diagnosis.raised_exception", lang) not in message, message


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_a_non_breaking_space_copied_into_code_is_named(tmp_path: Path, lang: str):
    submission = reference_changed(tmp_path / "sub", 3, "step_size * np", "step_size\u00a0* np")
    (exercise,) = grade_submission(submission, curriculum.select("3"), lang=lang).exercises
    message = exercise.tests[0].message
    assert translate("diagnosis.syntax_error_copied_space", lang) in message, message


@pytest.mark.parametrize(("lang", "said"), [("en", "Your answer is one row"), ("kk", "Жауабыңыз — бір ғана жол"),
                                            ("ru", "Ваш ответ — одна строка")])
def test_gradient_descent_returning_its_last_point_alone_is_told_to_return_every_iterate(tmp_path: Path, lang: str,
                                                                                       said: str):
    """`return x` at the end of the loop: 'shape (2,), expected (k, 2). Check the shape' did not
    say that every iterate is asked for."""
    submission = reference_changed(tmp_path / "sub", 4, "return np.array(iterates)", "return iterates[-1]")
    (exercise,) = grade_submission(submission, curriculum.select("4"), lang=lang).exercises
    failed = [t for t in exercise.tests if t.outcome is not Outcome.PASSED]
    assert failed and all(said in t.message and t.diagnosis == "wrong_shape" for t in failed), failed[0].message


def test_an_update_rule_returning_w_alone_is_told_so_in_the_students_language(tmp_path: Path):
    submission = submission_with(tmp_path / "sub", {10: GENERIC / "ex10_returns_only_w.py"})
    (exercise,) = grade_submission(submission, curriculum.select("10"), lang="ru").exercises
    looped = [t for t in exercise.tests if "кортеж из 2 элементов" in t.message]
    assert looped and all(t.diagnosis == "wrong_shape" and t.score == 0 for t in looped)
    assert not any("must return" in t.message or "count|" in t.message for t in exercise.tests)


@pytest.mark.parametrize(("lang", "said"), [("kk", "GradientArray (numpy.ndarray-дің ішкі класы)"),
                                            ("ru", "GradientArray (подкласс numpy.ndarray)")])
def test_a_refused_value_is_named_in_the_students_language(tmp_path: Path, lang: str, said: str):
    hostile = Path(__file__).resolve().parent.parent / "hostile" / "ex01_ndarray_subclass.py"
    submission = submission_with(tmp_path / "sub", {1: hostile})
    (exercise,) = grade_submission(submission, curriculum.select("1"), lang=lang).exercises
    refused = [t for t in exercise.tests if t.diagnosis == "not_plain_data"]
    assert refused and all(said in t.message and "subclass|" not in t.message for t in refused)


def test_a_trajectory_of_another_length_is_told_to_check_the_loop_count(tmp_path: Path):
    """Many more iterates than the reference's (a loop that ignores max_steps), on a check that
    compares trajectories: the count's wording, not a bare "number of rows"."""
    submission = submission_with(tmp_path / "sub", {4: GENERIC / "ex04_ignores_max_steps.py"})
    (exercise,) = grade_submission(submission, curriculum.select("4")).exercises
    rosenbrock = next(t for t in exercise.tests if t.name == "rosenbrock")
    assert rosenbrock.diagnosis == "wrong_shape" and "how many times your loop runs" in rosenbrock.message


def test_the_second_look_at_a_seed_is_not_printed(tmp_path: Path):
    # A failed check of a function that takes a seed asks it once more (seed_not_used); what
    # that second call prints is left out: the student sees one line per call the suite made.
    submission = submission_with(tmp_path / "sub", {7: GENERIC / "ex07_seed_not_used_prints.py"})
    (exercise,) = grade_submission(submission, curriculum.select("7")).exercises
    assert {t.diagnosis for t in exercise.tests} == {"seed_not_used"}
    assert exercise.output.splitlines() == ["epochs: 15", "epochs: 15", "epochs: 100", "epochs: 5", "epochs: 4"]
