"""What `grade quiz list` shows: the banks and the count of questions by type and language."""

from __future__ import annotations

from collections import Counter

from grader.i18n import LANGUAGES, translate
from grader.quiz.loader import Catalog
from grader.quiz.model import QUESTION_TYPES, Question


def languages(question: Question) -> list[str]:
    """The languages in which the question has its text."""
    return [lang for lang in LANGUAGES if question.text[lang]]


def catalog_data(catalog: Catalog) -> dict:
    """{"banks": [...], "questions": [{"id", "type", "topic", "languages", "source"}]}."""
    banks = [{
        "topic": bank.topic,
        "file": bank.file,
        "title": {lang: bank.title[lang] for lang in LANGUAGES},
        "questions": len(bank.questions),
        "by_type": dict(Counter(q.kind for q in bank.questions)),
    } for bank in catalog.banks]
    questions = [{"id": q.id, "type": q.kind, "topic": q.topic, "languages": languages(q),
                  "source": q.source} for q in catalog.questions]
    return {"banks": banks, "questions": questions}


def catalog_lines(catalog: Catalog, lang: str) -> list[str]:
    """One line per bank, then the totals by type and by language."""
    def by_type(questions: tuple[Question, ...]) -> str:
        counts = Counter(q.kind for q in questions)
        return "; ".join(f"{translate(f'quiz.kind.{kind}', lang)}: {counts[kind]}"
                         for kind in QUESTION_TYPES if counts[kind])

    lines = [translate("quiz.list.bank", lang, topic=bank.topic, title=bank.title[lang],
                       count=len(bank.questions), types=by_type(bank.questions))
             for bank in catalog.banks]
    questions = catalog.questions
    per_language = Counter(lang_ for q in questions for lang_ in languages(q))
    lines.append(translate("quiz.list.total", lang, count=len(questions), types=by_type(questions)))
    lines.append(translate("quiz.list.languages", lang,
                           counts=", ".join(f"{code} {per_language[code]}" for code in LANGUAGES)))
    return lines
