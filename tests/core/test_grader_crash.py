"""A failure of the grader itself (a bug, a kit edited wrongly) ends `grade` with one line in
the user's language and exit code 3, the traceback kept in a file to send; never a traceback
on the student's screen and exit 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from grader.i18n import translate

from ..conftest import REFERENCE, ROOT

BROKEN_KIT = """
import sys
import grader.oracle

def broken(self, exercise, seed=None):
    raise ModuleNotFoundError("No module named 'reference.ex03_misnamed'")

grader.oracle.LiveOracle.__init__ = broken
from grader.cli import main
sys.argv = ["grade", *sys.argv[1:]]
main()
"""


def test_a_grader_failure_is_one_line_exit_3_and_a_file_to_send(tmp_path: Path):
    done = subprocess.run([sys.executable, "-c", BROKEN_KIT, "exercise", "3", "--submission", str(REFERENCE), "--lang", "kk"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=dict(os.environ, GRADE_DATA_DIR=str(tmp_path)))
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    (saved,) = (tmp_path / "crashes").iterdir()
    expected = translate("error.grader_crashed", "kk", path=saved,
                         error="ModuleNotFoundError: No module named 'reference.ex03_misnamed'")
    assert done.stderr.strip() == expected
    details = saved.read_text(encoding="utf-8")
    assert details.startswith("grade exercise 3 --submission") and "Traceback" in details and "ex03_misnamed" in details


CTRL_C_WHILE_STARTING = """
import sys
from grader import cli

def interrupted(ctx, name):
    raise KeyboardInterrupt  # Ctrl-C while click resolves the command: before any command's own handler

cli.cli.get_command = interrupted
sys.argv = ["grade", *sys.argv[1:]]
cli.main()
"""


def test_ctrl_c_while_the_command_starts_exits_130_in_the_users_language(tmp_path: Path):
    done = subprocess.run([sys.executable, "-c", CTRL_C_WHILE_STARTING, "list", "--lang", "ru"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=dict(os.environ, GRADE_DATA_DIR=str(tmp_path)))
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == "Прервано!" and "Traceback" not in done.stderr


CTRL_C_WHILE_IMPORTING = """
import sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            raise KeyboardInterrupt  # Ctrl-C while Python imports the CLI's libraries
        return None

sys.meta_path.insert(0, CtrlC())
sys.argv = ["grade", *sys.argv[1:]]
from grader.entry import main
main()
"""


def test_ctrl_c_while_the_cli_is_imported_exits_130_without_a_traceback(tmp_path: Path):
    """The `grade` command's entry point (pyproject) imports the CLI itself: a Ctrl-C in the
    first tens of milliseconds is a stop, as later, not a traceback of import machinery."""
    done = subprocess.run([sys.executable, "-c", CTRL_C_WHILE_IMPORTING, "list"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=dict(os.environ, GRADE_DATA_DIR=str(tmp_path)))
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_the_grade_command_and_python_m_grader_start_at_that_entry_point():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'grade = "grader.entry:main"' in text
    assert "from .entry import main" in (ROOT / "grader" / "__main__.py").read_text(encoding="utf-8")
