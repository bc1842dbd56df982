"""The two interactive verbs: take a quiz, review missed questions (Leitner boxes)."""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

from grader.i18n import translate
from grader.quiz.grading import Outcome
from grader.quiz.loader import Catalog
from grader.quiz.present import pick_questions, present
from grader.quiz.review import Deck, load_deck, save_deck
from grader.quiz.session import Attempt, Console, SessionResult, run_session, summary_lines


def new_seed() -> int:
    """A fresh variant number, printed so that the session can be repeated."""
    return secrets.randbelow(1_000_000)


def take(catalog: Catalog, topic: str, lang: str, count: int | None, seed: int,
         console: Console, deck_path: Path, today: date) -> SessionResult:
    """Ask `count` questions of `topic` (all if None); the missed ones join the review deck."""
    questions = pick_questions(catalog.select(topic), count, seed)
    console.say(translate("quiz.take.header", lang, title=catalog.title(topic, lang), count=len(questions), seed=seed))
    result = run_session([present(q, lang, seed) for q in questions], console)
    for line in summary_lines(result, lang):
        console.say(line)
    if result.missed:
        save_deck(load_deck(deck_path).add_missed(result.missed, today), deck_path)
        console.say(translate("quiz.take.review_added", lang, count=len(result.missed)))
    return result


class _DeckKeeper:
    """Records each review answer in the deck and saves it at once."""

    def __init__(self, deck: Deck, path: Path, today: date) -> None:
        self.deck, self.path, self.today = deck, path, today

    def record(self, attempt: Attempt) -> None:
        correct = attempt.outcome is Outcome.CORRECT
        self.deck = self.deck.record(attempt.question.id, correct, self.today)
        save_deck(self.deck, self.path)


def review(catalog: Catalog, lang: str, everything: bool, seed: int,
           console: Console, deck_path: Path, today: date) -> SessionResult | None:
    """Ask the cards due today (every card with `everything`); None when there is nothing to ask."""
    deck = load_deck(deck_path).keep_only(q.id for q in catalog.questions)
    cards = deck.due(date.max if everything else today)
    if not cards:
        upcoming = min((c.due for c in deck.cards.values()), default=None)
        message = "quiz.review.nothing_due" if upcoming else "quiz.review.empty"
        console.say(translate(message, lang, date=upcoming))
        return None
    console.say(translate("quiz.review.header", lang, count=len(cards), total=len(deck.cards)))
    keeper = _DeckKeeper(deck, deck_path, today)
    items = [present(catalog.question(card.question_id), lang, seed) for card in cards]
    result = run_session(items, console, keeper.record)
    for line in summary_lines(result, lang):
        console.say(line)
    console.say(translate("quiz.review.left", lang, count=len(keeper.deck.cards)))
    return result
