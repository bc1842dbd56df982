"""Known wrong variants of the exercises: the misconceptions the grader can name.

Each `exNN.py` defines `VARIANTS = {diagnosis_id: {function_name: wrong_function}}`: the
reference with those functions replaced is the wrong implementation (diagnosis.py). A
variant that changes a helper other functions call (ex08's minibatches) overrides them too.
Ids are snake_case and distinct within an exercise; their messages are
`diagnosis.exNN.<id>` in the catalogues.
"""
