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
