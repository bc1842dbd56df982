"""`python -m grader` is `grade`."""

from .entry import main

main()
