"""What report.html says about the class, from hand-made records (no grading here)."""

from __future__ import annotations

import html as _html
import json
import re
import shutil
import subprocess
import tempfile

import pytest

from grader.batch import html
from grader.batch.store import Stored
from grader.i18n import translate


def stored(student: str, diagnoses: list[str | None], exercise: int = 6) -> Stored:
    """A student whose exercise `exercise` has one test per entry of `diagnoses` (None: passed)."""
    tests = [{"name": f"t{i}", "title": f"t{i}", "status": "passed" if d is None else "failed",
              "score": 1.0 if d is None else 0.0, "max_score": 1.0, "message": "", "diagnosis": d}
             for i, d in enumerate(diagnoses)]
    score = sum(t["score"] for t in tests)
    record = {"score": score, "max_score": float(len(tests)), "exercises": [
        {"exercise": exercise, "title": "Batch GD", "score": score, "max_score": float(len(tests)), "output": "",
         "tests": tests}]}
    return Stored(student, student, "sha256:" + "0" * 64, "{}", 1, "now", None, None, False, record, json.dumps(record))


def test_named_mistakes_come_first_and_generic_causes_on_a_line_of_their_own():
    tally = html.ClassTally((6,))
    for i in range(4):
        tally.add(stored(f"stub{i}", ["not_implemented", "not_implemented"]))
    for i in range(3):
        tally.add(stored(f"slow{i}", ["timeout", "depends_on"]))
    for i in range(2):
        tally.add(stored(f"crash{i}", ["raised_exception", "syntax_error", "missing_file", "grader_error"]))
    tally.add(stored("seq", ["sequential_update", None]))  # one student, a real mistake
    tally.add(stored("loss", ["loss_before_update", None]))
    page = html.render_class(tally, "en", 1)
    cell = re.search(r'<td class="diag">(.*?)</td>', page, re.S).group(1)
    mistakes = re.findall(r'<div class="mistake">.*?<code>([a-z_0-9]+)</code>', cell, re.S)
    assert mistakes == ["loss_before_update", "sequential_update"]  # both, though each is one student's
    assert translate("diagnosis.ex06.sequential_update", "en") in cell
    other = re.search(r'<div class="other-causes[^"]*">(.*?)</div>', cell, re.S).group(1)
    assert other.strip().startswith(translate("batch.html.other_causes", "en"))
    causes = re.findall(r"<strong>(\d+)</strong> <code>([a-z_]+)</code>", other)
    assert causes[:3] == [("4", "not_implemented"), ("3", "depends_on"), ("3", "timeout")]
    assert {cause for _, cause in causes} == {"not_implemented", "depends_on", "timeout", "raised_exception",
                                             "syntax_error", "missing_file", "grader_error"}
    assert cell.index("sequential_update") < cell.index("other-causes")  # the mistakes first
    # Each cause said in words too, not only as an id (in kk and ru, `depends_on` is English).
    assert f"<code>depends_on</code> — {translate('batch.diagnosis.depends_on', 'en')}" in other
    kk = re.search(r'<div class="other-causes[^"]*">(.*?)</div>', html.render_class(tally, "kk", 1), re.S).group(1)
    assert f"<code>missing_file</code> — {translate('batch.diagnosis.missing_file', 'kk')}" in kk


def test_only_generic_causes_still_show_and_no_cause_shows_the_failing_tests():
    tally = html.ClassTally((6,))
    tally.add(stored("stub", ["not_implemented"]))
    cell = re.search(r'<td class="diag">(.*?)</td>', html.render_class(tally, "en", 1), re.S).group(1)
    assert "not_implemented" in cell and 'class="mistake"' not in cell
    failing = html.ClassTally((6,))
    record = stored("wrong", [None]).record
    record["exercises"][0]["tests"].append({"name": "t9", "title": "Converges", "status": "failed", "score": 0.0,
                                            "max_score": 1.0, "message": "", "diagnosis": None})
    failing.add(Stored("wrong", "wrong", "sha256:" + "0" * 64, "{}", 1, "now", None, None, False, record,
                       json.dumps(record)))
    cell = re.search(r'<td class="diag">(.*?)</td>', html.render_class(failing, "en", 1), re.S).group(1)
    assert translate("batch.html.failed_test", "en", test="Converges") in cell


def _test(diagnosis: str | None, message: str) -> dict:
    return {"name": "t", "title": "t", "status": "failed", "score": 0.0, "max_score": 1.0, "message": message,
            "diagnosis": diagnosis}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_gradescope_feedback_explains_mistakes_in_words_and_adds_nothing_for_other_causes(lang: str):
    from grader.batch.outputs import gradescope

    explained = translate("diagnosis.ex06.sequential_update", lang)
    tests = [_test("timeout", "No answer in 10 s."), _test("depends_on", "Exercise 5 fails too."),
             _test("not_implemented", "Not written yet."), _test("sequential_update", f"Wrong w. {explained}"),
             _test("constant_factor", "Off by a factor 2.")]
    record = {"score": 0.0, "max_score": 5.0, "exercises": [{"exercise": 6, "title": "t", "score": 0.0,
                                                              "max_score": 5.0, "output": "", "tests": tests}]}
    outputs = [t["output"] for t in gradescope(record, lang)["tests"]]
    assert outputs[:3] == ["No answer in 10 s.", "Exercise 5 fails too.", "Not written yet."]  # nothing added
    assert outputs[3] == f"Wrong w. {explained}"  # explained once, by the message itself
    label = translate("batch.diagnosis.constant_factor", lang)
    assert outputs[4] == "Off by a factor 2.\n\n" + translate("batch.gradescope.diagnosis", lang, text=label)
    for output in outputs:
        assert not re.search(r"\b(timeout|depends_on|not_implemented|sequential_update|constant_factor)\b", output)


@pytest.mark.parametrize("error_id", ["batch.error.empty", "batch.error.no_py_files", "batch.error.other_archive",
                                      "batch.error.zip_in_zip",
                                      "batch.error.no_exercise_names", "batch.error.not_a_zip",
                                      "batch.error.unreadable", "error.several_zips"])
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_not_gradable_student_is_told_on_gradescope_what_to_hand_in(error_id: str, lang: str):
    from grader.batch.outputs import error_record, gradescope

    instructor = translate(error_id, lang, path="alice", names="notes.txt", reason="x")
    shown = gradescope(error_record(error_id, instructor), lang)
    assert shown["score"] == 0 and shown["tests"] == []
    assert shown["output"] != instructor and shown["output"].startswith(
        {"kk": ("Жұмысыңыз", "Zip", ".py"), "ru": ("Ваш", "В вашей", "В вашем", "Ни один"), "en": ("Your", "None of your")}[lang])


CLICK_STUDENT = """
<script>
window.addEventListener("load", function () {
  var table = document.getElementById("students"), header = table.tHead.rows[0].cells[0];
  var names = function () {
    return Array.prototype.map.call(table.tBodies[0].rows, function (row) { return row.cells[0].querySelector("a").textContent; });
  };
  var shown = names();
  header.click(); var ascending = names();
  header.click(); var descending = names();
  document.body.setAttribute("data-orders", JSON.stringify({shown: shown, ascending: ascending, descending: descending}));
});
</script>
</body>"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_clicking_the_student_header_gives_the_order_of_grades_csv(tmp_path):
    from grader.batch import outputs

    names = ["Ыбырай Алтынсарин", "Іскендір Оспан", "Әлібек Нұрланұлы", "Ақжол Серік", "Анна Иванова", "Яна Ким",
             "Ёлка Ли", "Zoe Smith", "bob"]
    tally = html.ClassTally((6,))
    for name in names:
        tally.add(stored(name, [None]))
    csv_order = [line.split(",")[0] for line in outputs.grades_csv(tally.csv_rows(), (6,)).decode().splitlines()[1:]]
    assert csv_order.index("Іскендір Оспан") > csv_order.index("Ыбырай Алтынсарин")  # Kazakh: І after Ы
    page = tmp_path / "report.html"
    page.write_text(html.render_class(tally, "kk", 1).replace("</body>", CLICK_STUDENT), encoding="utf-8")
    done = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
                           f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path)}", "--virtual-time-budget=3000",
                           "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    found = re.search(r'data-orders="([^"]+)"', done.stdout)
    assert found, done.stderr[-2000:]
    orders = json.loads(_html.unescape(found.group(1)))
    assert orders["shown"] == csv_order and orders["ascending"] == csv_order
    assert orders["descending"] == csv_order[::-1]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_with_the_instructors_seed_gradescope_still_says_what_kind_of_error_it_was(lang: str):
    """A file that does not compile, a stub, an exception: the message (the student code's words,
    which can carry the hidden inputs) is left out, and the page said only 'the inputs are not
    shown', as if a test had failed on them. It says what happened, in the grader's words."""
    from grader.batch.outputs import gradescope

    tests = [_test("syntax_error", "SyntaxError at line 3: x = [1, 2, 3.3"), _test("not_implemented", "Stub."),
             _test("raised_exception", "ValueError: 0.123456"), _test(None, "expected 1, got 2")]
    record = {"score": 0.0, "max_score": 4.0, "exercises": [{"exercise": 3, "title": "t", "score": 0.0,
                                                              "max_score": 4.0, "output": "", "tests": tests}]}
    outputs = [t["output"] for t in gradescope(record, lang, numbers_shown=False)["tests"]]
    hidden = translate("batch.gradescope.numbers_hidden", lang, number=3)
    for output, diagnosis in zip(outputs, ("syntax_error", "not_implemented", "raised_exception")):
        assert output == translate(f"batch.diagnosis.{diagnosis}", lang) + "\n\n" + hidden
    assert outputs[3] == hidden  # no diagnosis: nothing to say but where to see the numbers
    assert not any(leak in output for output in outputs for leak in ("3.3", "0.123456", "Stub.", "expected 1"))


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_an_exercise_not_handed_in_is_folded_on_the_student_page_and_said_once(lang: str):
    """Twelve exercises not handed in were twelve open tables repeating 'no file exNN…' in every
    row: the instructor scrolled through a hundred identical lines to find the real failures."""
    missing = {"exercise": 10, "title": "Momentum", "score": 0.0, "max_score": 2.0, "output": "",
               "tests": [{"name": f"t{i}", "title": f"t{i}", "status": "error", "score": 0.0, "max_score": 1.0,
                          "message": "Your submission has no file ex10_momentum.py.", "diagnosis": "missing_file"}
                         for i in range(2)]}
    record = json.loads(stored("alice", ["raised_exception", None]).record_json)
    record["exercises"].append(missing)
    page = html.render_student(Stored("alice", "alice", "sha256:" + "0" * 64, "{}", 1, "now", None, None, False,
                                      record, json.dumps(record)), lang)
    opened = re.findall(r'<details class="exercise" id="ex(\d\d)"( open)?>', page)
    assert opened == [("06", " open"), ("10", "")]  # the failing exercise open, the one not handed in folded
    header = re.search(r'id="ex10">\s*<summary>(.*?)</summary>', page, re.S).group(1)
    assert translate("batch.diagnosis.missing_file", lang) in _html.unescape(header)


def test_a_class_nobody_could_be_graded_in_has_its_exercises_named_and_no_maximum_of_0():
    """Every student handed in a .rar or nothing: no record has an exercise, so the page had
    'mean points (of 0)' and exercises titled ex01, ex02 instead of their names."""
    from grader import curriculum
    from grader.batch.outputs import error_record

    tally = html.ClassTally((1, 2))
    for student in ("ann", "ben"):
        record = error_record("batch.error.empty", f"{student} is empty")
        tally.add(Stored(student, student, "raw:0", "{}", 1, "now", "batch.error.empty", record["error"]["message"],
                         False, record, json.dumps(record)))
    page = html.render_class(tally, "ru", 1)
    assert translate("batch.html.mean", "ru", max_score="–") in page and "(из 0)" not in page
    titles = re.findall(r"<td>0[12]</td>\s*<td>([^<]*)</td>", page)
    assert titles == [_html.escape(curriculum.exercise(n).title_in("ru"), quote=True) for n in (1, 2)]
