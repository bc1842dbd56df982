"""report.html (the class at a glance) and students/<student>.html, rendered with jinja2.

One Environment (select_autoescape, StrictUndefined), templates in grader/batch/templates/.
Everything is computed here from the records; the templates only lay it out. The pages are
self-contained: inline CSS, inline SVG, a few lines of inline JavaScript, no network.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import jinja2

from .. import curriculum
from ..i18n import translate
from . import outputs
from .store import Stored

TEMPLATES = Path(__file__).parent / "templates"
BINS = 10
TOP_FAILING_TESTS = 3  # shown where no test of an exercise has a diagnosis


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = outputs.number
    return env


@dataclass(frozen=True)
class Bar:
    """One bar of the histogram, in SVG user units."""

    x: float
    y: float
    width: float
    height: float
    count: int
    label: str


def histogram(percents: Sequence[float], width: int = 640, height: int = 220) -> dict:
    """Bars of the score distribution in BINS bins of 10 % (100 % falls in the last one)."""
    counts = [0] * BINS
    for value in percents:
        counts[min(BINS - 1, max(0, int(value // (100 / BINS))))] += 1
    top = max(counts) if counts and max(counts) else 1
    margin_left, margin_bottom, margin_top = 32, 28, 14
    plot_w, plot_h = width - margin_left - 24, height - margin_bottom - margin_top
    step = plot_w / BINS
    bars = []
    for i, count in enumerate(counts):
        h = plot_h * count / top
        low, high = i * 100 // BINS, (i + 1) * 100 // BINS
        bars.append(Bar(round(margin_left + i * step + 2, 1), round(margin_top + plot_h - h, 1), round(step - 4, 1),
                        round(h, 1), count, f"{low}–{high} %"))
    ticks = [{"x": round(margin_left + i * step, 1), "label": f"{i * 100 // BINS}"} for i in range(BINS + 1)]
    return {"width": width, "height": height, "bars": bars, "ticks": ticks, "top": top,
            "base": margin_top + plot_h, "left": margin_left, "right": width - 24, "top_y": margin_top}


def percent(score: float, max_score: float | None) -> float:
    return 100.0 * score / max_score if max_score else 0.0


class ClassTally:
    """What report.html and grades.csv need, gathered one record at a time, so that a class
    of thousands never has to be held in memory (only a few numbers per student are kept).

    A grading the grader failed on is no grade: its exercises with a test the grader failed on
    (all of them, if it failed as a whole) and its total have no points here, and it is left
    out of the class's mean, median and histogram and of those exercises' mean and pass rate."""

    def __init__(self, numbers: tuple[int, ...]):
        self.numbers = numbers
        self.maxima: dict[int, float] = {}
        self.titles: dict[int, str] = {}
        self.students: list[dict] = []
        self.full: Counter = Counter()
        self.score_sums: Counter = Counter()
        self.unscored: Counter = Counter()  # per exercise, the students whose points the grader lost
        self.diagnoses: dict[int, Counter] = {n: Counter() for n in numbers}
        self.failing: dict[int, Counter] = {n: Counter() for n in numbers}

    def add(self, stored: Stored) -> None:
        unscored = outputs.unscored_exercises(stored.record, self.numbers)
        scores = {}
        for ex in stored.record.get("exercises", []):
            n = ex["exercise"]
            scores[n] = ex["score"]
            self.maxima[n] = max(self.maxima.get(n, 0.0), ex["max_score"])
            self.titles.setdefault(n, ex["title"])
            if n not in self.diagnoses:
                continue
            # Counted in students (each student once per mistake), not in tests.
            self.diagnoses[n].update({t["diagnosis"] for t in ex["tests"] if t.get("diagnosis")})
            self.failing[n].update({t.get("title", t["name"]) for t in ex["tests"] if t["status"] != "passed"})
            if n not in unscored:
                self.score_sums[n] += ex["score"]
                self.full[n] += all(t["status"] == "passed" for t in ex["tests"])
        self.unscored.update(n for n in unscored if n in self.diagnoses)
        failed = bool(unscored)
        error = (stored.record.get("error") or {}).get("message")
        self.students.append({
            "id": stored.student, "score": None if failed else stored.score,
            "scores": [None if n in unscored else scores.get(n) for n in self.numbers],
            "unscored": [n in unscored for n in self.numbers],
            "error": None if failed else error, "failed": (stored.error or error or "") if failed else None,
            "max_score": stored.record.get("max_score"),
        })

    def csv_rows(self) -> list[tuple[str, list[float | None], float | None]]:
        """(student, points per exercise, total) as grades.csv shows them: an exercise not handed
        in has 0, one whose points the grader lost None (an empty cell), and so has its total."""
        return [(s["id"], [None if lost else (score or 0.0) for score, lost in zip(s["scores"], s["unscored"])],
                 s["score"]) for s in self.students]

    def _graded(self) -> list[dict]:
        """The students with a total: all but those the grader failed on."""
        return [s for s in self.students if s["failed"] is None]

    @property
    def mean_score(self) -> float:
        graded = self._graded()
        return sum(s["score"] for s in graded) / len(graded) if graded else 0.0

    @property
    def max_score(self) -> float | None:
        maxima = [s["max_score"] for s in self._graded() if s["max_score"] is not None]
        return max(maxima) if maxima else None

    def view(self, lang: str) -> dict:
        """Everything report.html shows."""
        count = len(self.students)
        class_max = sum(self.maxima.values())
        # "rank": the place in grades.csv's order, which the page sorts the Student column by.
        students = [{**s, "rank": rank, "percent": None if s["score"] is None else round(percent(s["score"], class_max), 1)}
                    for rank, s in enumerate(sorted(self.students, key=lambda s: outputs.roster_key(s["id"])))]
        exercises = [self._exercise_view(n, count, lang) for n in self.numbers]
        scores = sorted(s["score"] for s in students if s["score"] is not None)
        graded = len(scores)
        median = (scores[(graded - 1) // 2] + scores[graded // 2]) / 2 if scores else 0.0
        return {
            "students": students, "exercises": exercises, "class_max": class_max, "count": count,
            "broken": sum(1 for s in students if s["error"]),
            "failed": sum(1 for s in students if s["failed"] is not None),
            "mean": round(sum(scores) / graded, 2) if scores else 0.0, "median": round(median, 2),
            "histogram": histogram([s["percent"] for s in students if s["percent"] is not None]),
        }

    def _diagnoses(self, n: int, lang: str, mistakes: bool) -> list[dict]:
        """Exercise n's named mistakes (`mistakes`), every one, or else its other causes (a stub,
        a timeout, a crash, …), most frequent first: a cause that many students share never
        hides a mistake that fewer made."""
        found = [(d, c) for d, c in self.diagnoses[n].items() if outputs.is_mistake(d) == mistakes]
        return [{"id": d, "count": c, "text": outputs.diagnosis_text(n, d, lang)}
                for d, c in sorted(found, key=lambda kv: (-kv[1], kv[0]))]

    def _exercise_view(self, n: int, count: int, lang: str) -> dict:
        """One row of the exercises' table: mean and pass rate of the students with points for it."""
        scored = count - self.unscored[n]
        return {
            "number": n,
            "title": self.titles.get(n) or curriculum.exercise(n).title_in(lang),  # (no record has it: none graded)
            "max": self.maxima.get(n),
            "mean": round(self.score_sums[n] / scored, 2) if scored else 0.0,
            "passed": self.full[n],
            "scored": scored,
            "pass_rate": round(100.0 * self.full[n] / scored, 1) if scored else 0.0,
            "diagnoses": self._diagnoses(n, lang, mistakes=True),
            "other_causes": self._diagnoses(n, lang, mistakes=False),
            "failing_tests": [{"title": t, "count": c}
                              for t, c in sorted(self.failing[n].items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_FAILING_TESTS]],
        }


def student_view(stored: Stored, lang: str) -> dict:
    from ..grading import course_seed

    exercises = []
    for ex in stored.record.get("exercises", []):
        exercises.append({
            **ex,
            "passed": all(t["status"] == "passed" for t in ex["tests"]),
            # Not handed in: every test says the file is missing; folded, said once in its header.
            "missing": bool(ex["tests"]) and all(t.get("diagnosis") == "missing_file" for t in ex["tests"]),
            "tests": [{**t, "diagnosis_text": outputs.diagnosis_text(ex["exercise"], t.get("diagnosis"), lang)}
                      for t in ex["tests"]],
        })
    unscored = outputs.unscored_exercises(stored.record, [ex["exercise"] for ex in exercises])
    error = (stored.record.get("error") or {}).get("message")
    failed = outputs.grading_failed(stored.record)
    for ex in exercises:
        ex["unscored"] = ex["exercise"] in unscored
    return {"id": stored.student, "source": stored.source, "score": None if failed else stored.score,
            "max_score": stored.record.get("max_score"), "error": None if failed else error,
            "failed": (stored.error or error or "") if failed else None,
            "exercises": exercises, "content_hash": stored.content_hash, "graded_at": stored.graded_at,
            # Graded with the instructor's own seed, the messages hold the hidden inputs and answers.
            "private": stored.seed != course_seed()}


def render_class(tally: ClassTally, lang: str, seed: int) -> str:
    def t(message_id: str, **params: object) -> str:
        return translate(message_id, lang, **params)

    return environment().get_template("report.html").render(
        view=tally.view(lang), numbers=tally.numbers, lang=lang, seed=seed, t=t)


def render_student(stored: Stored, lang: str) -> str:
    def t(message_id: str, **params: object) -> str:
        return translate(message_id, lang, **params)

    return environment().get_template("student.html").render(s=student_view(stored, lang), lang=lang, t=t)


def write_student_page(out: Path, stored: Stored, lang: str) -> None:
    outputs.atomic_write(out / "students" / f"{stored.student}.html", render_student(stored, lang).encode("utf-8"),
                         durable=False)


def write_report(out: Path, tally: ClassTally, lang: str, seed: int) -> None:
    outputs.atomic_write(out / "report.html", render_class(tally, lang, seed).encode("utf-8"))
