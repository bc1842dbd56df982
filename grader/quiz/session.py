"""An interactive quiz in a terminal: ask, read, give feedback at once, score at the end.

Input and output go through a `Console`, so that the same loop serves `take`, `review` and tests.
"""

from __future__ import annotations

import re
import sys

from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

import click

from grader.i18n import translate
from grader.quiz.grading import Outcome, answer_text, grade, hint_id
from grader.quiz.model import Question
from grader.quiz.present import ROW_LABELS, Presented
from grader.reports.terminal import paragraphs, screen_width


class Console(Protocol):
    """Where a session speaks and listens."""

    def say(self, text: str = "") -> None:
        """Print a line."""

    def ask(self, prompt: str) -> str | None:
        """Print `prompt` and read a line; None when the input has ended."""


class TerminalConsole:
    """The Console of a terminal: click.echo out, a line of stdin in."""

    def __init__(self) -> None:
        # sys.stdin as it is when the session starts (click's test runner swaps it in).
        self.stdin = sys.stdin

    def say(self, text: str = "") -> None:
        """Print a line; on a terminal, long lines wrap between words, not inside them (nor at
        a hyphen: «мини-пакет», «тепе-теңдік»), an option's lines under its text."""
        if sys.stdout.isatty():
            width = max(40, screen_width())
            text = "\n".join(paragraphs(line, width, " " * _hanging_indent(line)) if len(line) > width else line
                             for line in text.split("\n"))
        click.echo(text)

    def ask(self, prompt: str) -> str | None:
        """Print `prompt` and read a line; None at the end of input."""
        click.echo(prompt, nl=False)
        line = self.stdin.readline()
        if not line:
            click.echo()
            return None
        return line.rstrip("\r\n")


OPTION_START = re.compile(r"\s*(?:\d+\)|[A-Z]\.)\s+")  # "  2) …", "  B. …" (question_lines)


def _hanging_indent(line: str) -> int:
    """Where a wrapped line's next lines start: under an option's text, else under the line."""
    option = OPTION_START.match(line)
    return option.end() if option else len(line) - len(line.lstrip())


@dataclass(frozen=True)
class Attempt:
    """How one question went (a flashcard: as the learner judged it)."""

    question: Question
    outcome: Outcome


@dataclass(frozen=True)
class SessionResult:
    """Every attempt of a session, the questions it was meant to have, and whether the learner
    stopped it with Ctrl-C (the session ends as at the end of input; the command exits 130)."""

    attempts: tuple[Attempt, ...]
    planned: tuple[Question, ...]
    interrupted: bool = False

    def count(self, auto_graded: bool, outcome: Outcome | None = None) -> int:
        """Attempts at auto-graded questions (or at flashcards), with `outcome` if given."""
        return sum(1 for a in self.attempts if a.question.auto_graded == auto_graded
                   and (outcome is None or a.outcome is outcome))

    @property
    def missed(self) -> list[str]:
        """Ids of the questions answered wrongly."""
        return [a.question.id for a in self.attempts if a.outcome is Outcome.WRONG]

    @property
    def all_correct(self) -> bool:
        """Every planned question was answered, and right."""
        return len(self.attempts) == len(self.planned) and not self.missed


def question_lines(presented: Presented, number: int, total: int) -> list[str]:
    """A question as terminal text."""
    lang = presented.lang
    kind = translate(f"quiz.kind.{presented.question.kind}", lang)
    lines = ["", translate("quiz.take.question_header", lang, number=number, total=total, kind=kind),
             presented.prompt]
    lines += [f"  {ROW_LABELS[i]}. {row}" for i, row in enumerate(presented.rows)]
    lines += [f"  {i}) {choice}" for i, choice in enumerate(presented.choices, 1)]
    return lines


def _answer(presented: Presented, console: Console,
            prompt_id: str = "quiz.take.prompt") -> Outcome | None:
    """Ask until the answer can be read; None at the end of input."""
    lang = presented.lang
    hint = translate(hint_id(presented), lang)
    while True:
        response = console.ask(translate(prompt_id, lang, hint=hint))
        if response is None:
            return None
        outcome = grade(presented, response)
        if outcome is not Outcome.INVALID:
            return outcome
        if _no_such_option(presented, response):  # "5" of four options: say which numbers there are
            console.say(translate("quiz.take.no_such_option", lang, count=len(presented.choices)))
        console.say(translate("quiz.take.unreadable", lang, hint=hint))


def _no_such_option(presented: Presented, response: str) -> bool:
    """Whether an answer of option numbers names one the question does not have."""
    numbers = re.findall(r"\d+", response)
    return bool(presented.choices) and bool(numbers) and not re.search(r"[^\d\s,;.)]", response) \
        and any(not 1 <= int(number) <= len(presented.choices) for number in numbers)


def _flashcard(presented: Presented, console: Console) -> Outcome | None:
    """Show the model answer after the learner's try, then ask whether they knew it."""
    if console.ask(translate("quiz.take.flash_think", presented.lang)) is None:
        return None
    console.say(translate("quiz.take.flash_model", presented.lang, answer=presented.key))
    return _answer(presented, console, "quiz.take.flash_ask")


def _feedback(presented: Presented, outcome: Outcome, console: Console) -> None:
    lang = presented.lang
    if not presented.question.auto_graded:
        console.say(translate("quiz.take.flash_note", lang, text=presented.explanation))
        return
    if outcome is Outcome.CORRECT:
        console.say(translate("quiz.take.correct", lang))
    else:
        console.say(translate("quiz.take.wrong", lang, answer=answer_text(presented)))
    console.say(translate("quiz.take.explanation", lang, text=presented.explanation))


def run_session(
    items: Sequence[Presented],
    console: Console,
    on_attempt: Callable[[Attempt], None] = lambda attempt: None,
) -> SessionResult:
    """Ask every item in turn; stop early if the input ends or the learner presses Ctrl-C while
    asked (a KeyboardInterrupt). `on_attempt` sees each result."""
    attempts: list[Attempt] = []
    interrupted = False
    for number, presented in enumerate(items, 1):
        for line in question_lines(presented, number, len(items)):
            console.say(line)
        ask = _answer if presented.question.auto_graded else _flashcard
        try:
            outcome = ask(presented, console)
        except KeyboardInterrupt:
            console.say()  # end the prompt's line
            interrupted, outcome = True, None
        if outcome is None:
            message = "quiz.take.interrupted" if interrupted else "quiz.take.stopped"
            console.say(translate(message, presented.lang, answered=len(attempts), total=len(items)))
            break
        _feedback(presented, outcome, console)
        attempt = Attempt(presented.question, outcome)
        attempts.append(attempt)
        on_attempt(attempt)
    return SessionResult(tuple(attempts), tuple(p.question for p in items), interrupted)


def summary_lines(result: SessionResult, lang: str) -> list[str]:
    """The score of the auto-graded questions answered, and how many of the flashcards shown
    the learner knew: a session stopped early is scored on what was asked (the line before
    says how many of the planned questions that was)."""
    lines = [""]
    total = result.count(True)
    if total:
        correct = result.count(True, Outcome.CORRECT)
        lines.append(translate("quiz.take.score", lang, correct=correct, total=total,
                               percent=round(100 * correct / total)))
    cards = result.count(False)
    if cards:
        lines.append(translate("quiz.take.flash_score", lang,
                               known=result.count(False, Outcome.CORRECT), total=cards))
    return lines
