"""One batch run: find the students, skip the unchanged ones, grade the rest (pool or Dask),
commit each result as it arrives, then rebuild every view from the gradebook."""

from __future__ import annotations

import hashlib
import json
import sys
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Collection, Iterable, Iterator

from ..i18n import translate
from ..storage import remove_stale_temporary_folders
from . import html, outputs
from .intake import IntakeError, Packed, Refused, Student, find_students, pack
from .store import GRADEBOOK, Gradebook, Stored

if TYPE_CHECKING:
    from distributed import Client

    from .html import ClassTally


@dataclass(frozen=True)
class Settings:
    submissions: Path
    out: Path
    numbers: tuple[int, ...]
    seed: int
    lang: str
    timeout: float = 10.0
    workers: int = 1
    scheduler: str | None = None

    @cached_property  # (read for every student's Gradescope file: looked up once)
    def public_seed(self) -> bool:
        """Whether the hidden inputs are the course's public ones (the student edition's)."""
        from ..grading import course_seed

        return self.seed == course_seed()

    @property
    def options(self) -> str:
        """What, besides the submission, decides a result: a change means grading again."""
        try:
            version = metadata.version("gdkit")
        except metadata.PackageNotFoundError:
            version = "unknown"
        return json.dumps({"exercises": list(self.numbers), "lang": self.lang, "seed": self.seed,
                           "timeout": self.timeout, "version": version, "grader": grader_fingerprint()}, sort_keys=True)


@lru_cache(maxsize=4)
def grader_fingerprint(package: Path = Path(__file__).resolve().parent.parent) -> str:
    """A hash of what grades: the grader's code, suites, catalogues and templates, the recorded
    answers of an edition, and the reference where there is one. A kit updated in place (a
    `git pull` with a new test or a fixed message, the version unchanged) regrades everyone,
    instead of keeping results a different grader made beside new ones."""
    places = [package, package.parent / "reference"]
    digest = hashlib.sha256()
    for place in places:
        for path in sorted(p for p in place.rglob("*") if p.suffix in GRADING_FILES and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(place.parent)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


GRADING_FILES = {".py", ".yaml", ".ini", ".html", ".gz"}  # .gz: an edition's recorded answers


@dataclass
class Summary:
    students: int = 0
    graded: int = 0
    skipped: int = 0
    broken: int = 0
    internal: int = 0
    ignored: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    dropped: list[tuple[str, float, float]] = field(default_factory=list)  # (student, last total, new total)
    # The same, for a submission that did not change: graded again with other options (another
    # --seed's hidden inputs catch a mistake the last ones did not), not a resubmission.
    dropped_unchanged: list[tuple[str, float, float]] = field(default_factory=list)
    still_not_gradable: list[str] = field(default_factory=list)  # skipped as unchanged, and not gradable
    # Graded again because the submission is not the one their record is of (a resubmission),
    # by name: a re-run's count alone does not say whose files changed.
    resubmitted: list[str] = field(default_factory=list)
    # Graded for the first time into a gradebook that has earlier gradings: a late submission, or
    # a student an interrupted run did not reach (nobody on a first run, nor one whose record
    # was deleted by hand to grade again: the history has them).
    first_graded: list[str] = field(default_factory=list)
    not_gradable: list[str] = field(default_factory=list)  # this run's `broken`, by name
    grader_failed: list[str] = field(default_factory=list)  # this run's `internal`, by name
    # Exercises the replaced records were graded on and this run's --exercises leaves out: their
    # points are gone from the current records and every view (the totals stay in history).
    left_out: set[int] = field(default_factory=set)
    previous: set[int] = field(default_factory=set)  # every exercise of the replaced records
    # Students graded again with an unchanged submission, and why: each grading option that
    # differs from their record's, with the values it had there and has now (see changed_options).
    regraded: int = 0
    changed: dict[str, tuple[set[str], str]] = field(default_factory=dict)
    seconds: float = 0.0
    average: float = 0.0
    max_score: float | None = None


def changed_options(before: str, now: str) -> dict[str, tuple[str, str]]:
    """What differs between two `Settings.options`: {"exercises" | "lang" | "timeout": (before,
    now)} as shown to the instructor, {"seed": ("", "")} (never shown: it is the instructor's
    secret) and {"grader": ("", "")} for a new version or fingerprint, or options unreadable."""
    from ..curriculum import spec_of

    shown = {"exercises": lambda v: spec_of({int(n) for n in v}), "lang": str, "timeout": lambda v: f"{float(v):g}"}
    try:
        old, new = json.loads(before), json.loads(now)
        changes = {name: (show(old.get(name)), show(new.get(name)))
                   for name, show in shown.items() if old.get(name) != new.get(name)}
    except (ValueError, TypeError, AttributeError):  # not options this grader wrote (edited by hand?)
        return {"grader": ("", "")}
    if old.get("seed") != new.get("seed"):
        changes["seed"] = ("", "")
    if old.get("version") != new.get("version") or old.get("grader") != new.get("grader"):
        changes["grader"] = ("", "")
    return changes


def record_of(result: dict, lang: str) -> tuple[dict, str | None, str | None]:
    """(record, error id, error message) of one worker result."""
    if result["report"] is not None:
        return result["report"], None, None
    message = translate(result["error_id"], lang, **result["error_params"])
    return outputs.error_record(result["error_id"], message), result["error_id"], message


def write_student_files(out: Path, student: str, record: dict, settings: "Settings", record_json: bytes) -> None:
    """results/<student>.json (`record_json`: the record as outputs.record_json encodes it,
    done once by the caller) and the Gradescope file, which the student reads: with the
    instructor's own seed, without the hidden inputs and expected answers."""
    outputs.atomic_write(out / "results" / f"{student}.json", record_json, durable=False)
    outputs.atomic_write(out / "gradescope" / student / "results.json",
                         outputs.gradescope_json(record, settings.lang, numbers_shown=settings.public_seed), durable=False)


LOCK_FILE = ".grade-batch.lock"


class OutputBusy(Exception):
    """Another `grade batch` is writing to the same output folder."""


@contextmanager
def sole_writer(out: Path) -> Iterator[None]:
    """Hold the output folder for this run: a second run on it would delete the first one's
    files in the middle of their writing (as a killed run's leftovers) and grade everything
    twice. The lock goes with the process, so a killed run leaves none behind. (Where there
    is no fcntl, on Windows, runs are not guarded.)"""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(out / LOCK_FILE, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputBusy(str(out)) from None
        yield


def run(settings: Settings, progress: Callable[[int, str], object] | None = None) -> Summary:
    """The whole batch; `progress(total, stage)` ("reading" the submissions, then "grading")
    returns an object with update(n) and close(), or None."""
    from .download import class_folder
    from .runner import connect

    start = time.perf_counter()
    refused: dict[Path, Refused] = {}  # a class zip's students whose part was not unpacked
    with class_folder(settings.submissions, refused) as folder:  # an LMS's zip of the class is unpacked for the run
        try:
            students, ignored = find_students(folder)
        except IntakeError as error:
            if not settings.submissions.is_file():  # a folder's paths are the instructor's own
                raise
            # Name the zip the instructor gave, not the temporary folder it was unpacked into.
            error.params = {k: _in_zip(str(v), folder, settings.submissions) for k, v in error.params.items()}
            raise
        with ExitStack() as stack:
            # A scheduler that cannot be reached stops the run before anything is written.
            client = stack.enter_context(connect(settings.scheduler)) if settings.scheduler else None
            settings.out.mkdir(parents=True, exist_ok=True)
            stack.enter_context(sole_writer(settings.out))
            return _run(settings, students, Summary(students=len(students), ignored=ignored), start, progress, client,
                        refused)


def _in_zip(text: str, unpacked: Path, archive: Path) -> str:
    """A path of the unpacked class zip, said as a place in the zip (canvas.zip, canvas.zip/x)."""
    for root in (str(unpacked), str(unpacked.resolve())):
        if text == root or text.startswith(root + "/"):
            return str(archive) + text[len(root):]
    return text


def _run(settings: Settings, students: list[Student], summary: Summary, start: float,
         progress: Callable[[int, str], object] | None, client: "Client | None" = None,
         refused: dict[Path, Refused] | None = None) -> Summary:
    from .runner import WarmUp, jobs_of, run_dask, run_local, start_pool

    out = settings.out
    outputs.remove_leftovers(out)
    remove_stale_temporary_folders()  # what a killed run left in the system's temporary folder
    options = settings.options
    exercises_text = ",".join(str(n) for n in settings.numbers)
    # Local worker processes start at the first submission to grade: they warm up while we pack the rest.
    pool = None
    warm_up = WarmUp(settings.numbers, settings.seed, settings.timeout)
    with Gradebook(out / GRADEBOOK) as book, ExitStack() as stack:
        packed: dict[str, Packed] = {}
        to_grade: list[Packed] = []
        for item in _changed(students, refused, book, options, summary, progress):
            packed[item.student] = item
            to_grade.append(item)
            if pool is None and item.data is not None and not settings.scheduler:
                pool = stack.enter_context(start_pool(settings.workers, warm_up))
        fresh: set[str] = set()  # students whose files and page this run wrote

        def commit(result: dict) -> None:
            item = packed[result["student"]]
            record, error_id, message = record_of(result, settings.lang)
            if result.get("internal_error") and error_id is None:
                error_id, message = "batch.error.internal", translate("batch.error.internal", settings.lang)
            text = outputs.record_json(record)
            write_student_files(out, item.student, record, settings, text)
            last = book.last_total(item.student)
            stored = book.save(item.student, item.source, item.hash, options, settings.seed, exercises_text,
                               settings.lang, record, error_id, message, bool(result.get("internal_error")),
                               text.decode("utf-8"))
            html.write_student_page(out, stored, settings.lang)  # now, not in the views' rebuild at the end
            fresh.add(item.student)
            # Each student counts once: graded, not gradable (a broken submission) or a grader failure.
            summary.graded += error_id is None
            summary.internal += bool(result.get("internal_error"))
            if result.get("internal_error"):
                summary.grader_failed.append(item.student)
            summary.broken += error_id is not None and not result.get("internal_error")
            new_total = float(record.get("score", 0.0))
            if last is not None and last.graded and last.exercises == exercises_text and \
                    not result.get("internal_error") and new_total < last.score:
                dropped = summary.dropped_unchanged if last.content_hash == item.hash else summary.dropped
                dropped.append((item.student, last.score, new_total))
            if last is not None and last.graded and last.exercises != exercises_text:
                before = {int(n) for n in last.exercises.split(",") if n.strip().isdigit()}
                summary.previous |= before
                summary.left_out |= before - set(settings.numbers)
            if bar is not None:
                bar.update(1)

        bar = progress(len(to_grade), "grading") if progress is not None and to_grade else None
        try:
            # Broken submissions are recorded at once: nothing of theirs needs a worker.
            for item in to_grade:
                if item.data is None:
                    commit({"student": item.student, "report": None, "error_id": item.error_id,
                            "error_params": dict(item.error_params), "internal_error": False})
            jobs = jobs_of(to_grade, settings.numbers, settings.seed, settings.lang, settings.timeout)
            # From here on a submission's bytes live only in its job, freed once it is graded.
            packed = {name: replace(item, data=None) for name, item in packed.items()}
            to_grade.clear()
            if jobs and client is not None:
                run_dask(jobs, client, commit)
            elif jobs:
                run_local(jobs, settings.workers, commit, pool=pool)
        finally:
            if bar is not None:
                bar.close()
        present = {s.id for s in students}
        summary.stale = sorted(set(book.students()) - present)
        not_gradable = set(book.not_gradable()) & present
        summary.still_not_gradable = sorted(not_gradable - fresh, key=outputs.roster_key)
        summary.not_gradable = sorted(not_gradable & fresh, key=outputs.roster_key)
        summary.grader_failed.sort(key=outputs.roster_key)
        summary.resubmitted.sort(key=outputs.roster_key)
        summary.first_graded.sort(key=outputs.roster_key)
        tally = rebuild_views(out, book.records([s.id for s in students]), settings, fresh)
        outputs.remove_views_of(out, summary.stale)
    summary.seconds = time.perf_counter() - start
    summary.average, summary.max_score = tally.mean_score, tally.max_score
    return summary


def _changed(students: list[Student], refused: dict[Path, Refused] | None, book: Gradebook, options: str,
             summary: Summary, progress: Callable[[int, str], object] | None) -> Iterator[Packed]:
    """The submissions to grade, read (packed) one by one: a student whose record is of this
    very submission and these options is counted as skipped; one whose submission is the same
    but not the options is counted as graded again (if it is gradable), with the options that changed. A bar
    shows the reading, which takes seconds for a large class before the first grading."""
    bar = progress(len(students), "reading") if progress is not None and len(students) > 1 else None
    known = bool(book.students())  # earlier gradings: a student new to them is named
    try:
        for student in students:
            item = pack(student, refused)
            if bar is not None:
                bar.update(1)
            graded_with = book.options_of(item.student, item.hash)
            if graded_with == options:
                summary.skipped += 1
                continue
            if graded_with is None:
                last = book.last_total(item.student)
                if last is not None and last.content_hash != item.hash:
                    summary.resubmitted.append(item.student)
                elif last is None and known and not book.ever_graded(item.student):
                    summary.first_graded.append(item.student)
            if graded_with is not None and item.data is not None:  # (not gradable: counted as such, not here)
                summary.regraded += 1
                for name, (before, now) in changed_options(graded_with, options).items():
                    summary.changed.setdefault(name, (set(), now))[0].add(before)
            yield item
    finally:
        if bar is not None:
            bar.close()


def rebuild_views(out: Path, records: Iterable[Stored], settings: Settings,
                  fresh: Collection[str] = ()) -> "ClassTally":
    """Every file view, from the gradebook's records, one record at a time (memory stays flat;
    the per-student files are rewritten only if changed, and not at all for the `fresh`
    students, whose files this run wrote from these very records)."""
    tally = html.ClassTally(settings.numbers)
    for stored in records:
        if stored.student not in fresh:
            write_student_files(out, stored.student, stored.record, settings, stored.record_json.encode("utf-8"))
            html.write_student_page(out, stored, settings.lang)
        tally.add(stored)
    outputs.atomic_write(out / "grades.csv", outputs.grades_csv(tally.csv_rows(), settings.numbers))
    html.write_report(out, tally, settings.lang, settings.seed)
    return tally


def summary_line(summary: Summary, out: Path, lang: str) -> str:
    # No student with points (all not gradable): no average to speak of.
    message_id = "batch.summary" if summary.max_score is not None else "batch.summary_no_scores"
    return translate(message_id, lang, students=summary.students, graded=summary.graded,
                     skipped=summary.skipped, broken=summary.broken, internal=summary.internal,
                     average=outputs.number(round(summary.average, 2)),
                     max_score=outputs.number(summary.max_score) if summary.max_score is not None else "",
                     seconds=f"{summary.seconds:.1f}", out=str(out))


def is_terminal() -> bool:
    return sys.stdout.isatty()
