"""Render quizzes to HTML, Markdown, GIFT, Moodle XML and a blank answer sheet (jinja2 templates).

One Environment with select_autoescape (on for .html and .xml) and StrictUndefined. The text
formats (Markdown, GIFT, the YAML answer sheet) are not autoescaped: their templates escape with
the filters `md`, `gift` and `gift_html` defined here (the sheet holds only ids and our messages,
in comments). Fields that Moodle reads as HTML are HTML-escaped first (`html_text`), then
escaped for their container (XML or GIFT).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Sequence

import jinja2

from grader.i18n import translate
from grader.quiz.answers import format_number
from grader.quiz.grading import answer_text
from grader.quiz.model import Bank, Matching, Ordering, ShortText
from grader.quiz.present import ROW_LABELS, Presented, present

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = {
    "html": "quiz.html",
    "md": "quiz.md",
    "gift": "quiz.gift.txt",
    "moodle-xml": "quiz.xml",
    "sheet": "sheet.yaml",
}
GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


MOODLE_TYPES = {
    "single": "multichoice", "multiple": "multichoice", "true_false": "truefalse",
    "numeric": "numerical", "param_numeric": "numerical", "short_text": "shortanswer",
    "matching": "matching", "ordering": "matching", "flashcard": "essay",
}


@dataclass(frozen=True)
class Section:
    """One bank as rendered: its title and its questions, presented."""

    topic: str
    title: str
    items: tuple[Presented, ...]


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters ~ = # { } : (and the backslash); newlines as \\n."""
    return GIFT_SPECIAL.sub(r"\\\1", text).replace("\n", "\\n")


def gift_html(text: str) -> str:
    """A GIFT field that Moodle reads as HTML (question text, options, feedback): HTML-escaped,
    then GIFT-escaped."""
    return gift_escape(html_text(text))


def md_escape(text: str) -> str:
    """Escape Markdown's inline syntax; a newline becomes a hard line break."""
    return MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def html_text(text: str) -> str:
    """Text as an HTML fragment (escaped, newlines as <br>), for a field that Moodle reads as HTML.

    Returned as a plain str, so that the XML template escapes it once more."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def accepted_texts(question: ShortText) -> list[str]:
    """Every accepted answer of every language, plus each with ё written as е, without repeats."""
    texts = [text for texts in question.answer.values() for text in texts]
    return list(dict.fromkeys(texts + [text.replace("ё", "е") for text in texts]))


def match_pairs(question: Matching | Ordering, lang: str) -> list[tuple[str, str]]:
    """A matching's pairs; an ordering as a matching of each item to its position 1, 2, ..."""
    if isinstance(question, Ordering):
        return [(item[lang], str(position)) for position, item in enumerate(question.items, 1)]
    return [(pair.left[lang], pair.right[lang]) for pair in question.pairs]


def moodle_fraction(value: float) -> str:
    """A Moodle grade fraction: 100, 50, 33.33333, -25."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one jinja2 environment of the quiz renderers."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "xml"), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(gift=gift_escape, gift_html=gift_html, md=md_escape, html_text=html_text,
                       num=format_number, fraction=moodle_fraction)
    env.globals.update(answer_text=answer_text, row_labels=ROW_LABELS, moodle_types=MOODLE_TYPES,
                       accepted_texts=accepted_texts, match_pairs=match_pairs)
    return env


def render(banks: Sequence[Bank], fmt: str, lang: str, seed: int, answers: bool) -> str:
    """The quiz of `banks` in format `fmt` (a key of FORMATS), variant `seed`, in `lang`.

    `answers` adds answers and explanations to HTML and Markdown; GIFT and Moodle XML always
    carry them (they are import formats); a sheet never does.
    """
    sections = [
        Section(bank.topic, bank.title[lang], tuple(present(q, lang, seed) for q in bank.questions))
        for bank in banks
    ]
    template = environment().get_template(FORMATS[fmt])
    return template.render(
        sections=sections, lang=lang, seed=seed, answers=answers,
        t=partial(translate, lang=lang),
    )
