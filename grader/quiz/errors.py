"""Typed errors of the quiz and the problems that lint reports, each said in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from grader.i18n import translate


@dataclass(frozen=True)
class Phrase:
    """A message of the catalogue used as a problem's parameter (such as what was found instead
    of a list), so that it is said in the language the problem is described in."""

    message_id: str
    params: Mapping[str, object] = field(default_factory=dict)

    def describe(self, lang: str) -> str:
        """The phrase in `lang`."""
        return translate(self.message_id, lang, **self.params)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a bank or an answer sheet: where it is and the message that explains it.

    `code` names the message `quiz.problem.<code>`; each message says what is wrong and what to do.
    """

    file: str
    line: int
    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def sort_key(self) -> tuple[str, int, str]:
        """Problems are reported by file, then line."""
        return (self.file, self.line, self.code)

    def describe(self, lang: str) -> str:
        """`file:line: what is wrong. What to do.`"""
        params = {key: value.describe(lang) if isinstance(value, Phrase) else value
                  for key, value in self.params.items()}
        message = translate(f"quiz.problem.{self.code}", lang, **params)
        return f"{self.file}:{self.line}: {message}"


class QuizError(Exception):
    """An error the user can fix: a bad bank, a bad answer sheet, a bad command-line value."""

    def __init__(self, message_id: str, **params: object) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params

    def describe(self, lang: str) -> str:
        """The message in `lang`."""
        return translate(self.message_id, lang, **self.params)


class ProblemsError(QuizError):
    """Files that cannot be used until their problems are fixed."""

    def __init__(self, message_id: str, problems: Sequence[Problem], **params: object) -> None:
        super().__init__(message_id, count=len(problems), **params)
        self.problems = tuple(sorted(problems, key=Problem.sort_key))

    def describe(self, lang: str) -> str:
        """The summary, then every problem on its own line."""
        lines = [super().describe(lang)]
        lines += [problem.describe(lang) for problem in self.problems]
        return "\n".join(lines)
