"""The grader's typed errors: each says what went wrong, where, and what to do, in any language.

The CLI maps them to exit code 2 (the user's input was wrong) and prints `message(lang)`.
"""

from __future__ import annotations

from typing import Any

from .i18n import translate

# The exit codes of every `grade` command (README): passed, failed, the user's input, the
# grader itself, stopped with Ctrl-C (as a shell reports a command stopped by it).
EXIT_PASSED, EXIT_FAILED, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class GraderError(Exception):
    """Base of every error the grader reports to a person (message id + parameters)."""

    def __init__(self, message_id: str, **params: Any):
        super().__init__(message_id)
        self.message_id, self.params = message_id, params

    def message(self, lang: str = "en") -> str:
        return translate(self.message_id, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class SubmissionError(GraderError):
    """The submission cannot be read: missing, not a folder or zip, unsafe, no exercise files."""


class UnknownExercise(GraderError):
    """An exercise number that the curriculum does not have."""


class UnsupportedPlatform(GraderError):
    """The machine cannot run the sandbox at all (Windows outside WSL)."""


class CurriculumError(GraderError):
    """The curriculum data of the kit itself is broken (a developer's error)."""
