"""`grade release OUT`: the student edition of the kit, without the reference solutions.

The edition holds the exercise stubs, the statements, the grader (without `grader/variants`,
whose wrong variants are near-solutions built on the reference) and the answers the
reference gives to every check of every hidden test for the public seed, recorded at release
time by the engine (grader/oracle.py, `grader/recorded/answers-seed<S>.json.gz`), with the
answers of each known wrong variant so that mistakes are still named. Where the `reference`
package is not installed, the engine replays those answers: students get the same tests,
diagnoses and points for that seed. Before anything is written the edition is checked for
reference source (the build is removed if any is found).
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import inspect
import json
import re
import shutil
from pathlib import Path

import click

from ..commands.student import lang_option, language
from ..i18n import LANGUAGES, translate

KIT = Path(__file__).resolve().parent.parent.parent
GRADER = KIT / "grader"
# The wrong variants are near-solutions built on the reference; `recorded` is written afresh.
EXCLUDED_GRADER_PARTS = {"variants", "recorded", "__pycache__"}


class ReleaseError(Exception):
    def __init__(self, message_id: str, **params: object):
        super().__init__(message_id)
        self.message_id, self.params = message_id, params


def record_answers(seed: int) -> dict:
    """Grade the reference on every exercise with the engine recording every check's expected
    answer and the answers of the known wrong variants (grader/oracle.py); fail unless it passes."""
    from .. import curriculum, grading

    if importlib.util.find_spec("grader.oracle") is None or \
            "record_into" not in inspect.signature(grading.grade_submission).parameters:
        raise ReleaseError("batch.release.engine_cannot_replay")
    store: dict = {}
    report = grading.grade_submission(KIT / "reference", curriculum.all_exercises(), seed, "en", record_into=store)
    if not report.passed:
        failing = [f"ex{ex.exercise:02d}" for ex in report.exercises if not ex.passed]
        raise ReleaseError("batch.release.reference_fails", exercises=", ".join(failing))
    return store


def _reference_snippets() -> list[tuple[str, str]]:
    """(file, source line) of every non-trivial line in a reference function body."""
    snippets = []
    for path in sorted((KIT / "reference").glob("ex*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                for statement in node.body:
                    if isinstance(statement, ast.Expr) and isinstance(getattr(statement, "value", None), ast.Constant):
                        continue  # the docstring is the statement, which students have
                    for line in lines[statement.lineno - 1: statement.end_lineno]:
                        text = line.strip()
                        if len(text) >= 24 and not text.startswith(("#", "raise NotImplementedError")):
                            snippets.append((path.name, text))
    return snippets


def leaks(out: Path) -> list[str]:
    """Files of the edition that hold reference source (none should)."""
    found = []
    if (out / "reference").exists():
        found.append("reference/")
    if (out / "grader" / "variants").exists():
        found.append("grader/variants/")
    snippets = _reference_snippets()
    # What the stubs and statements already show students is public.
    public = "\n".join(p.read_text(encoding="utf-8") for p in sorted((KIT / "exercises").glob("*.py")))
    snippets = [(name, text) for name, text in snippets if text not in public]
    for path in sorted(out.rglob("*.py")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for name, snippet in snippets:
            if snippet in text:
                found.append(f"{path.relative_to(out)} ({name}: {snippet[:40]})")
                break
    return found


def _statements(lang: str) -> str:
    from .. import curriculum

    parts = [f"# {translate('batch.release.statements_title', lang)}\n"]
    for exercise in curriculum.all_exercises():
        parts.append(f"\n## {exercise.number}. {exercise.title_in(lang)} (`exercises/{exercise.module}.py`)\n\n"
                     f"{exercise.statement.get(lang) or exercise.statement.get('en', '')}\n")
    return "".join(parts)


def _pyproject() -> str:
    text = (KIT / "pyproject.toml").read_text(encoding="utf-8")
    # The packages the edition installs: the kit's, without the reference.
    text, found = re.subn(r'(include = \[[^\]]*?)"reference\*",\s*', r"\1", text)
    if not found:
        raise ReleaseError("batch.release.no_kit_source", path=str(KIT / "pyproject.toml"))
    return text


def _ignore(directory: str, names: list[str]) -> set[str]:
    ignored = {n for n in names if n.endswith((".pyc", ".pyo")) or n == "__pycache__" or n.startswith(".")}
    if Path(directory).resolve() == GRADER.resolve():
        ignored |= EXCLUDED_GRADER_PARTS & set(names)
    return ignored


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(out: Path, seed: int) -> dict:
    """Write the student edition into `out` (new or empty); return its manifest."""
    for needed in (KIT / "exercises", KIT / "reference", KIT / "pyproject.toml"):
        if not needed.exists():
            raise ReleaseError("batch.release.no_kit_source", path=str(needed))
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ReleaseError("batch.release.out_not_empty", path=str(out))
    answers = record_answers(seed)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(KIT / "exercises", out / "exercises", ignore=_ignore)
    shutil.copytree(GRADER, out / "grader", ignore=_ignore)
    shutil.copytree(KIT / "quizzes", out / "quizzes", ignore=_ignore)  # self-learners take them too
    from ..oracle import save_recorded

    answers_path = save_recorded(answers, seed, out / "grader" / "recorded")
    from ..plots import save_reference_runs

    save_reference_runs(out / "grader" / "recorded")  # `grade plot` draws the reference from these
    (out / "pyproject.toml").write_text(_pyproject(), encoding="utf-8")
    (out / "statements").mkdir()
    for lang in LANGUAGES:
        (out / "statements" / f"{lang}.md").write_text(_statements(lang), encoding="utf-8")
    readme = "\n\n".join(translate("batch.release.readme", lang, seed=seed) for lang in LANGUAGES)
    (out / "README.md").write_text(readme + "\n", encoding="utf-8")
    found = leaks(out)
    if found:
        shutil.rmtree(out)
        raise ReleaseError("batch.release.leak", files="; ".join(found[:5]))
    from importlib import metadata

    manifest = {
        "kit_version": metadata.version("gdkit"),
        "seed": seed,
        "answers": str(answers_path.relative_to(out)),
        "checks_recorded": len(answers),
        "files": {str(p.relative_to(out)): _sha256(p) for p in sorted(out.rglob("*")) if p.is_file()},
    }
    (out / "RELEASE.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


@click.command("release")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--seed", type=click.IntRange(min=0), default=None,
              help="The public seed whose answers are recorded (default: the course's).")
@lang_option
def release(out: Path, seed: int | None, lang: str | None) -> None:
    """Build the student edition of the kit in OUT: stubs, statements, grader, recorded answers, no reference."""
    from ..grading import DEFAULT_SEED

    lang = language(lang)
    seed = DEFAULT_SEED if seed is None else seed
    try:
        manifest = build(out, seed)
    except ReleaseError as error:
        raise click.UsageError(translate(error.message_id, lang, **error.params)) from None
    click.echo(translate("batch.release.done", lang, out=str(out), seed=seed, files=len(manifest["files"]),
                         checks=manifest["checks_recorded"]))
