"""Reading what a learner typed: numbers, yes/no words, option numbers, orders, short texts.

Every reader returns None for input it cannot read, so that the caller can ask again with a hint.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from functools import lru_cache

from grader.i18n import LANGUAGES, translate

DECIMAL = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE]([-+]?\d+))?")
# Beyond these a typed number is no answer to a quiz question but a way to make the exact
# arithmetic take forever (10**100000000) or trip Python's limit on long integers: unreadable.
MAX_EXPONENT = 400
MAX_DIGITS = 100
MINUS_SIGNS = str.maketrans({"−": "-", "–": "-", "‒": "-"})
# What people type without a Kazakh keyboard: ә as а, қ as к, ... (and ё as е in Russian).
LETTER_FOLD = str.maketrans("әғқңөұүһіё", "агкноуухие")
DASHES = re.compile(r"[-‐‑‒–—_/]+")
PUNCTUATION = re.compile(r"[.,;:!?«»\"'“”„()\[\]]+")
SEPARATORS = re.compile(r"[\s,;]+")


def parse_number(text: str) -> Fraction | None:
    """`0.5`, `0,5`, `-3`, `1e-3`, `1/2` as an exact fraction; None if it is not a number, or if
    it has more than MAX_DIGITS digits, an exponent beyond ±MAX_EXPONENT or no finite float value."""
    cleaned = text.strip().translate(MINUS_SIGNS).replace(" ", "")
    if "," in cleaned:
        if "." in cleaned or cleaned.count(",") > 1:
            return None
        cleaned = cleaned.replace(",", ".")
    parts = cleaned.split("/")
    matches = [DECIMAL.fullmatch(part) for part in parts]
    if len(parts) > 2 or not all(matches):
        return None
    if any(_too_long(match) for match in matches):
        return None
    values = [Fraction(part) for part in parts]
    if len(values) == 2:
        if values[1] == 0:
            return None
        values = [values[0] / values[1]]
    try:
        float(values[0])
    except OverflowError:  # beyond any float: not a finite number
        return None
    return values[0]


def _too_long(match: re.Match) -> bool:
    """More digits, or a larger exponent, than a number typed as an answer has."""
    exponent = (match.group(3) or "0").lstrip("+-").lstrip("0")
    too_large = len(exponent) > len(str(MAX_EXPONENT)) or int(exponent or 0) > MAX_EXPONENT
    return len(match.group(1)) > MAX_DIGITS or too_large


def format_number(value: float) -> str:
    """Shortest readable form: 3, 0.25, 1e-8 (ten significant digits at most)."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.10g}"
    mantissa, _, exponent = text.partition("e")
    return f"{mantissa}e{int(exponent)}" if exponent else mantissa


def normalize_text(text: str) -> str:
    """Compare form of a short answer: case, ё/е, Kazakh letters typed as Russian ones,
    dashes and slashes as spaces, punctuation and repeated spaces dropped."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(LETTER_FOLD)
    folded = PUNCTUATION.sub("", DASHES.sub(" ", folded))
    return " ".join(folded.split())


@lru_cache(maxsize=None)
def _words(message_id: str) -> frozenset[str]:
    """The comma-separated words of a message in every language, normalised."""
    return frozenset(
        normalize_text(word)
        for lang in LANGUAGES
        for word in translate(message_id, lang).split(",")
        if word.strip()
    )


def parse_yes_no(text: str) -> bool | None:
    """True for yes/true words of any of the three languages, False for no/false words."""
    word = normalize_text(text)
    if word in _words("quiz.words.yes"):
        return True
    if word in _words("quiz.words.no"):
        return False
    return None


def _numbers(text: str, count: int) -> list[int] | None:
    """Option numbers 1..count: `2 3`, `2,3` or, with at most 9 options, `23`."""
    cleaned = text.strip().rstrip(".)")
    tokens = [token.rstrip(".)") for token in SEPARATORS.split(cleaned) if token]
    if len(tokens) == 1 and count <= 9 and tokens[0].isdigit() and len(tokens[0]) > 1:
        tokens = list(tokens[0])
    if not tokens or not all(token.isdigit() for token in tokens):
        return None
    numbers = [int(token) for token in tokens]
    return numbers if all(1 <= number <= count for number in numbers) else None


def parse_choice(text: str, count: int) -> int | None:
    """One option number."""
    numbers = _numbers(text, count)
    return numbers[0] if numbers and len(numbers) == 1 else None


def parse_choices(text: str, count: int) -> frozenset[int] | None:
    """A set of option numbers, each at most once."""
    numbers = _numbers(text, count)
    return frozenset(numbers) if numbers and len(set(numbers)) == len(numbers) else None


def parse_sequence(text: str, count: int) -> tuple[int, ...] | None:
    """Every number 1..count exactly once, in the order typed."""
    numbers = _numbers(text, count)
    return tuple(numbers) if numbers and sorted(numbers) == list(range(1, count + 1)) else None
