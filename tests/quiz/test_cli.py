"""`grade quiz ...` end to end: list, take through stdin, render, exit codes and messages."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from grader.cli import cli
from grader.quiz.present import pick_questions, present
from grader.quiz.review import load_deck, state_path

from .conftest import FIXTURES, run_quiz, typed_answer


def session_input(catalog, topic, count, seed, lang, right=True) -> str:
    """The lines a learner types to answer the session `take TOPIC --n COUNT --seed SEED`."""
    lines = []
    for question in pick_questions(catalog.select(topic), count, seed):
        p = present(question, lang, seed)
        if not question.auto_graded:
            lines.append("")
        lines.append(typed_answer(p, right))
    return "\n".join(lines) + "\n"


def test_grade_quiz_is_wired_into_the_grade_command():
    result = CliRunner().invoke(cli, ["quiz", "list", "--lang", "en"])
    assert result.exit_code == 0
    assert "Questions per language: kk 119, ru 119, en 119" in result.output


def test_list_json(catalog):
    result = run_quiz("list", "--json")
    data = json.loads(result.output)
    assert [bank["topic"] for bank in data["banks"]] == [bank.topic for bank in catalog.banks]
    assert sum(bank["questions"] for bank in data["banks"]) == len(data["questions"])
    assert len(data["questions"]) == len(catalog.questions)
    first = data["questions"][0]
    assert set(first) == {"id", "type", "topic", "languages", "source"}
    assert all(q["languages"] == ["kk", "ru", "en"] for q in data["questions"])


def test_list_in_kazakh():
    result = run_quiz("list", "--lang", "kk")
    assert result.exit_code == 0
    assert "Әр тілдегі сұрақтар саны" in result.output


def test_take_all_right(catalog):
    stdin = session_input(catalog, "momentum", 8, 42, "en")
    result = run_quiz("take", "momentum", "--n", "8", "--seed", "42", "--lang", "en", input=stdin)
    assert result.exit_code == 0, result.output
    questions = pick_questions(catalog.select("momentum"), 8, 42)
    auto = sum(1 for q in questions if q.auto_graded)
    assert f"Score: {auto} of {auto} auto-graded questions (100%)." in result.output
    assert result.output.count("✓ Right.") == auto
    assert "Variant 42" in result.output


def test_take_wrong_answers_give_feedback_and_fill_the_review_deck(catalog):
    stdin = session_input(catalog, "adam", 5, 3, "ru", right=False)
    result = run_quiz("take", "adam", "--n", "5", "--seed", "3", "--lang", "ru", input=stdin)
    assert result.exit_code == 1
    assert "✗ Неверно. Правильный ответ:" in result.output
    assert "Почему:" in result.output
    missed = {q.id for q in pick_questions(catalog.select("adam"), 5, 3)}
    assert set(load_deck(state_path()).cards) == missed
    assert "grade quiz review" in result.output


def test_take_names_the_topic_in_the_learners_language_and_counts_unknown_cards(catalog):
    """The header gives the bank's title (not its English id); the summary counts the
    flashcards the learner did not know among those sent to review, and says so."""
    questions = pick_questions(catalog.select("momentum"), 8, 42)
    assert any(not q.auto_graded for q in questions) and any(q.auto_graded for q in questions)
    stdin = session_input(catalog, "momentum", 8, 42, "kk", right=False)
    result = run_quiz("take", "momentum", "--n", "8", "--seed", "42", "--lang", "kk", input=stdin)
    title = next(bank.title["kk"] for bank in catalog.banks if bank.topic == "momentum")
    assert f"«{title}» квизі: 8 сұрақ." in result.output
    assert "«momentum»" not in result.output
    assert "Қате жауап берген немесе білмеген 8 сұрақ" in result.output
    everything = run_quiz("take", "all", "--n", "1", "--seed", "1", "--lang", "ru", input="")
    assert "Квиз «Все темы»: вопросов — 1." in everything.output


def test_take_shuffles_options_with_the_seed(catalog):
    outputs = {run_quiz("take", "adam", "--n", "1", "--seed", str(seed), "--lang", "en", input="").output
               for seed in (1, 2, 3, 4, 5)}
    assert len(outputs) > 1


def test_take_asks_again_after_an_unreadable_answer(catalog):
    (question,) = pick_questions(catalog.select("learning_rate"), 1, 9)
    p = present(question, "kk", 9)
    think = "" if question.auto_graded else "\n"
    stdin = think + "нонсенс\n" + typed_answer(p) + "\n"
    result = run_quiz("take", "learning_rate", "--n", "1", "--seed", "9", "--lang", "kk", input=stdin)
    assert "Жауапты оқу мүмкін болмады" in result.output
    assert result.exit_code == 0


def test_an_option_the_question_does_not_have_is_told_the_numbers_there_are(catalog):
    # "5" to a question of four options was only "cannot read the answer".
    seed = next(seed for seed in range(1, 50) if pick_questions(catalog.select("momentum"), 1, seed)[0].kind == "single")
    (question,) = pick_questions(catalog.select("momentum"), 1, seed)
    p = present(question, "kk", seed)
    stdin = f"{len(p.choices) + 1}\n" + typed_answer(p) + "\n"
    result = run_quiz("take", "momentum", "--n", "1", "--seed", str(seed), "--lang", "kk", input=stdin)
    assert f"Мұндай нұсқа жоқ: нұсқалардың нөмірлері 1–{len(p.choices)}." in result.output
    assert result.output.count("Мұндай нұсқа жоқ") == 1 and result.exit_code == 0
    nonsense = run_quiz("take", "momentum", "--n", "1", "--seed", str(seed), "--lang", "kk",
                        input="нонсенс\n" + typed_answer(p) + "\n")
    assert "Мұндай нұсқа жоқ" not in nonsense.output and "Жауапты оқу мүмкін болмады" in nonsense.output


def test_take_stops_cleanly_when_input_ends(catalog):
    result = run_quiz("take", "all", "--n", "4", "--seed", "1", "--lang", "en", input="")
    assert result.exit_code == 1
    assert "The input ended after 0 of 4 questions." in result.output
    assert "Traceback" not in result.output


def test_take_unknown_topic_is_a_usage_error():
    result = run_quiz("take", "quantum", "--lang", "en")
    assert result.exit_code == 2
    assert "There is no topic “quantum”" in result.output and "learning_rate" in result.output


def test_bad_language_is_a_usage_error(monkeypatch):
    assert run_quiz("list", "--lang", "de").exit_code == 2
    monkeypatch.setenv("GRADE_LANG", "de")
    result = run_quiz("list")
    assert result.exit_code == 2 and "unknown language" in result.output


def test_language_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("GRADE_LANG", "ru")
    assert "Всего:" in run_quiz("list").output


def test_broken_banks_stop_every_command_with_a_message(monkeypatch, tmp_path):
    shutil.copy(FIXTURES / "broken_bank.yaml", tmp_path)
    monkeypatch.setenv("GRADE_QUIZ_DIR", str(tmp_path))
    for args in (["list"], ["take", "all"], ["render", "--format", "md"], ["review"]):
        result = run_quiz(*args, "--lang", "en")
        assert result.exit_code == 2, args
        assert "problem(s); run `grade quiz lint`" in result.output
        assert "broken_bank.yaml:10:" in result.output


def test_empty_bank_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("GRADE_QUIZ_DIR", str(tmp_path))
    result = run_quiz("list", "--lang", "en")
    assert result.exit_code == 2 and "No .yaml bank" in result.output


def test_render_to_a_file_and_to_stdout(tmp_path):
    out = tmp_path / "quiz.html"
    result = run_quiz("render", "--format", "html", "--lang", "kk", "--topic", "adam", "--out", str(out))
    assert result.exit_code == 0 and result.output == ""
    assert "Adam әдісі және оның параметрлері" in out.read_text(encoding="utf-8")
    stdout = run_quiz("render", "--format", "md", "--lang", "en", "--topic", "adam", "--answers")
    assert stdout.output.startswith("# Gradient descent: quiz")


def test_render_usage_errors(tmp_path):
    assert run_quiz("render", "--format", "pdf").exit_code == 2
    assert run_quiz("render").exit_code == 2
    result = run_quiz("render", "--format", "md", "--out", str(tmp_path / "missing" / "x.md"))
    assert result.exit_code == 2 and "Cannot write" in result.output
