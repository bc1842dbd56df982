"""The kit's YAML data read through JSON copies (grader/datafiles.py): the same data as the
YAML, never stale, and still read when the copy cannot be made."""

from __future__ import annotations

import datetime
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from grader import datafiles
from grader.storage import data_dir

from ..conftest import REFERENCE


def _copies() -> list[Path]:
    return sorted((data_dir() / datafiles.CACHE_FOLDER).glob("*.json"))


def _no_yaml(raw: bytes) -> None:
    raise AssertionError("parsed the YAML although its copy was there")


def test_a_copy_gives_the_yaml_data_without_parsing_it_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "texts.yaml"
    path.write_text("greeting: Сәлем, әлем!\nnumbers: [1, 2.5, null]\nnested: {ok: true}\n", encoding="utf-8")
    first = datafiles.load_yaml(path)
    assert first == {"greeting": "Сәлем, әлем!", "numbers": [1, 2.5, None], "nested": {"ok": True}}
    assert len(_copies()) == 1
    monkeypatch.setattr(datafiles, "parse_yaml", _no_yaml)
    assert datafiles.load_yaml(path) == first


def test_an_edited_file_is_parsed_again(tmp_path: Path):
    path = tmp_path / "texts.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    os.utime(path, ns=(0, 0))
    assert datafiles.load_yaml(path) == {"a": 1}
    path.write_text("a: 2\n", encoding="utf-8")
    os.utime(path, ns=(0, 0))  # the same size and time as before the edit: the bytes decide
    assert datafiles.load_yaml(path) == {"a": 2}
    assert len(_copies()) == 2


@pytest.mark.parametrize(("text", "key", "value"), [
    ("day: 2026-11-26\n", "day", datetime.date(2026, 11, 26)),  # JSON has no dates
    ("1: one\n", 1, "one"),  # JSON keys are strings
    ("yes: a key YAML 1.1 reads as True\n", True, "a key YAML 1.1 reads as True"),
])
def test_data_json_would_change_is_parsed_every_time(tmp_path: Path, text: str, key: object, value: object):
    path = tmp_path / "odd.yaml"
    path.write_text(text, encoding="utf-8")
    for _ in range(2):
        assert datafiles.load_yaml(path) == {key: value}
    assert _copies() == []


def test_a_nan_is_parsed_every_time(tmp_path: Path):
    path = tmp_path / "nan.yaml"
    path.write_text("x: .nan\n", encoding="utf-8")
    for _ in range(2):
        assert math.isnan(datafiles.load_yaml(path)["x"])
    assert _copies() == []


def test_an_unwritable_cache_still_reads_the_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("GRADE_DATA_DIR", str(blocker))
    path = tmp_path / "texts.yaml"
    path.write_text("a: [1, 2]\n", encoding="utf-8")
    assert datafiles.load_yaml(path) == {"a": [1, 2]}
    assert datafiles.load_yaml(path) == {"a": [1, 2]}


def test_grading_an_exercise_twice_imports_pyyaml_only_the_first_time(tmp_path: Path):
    """The second `grade exercise` finds the copies of the curriculum and the texts."""
    command = [sys.executable, "-X", "importtime", "-m", "grader", "exercise", "3", "--submission",
               str(REFERENCE), "--lang", "kk"]
    environment = dict(os.environ, GRADE_DATA_DIR=str(tmp_path / "data"))
    imported, printed = [], []
    for _ in range(2):
        done = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        imported.append(any(line.rstrip().endswith("| yaml") for line in done.stderr.splitlines()))
        printed.append(done.stdout)
    assert imported == [True, False]
    assert printed[0] == printed[1] and printed[0].startswith("3-жаттығу: Градиент бойынша бір қадам — 11/11")
