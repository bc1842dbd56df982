"""Find the banks, read and check them, and hold them as a `Catalog`.

The bundled banks are in `quizzes/` next to the `grader` package (the repository root, also for
an editable install); GRADE_QUIZ_DIR points elsewhere.
"""

from __future__ import annotations

import os
from difflib import get_close_matches
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import grader
from grader.i18n import translate
from grader.quiz.errors import Problem, ProblemsError, QuizError
from grader.quiz.lint import check_banks
from grader.quiz.model import Bank, Question
from grader.quiz.schema import read_bank
from grader.quiz.yamlsource import read_yaml

QUIZ_DIR_VARIABLE = "GRADE_QUIZ_DIR"
ALL_TOPICS = "all"


def bundled_dir(environ: Mapping[str, str] | None = None) -> Path:
    """GRADE_QUIZ_DIR if set, else the `quizzes/` folder beside the grader package."""
    env = os.environ if environ is None else environ
    if env.get(QUIZ_DIR_VARIABLE):
        return Path(env[QUIZ_DIR_VARIABLE])
    return Path(grader.__file__).resolve().parent.parent / "quizzes"


def yaml_files(path: Path) -> list[Path]:
    """`path` itself if it is a file, else the *.yaml and *.yml files in it, sorted."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise QuizError("quiz.error.no_such_path", path=path)
    return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def bank_paths(path: Path) -> list[Path]:
    """The bank files at `path` (a file or a folder); QuizError if there are none."""
    files = yaml_files(path)
    if not files:
        raise QuizError("quiz.error.no_banks", path=path)
    return files


def display_name(path: Path) -> str:
    """The path relative to the working directory when it is below it, for messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def check_files(files: Sequence[Path], precision: bool = True) -> tuple[list[Bank], list[Problem]]:
    """Read and check every file; the banks that are valid, and all problems sorted by place.

    `precision=False` leaves out the check of tolerances against the precision asked (hundreds
    of draws per question): the quiz commands load banks with it off, `grade quiz lint` and
    the tests with it on; a bank that fails it still works, it is only too strict."""
    banks: list[Bank] = []
    problems: list[Problem] = []
    for path in files:
        label = display_name(path)
        data, found = read_yaml(path, label)
        problems += found
        if data is not None:
            bank, found = read_bank(data, path, label)
            problems += found
            if bank is not None:
                banks.append(bank)
    problems += check_banks(banks, precision)
    return banks, sorted(problems, key=Problem.sort_key)


@dataclass(frozen=True)
class Catalog:
    """The banks of a folder, all valid."""

    banks: tuple[Bank, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question, bank by bank."""
        return tuple(q for bank in self.banks for q in bank.questions)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        return next((q for q in self.questions if q.id == question_id), None)

    def banks_for(self, topic: str) -> tuple[Bank, ...]:
        """The bank of `topic`, or every bank for "all"; QuizError naming the topics otherwise."""
        if topic == ALL_TOPICS:
            return self.banks
        chosen = tuple(bank for bank in self.banks if bank.topic == topic)
        if not chosen:
            names = [ALL_TOPICS, *(bank.topic for bank in self.banks)]
            close = get_close_matches(topic, names, n=1)
            if close:
                raise QuizError("quiz.error.unknown_topic_close", topic=topic, close=close[0], topics=", ".join(names))
            raise QuizError("quiz.error.unknown_topic", topic=topic, topics=", ".join(names))
        return chosen

    def title(self, topic: str, lang: str) -> str:
        """What `topic` is called in `lang`: its bank's title, or "all topics" for "all"."""
        if topic == ALL_TOPICS:
            return translate("quiz.take.all_topics", lang)
        return "; ".join(bank.title[lang] for bank in self.banks_for(topic))

    def select(self, topic: str) -> tuple[Question, ...]:
        """The questions of `topic`, or of every topic for "all"."""
        return tuple(q for bank in self.banks_for(topic) for q in bank.questions)


def load_catalog(path: Path | None = None) -> Catalog:
    """The banks in `path` (default: bundled_dir()); ProblemsError if any problem is found."""
    folder = path or bundled_dir()
    banks, problems = check_files(bank_paths(folder), precision=False)
    if problems:
        raise ProblemsError("quiz.error.bank_problems", problems, path=display_name(folder))
    return Catalog(tuple(banks))
