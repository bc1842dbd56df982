"""SUBMISSIONS given as the zip an LMS downloads ("Download all submissions"): the class is
unpacked, for the run, into a private temporary folder.

Only what grading reads is written: `.py` files (and `.py.txt` and an exercise's `exNN_….txt`
of at most 1 MiB, see submission.py) and the students' own `.zip` files; every folder is made, and every other
file as an empty file of its name, so a student who handed in only a PDF or a .rar is listed
and reported as not gradable with what was handed in, rather than missing. Entries with absolute paths, `..`
or symlinks are skipped; the entry count, each entry's size and ratio (over 1 MiB) and the
total are bounded (a zip bomb stops the command with a clear message before anything is graded).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..storage import temporary_prefix
from ..submission import MAX_FILE_BYTES, entry_parts, is_exercise_folder, refuse_a_bomb, safe_path_parts, size_text
from .intake import CANVAS_FILE, IGNORED_NAMES, MOODLE_FILE, MOODLE_FOLDER, IntakeError

MAX_ENTRIES = 100_000
MAX_ENTRY_BYTES = 64 * 1024**2
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_RATIO = 200
READ_BY_GRADING = re.compile(r"\.(py|py\.txt|zip)$", re.IGNORECASE)
# An exercise's .txt, which may follow an LMS's prefix: `name_1_2_ex03_gradient_step.txt`. (Two
# searches: one expression, `(?:^|_)ex\d\d?_.*\.txt$`, went over the rest of the name again at
# each `_exN_`, quadratic in a zip entry's name of up to 65,535 characters.)
EXERCISE_TXT = re.compile(r"(?:^|_)ex\d\d?_", re.IGNORECASE)
TXT = re.compile(r"\.txt$", re.IGNORECASE)


def _with_content(entry: zipfile.ZipInfo, name: str) -> bool:
    """Whether an entry is written with its content (see the module's docstring): read by
    grading, and, for an exercise's .txt, small enough to be an exercise's file (the intake
    takes none over 1 MiB) and no more compressed than any: a student's
    `ex05_training_log.txt` is no zip bomb to refuse the class for."""
    if READ_BY_GRADING.search(name):
        return True
    if not (TXT.search(name) and EXERCISE_TXT.search(name)):
        return False
    return entry.file_size <= MAX_FILE_BYTES and entry.file_size <= MAX_RATIO * max(entry.compress_size, 1)


@contextmanager
def class_folder(path: Path) -> Iterator[Path]:
    """`path` itself unless it is a zip file; for a zip, a temporary folder holding its
    students (removed afterwards)."""
    if not path.is_file():
        yield lms_download_inside(path) if path.is_dir() else path  # (nothing: find_students says so)
        return
    if not zipfile.is_zipfile(path):
        raise IntakeError("batch.error.submissions_not_folder", path=str(path))
    with tempfile.TemporaryDirectory(prefix=temporary_prefix("class-")) as tmp:
        unpack(path, Path(tmp))
        yield students_root(Path(tmp))


def unpack(archive_path: Path, target: Path) -> None:
    """Write the entries grading reads (see the module's docstring) under `target`."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise _unsafe(archive_path, reason_id="zip.reason.entries", limit=MAX_ENTRIES)
            total = 0
            for entry in entries:
                parts = entry_parts(entry)  # the students' zips read their entries the same way
                if parts is None:
                    _keep_folders_of(entry, target)  # a symlink left out: its student is still there
                    continue
                content = not entry.is_dir() and _with_content(entry, parts[-1])
                if content:
                    if entry.file_size > MAX_FILE_BYTES:  # (smaller, an entry is no bomb: the total bounds them all)
                        refuse_a_bomb(entry, MAX_ENTRY_BYTES, MAX_RATIO, lambda **why: _unsafe(archive_path, **why))
                    total += entry.file_size
                    if total > MAX_TOTAL_BYTES:
                        raise _unsafe(archive_path, reason_id="zip.reason.total", limit=size_text(MAX_TOTAL_BYTES))
                _write_entry(archive, entry, target, parts, content)
    except (zipfile.BadZipFile, EOFError, OSError) as error:
        raise IntakeError("batch.error.class_zip_broken", path=str(archive_path), reason=str(error)) from None


def _keep_folders_of(entry: zipfile.ZipInfo, target: Path) -> None:
    """The folders of an entry that is not written (a symlink: never followed), when its path is
    safe: a student whose only file it was is then one with nothing gradable, not one missing."""
    parts = safe_path_parts(entry)
    if parts is None or len(parts) < 2:
        return
    try:
        target.joinpath(*parts[:-1]).mkdir(parents=True, exist_ok=True)
    except OSError:
        pass


def _write_entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, target: Path, parts: list[str],
                 content: bool) -> None:
    """One entry under `target`: a folder, a file grading reads, or another file's name alone
    (an empty file: what a not-gradable student handed in is then told). An entry that cannot
    be written (a name too long for the file system, a file where a folder is, corrupt data) is
    left out: that student's submission lacks it, the class is not lost."""
    is_folder = entry.is_dir() or entry.filename.endswith("\\")  # `Name\`: a folder, from Windows
    folder = target.joinpath(*(parts if is_folder else parts[:-1]))
    path = folder / parts[-1]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if is_folder:
            return
        if not content:
            if not os.path.isdir(path):
                path.touch()
            return
        with archive.open(entry) as source, open(path, "wb") as sink:
            shutil.copyfileobj(source, sink)
    except Exception:  # noqa: BLE001 - OSError, zlib.error, NotImplementedError, RuntimeError (encrypted)
        if os.path.isfile(path):  # (os.path's: any OSError, a name too long too, is "no")
            os.unlink(path)



WRAPPING_LEVELS = 3  # folders an unzip tool may put around a download (`X/`, Windows' `X/X/`)


def lms_download_inside(folder: Path) -> Path:
    """A SUBMISSIONS folder, or the LMS download it wraps: below one folder after another that
    is all there is (what an unzip tool makes of `MATH101-Assignment-123.zip`), the first that
    holds students named as Moodle or Canvas names them. A folder holding one student (a
    Moodle folder, or `alice/` with a project inside) is the class itself, as before."""
    inner = folder
    for _ in range(WRAPPING_LEVELS):
        entries = _visible(inner)
        # (a wrapping folder may be a symlink: these are the instructor's own folders; a class
        # zip never has one, its symlink entries are not written)
        if len(entries) != 1 or not entries[0].is_dir() or MOODLE_FOLDER.match(entries[0].name):
            return folder
        inner = entries[0]
        if any(MOODLE_FOLDER.match(p.name) or MOODLE_FILE.match(p.name) or CANVAS_FILE.match(p.name) for p in _visible(inner)):
            return inner
    return folder


def students_root(folder: Path) -> Path:
    """The folder whose entries are the students: below any single wrapping folder that is not
    itself one submission (a zip of the class's folder)."""
    while True:
        entries = _visible(folder)
        if len(entries) != 1 or not entries[0].is_dir() or _one_submission(entries[0]):
            return folder
        folder = entries[0]


def _one_submission(folder: Path) -> bool:
    """Exercise files, a kit with its `exercises/`, or a lone zip: a student, not a class."""
    entries = _visible(folder)
    return is_exercise_folder(folder) or (folder / "exercises").is_dir() or (len(entries) == 1 and entries[0].is_file())


def _visible(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if not p.name.startswith(".") and p.name not in IGNORED_NAMES]


def _unsafe(path: Path, **why: object) -> IntakeError:
    """The class zip refused, `why` (reason_id and its parameters) saying why."""
    return IntakeError("batch.error.class_zip_unsafe", path=str(path), **why)
