"""grade batch on a small class: outputs, determinism, broken submissions, resuming, errors."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from .conftest import BROKEN, EXERCISES, GRADABLE, STUDENTS, make_class, outputs_of, run_batch


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_grades_csv_has_one_row_per_student_sorted_with_numbers(baseline: Path):
    rows = read_csv(baseline / "grades.csv")
    assert list(rows[0]) == ["student", "ex01", "ex02", "ex03", "ex04", "ex05", "total"]
    assert [row["student"] for row in rows] == STUDENTS
    by_student = {row["student"]: row for row in rows}
    full = by_student["alice"]
    for row in rows:
        points = [float(row[f"ex0{n}"]) for n in range(1, 6)]
        assert abs(sum(points) - float(row["total"])) < 1e-6
        assert float(row["total"]) <= float(full["total"])
    assert float(by_student["bob"]["ex01"]) < float(full["ex01"]) and float(by_student["bob"]["ex03"]) < float(full["ex03"])
    assert by_student["bob"]["ex02"] == full["ex02"]
    assert float(by_student["carol"]["ex04"]) < float(full["ex04"])


def test_results_json_is_the_grade_exercise_json_record(baseline: Path, classroom: Path):
    done = subprocess.run([sys.executable, "-m", "grader", "exercise", EXERCISES, "--json", "--lang", "en",
                           "--submission", str(classroom / "bob")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # bob fails some tests
    assert json.loads((baseline / "results" / "bob.json").read_text(encoding="utf-8")) == json.loads(done.stdout)
    diagnoses = {t["diagnosis"] for ex in json.loads(done.stdout)["exercises"] for t in ex["tests"]}
    assert {"gradient_missing_factor_2", "step_sign_flipped"} <= diagnoses


def test_zip_submissions_are_graded_like_folders(baseline: Path):
    dave = json.loads((baseline / "results" / "dave.json").read_text())
    gina = json.loads((baseline / "results" / "gina.json").read_text())
    assert [ex["exercise"] for ex in dave["exercises"]] == [1, 2, 3, 4, 5]
    assert 0 < dave["score"] < dave["max_score"] and 0 < gina["score"] < gina["max_score"]


def test_broken_submissions_get_zero_points_and_a_message_and_never_stop_the_batch(baseline: Path):
    rows = {row["student"]: row for row in read_csv(baseline / "grades.csv")}
    for student in BROKEN:
        record = json.loads((baseline / "results" / f"{student}.json").read_text())
        assert record["score"] == 0 and record["exercises"] == []
        assert record["error"]["message"] and student in record["error"]["message"]
        assert all(float(v) == 0 for k, v in rows[student].items() if k != "student")
    eve = json.loads((baseline / "results" / "eve.json").read_text())["error"]
    frank = json.loads((baseline / "results" / "frank.json").read_text())["error"]
    assert eve["id"] in {"batch.error.bad_zip", "batch.error.not_a_zip"}
    assert frank["id"] == "batch.error.no_py_files"
    for student in GRADABLE:  # everyone else was graded
        assert json.loads((baseline / "results" / f"{student}.json").read_text())["score"] > 0


def test_same_grades_whatever_the_number_of_workers(baseline: Path, classroom: Path, tmp_path: Path):
    run_batch(classroom, tmp_path / "one", "--workers", "1")
    assert outputs_of(tmp_path / "one") == outputs_of(baseline)


def test_killed_batch_resumes_to_the_same_bytes(baseline: Path, classroom: Path, tmp_path: Path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "grader", "batch", str(classroom), "--out", str(out), "--exercises", EXERCISES,
               "--lang", "en", "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    results = out / "results"
    deadline = time.monotonic() + 120
    try:
        # The two broken submissions are recorded first; wait for at least one graded one.
        while len(list(results.glob("*.json"))) < len(BROKEN) + 1:
            assert process.poll() is None, "the batch ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the batch and every process it started
        process.wait()
    done_before = len(list(results.glob("*.json")))
    assert done_before < len(STUDENTS), "killed too late to test anything"
    assert not (out / "grades.csv").exists()

    second = run_batch(classroom, out, "--workers", "2")
    skipped = int(re.search(r"unchanged and skipped (\d+)", second.stdout).group(1))
    assert len(BROKEN) <= skipped <= done_before  # what was committed before the kill is not graded again
    assert outputs_of(out) == outputs_of(baseline)
    assert not list(out.rglob("*.tmp"))


def test_rerun_skips_unchanged_students_and_regrades_changed_ones(tmp_path: Path):
    submissions = make_class(tmp_path / "class" / "submissions")
    out = tmp_path / "out"
    first = run_batch(submissions, out, "--workers", "2", "--exercises", "1-2")
    assert "Students: 8 — graded 6, unchanged and skipped 0, not gradable 2, grader failures 0" in first.stdout
    again = run_batch(submissions, out, "--workers", "2", "--exercises", "1-2")
    assert "graded 0, unchanged and skipped 8" in again.stdout
    assert "graded again although" not in again.stderr
    # alice's re-zipped copy is the same content: still skipped; bob fixes his ex01: regraded.
    shutil.copyfile(tmp_path / "class" / "submissions" / "alice" / "ex01_sum_of_squares.py",
                    submissions / "bob" / "ex01_sum_of_squares.py")
    third = run_batch(submissions, out, "--workers", "2", "--exercises", "1-2")
    assert "graded 1, unchanged and skipped 7" in third.stdout
    assert "1 student's submission changed since the last run and was graded again: bob" in third.stderr
    rows = {row["student"]: row for row in read_csv(out / "grades.csv")}
    assert rows["bob"]["ex01"] == rows["alice"]["ex01"]
    # Another seed changes the hidden inputs: everyone is graded again.
    fourth = run_batch(submissions, out, "--workers", "2", "--exercises", "1-2", "--seed", "7")
    assert "graded 6, unchanged and skipped 0, not gradable 2" in fourth.stdout
    # and the instructor is told why, without the seed itself (a secret) on the screen
    # (the 2 not gradable are counted as such, not among those graded again)
    because = ("6 students were graded again although their submissions had not changed, because these grading "
               "options changed since the last run: the seed of the hidden inputs (--seed).")
    assert because in " ".join(fourth.stderr.split()) and "7" not in re.findall(r"\d+", fourth.stderr.replace(because, ""))
    # Another language rewrites the feedback: graded again, and said so in the new language.
    fifth = run_batch(submissions, out, "--workers", "2", "--exercises", "1-2", "--seed", "7", "--lang", "ru")
    assert "проверено 6, без изменений и пропущено 0" in fifth.stdout
    assert "6 студентов проверены заново, хотя их работы не менялись" in fifth.stderr
    assert "язык (en → ru;" in fifth.stderr


def test_the_options_that_changed_are_named_with_their_values_but_the_seed():
    from grader.batch.pipeline import Settings, changed_options

    def options(**changes: object) -> str:
        settings = dict(submissions=Path("in"), out=Path("out"), numbers=(1, 2, 3), seed=5, lang="kk", timeout=10.0)
        return Settings(**{**settings, **changes}).options

    assert changed_options(options(), options()) == {}
    assert changed_options(options(), options(numbers=(1, 2, 3, 5), lang="ru", timeout=2.5, seed=6)) == {
        "exercises": ("1-3", "1-3,5"), "lang": ("kk", "ru"), "timeout": ("10", "2.5"), "seed": ("", "")}
    edited = json.loads(options())
    edited["grader"] = "0123456789abcdef"
    assert changed_options(json.dumps(edited), options()) == {"grader": ("", "")}
    for unreadable in ("not json", "[1, 2]", '{"exercises": 3}'):  # a gradebook edited by hand
        assert changed_options(unreadable, options()) == {"grader": ("", "")}


def test_student_files_a_machine_crash_emptied_come_back_from_the_gradebook(baseline: Path, classroom: Path,
                                                                           tmp_path: Path):
    """A student's files are written without an fsync each (the gradebook's commit keeps the
    result): a crash of the machine may leave them empty or missing, and the next run, which
    grades nobody again, rewrites them as they were."""
    out = tmp_path / "out"
    shutil.copytree(baseline, out)
    (out / "results" / "bob.json").write_bytes(b"")
    (out / "gradescope" / "carol" / "results.json").write_bytes(b"")
    (out / "students" / "alice.html").unlink()
    again = run_batch(classroom, out, "--workers", "1")
    assert "graded 0, unchanged and skipped 8" in again.stdout
    assert outputs_of(out) == outputs_of(baseline)
    assert (out / "students" / "alice.html").read_bytes() == (baseline / "students" / "alice.html").read_bytes()


def test_a_second_run_on_the_same_output_folder_is_refused_while_the_first_writes(classroom: Path, tmp_path: Path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".grade-batch.lock", "a") as held:  # what a running `grade batch` holds
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        refused = run_batch(classroom, out, "--workers", "1", check=False)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert f"Another `grade batch` is writing to {out} right now" in refused.stderr
        assert sorted(p.name for p in out.iterdir()) == [".grade-batch.lock"]  # nothing touched
    done = run_batch(classroom, out, "--workers", "1", "--exercises", "1")  # released: it runs
    assert "Students: 8 — graded 6" in done.stdout


def test_missing_or_empty_submissions_folder_is_a_clear_usage_error(tmp_path: Path):
    missing = run_batch(tmp_path / "nowhere", tmp_path / "out", check=False)
    assert missing.returncode == 2 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = run_batch(tmp_path / "empty", tmp_path / "out", check=False)
    assert empty.returncode == 2 and "no student submission" in empty.stderr and "Traceback" not in empty.stderr
    russian = subprocess.run([sys.executable, "-m", "grader", "batch", str(tmp_path / "empty"), "--out",
                              str(tmp_path / "out"), "--lang", "ru"], capture_output=True, text=True)
    assert russian.returncode == 2 and "нет ни одной работы" in russian.stderr


def test_no_progress_bar_when_stdout_is_not_a_terminal(baseline: Path, classroom: Path):
    again = run_batch(classroom, baseline, "--workers", "2")
    assert again.stdout.count("\n") == 1 and "\r" not in again.stdout + again.stderr
    assert "graded 0, unchanged and skipped 8" in again.stdout


def test_the_bars_show_the_reading_of_every_submission_then_the_grading_of_the_changed(tmp_path: Path):
    """Reading (packing) a large class takes seconds before the first grading: it has its own bar."""
    from grader.batch.pipeline import Settings, run

    class Bar:
        def __init__(self, total: int, stage: str):
            self.total, self.stage, self.done, self.closed = total, stage, 0, False
            bars.append(self)

        def update(self, count: int) -> None:
            self.done += count

        def close(self) -> None:
            self.closed = True

    submissions = make_class(tmp_path / "class" / "submissions")
    settings = Settings(submissions=submissions, out=tmp_path / "out", numbers=(1,), seed=3, lang="en", workers=1)
    bars: list[Bar] = []
    run(settings, Bar)
    assert [(b.stage, b.total, b.done, b.closed) for b in bars] == [("reading", 8, 8, True), ("grading", 8, 8, True)]
    bars.clear()
    run(settings, Bar)  # nothing changed: read, nothing to grade
    assert [(b.stage, b.total, b.done, b.closed) for b in bars] == [("reading", 8, 8, True)]


def test_the_bar_shows_the_count_and_the_time_left_without_a_rate_in_no_unit(monkeypatch):
    """A student every three seconds read "2.99s/]" (tqdm's rate, with no unit to name)."""
    from grader.batch.cli import progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    bar = progress_bar("ru")(4, "grading")
    bar.start_t -= 9  # three students in nine seconds
    bar.update(3)
    shown = str(bar)
    bar.close()
    assert "3/4" in shown and "00:09<00:03" in shown, shown
    assert "s/" not in shown and "/s" not in shown, shown


def test_folders_a_killed_run_left_in_tmp_are_removed(tmp_path, monkeypatch):
    import os
    import subprocess
    import sys
    import tempfile

    from grader.storage import remove_stale_temporary_folders

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale, fresh, alive = (tmp_path / f"gdkit-{gone.pid}-batch-x", tmp_path / f"gdkit-{gone.pid}-y",
                           tmp_path / f"gdkit-{os.getpid()}-z")
    for folder in (stale, fresh, alive):
        (folder / "exercises").mkdir(parents=True)
        (folder / "exercises" / "ex03_gradient_step.py").write_text("secret = 1\n")
    old = os.stat(stale).st_mtime - 3600
    os.utime(stale, (old, old))
    os.utime(alive, (old, old))
    assert remove_stale_temporary_folders() == 1
    assert not stale.exists() and fresh.exists() and alive.exists()


def _views(out: Path) -> set[str]:
    """The students that the per-student files (results/, gradescope/, students/) speak of."""
    return ({p.stem for p in (out / "results").glob("*.json")} | {p.parent.name for p in (out / "gradescope").glob("*/results.json")}
            | {p.stem for p in (out / "students").glob("*.html")})


def test_a_student_taken_out_of_the_class_leaves_every_file_view_and_comes_back_with_the_submission(tmp_path: Path):
    from .conftest import submission_with

    submissions = tmp_path / "submissions"
    for name in ("alice", "bob", "carol"):
        submission_with(submissions / name, {})
    out = tmp_path / "out"
    run_batch(submissions, out, "--workers", "1", "--exercises", "1")
    assert _views(out) == {"alice", "bob", "carol"}
    foreign = [out / "results" / "config.json", out / "students" / "index.html", out / "gradescope" / "course" / "results.json"]
    for path in foreign:  # the instructor's own files in DIR: never gdkit's to remove
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("mine", encoding="utf-8")
    shutil.move(submissions / "bob", tmp_path / "bob")
    second = run_batch(submissions, out, "--workers", "1", "--exercises", "1")
    assert all(path.read_text(encoding="utf-8") == "mine" for path in foreign)
    for path in foreign:
        path.unlink()
    rows = [row["student"] for row in read_csv(out / "grades.csv")]
    assert rows == ["alice", "carol"] and _views(out) == set(rows)  # the files list whom grades.csv lists
    assert not (out / "gradescope" / "bob").exists()
    assert "1 student in the gradebook is no longer in the submissions folder" in second.stderr
    shutil.move(tmp_path / "bob", submissions / "bob")
    third = run_batch(submissions, out, "--workers", "1", "--exercises", "1")
    assert "graded 0, unchanged and skipped 3" in third.stdout  # the gradebook kept bob's record: not graded again
    assert _views(out) == {"alice", "bob", "carol"} and "no longer" not in third.stderr
    record = json.loads((out / "results" / "bob.json").read_text(encoding="utf-8"))
    assert record["score"] == record["max_score"]


def test_counts_take_the_plural_form_of_each_language():
    from grader.batch.cli import counted

    assert counted("batch.stale", 1, "en", names="x").startswith("1 student in the gradebook is no longer")
    assert counted("batch.stale", 2, "en", names="x").startswith("2 students in the gradebook are no longer")
    russian = {n: counted("batch.stale", n, "ru", names="x").split(" из ")[0] for n in (1, 2, 5, 11, 21, 22, 25, 112)}
    assert russian == {1: "1 студент", 2: "2 студента", 5: "5 студентов", 11: "11 студентов", 21: "21 студент",
                       22: "22 студента", 25: "25 студентов", 112: "112 студентов"}
    assert counted("batch.ignored", 1, "ru", names="x").startswith("Пропущен 1 элемент,")
    assert counted("batch.ignored", 3, "ru", names="x").startswith("Пропущено 3 элемента,")
    assert counted("batch.ignored", 1, "en", names="x").startswith("Ignored 1 entry that is")
    assert "{" not in counted("batch.stale", 1, "kk", names="x") and "1 студент" in counted("batch.stale", 1, "kk", names="x")


def test_a_long_list_of_students_on_stderr_says_how_many_it_leaves_out(tmp_path: Path):
    """Seven students who handed in nothing: the line names five and counts the two others,
    rather than stop at five under a count of seven."""
    for name in ("ann", "ben", "cat", "dan", "eva", "fay", "gus"):
        (tmp_path / "class" / name).mkdir(parents=True)
    done = run_batch(tmp_path / "class", tmp_path / "out", "--workers", "1")
    said = " ".join(done.stderr.split())
    assert "7 students could not be graded" in said and "ann, ben, cat, dan, eva, … (+2)" in said, said


def test_ctrl_c_on_the_gradebook_s_commit_stops_cleanly(tmp_path: Path):
    """Ctrl-C can land on COMMIT itself, after which no transaction is open: the interrupt
    goes on (the batch says how to resume), not an OperationalError from a ROLLBACK."""
    import sqlite3

    from grader.batch.store import Gradebook

    book = Gradebook(tmp_path / "gradebook.sqlite")
    real = book.db

    class CommitThenCtrlC:
        in_transaction = property(lambda self: real.in_transaction)

        def execute(self, sql, *args):
            result = real.execute(sql, *args)
            if sql == "COMMIT":
                raise KeyboardInterrupt
            return result

        def __getattr__(self, name):
            return getattr(real, name)

    book.db = CommitThenCtrlC()
    record = {"score": 1.0, "max_score": 1.0, "exercises": []}
    try:
        book.save("ann", "ann", "sha256:1", "{}", 2026, "1", "en", record, None, None, False, json.dumps(record))
    except KeyboardInterrupt:
        pass
    except sqlite3.Error as error:
        raise AssertionError(f"the interrupt became {error!r}") from error
    else:
        raise AssertionError("the interrupt was lost")
    assert [stored.student for stored in Gradebook(tmp_path / "gradebook.sqlite").records()] == ["ann"]


def test_a_worker_removes_only_its_own_temporary_folders(tmp_path, monkeypatch):
    """Two PID namespaces sharing /tmp give two workers the same pid: the one that stops must
    not take the other's copies of the submissions with it (security review)."""
    import os
    import tempfile

    from grader import storage

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    mine = Path(tempfile.mkdtemp(prefix=storage.temporary_prefix("batch-")))
    same_pid_elsewhere = tmp_path / f"gdkit-{os.getpid()}-0badc0de-batch-x"
    same_pid_elsewhere.mkdir()
    assert mine.name.startswith(f"gdkit-{os.getpid()}-") and mine.name != same_pid_elsewhere.name
    storage.remove_own_temporary_folders()
    assert not mine.exists() and same_pid_elsewhere.exists()


def test_a_selection_notes_what_it_calls_as_grade_exercise_does(tmp_path: Path):
    """`grade batch --exercises 6`: a summed ex05 is graded too, silently, and bob's record is
    exactly what `grade exercise 6 --json` gives him (depends_on on every failed test)."""
    from .conftest import submission_with

    submission_with(tmp_path / "class" / "ann", {})
    from tests.conftest import MISTAKES

    bob = submission_with(tmp_path / "class" / "bob", {5: MISTAKES / "ex05_loss_summed.py"})
    out = tmp_path / "out"
    run_batch(tmp_path / "class", out, "--workers", "1", "--exercises", "6")
    record = json.loads((out / "results" / "bob.json").read_text(encoding="utf-8"))
    alone = subprocess.run([sys.executable, "-m", "grader", "exercise", "6", "--json", "--submission", str(bob)],
                           capture_output=True, text=True, timeout=300)
    assert record == json.loads(alone.stdout)
    assert [ex["exercise"] for ex in record["exercises"]] == [6]
    assert {t["diagnosis"] for t in record["exercises"][0]["tests"]} == {"depends_on"}
