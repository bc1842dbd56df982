"""Shared helpers of the project's own tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "reference"
STUBS = ROOT / "exercises"
ALTERNATIVE = Path(__file__).resolve().parent / "solutions" / "alternative"
MISTAKES = Path(__file__).resolve().parent / "mistakes"
HOSTILE = Path(__file__).resolve().parent / "hostile"


def module_file(number: int) -> str:
    """The file name of exercise `number`'s module, e.g. 'ex03_gradient_step.py'."""
    (path,) = REFERENCE.glob(f"ex{number:02d}_*.py")
    return path.name


def importers_of(number: int) -> set[int]:
    """The exercises whose reference module imports exercise `number`'s module (ex17 → ex04)."""
    target = module_file(number)[:-3]
    return {int(p.name[2:4]) for p in REFERENCE.glob("ex*.py") if target in p.read_text() and p.name[:-3] != target}


def submission_with(folder: Path, replacements: dict[int, Path]) -> Path:
    """A copy of the reference as a submission, with some exercise files replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in REFERENCE.glob("ex*.py"):
        shutil.copyfile(path, folder / path.name)
    for number, source in replacements.items():
        shutil.copyfile(source, folder / module_file(number))
    return folder


def reference_changed(folder: Path, number: int, right: str, wrong: str) -> Path:
    """A copy of the reference as a submission, with `right` (which must occur once in
    exercise `number`'s file) replaced by `wrong`."""
    submission_with(folder, {})
    path = folder / module_file(number)
    source = path.read_text(encoding="utf-8")
    assert source.count(right) == 1, "the reference changed: update the case"
    path.write_text(source.replace(right, wrong), encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Progress and review state never touch the real user's data folder."""
    monkeypatch.setenv("GRADE_DATA_DIR", str(tmp_path_factory.mktemp("data")))
