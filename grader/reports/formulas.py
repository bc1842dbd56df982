"""Formulas kept whole when a text is wrapped: `w ← w − η·∇f(w)` on one line, not `w ← w −`
on one and `η·∇f(w)` on the next.

A formula is a run of tokens that are not words of prose (`v_new`, `η`, `(1/n)`, `=`, `0.5`)
or that an operator joins to each other (`epochs − 1`); a colon, a comma outside brackets
(`lr = 0.001, beta1 = 0.9`; `gradient_basics, learning_rate`) and a column's spaces end a
run. The spaces inside a run become no-break spaces, which textwrap never breaks at. A run
longer than the room it has is cut where a reader would cut it: before a relation (`=`,
`←`, `->`) first, then before a `+` or `−`, then after a comma inside brackets, and only
then at any of its spaces.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"  # textwrap never breaks a line there
COMMAND_SPAN = re.compile(r"`[^`\n]{1,40}`")


def commands_kept_whole(text: str) -> str:
    """`text` with each short `code` span held together: "(`grade" on one line and "show 1`"
    on the next is a command the student cannot copy."""
    return COMMAND_SPAN.sub(lambda found: found.group(0).replace(" ", NBSP), text)

OPERATORS = frozenset("= − - + · × / ← → < > ≤ ≥ ≈ ≠ := -> == // * ** % |".split())
RELATIONS = frozenset("= ← → < > ≤ ≥ ≈ ≠ := -> ==".split())
SUMS = frozenset("+ − -".split())
DASHES = ("—", "–")  # between words of prose, never an operator
OPENING, CLOSING = "([{", ")]}"
EDGE_PUNCTUATION = "([{«\"'“)]}».,;:!?\"'”"
CYRILLIC = re.compile(r"[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]")
GREEK = re.compile(r"[\u0370-\u03ff]")
SEPARATOR = re.compile(r"( +)")

# How readily a run is cut at a space: the lowest level that makes its pieces fit is used.
BEFORE_RELATION, BEFORE_SUM, AFTER_INNER_COMMA, ANYWHERE = range(4)


def _core(token: str) -> str:
    return token.strip(EDGE_PUNCTUATION)


def is_prose(token: str) -> bool:
    """A word of a sentence: letters only (its punctuation and hyphens aside), Cyrillic, or
    Latin of two letters or more with no Greek. `η`, `x`, `v_new`, `(d,)`, `drop⁰` and `1e-8`
    are not."""
    core = _core(token)
    if core in DASHES:
        return True
    if not core:
        return token not in OPERATORS and token != "…"  # a dash, a lone bracket, a quote
    if CYRILLIC.search(core):
        return True
    letters = core.replace("-", "").replace("'", "").replace("’", "")  # per-parameter, Adam's
    return letters.isalpha() and len(letters) >= 2 and not GREEK.search(core)


def _is_operator(token: str) -> bool:
    return token in OPERATORS or _core(token) in OPERATORS


def _joined(left: str, right: str, in_call: bool) -> bool:
    """Whether the space between two tokens is inside a formula: between two tokens that are
    not prose, at an operator, or between the arguments of a call (`f(w, grad, G)`)."""
    if in_call or _is_operator(left) or _is_operator(right):
        return left not in DASHES and right not in DASHES
    return not is_prose(left) and not is_prose(right)


def _ends_clause(token: str) -> bool:
    """`where:` or `rule (1):` ends what comes before, as a column's spaces do."""
    return token.endswith(":") and token not in OPERATORS


def _level(left: str, right: str, depth: int) -> int | None:
    """How readily the space between `left` and `right` (at bracket depth `depth`) is cut;
    None after a comma outside brackets, where a run ends."""
    if left.endswith((",", ";")):
        return None if depth == 0 else AFTER_INNER_COMMA if depth == 1 else ANYWHERE
    if depth == 0 and right in RELATIONS:
        return BEFORE_RELATION
    if depth == 0 and right in SUMS:
        return BEFORE_SUM
    return ANYWHERE


def _brackets_after(token: str, open_brackets: list[bool]) -> None:
    """Update `open_brackets` (one entry per open bracket: whether it opens a call's
    arguments, `f(` or `√(`, rather than an aside) with the brackets of `token`."""
    for index, char in enumerate(token):
        if char in OPENING:
            open_brackets.append(index > 0 and token[index - 1] not in OPENING + "«\"'“")
        elif char in CLOSING and open_brackets:
            open_brackets.pop()


def _glue(pieces: list[str], cuts: list[tuple[int, int]], limit: int) -> None:
    """Turn the spaces (odd indexes of `pieces`) listed in `cuts` as (index, level) into
    no-break spaces, except at the lowest level that leaves every piece within `limit`."""
    first, last = cuts[0][0] - 1, cuts[-1][0] + 1
    if len("".join(pieces[first:last + 1])) <= limit:
        for index, _ in cuts:
            pieces[index] = NBSP * len(pieces[index])
        return
    lowest = min(level for _, level in cuts)
    if lowest == ANYWHERE:
        return  # a run no cut of ours makes fit: textwrap breaks it at its spaces
    start = first
    for end in [index for index, level in cuts if level == lowest] + [last + 1]:
        inner = [(index, level) for index, level in cuts if start < index < end]
        if inner:
            _glue(pieces, inner, limit)
        start = end + 1


def formulas_kept_whole(text: str, limit: int) -> str:
    """`text` with the spaces inside each formula made no-break spaces, a formula longer than
    `limit` cut into pieces that fit (see the module's docstring)."""
    pieces = SEPARATOR.split(text)
    run: list[tuple[int, int]] = []
    open_brackets: list[bool] = []
    for index in range(1, len(pieces) - 1, 2):
        left, right = pieces[index - 1], pieces[index + 1]
        _brackets_after(left, open_brackets)
        clause_ends = _ends_clause(left) and not _is_operator(right)
        level = _level(left, right, len(open_brackets))
        if (left and right and pieces[index] == " " and not clause_ends and level is not None
                and _joined(left, right, any(open_brackets))):
            run.append((index, level))
        elif run:
            _glue(pieces, run, limit)
            run = []
    if run:
        _glue(pieces, run, limit)
    return "".join(pieces)
