"""students/<student>.html in a narrow window: in Kazakh and Russian, whose words for a test's
result and the points are longer than English's, no cell's text runs into the next one and
no header is cut, at 800 px as at 1400 px."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from grader.batch import html
from grader.batch.store import Stored

from .conftest import measured_in_chromium

MEASURE = """
<script>
window.addEventListener("load", function () {
  var cells = document.querySelectorAll("table.tests th, table.tests td"), found = [];
  Array.prototype.forEach.call(cells, function (cell) {
    // Text wider than its cell spills over the next cell (or is hidden under it).
    if (cell.scrollWidth > cell.clientWidth + 1) { found.push(cell.textContent.trim().slice(0, 40)); }
  });
  var table = document.querySelector("table.tests").getBoundingClientRect();
  document.body.setAttribute("data-measured", JSON.stringify({
    overflowing: found, cells: cells.length, right: table.right, width: document.documentElement.clientWidth}));
});
</script>
</body>"""


def _student_page(folder: Path, lang: str) -> Path:
    statuses = ["passed", "failed", "error", "timeout"]
    tests = [{"name": f"t{i}", "title": f"Тест номер {i} [dim{i}]", "status": status,
              "score": 1.0 if status == "passed" else 0.0, "max_score": 12.5,
              "message": "" if status == "passed" else "x" * 300,  # one long word, as an array's bytes can be
              "diagnosis": None if status == "passed" else "raised_exception"}
             for i, status in enumerate(statuses * 2)]
    record = {"score": 2.0, "max_score": 100.0, "exercises": [
        {"exercise": 1, "title": "Квадраттардың қосындысы және оның градиенті", "score": 2.0, "max_score": 100.0,
         "output": "", "tests": tests}]}
    stored = Stored("Әлібек Нұрланұлы_123456", "Әлібек Нұрланұлы_123456_assignsubmission_file_",
                    "sha256:" + "0" * 64, "{}", 1, "2026-01-01T00:00:00+00:00", None, None, False, record,
                    json.dumps(record))
    page = folder / f"{lang}.html"
    page.write_text(html.render_student(stored, lang).replace("</body>", MEASURE), encoding="utf-8")
    return page


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
@pytest.mark.parametrize("width", [800, 1400])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_cell_of_the_tests_table_runs_into_the_next(tmp_path: Path, lang: str, width: int):
    page = _student_page(tmp_path, lang)
    measured = measured_in_chromium(page, tmp_path, width, 1000)
    assert measured["cells"] == 4 + 8 * 4
    assert measured["overflowing"] == [], f"{lang} at {width} px"
    assert measured["right"] <= measured["width"]  # the table fits the window: no sideways scrolling


PHONE = """
<script>
window.addEventListener("load", function () {
  var feedback = document.querySelector("table.tests tbody tr").cells[3].getBoundingClientRect();
  document.body.setAttribute("data-measured", JSON.stringify({
    feedback: feedback.width, width: document.documentElement.clientWidth,
    page: document.documentElement.scrollWidth}));
});
</script>
</body>"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_on_a_phone_the_feedback_takes_the_page_s_width(tmp_path: Path):
    """At a phone's width (chromium's narrowest window) the feedback, the longest text, had a
    quarter of the screen beside the test's name, result and points: a few letters a line."""
    page = _student_page(tmp_path, "kk")
    page.write_text(page.read_text(encoding="utf-8").replace(MEASURE, PHONE), encoding="utf-8")
    measured = measured_in_chromium(page, tmp_path, 390, 1000)
    assert measured["width"] <= 600 and measured["page"] <= measured["width"], measured
    assert measured["feedback"] >= 0.8 * measured["width"], measured


NOT_GRADED_PHONE = """
<script>
window.addEventListener("load", function () {
  document.body.setAttribute("data-measured", JSON.stringify({
    width: document.documentElement.clientWidth, page: document.documentElement.scrollWidth}));
});
</script>
</body>"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_on_a_phone_a_not_gradable_student_s_reason_stays_on_the_screen(tmp_path: Path):
    """The reason names the student's file as SUBMISSIONS has it, one long word: Moodle's
    `Name_123456_assignsubmission_file_` ran off a 390 px phone's screen (the page scrolled
    sideways, the end of each line cut). Chromium's narrowest window is 500 px: a Canvas file
    name, longer still, stands for both."""
    name = "abdikadyrovaaruzhan_LATE_200005_678901_gradient_descent_homework_final.rar"
    reason = f"{name} — бұл zip емес архив (мысалы .rar не .7z), мұндай архивтер ашылмайды."
    record = {"error": {"id": "batch.error.other_archive", "message": reason}, "score": 0, "max_score": None,
              "exercises": []}
    stored = Stored("abdikadyrovaaruzhan_200005", name, "raw:" + "0" * 64, "{}", 1, "2026-01-01T00:00:00+00:00",
                    "batch.error.other_archive", reason, False, record, json.dumps(record))
    page = tmp_path / "kk.html"
    page.write_text(html.render_student(stored, "kk").replace("</body>", NOT_GRADED_PHONE), encoding="utf-8")
    assert "мұндай архивтер ашылмайды" in page.read_text(encoding="utf-8")
    measured = measured_in_chromium(page, tmp_path, 390, 844)
    assert measured["page"] <= measured["width"], measured
