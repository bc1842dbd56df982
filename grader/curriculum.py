"""The curriculum as data: one YAML file per exercise in grader/curriculum/.

Adding exercise 18 means adding `grader/curriculum/ex18.yaml`, `exercises/ex18_*.py`,
`reference/ex18_*.py`, `grader/suites/test_ex18.py` and their texts (docs/curriculum.md
lists every file); nothing here changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .datafiles import load_yaml
from .errors import CurriculumError, UnknownExercise
from .i18n import translate

CURRICULUM_DIR = Path(__file__).parent / "curriculum"
SUITES_DIR = Path(__file__).parent / "suites"
FILE_PATTERN = re.compile(r"ex(\d\d)\.yaml$")


@dataclass(frozen=True)
class Exercise:
    """One exercise: its number, module, functions and its texts in every language."""

    number: int
    module: str
    functions: tuple[str, ...]
    title: dict = field(hash=False)
    statement: dict = field(hash=False)
    hints: dict = field(hash=False)
    depends: tuple[int, ...] = ()
    optimizer: bool = False
    source: str = ""
    signatures: dict = field(hash=False, default_factory=dict)  # function -> "f(x, h=1e-05) -> …"

    @property
    def suite(self) -> Path:
        return SUITES_DIR / f"test_ex{self.number:02d}.py"

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en", self.module)

    def cited(self) -> list[tuple[str, list[str], list[str]]]:
        """The places `source` names: per seed file (its stem), the «sections» and the question
        numbers, e.g. [('slides_gradient_descent_ru', ['«RMSprop (root mean square
        propagation)»'], []), ('qa_gd_variants_ru', [], ['28'])]."""
        segments, depth, current = [], 0, ""
        for char in self.source:  # split at the semicolons that are outside parentheses
            depth += {"(": 1, ")": -1}.get(char, 0)
            if char == ";" and depth == 0:
                segments.append(current)
                current = ""
            else:
                current += char
        places = []
        for segment in [*segments, current]:
            seed = segment.split(":")[0].strip().removesuffix(".txt")
            sections = re.findall(r"«[^»]+»", segment)
            questions = re.findall(r"\bQ(\d+(?:[–-]\d+)?)", segment)
            places.append((seed, sections, questions))
        return places

    def citation_in(self, lang: str) -> str:
        """Where the lecture material says it, for a reader: each material by its name in
        `lang`, with its «sections» and question numbers (the course's files are named only
        in the docs and the quiz banks)."""
        parts = []
        for seed, sections, questions in self.cited():
            words = [translate(f"material.{seed}", lang), *sections]
            if questions:
                many = len(questions) > 1 or "–" in questions[0]
                numbers = translate("material.and", lang).join(questions)
                words.append(translate("material.questions" if many else "material.question", lang, numbers=numbers))
            parts.append(", ".join(words))
        return "; ".join(parts)


def _load_yaml(path: Path) -> dict:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise CurriculumError("curriculum.broken", path=str(path), reason="not a mapping")
    return data


def _exercise(path: Path) -> Exercise:
    data = _load_yaml(path)
    try:
        return Exercise(
            number=int(data["number"]),
            module=str(data["module"]),
            functions=tuple(f["name"] for f in data["functions"]),
            title=dict(data["title"]),
            signatures={f["name"]: str(f["signature"]) for f in data["functions"] if "signature" in f},
            statement=dict(data.get("statement", {})),
            hints=dict(data.get("hints", {})),
            depends=tuple(int(n) for n in data.get("depends", [])),
            optimizer=bool(data.get("optimizer", False)),
            source=str(data.get("source", "")),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise CurriculumError("curriculum.broken", path=str(path), reason=repr(err)) from err


def _numbers() -> list[int]:
    return sorted(int(m.group(1)) for p in CURRICULUM_DIR.glob("ex*.yaml") if (m := FILE_PATTERN.search(p.name)))


@lru_cache(maxsize=None)
def exercise(number: int) -> Exercise:
    """One exercise by number; UnknownExercise when there is none."""
    path = CURRICULUM_DIR / f"ex{number:02d}.yaml"
    if not path.is_file():
        raise UnknownExercise("error.unknown_exercise", number=number, available=f"1–{max(_numbers(), default=0)}")
    return _exercise(path)


def all_exercises() -> list[Exercise]:
    """Every exercise, in order."""
    return [exercise(n) for n in _numbers()]


def select(spec: str) -> list[Exercise]:
    """'3', 'all', '1-5' or '1,4,7' to exercises."""
    spec = spec.strip().lower()
    if spec == "all":
        return all_exercises()
    numbers: list[int] = []
    for part in spec.split(","):
        start, _, end = part.partition("-")
        try:
            low, high = int(start), int(end or start)
        except ValueError:
            raise UnknownExercise("error.bad_exercise_spec", spec=spec) from None
        if low > high:  # '3-1' would select nothing and grade nothing: the range meant is 1-3
            raise UnknownExercise("error.backwards_range", range=part.strip(), meant=f"{high}-{low}")
        numbers.extend(range(low, high + 1))
    return [exercise(n) for n in dict.fromkeys(numbers)]


def spec_of(numbers: set[int]) -> str:
    """The inverse of select: exercise numbers as a spec, {1, 2, 3, 5, 7, 8} -> '1-3,5,7-8'."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
