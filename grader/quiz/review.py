"""Spaced repetition of missed questions with Leitner boxes, kept in the user's data folder.

A missed question enters box 1, due at once. A right answer moves it up one box, due again after
INTERVALS[box] days; after the last box it leaves the deck. A wrong answer sends it back to box 1,
due tomorrow. The state is JSON written atomically (a temporary file, then os.replace), so a kill
in the middle of a write leaves the previous state intact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Mapping

from grader.quiz.errors import QuizError
from grader.storage import atomic_write_json, data_dir

STATE_FILE = "quiz-review.json"
STATE_VERSION = 1
# Days until a card in box b (1-based) is due again after a right answer that put it there.
INTERVALS = {1: 1, 2: 2, 3: 4, 4: 8, 5: 16}
LAST_BOX = max(INTERVALS)


@dataclass(frozen=True)
class Card:
    """A question to practise: its Leitner box and the day it is due."""

    question_id: str
    box: int
    due: date


@dataclass(frozen=True)
class Deck:
    """Every card, by question id."""

    cards: Mapping[str, Card]

    def due(self, today: date) -> list[Card]:
        """The cards due on or before `today`, lowest box first."""
        return sorted((c for c in self.cards.values() if c.due <= today),
                      key=lambda c: (c.box, c.due, c.question_id))

    def add_missed(self, question_ids: Iterable[str], today: date) -> Deck:
        """Put missed questions in box 1, due today."""
        cards = dict(self.cards)
        for question_id in question_ids:
            cards[question_id] = Card(question_id, 1, today)
        return Deck(cards)

    def record(self, question_id: str, correct: bool, today: date) -> Deck:
        """Move a card after an answer: up a box (or out after the last) or back to box 1."""
        cards = dict(self.cards)
        card = cards.get(question_id, Card(question_id, 1, today))
        if not correct:
            cards[question_id] = replace(card, box=1, due=today + timedelta(days=1))
        elif card.box >= LAST_BOX:
            del cards[question_id]
        else:
            box = card.box + 1
            cards[question_id] = replace(card, box=box, due=today + timedelta(days=INTERVALS[box]))
        return Deck(cards)

    def keep_only(self, question_ids: Iterable[str]) -> Deck:
        """Drop the cards of questions that no longer exist."""
        known = set(question_ids)
        return Deck({k: c for k, c in self.cards.items() if k in known})


def state_path(environ: Mapping[str, str] | None = None) -> Path:
    """GRADE_DATA_DIR/quiz-review.json, else in the platform's user data folder."""
    return data_dir(environ) / STATE_FILE


def load_deck(path: Path) -> Deck:
    """The deck saved at `path`; an empty deck if there is none yet."""
    if not path.exists():
        return Deck({})
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        cards = [Card(item["id"], int(item["box"]), date.fromisoformat(item["due"]))
                 for item in data["cards"]]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise QuizError("quiz.error.bad_state", path=path, detail=err) from err
    return Deck({card.question_id: card for card in cards})


def save_deck(deck: Deck, path: Path) -> None:
    """Write the deck atomically: a temporary file in the same folder, fsync, os.replace."""
    data = {"version": STATE_VERSION, "cards": [
        {"id": c.question_id, "box": c.box, "due": c.due.isoformat()}
        for c in sorted(deck.cards.values(), key=lambda c: c.question_id)
    ]}
    atomic_write_json(path, data)
