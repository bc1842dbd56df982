"""`grade watch`: grade again every time a `.py` file of the submission changes.

File events come from `watchdog` when it is installed; where events do not arrive (WSL on a
Windows folder, network drives) or with `--poll`, a loop compares the modification times and
sizes of the submission's `*.py` files. Either way a change is confirmed by that snapshot, so
events that change nothing (a file opened for reading) never trigger a grading.
"""

from __future__ import annotations

import gc
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Callable

import click

from .. import curriculum, progress
from ..errors import GraderError
from ..i18n import translate
from ..reports.terminal import paragraphs
from .student import SECONDS, is_practice, lang_option, language, submission_option

SETTLE_SECONDS = 0.2  # editors write a file in several steps: wait for the last one
Snapshot = dict[str, tuple[int, int]]


def watched_files(submission: Path) -> list[Path]:
    """The files whose change means "grade again": the zip itself, or the folder's *.py files
    (and those of an `exercises/` folder inside it)."""
    submission = Path(submission)
    if submission.is_file():
        return [submission]
    files: list[Path] = []
    for folder in (submission, submission / "exercises"):
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.py")))
    return files


def snapshot(submission: Path) -> Snapshot:
    """{path: (mtime in ns, size)} of the watched files; a vanished file simply drops out."""
    state: Snapshot = {}
    for path in watched_files(submission):
        try:
            info = path.stat()
        except OSError:
            continue
        state[str(path)] = (info.st_mtime_ns, info.st_size)
    return state


class PollingWatcher:
    """Compares snapshots every `interval` seconds: works on every file system."""

    mode = "poll"

    def __init__(self, submission: Path, interval: float = 1.0):
        self.submission, self.interval = Path(submission), interval
        self._last = snapshot(self.submission)

    def rebase(self) -> None:
        """Forget changes made so far (called right before a grading reads the files)."""
        self._last = snapshot(self.submission)

    def wait(self, stop: threading.Event) -> bool:
        """Block until a watched file changed (True) or `stop` is set (False)."""
        while not stop.wait(self.interval):
            current = snapshot(self.submission)
            if current != self._last:
                # Let the editor finish writing, then take the settled state as the new base.
                stop.wait(SETTLE_SECONDS)
                self._last = snapshot(self.submission)
                return True
        return False

    def close(self) -> None:
        pass


class EventWatcher(PollingWatcher):
    """watchdog's native file events (inotify, FSEvents, ReadDirectoryChangesW), confirmed by a snapshot.

    A slow poll stays on as a safety net, so a missed event costs a few seconds, not a grading.
    """

    mode = "events"

    def __init__(self, submission: Path, interval: float = 1.0):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        super().__init__(submission, interval)
        self._event = threading.Event()
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:  # noqa: ANN001 - watchdog's event type
                paths = [getattr(event, "src_path", ""), getattr(event, "dest_path", "")]
                if any(str(p).endswith((".py", ".zip")) or str(p) == str(watcher.submission) for p in paths if p):
                    watcher._event.set()

        self._observer = Observer()
        # Never recursive: a kit clone holds .git and virtual environments with thousands of folders.
        if self.submission.is_dir():
            targets = [self.submission] + [self.submission / "exercises"] * (self.submission / "exercises").is_dir()
        else:
            targets = [self.submission.parent]
        for target in targets:
            self._observer.schedule(Handler(), str(target), recursive=False)
        self._observer.daemon = True
        self._observer.start()

    def wait(self, stop: threading.Event) -> bool:
        safety_net = max(self.interval, 5.0)
        next_poll = time.monotonic() + safety_net
        while not stop.is_set():
            # Short waits keep Ctrl-C responsive on every platform.
            fired = self._event.wait(0.1)
            if not fired and time.monotonic() < next_poll:
                continue
            next_poll = time.monotonic() + safety_net
            if fired:
                stop.wait(SETTLE_SECONDS)
                self._event.clear()
            current = snapshot(self.submission)
            if current != self._last:
                self._last = current
                return True
        return False

    def close(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=2)


def make_watcher(submission: Path, poll: bool = False, interval: float = 1.0) -> PollingWatcher:
    """An EventWatcher when watchdog imports and polling was not asked for, else a PollingWatcher."""
    if not poll:
        try:
            return EventWatcher(submission, interval)
        except (ImportError, OSError):
            pass
    return PollingWatcher(submission, interval)


# Set by the SIGINT handler: pytest swallows a KeyboardInterrupt raised inside a grading and
# returns a partial report, so the loop checks this flag after each grading.
INTERRUPTED = threading.Event()


def _on_sigint(signum, frame) -> None:  # noqa: ANN001
    INTERRUPTED.set()
    raise KeyboardInterrupt


def _what(exercises: list[curriculum.Exercise], lang: str) -> str:
    if len(exercises) == 1:
        return translate("watch.what_one", lang, number=exercises[0].number)
    if [ex.number for ex in exercises] == [ex.number for ex in curriculum.all_exercises()]:
        return translate("watch.what_all", lang)
    return translate("watch.what_many", lang, numbers=", ".join(str(ex.number) for ex in exercises))


def watch_loop(
    submission: Path,
    exercises: list[curriculum.Exercise],
    seed: int,
    lang: str,
    limits: object,
    watcher: PollingWatcher,
    *,
    max_rounds: int | None = None,
    on_result: Callable[[object], None] | None = None,
    stop: threading.Event | None = None,
    echo: Callable[[str], None] = click.echo,
    clear: bool = False,
    color: bool = False,
    record: bool = True,
) -> int:
    """Grade, show the result, wait for a change, repeat; returns the number of gradings.

    Each Report goes into the student's progress when `record` (see student.is_practice).
    Stops after `max_rounds` gradings, or when `stop` is set. `on_result` receives each Report
    (or the GraderError that prevented grading).
    """
    from ..grading import grade_submission
    from ..reports import terminal
    from ..submission import shown_folder

    stop = stop or threading.Event()
    rounds = 0
    what = _what(exercises, lang)
    mode = translate(f"watch.mode_{watcher.mode}", lang, interval=f"{watcher.interval:g}")
    while not stop.is_set():
        watcher.rebase()
        if clear:
            click.clear()
        if rounds:
            echo(translate("watch.changed", lang, time=time.strftime("%H:%M:%S")))
        try:
            result: object = grade_submission(submission, exercises, seed, lang, limits)
        except GraderError as error:
            result = error
        if INTERRUPTED.is_set():
            raise KeyboardInterrupt
        rounds += 1
        if isinstance(result, GraderError):
            echo(translate("error.prefix", lang) + " " + result.message(lang))
        else:
            if record:
                progress.record(result)
            width = terminal.screen_width() if color else None
            echo(terminal.render(result, lang, color=color, width=width, fold_passed=len(exercises) > 1,
                                 folder=shown_folder(submission)))
        if on_result is not None:
            on_result(result)
        if max_rounds is not None and rounds >= max_rounds:
            break
        echo("")
        echo(paragraphs(translate("watch.watching", lang, what=what, path=str(submission), mode=mode,
                                  time=time.strftime("%H:%M:%S"))))
        echo(paragraphs(translate("watch.how_to", lang)))
        if not watcher.wait(stop):
            break
    return rounds


@click.command("watch")
@click.argument("which", metavar="[N|all]", default="all")
@submission_option
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed of the hidden inputs (default: the course's).")
@click.option("--timeout", type=SECONDS, default=10.0, show_default=True,
              help="Seconds allowed for one call into your code.")
@click.option("--poll", is_flag=True, help="Check the files' times every --interval seconds instead of "
              "waiting for file events (for WSL and network drives).")
@click.option("--interval", type=click.FloatRange(min=0.05), default=1.0, show_default=True,
              help="Seconds between two checks of the files.")
@lang_option
def watch(which: str, submission: Path, seed: int | None, timeout: float, poll: bool, interval: float,
          lang: str | None) -> None:
    """Grade exercise N (or all) again every time you save a file; Ctrl-C to quit."""
    from ..grading import course_seed
    from ..sandbox.client import Limits
    from .student import fail

    lang = language(lang)
    try:
        exercises = curriculum.select(which)
    except GraderError as error:
        fail(error, lang)
    if not submission.exists():
        from ..errors import SubmissionError

        fail(SubmissionError("error.submission_missing", path=str(submission)), lang)
    gc.enable()  # a long-running command: `main` turned the collector off for short ones
    previous_handler = None
    if threading.current_thread() is threading.main_thread():
        previous_handler = signal.signal(signal.SIGINT, _on_sigint)
    INTERRUPTED.clear()
    watcher = make_watcher(submission, poll, interval)
    try:
        watch_loop(submission, exercises, course_seed() if seed is None else seed, lang, Limits(call_timeout=timeout),
                   watcher, clear=sys.stdout.isatty(), color=sys.stdout.isatty(),
                   record=is_practice(submission, seed))
    except KeyboardInterrupt:
        click.echo()
        click.echo(translate("watch.bye", lang))
    finally:
        watcher.close()
        INTERRUPTED.clear()
        if previous_handler is not None:
            signal.signal(signal.SIGINT, previous_handler)
    sys.exit(0)
