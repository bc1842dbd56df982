"""Typed readers of YAML fields that report problems (with lines) instead of raising.

A `FieldReader` belongs to one file; each method returns the checked value, or None after
recording a problem that says what is wrong, where, and what to do.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable

from grader.i18n import LANGUAGES
from grader.quiz.errors import Phrase, Problem
from grader.quiz.model import Localized
from grader.quiz.yamlsource import MarkedDict, MarkedList

# What a language key looks like; any other key in a text mapping is a piece of a text.
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}([_-][A-Za-z]{2})?")


def type_name(value: object) -> Phrase:
    """How a YAML value reads to an author (nothing, a boolean, a number, a list, a mapping or
    text), said in the language of the problem that reports it."""
    if value is None:
        return Phrase("quiz.found.null")
    if isinstance(value, bool):
        return Phrase("quiz.found.boolean", {"value": str(value).lower()})
    if isinstance(value, (int, float)):
        return Phrase("quiz.found.number", {"value": value})
    if isinstance(value, list):
        return Phrase("quiz.found.list")
    if isinstance(value, dict):
        return Phrase("quiz.found.mapping")
    return Phrase("quiz.found.text")


class FieldReader:
    """Reads fields of one file, collecting problems in `self.problems`."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def report(self, line: int, code: str, **params: object) -> None:
        """Record a problem at `line`."""
        self.problems.append(Problem(self.file, line, code, params))

    def unknown_fields(self, node: MarkedDict, allowed: Iterable[str]) -> None:
        """Report every key of `node` that is not in `allowed`, with the nearest allowed name."""
        allowed = list(allowed)
        for key in node:
            if key not in allowed:
                near = difflib.get_close_matches(str(key), allowed, n=1)
                if near:
                    self.report(node.line_of(key), "unknown_field_near", field=key, suggestion=near[0])
                else:
                    self.report(node.line_of(key), "unknown_field", field=key,
                                allowed=", ".join(allowed))

    def present(self, node: MarkedDict, key: str) -> object | None:
        """The value of a required field, or None after reporting it missing."""
        if key not in node or node[key] is None:
            self.report(node.line_of(key), "missing_field", field=key)
            return None
        return node[key]

    def mapping(self, node: MarkedDict, key: str) -> MarkedDict | None:
        """A required field that must be a mapping."""
        value = self.present(node, key)
        if value is not None and not isinstance(value, MarkedDict):
            self.report(node.line_of(key), "not_mapping", field=key, found=type_name(value))
            return None
        return value

    def sequence(self, node: MarkedDict, key: str, minimum: int = 1) -> MarkedList | None:
        """A required field that must be a list of at least `minimum` items."""
        value = self.present(node, key)
        if value is None:
            return None
        if not isinstance(value, MarkedList):
            self.report(node.line_of(key), "not_list", field=key, found=type_name(value))
            return None
        if len(value) < minimum:
            self.report(node.line_of(key), "too_few", field=key, minimum=minimum)
            return None
        return value

    def string(self, node: MarkedDict, key: str) -> str | None:
        """A required, non-empty text."""
        value = self.present(node, key)
        return None if value is None else self.text_value(value, node.line_of(key), key)

    def text_value(self, value: object, line: int, field: str) -> str | None:
        """`value` if it is a non-empty text."""
        if not isinstance(value, str):
            self.report(line, "not_text", field=field, found=type_name(value))
            return None
        if not value.strip():
            self.report(line, "empty_text", field=field)
            return None
        return value.strip()

    def number(self, node: MarkedDict, key: str, default: float | None = None) -> float | None:
        """A number (int or float, not a boolean); optional when `default` is given."""
        if default is not None and key not in node:
            return default
        value = self.present(node, key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.report(node.line_of(key), "not_number", field=key, found=type_name(value))
            return None
        return value

    def localized(self, node: MarkedDict, key: str) -> Localized[str] | None:
        """A text in every language: a mapping with exactly the keys kk, ru and en."""
        value = self.mapping(node, key)
        return None if value is None else self.localized_value(value, key, node.line_of(key))

    def localized_value(self, value: MarkedDict, field: str, line: int) -> Localized[str] | None:
        """Check an already fetched {kk, ru, en} mapping of texts; `line` is where it is named."""
        for lang in value:
            if lang in LANGUAGES:
                continue
            if isinstance(lang, str) and not LANGUAGE_CODE.fullmatch(lang):
                # `{kk: a, b, ru: c}` reads "b" as a key: a comma inside {...} ends a text.
                self.report(value.line_of(lang), "flow_comma", field=field, text=lang)
            else:
                self.report(value.line_of(lang), "unknown_language", field=field, language=lang,
                            languages=", ".join(LANGUAGES))
        texts = {}
        for lang in LANGUAGES:
            if lang not in value:
                self.report(line, "missing_language", field=field, language=lang)
                continue
            text = self.text_value(value[lang], value.line_of(lang), f"{field}.{lang}")
            if text is not None:
                texts[lang] = text
        return Localized(**texts) if len(texts) == len(LANGUAGES) else None

    def localized_list(self, node: MarkedDict, key: str) -> Localized[tuple[str, ...]] | None:
        """A non-empty list of texts in every language: {kk: [...], ru: [...], en: [...]}."""
        value = self.mapping(node, key)
        if value is None:
            return None
        self.unknown_fields(value, LANGUAGES)
        lists = {}
        for lang in LANGUAGES:
            items = self.sequence(value, lang)
            if items is None:
                continue
            texts = [self.text_value(item, items.line_of(i), f"{key}.{lang}")
                     for i, item in enumerate(items)]
            if None not in texts:
                lists[lang] = tuple(texts)
        return Localized(**lists) if len(lists) == len(LANGUAGES) else None

    def distinct(self, texts: list[Localized[str]], line: int, field: str) -> None:
        """Report two items of one question with the same text in a language."""
        for lang in LANGUAGES:
            seen = [text[lang] for text in texts]
            for text in sorted({t for t in seen if seen.count(t) > 1}):
                self.report(line, "duplicate_text", field=field, language=lang, text=text)
