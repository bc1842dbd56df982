"""The `grade` command's entry point (pyproject's [project.scripts], and `python -m grader`).

Importing the CLI (click, the catalogues) takes a few tens of milliseconds; a Ctrl-C that lands
in them, or before the command has its own handler, ends the command as one during it does:
exit code 130 and no traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as run_command

        run_command()
    except KeyboardInterrupt:
        from .errors import EXIT_INTERRUPTED

        sys.exit(EXIT_INTERRUPTED)
