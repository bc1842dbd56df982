"""Languages and message catalogues.

Every text a student reads lives in `grader/i18n/<lang>/*.yaml`: flat mappings from a message
id to a text with `{placeholders}` (str.format). Each file is owned by one part of the kit
(`core.yaml` for the grader, `quiz.yaml` for the quizzes, ...); a test proves that every id
exists in all three languages with the same placeholders.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Mapping

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "en"
CATALOGUE_DIR = Path(__file__).parent
HELP_FILE = "help.yaml"  # not in `catalogue`: loaded by grader/help_texts.py for the command line only
# The order in which GNU gettext reads the locale from the environment.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class UnknownLanguage(ValueError):
    """A language code outside LANGUAGES was asked for."""


# Names people type for the course's languages besides their ISO 639-1 codes: Kazakhstan's
# country code (a common slip for Kazakh) and the three-letter codes.
LANGUAGE_ALIASES = {"kz": "kk", "kaz": "kk", "qaz": "kk", "rus": "ru", "eng": "en"}


def language_code(locale_name: str) -> str:
    """'kk_KZ.UTF-8' -> 'kk', 'ru' -> 'ru', 'KZ' -> 'kk', 'C' -> 'c'."""
    code = locale_name.split(".")[0].split("@")[0].split("_")[0].split("-")[0].strip().lower()
    return LANGUAGE_ALIASES.get(code, code)


def resolve_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: `--lang`, else GRADE_LANG, else gettext's environment, else English.

    Like gettext, only the first non-empty locale variable counts; LANGUAGE may hold a
    colon-separated list ("kk:ru"), tried in order.
    """
    env = os.environ if environ is None else environ
    for source, explicit in (("--lang", option), ("GRADE_LANG", env.get("GRADE_LANG"))):
        if explicit:
            code = language_code(explicit)
            if code not in LANGUAGES:
                raise UnknownLanguage(unknown_language_text(source, explicit))
            return code
    for variable in LOCALE_VARIABLES:
        value = env.get(variable)
        if not value:
            continue
        for part in value.split(":"):
            if language_code(part) in LANGUAGES:
                return language_code(part)
        if variable != "LANGUAGE":
            break
    return DEFAULT_LANGUAGE


def unknown_language_text(source: str, value: str) -> str:
    """What to say about an unknown language, in all three (which one the user reads is what
    is unknown): where the value came from and what to choose."""
    choices = ", ".join(LANGUAGES)
    return (f"{source}={value!r}: unknown language; choose one of {choices}. / "
            f"белгісіз тіл; мыналардың бірін таңдаңыз: {choices}. / "
            f"неизвестный язык; выберите один из: {choices}.")


def load_texts(path: Path) -> dict[str, str]:
    """One catalogue file: message id -> text."""
    from ..datafiles import load_yaml

    data = load_yaml(path) or {}
    return {str(key): str(text) for key, text in data.items()}


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """All message ids of one language, merged from every `<lang>/*.yaml` file."""
    if lang not in LANGUAGES:
        raise UnknownLanguage(f"unknown language {lang!r}")
    merged: dict[str, str] = {}
    for path in sorted((CATALOGUE_DIR / lang).glob("*.yaml")):
        if path.name == HELP_FILE:  # the command line's own texts: grader/help_texts.py
            continue
        for key, text in load_texts(path).items():
            if key in merged:
                raise ValueError(f"{path}: message id {key!r} is defined twice")
            merged[key] = text
    return merged


REASON_ID = "reason_id"


def translate(message_id: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text of `message_id` in `lang`, with its placeholders filled. A parameter `reason_id`
    is itself a message id: its text, filled with the same parameters, is `{reason}` (a zip
    refused "because …" says why in the reader's language, and the why travels as plain data).

    Falls back to English, then to the id itself, so a missing translation never crashes
    grading (the catalogue test is what keeps them complete).
    """
    text = catalogue(lang).get(message_id)
    if text is None:
        text = catalogue(DEFAULT_LANGUAGE).get(message_id, message_id)
    if isinstance(params.get(REASON_ID), str):  # a reason that is a message of its own, in the same language
        params = dict(params, reason=translate(str(params[REASON_ID]), lang, **{k: v for k, v in params.items() if k != REASON_ID}))
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text
