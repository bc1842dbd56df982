"""Graded with the instructor's own seed, a test that fails through the exercise it calls
(`depends_on`, grader/dependencies.py) still tells the student, on Gradescope, which exercise
to fix first: its message, which holds the hidden inputs, is left out, but the note is the
grader's own words. It said nothing but "the inputs are not shown"."""

from __future__ import annotations

import pytest

from grader.batch import outputs
from grader.i18n import translate


def _failed(diagnosis: str, message: str) -> dict:
    return {"name": "batch_gd", "title": "Batch gradient descent", "status": "failed", "score": 0.0,
            "max_score": 2.0, "message": message, "diagnosis": diagnosis}


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
@pytest.mark.parametrize("exercise, called", [(6, 5), (7, 5), (8, 5), (17, 4)])
def test_a_depends_on_test_names_the_exercise_to_fix_first_without_the_hidden_numbers(exercise, called, lang):
    note = translate("result.depends_on", lang, number=called)
    secret = "fit_linear_batch([0.123456], [0.654321]): expected 1.693879, got 1.6996107 (at w)."
    test = _failed("depends_on", f"{secret} {note}")
    hidden = translate("batch.gradescope.numbers_hidden", lang, number=exercise)
    output = outputs.test_output(exercise, test, lang, numbers_shown=False)
    assert output == note + "\n\n" + hidden
    assert "0.123456" not in output and "1.693879" not in output
    # With the public seed the whole message is shown, note included, as before.
    assert outputs.test_output(exercise, test, lang, numbers_shown=True) == test["message"]


def test_the_gradescope_page_of_a_secret_seed_grading_carries_the_note():
    record = {"score": 0.0, "max_score": 2.0, "exercises": [
        {"exercise": 6, "title": "Batch gradient descent", "score": 0.0, "max_score": 2.0, "output": "",
         "tests": [_failed("depends_on", "hidden inputs " + translate("result.depends_on", "en", number=5))]}]}
    (test,) = outputs.gradescope(record, "en", numbers_shown=False)["tests"]
    assert test["output"].startswith(translate("result.depends_on", "en", number=5))
    assert "hidden inputs" not in test["output"]


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
@pytest.mark.parametrize("exercise, called", [(7, 5), (17, 4)])
def test_a_stub_of_the_called_exercise_is_not_said_as_this_exercise_s_own(exercise, called, lang):
    """ex07 written, ex05's mse_loss still the stub: ex07's tests are `not_implemented` (their
    message names ex05, but a secret seed's Gradescope page leaves messages out), and the page
    and the report said "Not written yet: the function still raises NotImplementedError", which
    sent the student, and the instructor counting stubs, to ex07. The text names the exercise
    it calls too; an exercise that calls none keeps the plain one."""
    test = _failed("not_implemented", translate("result.not_implemented_elsewhere", lang, file="exercises/ex05.py",
                                                function="mse_loss", number=called))
    output = outputs.test_output(exercise, test, lang, numbers_shown=False)
    assert output.startswith(outputs.diagnosis_text(exercise, "not_implemented", lang))
    assert str(called) in outputs.diagnosis_text(exercise, "not_implemented", lang)
    assert outputs.diagnosis_text(3, "not_implemented", lang) == translate("batch.diagnosis.not_implemented", lang)
