"""A grading the grader failed on (a test it raised on, or the whole submission) is never a grade:
no points in grades.csv, no score for Gradescope, its own count in report.html, out of the mean."""

from __future__ import annotations

import csv
import io
import json
import re
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import pytest

from grader import engine
from grader.batch import pipeline, runner
from grader.grading import DEFAULT_SEED
from grader.i18n import translate

from ..conftest import submission_with

NUMBERS = (1, 2, 3)


def _failing_on_ex02(real_verdict):
    """engine's verdict, raising (a bug of the grader) on every test of exercise 2."""
    def verdict(name, title, points, error, exercise, lang, list_input=False):  # noqa: ANN001, ANN202
        if exercise.number == 2:
            raise RuntimeError("a bug in the grader")
        return real_verdict(name, title, points, error, exercise, lang, list_input)
    return verdict


def _grade_here(jobs: list, workers: int, on_result, pool=None) -> None:  # noqa: ANN001
    """run_local, in this process: alice's ex02 meets a grader bug, bob's grading fails as a
    whole (as a lost Dask worker's does), carol is graded normally."""
    for job in list(jobs):
        if job.student == "bob":
            on_result(runner.failed("bob", "RuntimeError: the worker process died"))
            continue
        with ExitStack() as stack:
            if job.student == "alice":
                stack.enter_context(mock.patch.object(engine, "verdict", _failing_on_ex02(engine.verdict)))
            on_result(runner.grade_chunk([job])[0])
    jobs.clear()


@pytest.fixture(scope="module")
def failed_class(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("failures")
    for name in ("alice", "bob", "carol"):
        submission_with(root / "submissions" / name, {})
    (root / "submissions" / "dora").mkdir()  # not gradable: handed in nothing
    settings = pipeline.Settings(submissions=root / "submissions", out=root / "out", numbers=NUMBERS,
                                 seed=DEFAULT_SEED, lang="en", workers=1)
    with mock.patch.object(runner, "run_local", _grade_here), mock.patch.object(runner, "start_pool"):
        summary = pipeline.run(settings)
    for sandbox in runner._SANDBOX.values():
        sandbox.close()
    runner._SANDBOX.clear()
    assert (summary.internal, summary.broken, summary.graded) == (2, 1, 1)
    (root / "summary.json").write_text(json.dumps(summary.grader_failed), encoding="utf-8")
    return root / "out"


def test_the_run_names_the_students_the_grader_failed_on(failed_class: Path, capsys: pytest.CaptureFixture):
    """Exit code 3 and a count on the summary line: stderr says whom, as it does for the students
    who could not be graded, and that the next run grades them again."""
    from grader.batch.cli import name_students

    failed = json.loads((failed_class.parent / "summary.json").read_text(encoding="utf-8"))
    assert failed == ["alice", "bob"]
    name_students(pipeline.Summary(grader_failed=failed, not_gradable=["dora"]), "en")
    said = " ".join(capsys.readouterr().err.split())
    assert "The grader itself failed on 2 students' submissions" in said and ": alice, bob." in said
    assert "Run the same command again" in said and "1 student could not be graded" in said
    for lang in ("kk", "ru"):
        name_students(pipeline.Summary(grader_failed=["alice"]), lang)
        assert "alice" in capsys.readouterr().err


def test_grades_csv_leaves_the_points_the_grader_lost_blank(failed_class: Path):
    rows = {row["student"]: row for row in csv.DictReader(io.StringIO((failed_class / "grades.csv").read_text()))}
    carol = rows["carol"]
    assert all(float(carol[f"ex{n:02d}"]) > 0 for n in NUMBERS) and float(carol["total"]) > 0
    # alice: ex01 and ex03 ran without a grader failure and keep their points; ex02 and the total are blank.
    assert rows["alice"]["ex01"] == carol["ex01"] and rows["alice"]["ex03"] == carol["ex03"]
    assert rows["alice"]["ex02"] == "" and rows["alice"]["total"] == ""
    assert [rows["bob"][key] for key in ("ex01", "ex02", "ex03", "total")] == ["", "", "", ""]
    assert [rows["dora"][key] for key in ("ex01", "ex02", "ex03", "total")] == ["0", "0", "0", "0"]  # a grade


def test_gradescope_gets_no_score_for_a_grader_failure(failed_class: Path):
    for student in ("alice", "bob"):
        result = json.loads((failed_class / "gradescope" / student / "results.json").read_text(encoding="utf-8"))
        assert "score" not in result and all("score" not in test for test in result["tests"]), student
        assert result["output"] == translate("batch.gradescope.grader_failed", "en")
    carol = json.loads((failed_class / "gradescope" / "carol" / "results.json").read_text(encoding="utf-8"))
    assert carol["score"] > 0


def test_the_report_counts_grader_failures_apart_and_leaves_them_out_of_the_mean(failed_class: Path):
    page = (failed_class / "report.html").read_text(encoding="utf-8")
    cards = dict((label, value) for value, label in re.findall(
        r'<div class="value[^"]*">([^<]*)</div><div class="label">([^<]*)</div>', page))
    rows = {row["student"]: row for row in csv.DictReader(io.StringIO((failed_class / "grades.csv").read_text()))}
    carol_total = float(rows["carol"]["total"])
    assert cards[translate("batch.html.broken", "en")] == "1"  # dora only
    assert cards[translate("batch.html.grader_failures", "en")] == "2"  # alice and bob
    # The mean of carol (full marks) and dora (0): the grader's failures are not zeros.
    mean = next(v for k, v in cards.items() if k.startswith("mean points"))
    assert float(mean) == round(carol_total / 2, 2)
    for student in ("alice", "bob"):
        row = re.search(rf'<tr>\s*<td class="name" data-value="[^"]*"><a href="students/{student}.html">.*?</tr>',
                        page, re.S).group(0)
        assert translate("batch.html.grader_failed", "en") in row
        assert "<strong>" not in row  # no total shown as a score
    alice = (failed_class / "students" / "alice.html").read_text(encoding="utf-8")
    assert translate("batch.html.grader_failed", "en") in alice and translate("batch.html.no_points", "en") in alice


def test_a_grader_failure_on_a_chunk_as_a_whole_is_only_the_culprit_s(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Whatever makes the grader fail on a chunk's pytest session as a whole (it was a
    student's 10**400 once), each submission is then graded on its own: the failure stays
    with the submission that causes it, its neighbours are graded (security review)."""
    from grader import grading
    from grader.batch import intake

    from ..conftest import HOSTILE, module_file

    for name in ("ann", "bob", "cat"):
        submission_with(tmp_path / "class" / name, {1: HOSTILE / "ex01_huge_integers.py"} if name == "bob" else {})
    students, _ = intake.find_students(tmp_path / "class")
    jobs = runner.jobs_of([intake.pack(s) for s in students], NUMBERS, DEFAULT_SEED, "en", 10.0)
    real = grading.grade_prepared_many

    def fails_with_bob(roots, exercises, seed, lang, sandbox):  # noqa: ANN001, ANN202 - as the grader did on 10**400
        if any("10**400" in (Path(root) / "exercises" / module_file(1)).read_text(encoding="utf-8") for root in roots):
            raise OverflowError("int too large to convert to float")
        return real(roots, exercises, seed, lang, sandbox)

    monkeypatch.setattr(grading, "grade_prepared_many", fails_with_bob)
    results = {r["student"]: r for r in runner.grade_chunk(jobs)}
    assert results["bob"]["internal_error"] and results["bob"]["report"] is None
    for neighbour in ("ann", "cat"):
        report = results[neighbour]["report"]
        assert report is not None and not results[neighbour]["internal_error"]
        assert report["score"] == report["max_score"]
