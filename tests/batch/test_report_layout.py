"""report.html in an ordinary window: with every exercise of the curriculum (17) and Moodle's long
student ids, a student's total and % are on screen (right after the name) and the table is not cut."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from grader import curriculum
from grader.batch import html
from grader.batch.store import Stored

from .conftest import measured_in_chromium

NUMBERS = tuple(exercise.number for exercise in curriculum.all_exercises())
MEASURE = """
<script>
window.addEventListener("load", function () {
  var table = document.getElementById("students"), cells = table.tHead.rows[0].cells;
  var rect = function (i) { return cells[i].getBoundingClientRect(); };
  var labels = Array.prototype.map.call(cells, function (c) { return c.textContent.trim(); });
  document.body.setAttribute("data-measured", JSON.stringify({
    width: document.documentElement.clientWidth, labels: labels,
    right: Array.prototype.map.call(cells, function (c, i) { return rect(i).right; })}));
});
</script>
</body>"""


def _class_report(folder: Path) -> Path:
    tally = html.ClassTally(NUMBERS)
    for i in range(20):
        exercises = [{"exercise": n, "title": f"Exercise {n}", "score": 10.0 + n, "max_score": 10.0 + n, "output": "",
                      "tests": [{"name": "t", "title": "t", "status": "passed", "score": 10.0 + n,
                                 "max_score": 10.0 + n, "message": "", "diagnosis": None}]} for n in NUMBERS]
        record = {"score": sum(e["score"] for e in exercises), "max_score": sum(e["max_score"] for e in exercises),
                  "exercises": exercises}
        name = f"Әлібек Нұрланұлы Longname{i:02d}_1000{i:02d}_assignsubmission_file_"
        tally.add(Stored(name, name, "sha256:" + "0" * 64, "{}", 1, "now", None, None, False, record, json.dumps(record)))
    page = folder / "report.html"
    page.write_text(html.render_class(tally, "kk", 2026).replace("</body>", MEASURE), encoding="utf-8")
    return page


def test_total_and_percent_come_right_after_the_student(tmp_path: Path):
    text = _class_report(tmp_path).read_text(encoding="utf-8")
    head = re.search(r'<table id="students".*?</thead>', text, re.S).group(0)
    labels = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<th[^>]*>.*?</th>", head, re.S)]
    assert labels[1:3] == [html.translate("batch.html.total", "kk"), "%"] and labels[3] == "ex01"


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_the_whole_student_table_fits_a_1400_pixel_window(tmp_path: Path):
    page = _class_report(tmp_path)
    measured = measured_in_chromium(page, tmp_path, 1400, 1800)
    assert f"ex{NUMBERS[-1]:02d}" in measured["labels"] and len(measured["labels"]) == 3 + len(NUMBERS)  # student, total, %
    overflow = {label: right for label, right in zip(measured["labels"], measured["right"]) if right > measured["width"]}
    assert overflow == {}, f"cut at {measured['width']} px: {overflow}"


PAGE_WIDTH = """
<script>
window.addEventListener("load", function () {
  var page = document.documentElement, chart = document.getElementById("histogram").getBoundingClientRect();
  document.body.setAttribute("data-measured", JSON.stringify({
    width: page.clientWidth, content: page.scrollWidth, chart: chart.right}));
});
</script>
</body>"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_on_a_phone_the_page_does_not_run_off_the_screen(tmp_path: Path):
    """At a phone's width (chromium's narrowest window), the histogram shrinks to the screen and
    the exercise table, like the student table, scrolls in its own box: the page itself is never
    wider than the screen, so nothing is cut off at its right edge."""
    page = _class_report(tmp_path)
    page.write_text(page.read_text(encoding="utf-8").replace(MEASURE, PAGE_WIDTH), encoding="utf-8")
    measured = measured_in_chromium(page, tmp_path, 390, 1800)
    assert measured["width"] < 640  # narrower than the histogram's own width
    assert measured["chart"] <= measured["width"] and measured["content"] <= measured["width"], measured


MEAN_LINES = """
<script>
window.addEventListener("load", function () {
  var wrapped = [];
  Array.prototype.forEach.call(document.getElementById("exercises").tBodies[0].rows, function (row) {
    var range = document.createRange();
    range.selectNodeContents(row.cells[2]);
    var tops = {};
    Array.prototype.forEach.call(range.getClientRects(), function (r) { tops[Math.round(r.top)] = 1; });
    if (Object.keys(tops).length > 1) { wrapped.push(row.cells[2].textContent.trim()); }
  });
  document.body.setAttribute("data-measured", JSON.stringify({wrapped: wrapped}));
});
</script>
</body>"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_an_exercise_s_mean_is_on_one_line_beside_long_diagnoses(tmp_path: Path):
    """In a 1366 px laptop window, with two mistakes explained beside it, an exercise's mean
    broke as "12.5 /" over "13": its points over its maximum read as two numbers."""
    from grader.i18n import catalogue

    texts = catalogue("en")
    tally = html.ClassTally(NUMBERS)
    for i in range(3):
        exercises = []
        for n in NUMBERS:
            mistakes = sorted(key.split(".")[-1] for key in texts if key.startswith(f"diagnosis.ex{n:02d}."))[:2]
            exercises.append({"exercise": n, "title": curriculum.exercise(n).title_in("en"), "score": 12.5,
                              "max_score": 13.0, "output": "",
                              "tests": [{"name": "t", "title": "t", "status": "failed", "score": 0.0, "max_score": 0.5,
                                         "message": "", "diagnosis": d} for d in mistakes]})
        record = {"score": 12.5 * len(NUMBERS), "max_score": 13.0 * len(NUMBERS), "exercises": exercises}
        tally.add(Stored(f"s{i}_10000{i}", f"s{i}", "sha256:" + "0" * 64, "{}", 1, "now", None, None, False, record,
                         json.dumps(record)))
    page = tmp_path / "report.html"
    page.write_text(html.render_class(tally, "en", 2026).replace("</body>", MEAN_LINES), encoding="utf-8")
    assert measured_in_chromium(page, tmp_path, 1366, 900)["wrapped"] == []
