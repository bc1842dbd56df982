"""The quiz banks (YAML), shipped as package data so that a non-editable install has them.

Nothing to import here: `grader.quiz.loader` reads the `.yaml` files of this folder."""
