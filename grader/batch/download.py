"""SUBMISSIONS given as the zip an LMS downloads ("Download all submissions"): the class is
unpacked, for the run, into a private temporary folder.

Only what grading reads is written: `.py` files (and `.py.txt` and an exercise's `exNN_….txt`
of at most 1 MiB, see submission.py) and the students' own `.zip` files; every folder is made, and every other
file as an empty file of its name, so a student who handed in only a PDF or a .rar is listed
and reported as not gradable with what was handed in, rather than missing. Entries with absolute paths, `..`
or symlinks are skipped.

The bounds are each student's: a student's part of the zip (what `students_root` and
`find_students` will take as that student: the folder or files below the folders that wrap
the class, a Moodle student's plugin folders and a Canvas student's files together; all of a
class zip of one student's folder) of more than MAX_STUDENT_ENTRIES entries (the folders their
paths make counted: a few entries a hundred folders deep are no few entries), or
MAX_STUDENT_BYTES written, or one entry over MAX_ENTRY_BYTES or over 1 MiB and MAX_RATIO:1 (a
zip bomb), is not unpacked: that student is "not gradable" with the reason (`unpack` returns
the refusals; `class_folder` gives them to the pipeline), the others are graded. Only what no
one student can cause stops the command: an index of more than MAX_CLASS_ENTRIES entries (or
folders its paths make, or files and folders written), or more than MAX_CLASS_BYTES written
in all.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..storage import temporary_prefix
from ..submission import (MAX_FILE_BYTES, exercise_file_name, is_exercise_folder, is_folder_entry, is_link_entry,
                          refuse_a_bomb, safe_path_parts, size_text)
from .intake import (CANVAS_FILE, IGNORED_NAMES, MOODLE_FILE, MOODLE_FOLDER, IntakeError, Refused, canvas_id,
                     composed, student_id_of)

# Each student's part of a class zip (see the module's docstring): the class's bounds before
# they were each student's, so a class zip unpacked before unpacks as it did.
MAX_STUDENT_ENTRIES = 100_000
MAX_ENTRY_BYTES = 64 * 1024**2
MAX_STUDENT_BYTES = 2 * 1024**3
MAX_RATIO = 200
# The machine's, whoever is to blame. The index is read whole before anything else (zipfile
# holds ~650 bytes an entry: 500,000 are ~330 MB and 2.5 s), and it is also every empty file
# and folder written: five times the old bound on the whole class, so one student at the
# student's bound leaves room for any real class (500 students of 20 files are 10,000). The
# bytes written bound the disk: one student brings at most MAX_STUDENT_BYTES, so only several
# students together (gigabytes of their own zips) reach four times that.
MAX_CLASS_ENTRIES = 500_000
MAX_CLASS_BYTES = 4 * MAX_STUDENT_BYTES
# Folders deep, below the class's temporary folder, that an entry's path is written to at most:
# nothing reads deeper (a few wrapping folders, the student's, 6 levels of the submission, 64
# looked into for any file at all), and a path 1,000 deep sent pathlib's mkdir past Python's
# recursion limit. A deeper entry is left out, as one whose name is too long (its first folders
# are made: a student of only such entries is not gradable, not missing).
MAX_WRITTEN_DEPTH = 128
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
def class_folder(path: Path, refused: dict[Path, Refused] | None = None) -> Iterator[Path]:
    """`path` itself unless it is a zip file; for a zip, a temporary folder holding its
    students (removed afterwards), and in `refused`, when given, the students of it whose part
    was not unpacked (by their path in that folder: a student's folder or file, as
    find_students gives it)."""
    if not path.is_file():
        yield lms_download_inside(path) if path.is_dir() else path  # (nothing: find_students says so)
        return
    if not zipfile.is_zipfile(path):
        raise IntakeError("batch.error.submissions_not_folder", path=str(path))
    with tempfile.TemporaryDirectory(prefix=temporary_prefix("class-")) as tmp:
        refusals = unpack(path, Path(tmp))
        # (a class zip of one student's folder, refused: its placeholders are no longer what
        # made students_root stop above the folder, so the index says where it stops)
        root = Path(tmp).joinpath(*refusals.root) if refusals.root is not None else None
        if root is None or not root.is_dir():
            root = students_root(Path(tmp))
        if refused is not None:
            refused.update(refused_students(refusals, Path(tmp), root))
        yield root


@dataclass
class Refusals:
    """What `unpack` left out: the folders that wrap the class (as the index shows them), and
    each refused student's part, by the part's path in the zip (one or two of its folders or
    files, written empty, so that the student is still found), and, for a class zip of one
    student's folder that was refused, the folder whose entry that student is."""

    wrapping: tuple[str, ...] = ()
    parts: dict[tuple[str, ...], Refused] = field(default_factory=dict)
    root: tuple[str, ...] | None = None


def refused_students(refusals: Refusals, target: Path, root: Path) -> dict[Path, Refused]:
    """The students below `root` (students_root of `target`) whose part was refused: the part's
    own folder or file, or the one of `root` holding it (a class zip of one student's folder)."""
    below = root.relative_to(target).parts
    depth = len(below)
    # students_root stops on the wrapping folders (see _wrapping), and every part hangs from them:
    # compared once, that prefix need not be compared for each part.
    on_wrapping = below == refusals.wrapping[:depth]
    students: dict[Path, Refused] = {}
    for part, refusal in refusals.parts.items():
        if len(part) > depth and (on_wrapping or part[:depth] == below):
            students.setdefault(root / part[depth], refusal)
    return students


class _Refusal(Exception):
    """refuse_a_bomb's error here: why, as data for the student's message."""

    def __init__(self, **why: object):
        super().__init__()
        self.why = why


@dataclass
class _Student:
    """One student's part of a class zip, as counted before anything is written."""

    parts: dict[tuple[str, ...], bool] = field(default_factory=dict)  # its first two: whether a folder
    entries: int = 0
    size: int = 0
    why: dict[str, object] | None = None


def unpack(archive_path: Path, target: Path) -> Refusals:
    """Write the entries grading reads (see the module's docstring) under `target`; the
    students' parts that were refused are returned, not written."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_CLASS_ENTRIES:
                raise _unsafe(archive_path, reason_id="zip.reason.entries", limit=MAX_CLASS_ENTRIES)
            read = [(entry, safe_path_parts(entry)) for entry in entries]
            wrapping = _wrapping(read)
            # A folder of the chain that is one submission (students_root stops above it): the
            # class is that one student, whose every part below it is.
            depth = _students_depth(read, wrapping)
            one = wrapping[:depth + 1] if depth < len(wrapping) else None
            plan = _plan(read, wrapping, one, archive_path)
            digests = _write(archive, plan, target)
            refusals = Refusals(wrapping)
            for owner, student in plan.students.items():
                if student.why is not None:
                    shown = one if owner == one else next(iter(student.parts))  # (its folder, for one student's)
                    refusals.parts.update(_refused(student, shown, digests[id(student)], archive_path, target))
                    if owner == one:
                        refusals.root = wrapping[:depth]
            return refusals
    except (zipfile.BadZipFile, EOFError, OSError) as error:
        raise IntakeError("batch.error.class_zip_broken", path=str(archive_path), reason=str(error)) from None


@dataclass
class _Plan:
    """A class zip's index read before anything is written: each student's part, and each
    entry with what writing it needs."""

    students: dict[object, _Student] = field(default_factory=dict)
    # (entry, its folder names, not a file, written with its content, its student, its folder's number)
    planned: list[tuple] = field(default_factory=list)
    made: dict[tuple[int, str], int] = field(default_factory=dict)  # the folders the entries make: (parent's number, name)


def _plan(read: list[tuple[zipfile.ZipInfo, list[str] | None]], wrapping: tuple[str, ...],
          one: tuple[str, ...] | None, archive_path: Path) -> _Plan:
    """Count each entry, and the folders it makes, to its student (see _count); stop the
    command on the class's own bounds (_unsafe)."""
    plan = _Plan()
    owners: dict[tuple[str, ...], _Student] = {}  # (a part's owner is found once)
    last: list[str] = []  # the folders the last entry made (most entries: those of the one before)
    node = 0  # the last of them, by its number
    for entry, parts in read:
        if parts is None:  # absolute, `..` or macOS metadata: never written
            continue
        link, folder = is_link_entry(entry), is_folder_entry(entry)
        content = not (link or folder) and _with_content(entry, parts[-1])
        part = _part_of(parts, wrapping, folder or link)
        student = None
        if part is not None:
            student = owners.get(part)
            if student is None:  # a part first seen: whose (one student may have several)
                owner = one if one is not None and len(part) > len(one) else _owner(part, wrapping)
                student = owners[part] = plan.students.setdefault(owner, _Student())
                if len(student.parts) < 2:
                    student.parts[part] = False
            if part in student.parts and (len(parts) > len(part) or folder):
                student.parts[part] = True
        folders = (parts if folder else parts[:-1])[:MAX_WRITTEN_DEPTH]  # (what is made of them)
        new = 0
        # (below the wrapping folders, every folder is its student's; a refused student's
        # are neither written nor held)
        if folders != last and (student is None or student.why is None):
            new, node = _make(folders, plan.made, len(part) - 1 if part else len(folders), len(parts) - 1)
            last = folders
            if len(plan.made) > MAX_CLASS_ENTRIES:  # (several students' folders, held here)
                raise _unsafe(archive_path, reason_id="zip.reason.entries", limit=MAX_CLASS_ENTRIES)
        if student is not None:
            _count(student, entry, content, new)
        plan.planned.append((entry, parts, link or folder, content, student, node))
    written = [s for s in plan.students.values() if s.why is None]
    if sum(s.entries for s in written) > MAX_CLASS_ENTRIES:  # (the folders they make too)
        raise _unsafe(archive_path, reason_id="zip.reason.entries", limit=MAX_CLASS_ENTRIES)
    if sum(s.size for s in written) > MAX_CLASS_BYTES:
        raise _unsafe(archive_path, reason_id="zip.reason.total", limit=size_text(MAX_CLASS_BYTES))
    return plan


def _write(archive: zipfile.ZipFile, plan: _Plan, target: Path) -> dict[int, "hashlib._Hash"]:
    """Write the planned entries under `target`, but those of refused students, which are
    hashed instead: {id of the student: the hash of their entries}."""
    digests = {id(s): hashlib.sha256() for s in plan.students.values() if s.why is not None}
    for entry, parts, not_file, content, student, folder_number in plan.planned:
        if student is not None and student.why is not None:
            digests[id(student)].update(f"{entry.filename}\0{entry.file_size}\0{entry.CRC}\0".encode())
        elif len(parts) > MAX_WRITTEN_DEPTH:
            _keep_folders_of(parts[:MAX_WRITTEN_DEPTH], target)  # (its student is still there)
        elif is_link_entry(entry):
            _keep_folders_of(parts, target)  # a symlink left out: its student is still there
        elif not not_file and (folder_number, parts[-1]) in plan.made:
            continue  # a file where another entry's folder is: the folder (a student's, maybe) wins
        else:
            _write_entry(archive, entry, target, parts, content)
    return digests


def _make(folders: list[str], made: dict[tuple[int, str], int], start: int, end: int) -> tuple[int, int]:
    """Mark the folders of an entry's path as made: how many of folders[start:end] were not, and
    the number of the last (0: the target)."""
    node, new = 0, 0
    for i, name in enumerate(folders):
        below = made.get((node, name))
        if below is None:
            below = made[(node, name)] = len(made) + 1
            new += start <= i < end
        node = below
    return new, node


def _count(student: _Student, entry: zipfile.ZipInfo, content: bool, folders: int = 0) -> None:
    """Add an entry, and the `folders` it makes, to its student's part; the first bound it
    passes is why the part is refused."""
    student.entries += 1 + folders
    if student.why is not None:
        return
    if student.entries > MAX_STUDENT_ENTRIES:
        student.why = {"reason_id": "zip.reason.entries", "limit": MAX_STUDENT_ENTRIES}
        return
    if not content:
        return  # (a folder, a symlink, or an empty file of its name)
    try:
        if entry.file_size > MAX_FILE_BYTES:  # (smaller, an entry is no bomb: the total bounds them all)
            refuse_a_bomb(entry, MAX_ENTRY_BYTES, MAX_RATIO, _Refusal)
    except _Refusal as refusal:
        student.why = refusal.why
        return
    student.size += entry.file_size
    if student.size > MAX_STUDENT_BYTES:
        student.why = {"reason_id": "zip.reason.total", "limit": size_text(MAX_STUDENT_BYTES)}


def _refused(student: _Student, shown: tuple[str, ...], digest: "hashlib._Hash", archive_path: Path,
             target: Path) -> dict[tuple[str, ...], Refused]:
    """A refused student's first parts, written empty (a folder, or a file of its name), so that
    find_students still finds the student, whose refusal they then carry; the message names
    `shown`, the student's first part (or folder)."""
    params = {"path": "/".join(shown), **student.why}
    digest.update(repr(sorted(params.items())).encode())  # (the reason too: bounds changed, graded again)
    # (not the zip's name: the same class downloaded again as `download (1).zip` is unchanged)
    params["archive"] = archive_path.name
    refusal = Refused(tuple(sorted((k, str(v)) for k, v in params.items())), "raw:" + digest.hexdigest())
    for part, is_folder in student.parts.items():
        if len(part) > MAX_WRITTEN_DEPTH:
            continue
        path = target.joinpath(*part)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if is_folder:
                path.mkdir(exist_ok=True)
            elif not os.path.isdir(path):
                path.touch()
        except OSError:
            pass
    return dict.fromkeys(student.parts, refusal)


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in IGNORED_NAMES


def _wrapping(read: list[tuple[zipfile.ZipInfo, list[str] | None]]) -> tuple[str, ...]:
    """The folders that wrap the class, read from the index as `students_root` reads them from
    the disk: down from the top while a folder's one visible entry is a folder (`students_root`
    may stop higher, where a folder is one submission, never lower). Linear in the names: the
    chain seen so far is extended, cut where two entries part, or left alone."""
    end: tuple[str, ...] | None = None
    closed = False  # two entries part at `end`: it can only be cut higher
    for entry, parts in read:
        if parts is None:
            continue
        if closed and len(parts) > len(end) and _common(end, parts) == len(end):
            continue  # through the folder where entries part: nothing to cut (most entries, at once)
        visible = next((i for i, name in enumerate(parts) if _hidden(name)), len(parts))
        if is_link_entry(entry):  # never written; its folders are
            node = tuple(parts[:min(visible, len(parts) - 1)])
        elif visible < len(parts) or is_folder_entry(entry):
            node = tuple(parts[:visible])
        else:
            node = (*parts[:-1], "/")  # a file ("/" is no name of a folder)
        if not node:
            continue
        if end is None:
            end = node
            continue
        same = _common(end, node)
        if same == len(node) or (closed and same == len(end)):
            continue
        if same == len(end):
            end = node
        else:
            end, closed = end[:same], True
    if end is None:
        return ()
    return end[:-1] if end[-1:] == ("/",) else end


def _students_depth(read: list[tuple[zipfile.ZipInfo, list[str] | None]], wrapping: tuple[str, ...]) -> int:
    """How many of the wrapping folders `students_root` goes down, read from the index: it stops
    above a folder that is one submission (_one_submission: an exercise's file in it, an
    `exercises` folder, or one file alone), which, in the chain of wrapping folders, only the
    last can hold, or one whose next is `exercises`."""
    n = len(wrapping)
    for k in range(1, n):
        if wrapping[k] == "exercises":
            return k - 1
    if n == 0:
        return 0
    children: dict[str, bool] = {}  # the last folder's visible entries (two tell enough): a folder?
    for entry, parts in read:
        if parts is None or len(parts) <= n or _common(wrapping, parts) < n or _hidden(parts[n]):
            continue
        folder = len(parts) > n + 1 or is_folder_entry(entry)
        if not folder and is_link_entry(entry):
            continue  # never written
        if (folder and parts[n] == "exercises") or (not folder and exercise_file_name(parts[n])):
            return n - 1
        if len(children) < 2 or parts[n] in children:
            children[parts[n]] = children.get(parts[n], False) or folder
    return n - 1 if len(children) == 1 and not any(children.values()) else n


def _common(a: tuple[str, ...], b: tuple[str, ...] | list[str]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _part_of(parts: list[str], wrapping: tuple[str, ...], folder: bool) -> tuple[str, ...] | None:
    """The part of the zip an entry belongs to: the entry of the folder it leaves the wrapping
    folders from (a student's folder or file below them, or a hidden one beside them); None for
    a wrapping folder itself."""
    same = _common(wrapping, parts)
    if same < len(parts):
        return tuple(parts[:same + 1])
    return None if folder else tuple(parts)


def _owner(part: tuple[str, ...], wrapping: tuple[str, ...]) -> object:
    """Whose a part is, as find_students will say: a Moodle student's plugin folders and flat
    files, a Canvas student's files, `alice` and `alice.zip`, are one student's."""
    if len(part) != len(wrapping) + 1:
        return part  # beside the wrapping folders: a part of its own
    name = part[-1]
    for pattern in (MOODLE_FOLDER, MOODLE_FILE):
        if found := pattern.match(name):
            return composed(found.group("student"))
    if found := CANVAS_FILE.match(name):
        return canvas_id(found)
    return student_id_of(name[:-len(".zip")] if name.lower().endswith(".zip") else name)


def _keep_folders_of(parts: list[str], target: Path) -> None:
    """The folders of an entry that is not written (a symlink: never followed): a student whose
    only file it was is then one with nothing gradable, not one missing."""
    if len(parts) < 2:
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
    is_folder = is_folder_entry(entry)
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
