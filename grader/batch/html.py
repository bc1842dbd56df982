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

from ..i18n import translate
from . import outputs
from .store import Stored

TEMPLATES = Path(__file__).parent / "templates"
BINS = 10
TOP_DIAGNOSES = 3


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
    of thousands never has to be held in memory (only a few numbers per student are kept)."""

    def __init__(self, numbers: tuple[int, ...]):
        self.numbers = numbers
        self.maxima: dict[int, float] = {}
        self.titles: dict[int, str] = {}
        self.students: list[dict] = []
        self.full: Counter = Counter()
        self.score_sums: Counter = Counter()
        self.diagnoses: dict[int, Counter] = {n: Counter() for n in numbers}
        self.failing: dict[int, Counter] = {n: Counter() for n in numbers}

    def add(self, stored: Stored) -> None:
        scores = {}
        for ex in stored.record.get("exercises", []):
            n = ex["exercise"]
            scores[n] = ex["score"]
            self.maxima[n] = max(self.maxima.get(n, 0.0), ex["max_score"])
            self.titles.setdefault(n, ex["title"])
            if n not in self.diagnoses:
                continue
            self.score_sums[n] += ex["score"]
            self.full[n] += all(t["status"] == "passed" for t in ex["tests"])
            # Counted in students (each student once per mistake), not in tests.
            self.diagnoses[n].update({t["diagnosis"] for t in ex["tests"] if t.get("diagnosis")})
            self.failing[n].update({t.get("title", t["name"]) for t in ex["tests"] if t["status"] != "passed"})
        self.students.append({
            "id": stored.student, "score": stored.score, "scores": [scores.get(n) for n in self.numbers],
            "error": (stored.record.get("error") or {}).get("message"), "internal": stored.internal_error,
            "max_score": stored.record.get("max_score"),
        })

    def csv_rows(self) -> list[tuple[str, dict]]:
        """(student, the part of the record grades.csv reads)."""
        return [(s["id"], {"score": s["score"], "exercises": [
            {"exercise": n, "score": score} for n, score in zip(self.numbers, s["scores"]) if score is not None]})
            for s in self.students]

    @property
    def mean_score(self) -> float:
        return sum(s["score"] for s in self.students) / len(self.students) if self.students else 0.0

    @property
    def max_score(self) -> float | None:
        maxima = [s["max_score"] for s in self.students if s["max_score"] is not None]
        return max(maxima) if maxima else None

    def view(self, lang: str) -> dict:
        """Everything report.html shows."""
        count = len(self.students)
        class_max = sum(self.maxima.values())
        students = [{**s, "percent": round(percent(s["score"], class_max), 1)}
                    for s in sorted(self.students, key=lambda s: outputs.roster_key(s["id"]))]
        exercises = [{
            "number": n,
            "title": self.titles.get(n, f"ex{n:02d}"),
            "max": self.maxima.get(n),
            "mean": round(self.score_sums[n] / count, 2) if count else 0.0,
            "passed": self.full[n],
            "pass_rate": round(100.0 * self.full[n] / count, 1) if count else 0.0,
            "diagnoses": [{"id": d, "count": c, "text": outputs.diagnosis_text(n, d, lang)}
                          for d, c in sorted(self.diagnoses[n].items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_DIAGNOSES]],
            "failing_tests": [{"title": t, "count": c}
                              for t, c in sorted(self.failing[n].items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_DIAGNOSES]],
        } for n in self.numbers]
        scores = sorted(s["score"] for s in students)
        median = (scores[(count - 1) // 2] + scores[count // 2]) / 2 if scores else 0.0
        return {
            "students": students, "exercises": exercises, "class_max": class_max, "count": count,
            "broken": sum(1 for s in students if s["error"]),
            "mean": round(sum(scores) / count, 2) if scores else 0.0, "median": round(median, 2),
            "histogram": histogram([s["percent"] for s in students]),
        }


def student_view(stored: Stored, lang: str) -> dict:
    exercises = []
    for ex in stored.record.get("exercises", []):
        exercises.append({
            **ex,
            "passed": all(t["status"] == "passed" for t in ex["tests"]),
            "tests": [{**t, "diagnosis_text": outputs.diagnosis_text(ex["exercise"], t.get("diagnosis"), lang)}
                      for t in ex["tests"]],
        })
    return {"id": stored.student, "source": stored.source, "score": stored.score,
            "max_score": stored.record.get("max_score"), "error": (stored.record.get("error") or {}).get("message"),
            "exercises": exercises, "content_hash": stored.content_hash, "graded_at": stored.graded_at}


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
    outputs.atomic_write(out / "students" / f"{stored.student}.html", render_student(stored, lang).encode("utf-8"))


def write_report(out: Path, tally: ClassTally, lang: str, seed: int) -> None:
    outputs.atomic_write(out / "report.html", render_class(tally, lang, seed).encode("utf-8"))
