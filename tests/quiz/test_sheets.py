"""Answer sheets: one student's report, a class CSV, and clear errors with lines."""

from __future__ import annotations

import csv
import io
import json
import re

from grader.quiz.present import present

from .conftest import run_quiz, typed_answer


def write_sheet(path, seed, answers, student="Aigerim"):
    lines = [f"student: {student}", f"seed: {seed}", "answers:"]
    lines += [f"  {qid}: {json.dumps(value, ensure_ascii=False)}" for qid, value in answers.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def right_answers(catalog, ids, seed):
    return {qid: typed_answer(present(catalog.question(qid), "en", seed)) for qid in ids}


IDS = ["grad-definition", "lr-step-example", "bsgd-kinds-described", "mom-helps", "grad-1d-step",
       "min-local-name", "conv-convex-guarantee", "nag-order"]


def test_a_sheet_with_every_answer_right(catalog, tmp_path):
    sheet = write_sheet(tmp_path / "aigerim.yaml", 7, right_answers(catalog, IDS, 7))
    result = run_quiz("grade", str(sheet), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Aigerim" in result.output and "variant 7): 8 of 8 (100%)" in result.output
    assert result.output.count("✓") == 8


def test_sheet_values_are_read_as_typed(catalog, tmp_path):
    sheet = tmp_path / "s.yaml"
    sheet.write_text(
        "seed: 0\nanswers:\n"
        "  lr-step-example: 0,5\n"            # decimal comma, unquoted
        "  adam-default-lr: 1e-3\n"           # YAML 1.1 would read a string; we read text anyway
        "  lr-adaptive-per-parameter: no\n"   # unquoted no: the answer "no", not a boolean
        "  min-quartic-count: 02\n",          # leading zero: the number 2, not octal
        encoding="utf-8")
    result = run_quiz("grade", str(sheet), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "4 of 4 (100%)" in result.output and result.output.startswith("s (")  # student: the file name


def test_wrong_blank_and_unreadable_answers_count_as_wrong(catalog, tmp_path):
    answers = right_answers(catalog, IDS, 1)
    answers["lr-step-example"] = "0,6"
    answers["grad-definition"] = ""
    answers["mom-helps"] = "many"
    sheet = write_sheet(tmp_path / "s.yaml", 1, answers)
    result = run_quiz("grade", str(sheet), "--lang", "ru")
    assert result.exit_code == 1
    assert "5 из 8 (62%)" in result.output
    assert "✗ lr-step-example: ответ «0,6», правильный ответ: 0.5" in result.output


def test_multiple_choice_as_a_yaml_list_and_flashcards_skipped(catalog, tmp_path):
    p = present(catalog.question("mom-helps"), "en", 2)
    numbers = ", ".join(str(n) for n in sorted(p.key))
    sheet = tmp_path / "s.yaml"
    sheet.write_text(f"seed: 2\nanswers:\n  mom-helps: [{numbers}]\n  card-q25-momentum: I knew it\n",
                     encoding="utf-8")
    result = run_quiz("grade", str(sheet), "--lang", "en")
    assert result.exit_code == 0 and "1 of 1 (100%)" in result.output


def test_unknown_question_and_bad_seed_are_reported_with_lines(tmp_path):
    sheet = tmp_path / "s.yaml"
    sheet.write_text("student: B\nseed: seven\nanswers:\n  grad-definition: 1\n  no-such-q: 2\n",
                     encoding="utf-8")
    result = run_quiz("grade", str(sheet), "--lang", "en")
    assert result.exit_code == 2
    assert "s.yaml:2: the seed “seven” must be a whole number" in result.output
    assert "s.yaml:5: there is no question “no-such-q”" in result.output
    assert "Traceback" not in result.output


def test_a_sheet_that_is_not_yaml(tmp_path):
    sheet = tmp_path / "s.yaml"
    sheet.write_text("answers: [1, 2\n", encoding="utf-8")
    result = run_quiz("grade", str(sheet), "--lang", "en")
    assert result.exit_code == 2 and "is not valid YAML" in result.output


def test_a_class_folder_gives_a_csv(catalog, tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    write_sheet(folder / "a.yaml", 3, right_answers(catalog, IDS[:4], 3), student="Aigerim")
    half = right_answers(catalog, IDS[2:6], 4)
    half["mom-helps"] = "1"
    write_sheet(folder / "b.yaml", 4, half, student="Bolat")
    out = tmp_path / "class.csv"
    result = run_quiz("grade", str(folder), "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["student"] for r in rows] == ["Aigerim", "Bolat"]
    assert [(r["correct"], r["total"], r["percent"]) for r in rows] == [("4", "4", "100"), ("3", "4", "75")]
    assert rows[0]["grad-definition"] == "1" and rows[1]["grad-definition"] == ""
    assert rows[1]["mom-helps"] == "0" and rows[1]["min-local-name"] == "1"
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:6] == ["student", "file", "seed", "correct", "total", "percent"]
    assert header[6:] == [q.id for q in catalog.questions if q.id in IDS[:6]]


def test_an_empty_folder_is_an_input_error(tmp_path):
    result = run_quiz("grade", str(tmp_path), "--lang", "en")
    assert result.exit_code == 2 and "No answer sheet" in result.output


def test_the_blank_sheet_filled_in_is_graded_in_its_variant(catalog, tmp_path):
    sheet = tmp_path / "sheet.yaml"
    run_quiz("render", "--format", "sheet", "--topic", "schedules", "--seed", "11", "--out", str(sheet))
    text = sheet.read_text(encoding="utf-8")
    for question in catalog.select("schedules"):
        typed = typed_answer(present(question, "en", 11))
        text = text.replace(f'  {question.id}: ""', f"  {question.id}: {json.dumps(typed)}")
    sheet.write_text(text.replace('student: ""', "student: Dana"), encoding="utf-8")
    result = run_quiz("grade", str(sheet), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Dana" in result.output and "8 of 8 (100%)" in result.output


def test_a_huge_exponent_is_graded_unreadable_at_once(catalog, tmp_path):
    """It used to compute 10**100000000 exactly and never finish (run apart, with a timeout)."""
    import subprocess
    import sys

    sheet = write_sheet(tmp_path / "s.yaml", 0, {"lr-step-example": "1e100000000",
                                                 "adam-default-lr": "1e-3"})
    done = subprocess.run([sys.executable, "-m", "grader", "quiz", "grade", str(sheet), "--lang", "en"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert "1 of 2 (50%)" in done.stdout
    assert "✗ lr-step-example: answered “1e100000000”" in done.stdout


def test_an_unknown_id_points_to_the_command_that_lists_the_ids(catalog, tmp_path):
    """The message used to say `grade quiz list` shows the ids; only its --json form does."""
    sheet = write_sheet(tmp_path / "s.yaml", 0, {"no-such-q": "1"})
    for lang in ("kk", "ru", "en"):
        result = run_quiz("grade", str(sheet), "--lang", lang)
        assert result.exit_code == 2
        command = re.search(r"`(grade quiz [^`]+)`", result.output)
        assert command, result.output
        listing = run_quiz(*command.group(1).split()[2:])
        assert listing.exit_code == 0
        assert all(q.id in listing.output for q in catalog.questions), (lang, command.group(1))
