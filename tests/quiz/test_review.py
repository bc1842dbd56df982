"""Leitner review: the boxes, the state file, atomic writes that survive SIGKILL, the command."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date, timedelta

import pytest

from grader.quiz.errors import QuizError
from grader.quiz.present import present
from grader.quiz.review import INTERVALS, LAST_BOX, Card, Deck, load_deck, save_deck, state_path

from .conftest import run_quiz, typed_answer

TODAY = date(2025, 3, 1)


def test_a_miss_enters_box_one_due_today():
    deck = Deck({}).add_missed(["a", "b"], TODAY)
    assert [(c.question_id, c.box, c.due) for c in deck.due(TODAY)] == [("a", 1, TODAY), ("b", 1, TODAY)]


def test_right_answers_climb_the_boxes_and_retire_the_card():
    deck = Deck({}).add_missed(["a"], TODAY)
    day = TODAY
    for box in range(2, LAST_BOX + 1):
        deck = deck.record("a", True, day)
        card = deck.cards["a"]
        assert (card.box, card.due) == (box, day + timedelta(days=INTERVALS[box]))
        assert deck.due(card.due - timedelta(days=1)) == []
        day = card.due
    assert deck.record("a", True, day).cards == {}


def test_a_wrong_answer_sends_the_card_back_to_box_one_for_tomorrow():
    deck = Deck({"a": Card("a", 4, TODAY)}).record("a", False, TODAY)
    assert deck.cards["a"] == Card("a", 1, TODAY + timedelta(days=1))


def test_due_cards_come_lowest_box_first_and_unknown_questions_are_dropped():
    deck = Deck({"x": Card("x", 3, TODAY), "y": Card("y", 1, TODAY), "z": Card("z", 2, TODAY + timedelta(1))})
    assert [c.question_id for c in deck.due(TODAY)] == ["y", "x"]
    assert set(deck.keep_only(["x", "z", "new"]).cards) == {"x", "z"}


def test_state_round_trips_through_json(tmp_path):
    deck = Deck({"a": Card("a", 2, TODAY), "b": Card("b", 5, TODAY + timedelta(3))})
    path = tmp_path / "deep" / "state.json"
    save_deck(deck, path)
    assert load_deck(path) == deck
    assert json.loads(path.read_text())["version"] == 1
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]


def test_no_state_is_an_empty_deck_and_a_corrupt_one_is_a_clear_error(tmp_path):
    path = tmp_path / "state.json"
    assert load_deck(path).cards == {}
    path.write_text('{"cards": [{"id": "a", "box": ', encoding="utf-8")
    with pytest.raises(QuizError) as error:
        load_deck(path)
    assert "Delete it" in error.value.describe("en")


def test_data_dir_comes_from_the_environment(tmp_path):
    assert state_path({"GRADE_DATA_DIR": str(tmp_path)}) == tmp_path / "quiz-review.json"
    assert state_path({}).name == "quiz-review.json"


WRITER = textwrap.dedent("""
    import sys
    from datetime import date
    from pathlib import Path
    from grader.quiz.review import Card, Deck, save_deck

    path = Path(sys.argv[1])
    decks = [Deck({f"q{n:05d}": Card(f"q{n:05d}", box, date(2025, 1, box)) for n in range(30000)})
             for box in range(1, 6)]
    save_deck(decks[0], path)
    print("ready", flush=True)
    i = 1
    while True:
        save_deck(decks[i % 5], path)
        i += 1
""")


@pytest.mark.parametrize("delay", [0.05, 0.13, 0.27, 0.41])
def test_state_survives_a_kill_during_a_write(tmp_path, delay):
    path = tmp_path / "state.json"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(delay)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL
    deck = load_deck(path)
    assert len(deck.cards) == 30000
    assert len({(card.box, card.due) for card in deck.cards.values()}) == 1


def test_review_command_after_a_missed_question(catalog):
    question = catalog.question("adam-default-lr")
    deck_path = state_path()
    save_deck(Deck({}).add_missed([question.id], date.today()), deck_path)
    right = typed_answer(present(question, "en", 5))
    result = run_quiz("review", "--lang", "en", "--seed", "5", input=right + "\n")
    assert result.exit_code == 0, result.output
    assert "Review — cards due today: 1; in your deck: 1." in result.output and "✓ Right." in result.output
    assert load_deck(deck_path).cards[question.id].box == 2
    again = run_quiz("review", "--lang", "en")
    assert again.exit_code == 0 and "Nothing to review today" in again.output
    everything = run_quiz("review", "--lang", "en", "--all", "--seed", "5", input="7\n")
    assert everything.exit_code == 1 and "✗ Wrong." in everything.output
    assert load_deck(deck_path).cards[question.id].box == 1


def test_review_with_an_empty_deck():
    result = run_quiz("review", "--lang", "ru")
    assert result.exit_code == 0 and "Колода повторения пуста" in result.output


def test_review_with_a_corrupt_state_is_an_input_error():
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not json", encoding="utf-8")
    result = run_quiz("review", "--lang", "en")
    assert result.exit_code == 2 and "cannot be read" in result.output
