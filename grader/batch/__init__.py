"""Batch grading for instructors: `grade batch` and `grade release`.

Every output here is a view of the result records of `grader.grading.grade_submission`
(one per student); nothing in this package grades by any other path, and no student code
runs in the batch process.
"""
