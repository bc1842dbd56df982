"""Ctrl-C in `take` and `review`: the session ends as at the end of input (score so far, missed
questions kept) and the command exits 130 with a line that says so, never click's "Aborted!"."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from datetime import date

import pytest

from grader.quiz.present import pick_questions, present
from grader.quiz.review import Deck, load_deck, save_deck, state_path
from grader.quiz.session import run_session

from .conftest import run_quiz, typed_answer


class CtrlCAfter(io.BytesIO):
    """Standard input that delivers `text`, then raises KeyboardInterrupt as Ctrl-C does."""

    def __init__(self, text: str) -> None:
        super().__init__(text.encode("utf-8"))

    def _check(self, data: bytes, size: int | None) -> bytes:
        if not data and size != 0:
            raise KeyboardInterrupt
        return data

    def read(self, size: int | None = -1) -> bytes:
        return self._check(super().read(size), size)

    def read1(self, size: int | None = -1) -> bytes:
        return self._check(super().read1(size), size)

    def readline(self, size: int | None = -1) -> bytes:
        return self._check(super().readline(size), size)


class StubConsole:
    """Answers from a list, then Ctrl-C."""

    def __init__(self, answers: list[str]) -> None:
        self.answers, self.lines = list(answers), []

    def say(self, text: str = "") -> None:
        self.lines.append(text)

    def ask(self, prompt: str) -> str | None:
        if not self.answers:
            raise KeyboardInterrupt
        return self.answers.pop(0)


def test_a_session_stopped_by_ctrl_c_keeps_its_attempts_and_says_so(catalog):
    items = [present(catalog.question(qid), "en", 0) for qid in ("lr-step-example", "adam-default-lr")]
    console = StubConsole(["0.7"])
    try:
        result = run_session(items, console)
    except KeyboardInterrupt:  # would stop the whole test run
        pytest.fail("Ctrl-C escaped the session")
    assert result.interrupted
    assert [a.question.id for a in result.attempts] == ["lr-step-example"]
    assert result.missed == ["lr-step-example"]
    assert "Stopped with Ctrl-C after 1 of 2 questions." in console.lines


def _first_auto_graded(catalog, topic, seed):
    """`take TOPIC --seed SEED`'s questions, with the first one auto-graded."""
    questions = pick_questions(catalog.select(topic), None, seed)
    assert questions[0].auto_graded
    return questions


def test_take_ctrl_c_shows_the_score_keeps_the_missed_and_exits_130(catalog):
    questions = _first_auto_graded(catalog, "adam", 3)
    first = present(questions[0], "ru", 3)
    result = run_quiz("take", "adam", "--seed", "3", "--lang", "ru",
                      input=CtrlCAfter(typed_answer(first, right=False) + "\n"))
    assert result.exit_code == 130, result.output
    assert "Aborted!" not in result.output
    assert f"Прервано (Ctrl-C) после 1 из {len(questions)} вопросов." in result.output
    assert "Результат: 0 из 1 автоматически проверяемых вопросов (0%)." in result.output  # what was asked
    assert set(load_deck(state_path()).cards) == {questions[0].id}


def test_a_quiz_stopped_early_is_scored_on_the_questions_asked(catalog):
    """Four right out of a planned nine, then Ctrl-D: 4 of 4 so far, not 4 of 9 (the line
    before says how many of the planned questions were asked)."""
    questions = _first_auto_graded(catalog, "adam", 3)
    first = present(questions[0], "kk", 3)
    result = run_quiz("take", "adam", "--seed", "3", "--lang", "kk", input=typed_answer(first, right=True) + "\n")
    assert f"Енгізу аяқталды: 1/{len(questions)} сұраққа жауап берілді." in result.output, result.output
    assert "Нәтиже: автоматты тексерілетін сұрақтар — 1/1 дұрыс (100%)." in result.output


def test_take_ctrl_c_at_the_first_question_exits_130_with_nothing_saved(catalog):
    result = run_quiz("take", "adam", "--seed", "3", "--lang", "kk", input=CtrlCAfter(""))
    assert result.exit_code == 130, result.output
    assert "Ctrl-C арқылы" in result.output and "Aborted!" not in result.output
    assert load_deck(state_path()).cards == {}


def test_review_ctrl_c_keeps_the_answers_given_and_exits_130(catalog):
    ids = ["adam-default-lr", "lr-step-example"]
    save_deck(Deck({}).add_missed(ids, date.today()), state_path())
    first = present(catalog.question("adam-default-lr"), "en", 5)  # due cards: by box, date, id
    result = run_quiz("review", "--lang", "en", "--seed", "5", input=CtrlCAfter(typed_answer(first) + "\n"))
    assert result.exit_code == 130, result.output
    assert "Stopped with Ctrl-C after 1 of 2 questions." in result.output
    assert "Cards left in your deck: 2." in result.output and "Aborted!" not in result.output
    cards = load_deck(state_path()).cards
    assert cards["adam-default-lr"].box == 2 and cards["lr-step-example"].box == 1


def test_sigint_in_a_real_terminal_session_exits_130(catalog):
    """A real Ctrl-C: SIGINT to `grade quiz take` waiting for an answer."""
    questions = _first_auto_graded(catalog, "adam", 3)
    process = subprocess.Popen(
        [sys.executable, "-m", "grader", "quiz", "take", "adam", "--seed", "3", "--lang", "en"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        seen = b""
        deadline = time.monotonic() + 60
        while b"Your answer" not in seen and time.monotonic() < deadline:
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
        assert b"Your answer" in seen
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    text = (seen + out).decode("utf-8")
    assert process.returncode == 130, text + err.decode("utf-8")
    assert f"Stopped with Ctrl-C after 0 of {len(questions)} questions." in text
    assert b"Traceback" not in err and b"Aborted!" not in out + err
