"""`python -m grader` is `grade`."""

from .cli import main

main()
