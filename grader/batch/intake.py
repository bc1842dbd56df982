"""Finding the students of a SUBMISSIONS folder and packing each submission for a worker.

One folder or one `.zip` per student; the name (without `.zip`) is the student id. A
submission is packed as the zip of exactly what `grader.submission.prepared` would grade
(the `exercises/*.py` files), with fixed timestamps, so that its bytes and its hash depend on
the student's files only, and a Dask worker needs no shared file system.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

from ..errors import SubmissionError
from ..lookalikes import LookAlikes, look_alikes_in
from ..submission import content_hash, prepared

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
IGNORED_NAMES = {"__MACOSX", "Thumbs.db"}


@dataclass(frozen=True)
class Student:
    """One student of the class: the id and where the submission is."""

    id: str
    path: Path
    # An LMS's flat download (Canvas): the student's loose files in SUBMISSIONS, as
    # (the name the file is graded under, its path); `path` is then SUBMISSIONS itself.
    files: tuple[tuple[str, Path], ...] = ()

    @property
    def source(self) -> str:
        """The submission as the instructor sees it in SUBMISSIONS."""
        if not self.files:
            return self.path.name
        return f"{self.files[0][1].name}, … ({len(self.files)})" if len(self.files) > 1 else self.files[0][1].name


@dataclass(frozen=True)
class Packed:
    """A submission ready to grade: the zip bytes and their content hash, or why it is broken."""

    student: str
    source: str
    data: bytes | None
    hash: str
    error_id: str | None = None
    error_params: tuple[tuple[str, str], ...] = ()
    # What in the student's own folder looks like a missing exercise file (a notebook, another
    # number: lookalikes.py), found before packing drops it; the worker notes it in the record.
    look_alikes: LookAlikes = ()


@dataclass(frozen=True)
class Refused:
    """A student's part of a class zip that was not unpacked (download.unpack): the parameters
    of batch.error.class_zip_student_unsafe (the reason among them) and a hash of its entries."""

    params: tuple[tuple[str, str], ...]
    hash: str


class IntakeError(Exception):
    """The SUBMISSIONS folder cannot be used (message id + parameters for the CLI)."""

    def __init__(self, message_id: str, **params: object):
        super().__init__(message_id)
        self.message_id, self.params = message_id, params


def find_students(folder: Path) -> tuple[list[Student], list[str]]:
    """The students in `folder`, sorted by id, and the names that were ignored (not a folder or zip)."""
    folder = Path(folder)
    if not folder.exists():
        raise IntakeError("batch.error.submissions_missing", path=str(folder))
    if not folder.is_dir():
        raise IntakeError("batch.error.submissions_not_folder", path=str(folder))
    students: dict[str, Student] = {}
    ignored: list[str] = []
    paths = sorted(folder.iterdir())
    merged = merged_moodle_folders(paths)
    flat, grouped = flat_download_students(paths)
    for student in flat:
        students[student.id] = student
    for path in paths:
        if path.name.startswith(".") or path.name in IGNORED_NAMES or path in merged or path in grouped:
            continue
        if path.is_dir():
            student_id = student_id_of(path.name)
        elif path.is_file() and path.suffix.lower() == ".zip":
            student_id = student_id_of(path.name[: -len(".zip")])
        else:
            ignored.append(path.name)
            continue
        if student_id in students:
            raise IntakeError("batch.error.duplicate_student", student=student_id,
                              first=students[student_id].source, second=path.name)
        students[student_id] = Student(student_id, path)
    if not students:
        from ..submission import is_exercise_folder

        if is_exercise_folder(folder):  # one student's files, not a class: say how to grade them
            raise IntakeError("batch.error.one_submission", path=str(folder))
        raise IntakeError("batch.error.no_students", path=str(folder))
    fitted = [replace(student, id=fitting_id(student.id)) for student in students.values()]
    return sorted(fitted, key=lambda s: s.id), ignored


CLASS_DEPTH = 4  # levels looked at for an LMS's students: theirs, below up to 3 wrapping folders
CLASS_ENTRIES = 5000


def holds_a_class(path: Path) -> bool:
    """Whether a folder or zip of SUBMISSIONS is an LMS's download of a whole class (Moodle's
    `Name_123456_assignsubmission_…` folders or files, or Canvas's .py or .zip files of two user
    ids in one folder, at most 3 folders down) rather than one student's submission: graded as a student,
    it would be a phantom one holding whichever student's files came first."""
    entries: list[tuple[str, ...]] = []
    try:
        if path.is_dir():
            level = [path]
            for _ in range(CLASS_DEPTH):
                below = []
                for folder in level:
                    if len(entries) > CLASS_ENTRIES:
                        break
                    for entry in _bounded_listing(folder):
                        entries.append(Path(entry.path).relative_to(path).parts)
                        if entry.is_dir(follow_symlinks=False):
                            below.append(Path(entry.path))
                level = below if len(entries) <= CLASS_ENTRIES else []
        elif zipfile.is_zipfile(path):
            from ..submission import entry_parts

            with zipfile.ZipFile(path) as archive:
                entries = [tuple(parts) for entry in archive.infolist()[:CLASS_ENTRIES]
                           if (parts := entry_parts(entry))]
    except (OSError, zipfile.BadZipFile, EOFError, ValueError):
        return False
    users_by_folder: dict[tuple[str, ...], set[str]] = {}
    for parts in entries:
        if any(MOODLE_FOLDER.match(name) for name in parts[:-1][:CLASS_DEPTH]):
            return True
        if len(parts) <= CLASS_DEPTH and (MOODLE_FILE.match(parts[-1]) or MOODLE_FOLDER.match(parts[-1])):
            return True
        if len(parts) <= CLASS_DEPTH and (found := CANVAS_FILE.match(parts[-1])) and found.group("user") \
                and _graded(found.group("file") or ""):  # (a student's `fig_1_1_loss.png`, `fig_2_1_acc.png`: no)
            users_by_folder.setdefault(parts[:-1], set()).add(found.group("user"))
    return any(len(users) > 1 for users in users_by_folder.values())


def _graded(name: str) -> bool:
    """Whether a file of this name could give a phantom student another's work: a .py or .zip
    file, or an exercise's file renamed on the way."""
    from ..submission import exercise_file_name

    return name.lower().endswith((".py", ".zip")) or exercise_file_name(name) is not None


def _bounded_listing(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as listing:
            return [entry for _, entry in zip(range(CLASS_ENTRIES), listing)]
    except OSError:
        return []


MAX_ID_BYTES = 180  # of UTF-8: the id names files (.gdkit-<id>.json.<random>.tmp), at most 255 bytes


# Characters that would act on a terminal or a text's direction where the id is shown (grades.csv
# read with cat, the summary): control characters and the bidirectional overrides and isolates.
UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def fitting_id(student_id: str) -> str:
    """The id, shortened when it is too long to name the student's files, or with characters
    that cannot be shown as they are (UNSHOWABLE) as `_`: then `~` and 8 hex digits of the
    original's hash follow (two such names stay two students, the same each run)."""
    encoded = student_id.encode("utf-8")
    shown = UNSHOWABLE.sub("_", student_id)
    if len(encoded) <= MAX_ID_BYTES and shown == student_id:
        return student_id
    digest = hashlib.sha256(encoded).hexdigest()[:8]
    return shown.encode("utf-8")[: MAX_ID_BYTES - 9].decode("utf-8", errors="ignore") + "~" + digest


# Moodle's "Download all submissions": one folder per student and submission plugin,
# `Name_123456_assignsubmission_file_`, `Name_123456_assignsubmission_onlinetext_`, ...
# The student is `Name_123456` (the name and Moodle's participant id), whichever plugin.
MOODLE_FOLDER = re.compile(r"^(?P<student>.+_\d+)_assignsubmission_(?P<plugin>[a-z0-9]+)_$")


def student_id_of(name: str) -> str:
    """The student id of a folder or zip (without `.zip`) of SUBMISSIONS: its name, except that
    a Moodle plugin folder's is the student's `Name_123456`, the same whether the student
    handed in files, an online text or both, and from one download to the next."""
    found = MOODLE_FOLDER.match(name)
    return composed(found.group("student") if found else name)


def composed(name: str) -> str:
    """A name in composed form (NFC): a student id is the same whether an unzip tool wrote
    `й` as one character or, as macOS may, as и and a combining breve."""
    return unicodedata.normalize("NFC", name)
# Which of a student's plugin folders is the submission (files first), when there are several.
MOODLE_PLUGIN_ORDER = ("file", "onlinetext")


def merged_moodle_folders(paths: list[Path]) -> set[Path]:
    """The Moodle plugin folders that are not students of their own: beside the student's
    `…_assignsubmission_file_` folder, the online text (`…_onlinetext_/onlinetext.html`), the
    comments, or any other plugin's folder of the same `Name_ID_` is the same student. A
    student's only folder is kept whatever its plugin, so that nobody is missing from the
    grades (an online text alone is reported as not gradable)."""
    by_student: dict[str, list[tuple[int, str, Path]]] = {}
    for path in paths:
        found = MOODLE_FOLDER.match(path.name)
        if found and path.is_dir():
            plugin = found.group("plugin")
            rank = MOODLE_PLUGIN_ORDER.index(plugin) if plugin in MOODLE_PLUGIN_ORDER else len(MOODLE_PLUGIN_ORDER)
            by_student.setdefault(composed(found.group("student")), []).append((rank, path.name, path))
    return {path for folders in by_student.values() for _, _, path in sorted(folders)[1:]}


# Canvas's "Download Submissions": every file loose, `lastnamefirstname[_LATE]_<user id>_
# <attachment id>_<file name>`, a resubmitted name with Canvas's `-1`, `-2` added.
# An online text or URL submission is `lastnamefirstname[_LATE]_<user id>_text.html` (`_link.html`),
# without an attachment id; with anonymous grading, the name and user id are `anon_<anonymous id>`
# (`LATE_anon_…` when late).
CANVAS_FILE = re.compile(r"^(?:(?P<student>[^_\s]+?)(?:_LATE)?_(?P<user>\d+)|(?:LATE_)?(?P<anonymous>anon_[^\W_]+))"
                         r"_(?:(?P<attachment>\d+)_(?P<file>.+)|(?P<online>(?:text|link)\.html))$")
CANVAS_COPY_SUFFIX = re.compile(r"-\d+(?=\.(?:py|zip)$)", re.IGNORECASE)
# Moodle's download without "Download submissions in folders": `Name_123456_assignsubmission_file_<file name>`
# (or another plugin's, `…_onlinetext_onlinetext.html`); the student is `Name_123456`, as for its folders.
MOODLE_FILE = re.compile(r"^(?P<student>.+_\d+)_assignsubmission_(?P<plugin>[a-z0-9]+)_(?P<file>.+)$")


def canvas_id(found: re.Match) -> str:
    """The student id of a Canvas file name (a CANVAS_FILE match): `name_<user id>`, or
    `anon_<id>` with anonymous grading. The user id is always part of it: "the name alone
    unless two share it" changed a student's id the week a namesake first handed in (and
    back), splitting the gradebook."""
    return composed(found.group("anonymous") or f"{found.group('student')}_{found.group('user')}")


def flat_download_students(paths: list[Path]) -> tuple[list[Student], set[Path]]:
    """The students of an LMS's flat download among `paths` (loose files of SUBMISSIONS): one
    submission per student of all their files, each under the name the student gave it. In
    Canvas's, the student is the name and Canvas's user id (`leebob_12346`, the same whoever
    else hands in; `anon_<id>` with anonymous grading; an online text or URL is the
    student's `text.html` or `link.html`), and of two files of one name the last uploaded (the
    highest attachment id, a late one included) is graded. Moodle's flat names give the student id
    of its folders (`Name_123456`). A folder named as such a file is one of the student's too
    (a zip of theirs the instructor unpacked, as a broken one's message says to). Also returns
    every path read as such (an earlier upload that a later one replaces included)."""
    canvas: dict[str, dict[str, tuple[int, Path]]] = {}
    moodle: dict[str, dict[str, tuple[int, Path]]] = {}
    consumed: set[Path] = set()
    for path in paths:
        if path.name.startswith(".") or path.is_symlink() or not (path.is_file() or path.is_dir()):
            continue  # (a folder named as a file of the download: that file, unpacked by the instructor)
        if found := MOODLE_FILE.match(path.name):
            files = moodle.setdefault(composed(found.group("student")), {})
            rank = 0 if found.group("plugin") == "file" else 1  # of two files of one name, the handed-in file
            if found.group("file") not in files or rank < files[found.group("file")][0]:
                files[found.group("file")] = (rank, path)
            consumed.add(path)
        elif found := CANVAS_FILE.match(path.name):
            name = found.group("online") or CANVAS_COPY_SUFFIX.sub("", found.group("file"))
            files = canvas.setdefault(canvas_id(found), {})
            attachment = int(found.group("attachment") or 0)
            consumed.add(path)
            if name not in files or files[name][0] < attachment:
                files[name] = (attachment, path)
    students = [Student(student, paths[0].parent, _sorted(files)) for student, files in canvas.items()]
    students += [Student(student, paths[0].parent, _sorted(files)) for student, files in moodle.items()]
    return students, consumed


def _sorted(files: dict[str, tuple[int, Path]]) -> tuple[tuple[str, Path], ...]:
    return tuple(sorted((name, path) for name, (_, path) in files.items()))


def _zip_of(root: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((root / "exercises").glob("*.py")):
            if path.name == "__init__.py":
                continue
            info = zipfile.ZipInfo(f"exercises/{path.name}", date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def pack(student: Student, refused: Mapping[Path, Refused] | None = None) -> Packed:
    """Read one submission (no student code runs): its zip and hash, or why it cannot be
    graded; whatever goes wrong reading it is that student's, never the class's. `refused`:
    the students of a class zip whose part was not unpacked (download.class_folder)."""
    try:
        if refused and (refusal := _refusal_of(student, refused)):
            return Packed(student.id, student.source, None, refusal.hash, "batch.error.class_zip_student_unsafe",
                          refusal.params)
        return _read(student)
    except Exception as error:  # noqa: BLE001 - a file system or archive surprise
        reason = f"{type(error).__name__}: {error}"[:300]
        return Packed(student.id, student.source, None, _raw_hash(student.path), "batch.error.unreadable",
                      (("path", student.path.name), ("reason", reason)))


def _refusal_of(student: Student, refused: Mapping[Path, Refused]) -> Refused | None:
    if not student.files:
        return refused.get(student.path)
    return next((refused[path] for _, path in student.files if path in refused), None)


def _read(student: Student) -> Packed:
    # The class's zip saved beside its unpacked folders is no student of its own; whoever's it
    # is (a student can hand in such names), it is that entry's "not gradable", never the class's.
    if not student.files and holds_a_class(student.path):
        return Packed(student.id, student.source, None, _raw_hash(student.path), "batch.error.class_inside",
                      (("path", student.path.name),))
    if not student.files:
        return _pack(student, student.path, student.path.name, lambda: _raw_hash(student.path))
    import shutil
    import tempfile

    from ..storage import temporary_prefix
    from ..submission import MAX_ZIP_TOTAL_BYTES

    # An LMS's flat download: the student's loose files, gathered in a folder of their own.
    with tempfile.TemporaryDirectory(prefix=temporary_prefix("flat-")) as tmp:
        folder = Path(tmp) / "submission"
        folder.mkdir()
        for name, path in student.files:
            if name in ("", ".", "..") or any(c in name for c in "/\\\0"):
                continue  # not a file name of this folder: never a path out of it
            if path.is_symlink():
                continue
            if path.is_dir():  # its own links stay links, for the intake to refuse as in any folder
                shutil.copytree(path, folder / name, symlinks=True)
            elif path.is_file() and path.lstat().st_size <= MAX_ZIP_TOTAL_BYTES:
                shutil.copyfile(path, folder / name)
        return _pack(student, folder, student.id, lambda: _raw_hash(folder),
                     {name: path.name for name, path in student.files})


def _pack(student: Student, path: Path, shown: str, raw_hash, originals: Mapping[str, str] | None = None) -> Packed:
    try:
        with prepared(path) as root:
            if not any(p.name != "__init__.py" for p in (root / "exercises").glob("*.py")):
                # (two files claiming one exercise, neither taken: said here, not by the worker
                # finding an empty zip in a folder of its own)
                raise SubmissionError("error.no_exercise_files", path=str(path))
            alikes = look_alikes_in(path)  # (the student's own names: the zip holds only what is graded)
            return Packed(student.id, student.source, _zip_of(root), packed_hash(root, alikes), look_alikes=alikes)
    except SubmissionError as error:
        message_id, found = why_not_gradable(error)
        params = tuple(sorted((k, _as_in_submissions(str(v), str(path), shown, originals or {}))
                              for k, v in found.items()))
        return Packed(student.id, student.source, None, raw_hash(), message_id, params)


def packed_hash(root: Path, look_alikes: LookAlikes) -> str:
    """The hash that decides whether a submission changed: of the packed files and, when there
    are any, of the names that look like a missing exercise file, which the record's notes
    name and the zip does not hold (a notebook added, removed or renamed is graded again; its
    content, which nothing reads, changes nothing)."""
    graded = content_hash(root)
    if not look_alikes:
        return "sha256:" + graded
    return "sha256:" + hashlib.sha256((graded + json.dumps(look_alikes)).encode("utf-8")).hexdigest()


def _as_in_submissions(text: str, prefix: str, shown: str, originals: Mapping[str, str]) -> str:
    """A path below the submission's copy at `prefix` named as the instructor sees it in
    SUBMISSIONS, not by the path the command read: the copy as `shown`, and a flat download's
    file (`originals`: its name in the copy -> its own) by its own name there
    (`leebob_12346_501_work.zip`, not the `leebob_12346/work.zip` it was gathered as, so that
    "unpack it into a folder of that name" holds: flat_download_students). Other text as it is."""
    if not text.startswith(prefix):
        return text
    rest = text[len(prefix):]
    return originals.get(rest.lstrip(os.sep)) or shown + rest


# Archives that are not unpacked (only zips are): a student who handed in one of these.
OTHER_ARCHIVES = re.compile(r"\.(rar|7z|tar|tgz|tbz2?|txz|gz|bz2|xz|zst|arj|cab|iso)$", re.IGNORECASE)
SHOWN_NAMES = 8
# The intake's messages that speak to a student (`--submission`, "zip your folder"), said to the instructor.
FOR_THE_INSTRUCTOR = {"error.bad_zip": "batch.error.bad_zip", "error.zip_unsafe": "batch.error.zip_unsafe",
                      "error.zip_encrypted": "batch.error.zip_encrypted"}


def why_not_gradable(error: SubmissionError) -> tuple[str, dict[str, object]]:
    """The message id and parameters that tell the instructor why a submission cannot be
    graded and what to do: empty, an archive other than zip, a zip inside the zip (which is not
    unpacked, as `grade exercise --submission` does not), no .py files, .py files none of which
    is an exercise's (with the files found), a file that is no zip."""
    path = Path(str(error.params.get("path", "")))
    if error.message_id == "error.not_folder_or_zip" or (error.message_id == "error.bad_zip" and not _is_zip(path)):
        return "batch.error.not_a_zip", {"path": path}  # (a damaged zip keeps zipfile's reason)
    if error.message_id != "error.no_exercise_files":
        return FOR_THE_INSTRUCTOR.get(error.message_id, error.message_id), dict(error.params)
    names = _names_in(path)
    if not names:
        from ..submission import MAX_DEPTH

        if _holds_any_file(path):  # only in hidden or __MACOSX folders, or deeper than looked
            return "batch.error.nothing_looked_at", {"path": path, "depth": MAX_DEPTH}
        return "batch.error.empty", {"path": path}
    archives = [n for n in names if OTHER_ARCHIVES.search(n)]
    python = [n for n in names if re.search(r"\.py(\.txt)?$", n, re.IGNORECASE)]
    if archives:
        return "batch.error.other_archive", {"path": path, "names": _shown(archives)}
    zips = [n for n in names if n.lower().endswith(".zip")]
    if zips and not python:  # the student zipped the zip of the work (or handed in a zip inside a zip)
        return "batch.error.zip_in_zip", {"path": path, "names": _shown(zips)}
    if not python:
        return "batch.error.no_py_files", {"path": path, "names": _shown(names)}
    return "batch.error.no_exercise_names", {"path": path, "names": _shown(python)}


def _is_zip(path: Path) -> bool:
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False


def _shown(names: list[str]) -> str:
    shown = ", ".join(names[:SHOWN_NAMES])
    return shown + (f", … (+{len(names) - SHOWN_NAMES})" if len(names) > SHOWN_NAMES else "")


def _names_in(path: Path) -> list[str]:
    """The files of a folder (as relative paths; bounded like the intake's look into it, no
    symlinks, no hidden or __MACOSX folders) or the entries of a zip, sorted."""
    from ..submission import MAX_DEPTH, MAX_ZIP_ENTRIES, SKIPPED_FOLDERS, entry_parts

    names: list[str] = []
    try:
        if path.is_file():
            with zipfile.ZipFile(path) as archive:
                for entry in archive.infolist()[:MAX_ZIP_ENTRIES]:
                    parts = entry_parts(entry)
                    if parts is not None and not entry.is_dir() and not entry.filename.endswith("\\"):
                        names.append("/".join(parts))
            return sorted(names)
        level = [path]
        for _depth in range(MAX_DEPTH + 1):
            below = []
            for folder in level:
                for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                    if entry.name.startswith(".") or entry.name in IGNORED_NAMES or entry.name in SKIPPED_FOLDERS:
                        continue
                    if entry.is_file(follow_symlinks=False):
                        names.append(Path(entry.path).relative_to(path).as_posix())
                    elif entry.is_dir(follow_symlinks=False):
                        below.append(Path(entry.path))
                    if len(names) >= MAX_ZIP_ENTRIES:
                        return names
            level = below
    except (OSError, zipfile.BadZipFile, EOFError):
        pass
    return names


def _holds_any_file(path: Path) -> bool:
    """Whether a folder (at any depth, hidden folders too) or a zip holds a file at all."""
    from ..submission import MAX_ZIP_ENTRIES

    try:
        if path.is_file():
            with zipfile.ZipFile(path) as archive:
                return any(not entry.is_dir() for entry in archive.infolist()[:MAX_ZIP_ENTRIES])
        return bool(_bounded_walk(path, 64, MAX_ZIP_ENTRIES))
    except (OSError, zipfile.BadZipFile, EOFError):
        return False


def _bounded_walk(top: Path, depth: int, limit: int) -> list[Path]:
    """The files below `top`, sorted, no deeper than `depth` folders and no more than `limit`
    entries looked at; symlinks are not followed."""
    files, level, seen = [], [top], 0
    for _ in range(depth):
        below = []
        for folder in level:
            try:
                with os.scandir(folder) as listing:
                    for entry in listing:
                        seen += 1
                        if seen > limit:
                            return sorted(files)
                        if entry.is_dir(follow_symlinks=False):
                            below.append(Path(entry.path))
                        elif entry.is_file(follow_symlinks=False):
                            files.append(Path(entry.path))
            except OSError:
                continue
        level = sorted(below)
    return sorted(files)


def _raw_hash(path: Path) -> str:
    """A hash of whatever is there (for a broken submission), so a fixed one is seen as changed."""
    import hashlib

    digest = hashlib.sha256()
    try:
        if path.is_file():  # by pieces: a class's download of every student's PDFs may be gigabytes
            with open(path, "rb") as stream:
                for piece in iter(lambda: stream.read(1024**2), b""):
                    digest.update(piece)
        elif path.is_dir():  # bounded as the intake is: a deep or huge folder is not walked whole
            from ..submission import MAX_DEPTH, MAX_ZIP_ENTRIES

            for item in _bounded_walk(path, MAX_DEPTH + 2, MAX_ZIP_ENTRIES):
                digest.update(str(item.relative_to(path)).encode() + b"\0")
                digest.update(item.lstat().st_size.to_bytes(8, "little"))
    except OSError:
        pass
    return "raw:" + digest.hexdigest()
