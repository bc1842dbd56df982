"""Quizzes on gradient descent in Kazakh, Russian and English.

Question banks are YAML files in `quizzes/` (one per topic, format in quizzes/README.md).
The flow is one way: YAML text -> checked model (`schema`) -> a presentation drawn from a seed
(`present`) -> a verdict on an answer (`grading`) -> views (terminal session, renderers, CSV).
"""
