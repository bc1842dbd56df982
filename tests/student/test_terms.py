"""The course's terms, as the lecture has them, in every Kazakh and Russian text a student reads:
the catalogues (grader/i18n/{kk,ru}/*.yaml) and the quiz banks (quizzes/*.yaml).

Kazakh: «градиенттік төмендеу», «оқу жылдамдығы», «шығын (функциясы)», «эпоха»,
«(мини-)пакет»; no English word where a Kazakh term exists (an English gloss in parentheses
after the Kazakh term, as the lecture writes «оқу қадамы (learning rate)», is fine; so are the
names of the methods and code). Russian: «шаг обучения», never «скорость обучения»; in the quiz
banks also «функция потерь» / «потери» (not «лосс»), «эпоха», «(мини-)батч», «пакетный /
стохастический / мини-пакетный градиентный спуск»; an English term only as a gloss in parentheses
after the Russian one («шаг обучения (learning rate)»)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Iterator

import pytest
import yaml

from grader.i18n import CATALOGUE_DIR
from grader.quiz.loader import bundled_dir, yaml_files

KIT = CATALOGUE_DIR.parents[1]  # where `python -m grader` runs this copy of the kit

# Checked in the whole text, glosses included.
RUSSIAN_FORBIDDEN = {
    "«скорость обучения»: the course says «шаг обучения»":
        re.compile(r"скорост\w*\s+обучени", re.IGNORECASE),
}
KAZAKH_FORBIDDEN = {
    "«дәуір»: the course says «эпоха»": re.compile(r"дәуір", re.IGNORECASE),
    "«батч»: the course says «пакет» / «мини-пакет»": re.compile(r"батч", re.IGNORECASE),
    "«жеделдетілген градиент»: the course says «Нестеровтың үдетілген градиенті»":
        re.compile(r"жеделдетілген", re.IGNORECASE),
}
# Russian quiz texts: slang checked in the whole text, glosses included; English used as the term
# itself checked outside parentheses, `code` and {fields}.
RUSSIAN_QUIZ_SLANG = {
    "«лосс»: the course says «функция потерь» / «потери»": re.compile(r"лосс", re.IGNORECASE),
    "«флэт»: the course says «плато» / «плоский участок»": re.compile(r"флэт", re.IGNORECASE),
}
RUSSIAN_ENGLISH_TERMS = {
    "learning rate: «шаг обучения»": r"\blearning[ -]rates?\b",
    "loss: «функция потерь», «потери»": r"\bloss(es)?\b",
    "Batch GD / BGD / GD: «пакетный градиентный спуск», «градиентный спуск»": r"\bB?GD\b",
    "... Gradient Descent: «пакетный / стохастический / мини-пакетный градиентный спуск»":
        r"\bgradient descent\b",
    "batch / mini-batch: «батч», «мини-батч», «пакетный», «мини-пакетный»": r"\b(mini-?)?batch(es)?\b",
    "Stochastic: «стохастический»": r"\bstochastic\b",
    "epoch: «эпоха»": r"\bepochs?\b",
    "Nesterov Accelerated Gradient: «метод Нестерова», «ускоренный градиент Нестерова»":
        r"\bnesterov\b|\baccelerated\b",
    "backpropagation: «обратное распространение ошибки»": r"\bbackpropagation\b",
    "forward / backward pass: «прямой проход», «обратный проход»": r"\b(forward|backward) pass\b",
    "scheduler: «расписание шага»": r"\bschedulers?\b",
    "decay: «уменьшение», «затухание»": r"\bdecay\b",
    "exploding gradients: «взрывающиеся градиенты»": r"\bexploding\b",
    "online learning: «онлайн-обучение»": r"\bonline\b",
}
RUSSIAN_ENGLISH = {why: re.compile(pattern, re.IGNORECASE) for why, pattern in RUSSIAN_ENGLISH_TERMS.items()}

# English used as the term itself in Kazakh text: checked outside parentheses, `code` and {fields}.
KAZAKH_ENGLISH_TERMS = {
    "Loss / loss: «шығын», «шығын функциясы», «шығын графигі»": r"\bloss\b",
    "learning rate: «оқу жылдамдығы»": r"\blearning[ -]rate",
    "epoch: «эпоха»": r"\bepochs?\b",
    "... Gradient Descent: «пакеттік / стохастикалық / мини-пакеттік градиенттік төмендеу»":
        r"\bgradient descent\b",
    "batch / mini-batch: «пакет», «мини-пакет», «пакеттік»": r"\b(mini-?)?batch(es)?\b",
    "Stochastic: «стохастикалық»": r"\bstochastic\b",
    "GD / BGD: «градиенттік төмендеу»": r"\bB?GD\b",
    "Nesterov Accelerated Gradient: «Нестеровтың үдетілген градиенті»":
        r"\bnesterov\b|\baccelerated\b",
    "backpropagation: «кері тарату»": r"\bbackpropagation\b",
    "forward / backward pass: «тура өту», «кері өту»": r"\b(forward|backward) pass\b",
    "scheduler: «кесте»": r"\bschedulers?\b",
    "exploding gradients: «жарылатын градиенттер»": r"\bexploding\b",
    "online learning: «онлайн оқыту»": r"\bonline\b",
}
KAZAKH_ENGLISH = {why: re.compile(pattern, re.IGNORECASE) for why, pattern in KAZAKH_ENGLISH_TERMS.items()}

# Latin words a Kazakh quiz text may use outside parentheses: names of methods and their parts,
# abbreviations, and the code's names (lr, beta1, weight_decay; one-letter variables and anything
# with a digit or an underscore are code too).
KAZAKH_QUIZ_LATIN = {
    "SGD", "NAG", "Momentum", "AdaGrad", "Adagrad", "RMSprop", "RMSProp", "Adam", "AdamW", "AMSGrad",
    "Adaptive", "Moment", "Estimation", "Xavier", "He", "MSE", "NaN", "GPU", "RAM", "CNN", "NLP", "RNN",
    "PyTorch", "torch", "optim", "lr", "eps", "beta", "alpha", "gamma", "lam", "eta", "max", "min", "mean",
    "sign", "sum", "cos", "random", "amsgrad", "True", "False",
    "gradient", "drop", "every",  # the parameters of the lecture's gradient_step and of the step schedule
}


def outside_glosses(text: str) -> str:
    """`text` without its parentheses (glosses), its code (`code`, {placeholders}, --options and
    the names of calls: minibatches(...))."""
    text = re.sub(r"`[^`]*`|\{[^{}]*\}|--[\w-]+|\b\w+(?=\()", " ", text)
    while True:
        shorter = re.sub(r"\([^()]*\)", " ", text)
        if shorter == text:
            return text
        text = shorter


def latin_words(text: str) -> set[str]:
    """The Latin words of `text` that are not code: no digit, no underscore, longer than a letter."""
    found = set()
    for token in re.findall(r"\w+(?:-\w+)*", outside_glosses(text)):
        if "_" in token or any(c.isdigit() for c in token):
            continue
        found |= {part for part in token.split("-") if re.fullmatch(r"[A-Za-z]{2,}", part)}
    return found


def violations(text: str, lang: str) -> list[str]:
    """Why `text` in `lang` breaks the course's terms (empty when it does not)."""
    if lang == "ru":
        return [why for why, pattern in RUSSIAN_FORBIDDEN.items() if pattern.search(text)]
    whole = [why for why, pattern in KAZAKH_FORBIDDEN.items() if pattern.search(text)]
    bare = outside_glosses(text)
    return whole + [why for why, pattern in KAZAKH_ENGLISH.items() if pattern.search(bare)]


def russian_quiz_violations(text: str) -> list[str]:
    """Why the Russian quiz text `text` is not the course's Russian: slang, or an English term
    outside a gloss in parentheses (empty when it is fine)."""
    bare = outside_glosses(text)
    return ([why for why, pattern in RUSSIAN_QUIZ_SLANG.items() if pattern.search(text)]
            + [why for why, pattern in RUSSIAN_ENGLISH.items() if pattern.search(bare)])


def catalogue_texts(lang: str) -> Iterator[tuple[str, str]]:
    for path in sorted((CATALOGUE_DIR / lang).glob("*.yaml")):
        for key, text in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if isinstance(text, str):
                yield f"{lang}/{path.name}: {key}", text


def _texts_in(node: object, lang: str, where: str) -> Iterator[tuple[str, str, bool]]:
    """(where, text, is an accepted answer) for every `lang` text under `node`."""
    if isinstance(node, dict):
        short_text = node.get("type") == "short_text"
        for key, value in node.items():
            if key == lang:
                for index, text in enumerate(value if isinstance(value, list) else [value]):
                    if isinstance(text, str):
                        yield f"{where}[{index}]" if isinstance(value, list) else where, text, isinstance(value, list)
            else:
                named = f"{where}.{node['id']}" if isinstance(node.get("id"), str) else where
                inner = f"{named}.{key}"
                yield from ((w, t, accepted or (short_text and key == "answer"))
                            for w, t, accepted in _texts_in(value, lang, inner))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts_in(value, lang, f"{where}[{index}]")


def quiz_texts(lang: str) -> Iterator[tuple[str, str, bool]]:
    """Every `lang` text of the bundled banks: titles, questions, options, pairs, items,
    answers, explanations; with whether it is an accepted answer of a short-text question
    (a variant the learner may type, such as «bias»)."""
    for path in yaml_files(bundled_dir({})):
        yield from _texts_in(yaml.safe_load(path.read_text(encoding="utf-8")), lang, path.name)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_catalogues_use_the_course_terms(lang: str):
    wrong = [(where, why, text) for where, text in catalogue_texts(lang) for why in violations(text, lang)]
    assert not wrong, "\n".join(f"{where}: {why}\n    {text}" for where, why, text in wrong)


def curriculum_texts(lang: str) -> Iterator[tuple[str, str]]:
    """Every `lang` text of the exercises' data (grader/curriculum/exNN.yaml): titles,
    statements, hints, as `grade list`, `grade show`, `grade hint` and the reports show them."""
    for path in sorted((CATALOGUE_DIR.parent / "curriculum").glob("ex*.yaml")):
        for where, text, _ in _texts_in(yaml.safe_load(path.read_text(encoding="utf-8")), lang, path.name):
            yield where, text


# In the exercises' texts, besides the forbidden words: the one term for η that every other
# statement uses (the lecture has both «оқу қадамы» and «оқу жылдамдығы»; the course chose the
# latter, as the quizzes did), and no Russian slang for the loss.
KAZAKH_CURRICULUM_FORBIDDEN = {
    "«оқу қадамы»: the course says «оқу жылдамдығы»": re.compile(r"оқу\s+қадам", re.IGNORECASE),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_exercise_titles_statements_and_hints_use_the_course_terms(lang: str):
    """The words the course forbids (in the whole text, glosses included); the exercises'
    statements name code (losses, epochs, minibatches) too often for the English-term check."""
    texts = list(curriculum_texts(lang))
    assert len(texts) > 50  # every exercise was read
    forbidden = ({**RUSSIAN_FORBIDDEN, **RUSSIAN_QUIZ_SLANG} if lang == "ru"
                 else {**KAZAKH_FORBIDDEN, **KAZAKH_CURRICULUM_FORBIDDEN})
    wrong = [(where, why, text) for where, text in texts for why, pattern in forbidden.items() if pattern.search(text)]
    assert not wrong, "\n".join(f"{where}: {why}\n    {text}" for where, why, text in wrong)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_quiz_banks_use_the_course_terms(lang: str):
    texts = list(quiz_texts(lang))
    assert len(texts) > 500  # every bank was read
    wrong = [(where, why, text) for where, text, _ in texts for why in violations(text, lang)]
    assert not wrong, "\n".join(f"{where}: {why}\n    {text}" for where, why, text in wrong)


def test_kazakh_quiz_texts_use_no_other_english_words():
    wrong = [(where, sorted(words), text) for where, text, accepted in quiz_texts("kk")
             if not accepted and (words := latin_words(text) - KAZAKH_QUIZ_LATIN)]
    assert not wrong, "\n".join(f"{where}: {words}\n    {text}" for where, words, text in wrong)


def test_russian_quiz_texts_use_russian_terms():
    """No «лосс», and no learning rate, loss, Batch GD, mini-batch, ... as the term itself in a
    Russian quiz text (a variant the learner may type, such as «bias», is not checked)."""
    texts = list(quiz_texts("ru"))
    assert len(texts) > 500  # every bank was read
    wrong = [(where, why, text) for where, text, accepted in texts if not accepted
             for why in russian_quiz_violations(text)]
    assert not wrong, "\n".join(f"{where}: {why}\n    {text}" for where, why, text in wrong)


@pytest.mark.parametrize("text", [
    "График лосса сильно колеблется или растёт",
    "В весах или лоссе появляются NaN",
    "Лосс убывает очень медленно, но стабильно",
    "на графике loss виден «флэт» — плоский участок",
    "Значения loss уменьшаются с каждым шагом или эпохой",
    "Что такое learning rate (шаг обучения, η)?",
    "Learning rate (η) — коэффициент",
    "Использование нескольких learning rate одновременно",
    "2) Learning rate schedulers — автоматическое изменение lr",
    "В Batch GD одна итерация = вся эпоха",
    "Размер батча 1 — SGD, размер n — Batch GD.",
    "Когда Batch Gradient Descent обновляет веса?",
    "Какие плюсы у mini-batch подхода?",
    "В пакетном GD градиент для обновления b",
    "Что такое Stochastic Gradient Descent (SGD)?",
    "Один forward pass по батчу, средний loss по 64 примерам",
    "В какой точке Nesterov Accelerated Gradient вычисляет градиент?",
    "Роли разделены — backpropagation вычисляет градиенты",
    "это работа scheduler'а (расписания шага)",
    "хорошо работает при online-learning",
])
def test_the_old_russian_quiz_wording_is_caught(text: str):
    assert russian_quiz_violations(text), text


@pytest.mark.parametrize("text", [
    "Что такое шаг обучения (learning rate, η)?",
    "Шаг обучения (learning rate)",
    "Функция потерь (loss function)",
    "Пакетный градиентный спуск (Batch GD) считает точный градиент; потери убывают",
    "Что такое мини-пакетный градиентный спуск (Mini-Batch Gradient Descent)?",
    "Сколько шагов сделает SGD с мини-батчами (mini-batch SGD) на этом батче?",
    "Метод Нестерова (Nesterov Accelerated Gradient, NAG); SGD, Adam, RMSprop, AdaGrad, AMSGrad",
    "1) lr (learning rate) — шаг обучения; weight_decay = 0, beta1 = 0.9, eps = 1e-8",
    "Ключ — частые шумные обновления по одному примеру (или маленькому батчу) за эпоху",
])
def test_russian_glosses_and_code_are_not_flagged(text: str):
    assert not russian_quiz_violations(text), text


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Скорость обучения"),
    ("ru", "зависит от скорости  обучения"),
    ("kk", "Дәуір"),
    ("kk", "Шығын функциясының дәуірге тәуелділігі"),
    ("kk", "батч өлшемі"),
    ("kk", "Loss графигі қатты тербеледі немесе өседі"),
    ("kk", "Салмақтарда немесе loss-та NaN пайда болады"),
    ("kk", "Batch Gradient Descent салмақтарды қашан жаңартады?"),
    ("kk", "Batch GD-де бір итерация = бүкіл эпоха"),
    ("kk", "Mini-batch тәсілінің артықшылықтары қайсы?"),
    ("kk", "Nesterov Accelerated Gradient градиентті қай нүктеде есептейді?"),
    ("kk", "Learning rate (η) — әр оқыту қадамында"),
    ("kk", "learning rate-ті мұқият баптауды талап етпейді"),
    ("kk", "әр epoch сайын"),
    ("kk", "Нестеровтың жеделдетілген градиенті"),
])
def test_the_old_wording_is_caught(lang: str, text: str):
    assert violations(text, lang), text


@pytest.mark.parametrize("text", [
    "Пакеттік градиенттік төмендеу (Batch Gradient Descent) салмақтарды қашан жаңартады?",
    "Оқу қадамы (learning rate)",
    "Шығын функциясы (loss function)",
    "Нестеровтың үдетілген градиенті (Nesterov Accelerated Gradient, NAG) дегеніміз не?",
    "`minibatches(n, batch_size, rng)` функциясын шақырыңыз; losses[e] — e-эпохадағы MSE",
    "Adam (Adaptive Moment Estimation) — Momentum мен RMSProp идеяларын біріктіреді, lr = 1e-3",
])
def test_glosses_and_code_are_not_flagged(text: str):
    assert not violations(text, "kk"), text
    assert not latin_words(text) - KAZAKH_QUIZ_LATIN - {"minibatches", "losses", "rng", "n", "e"}, text


def test_an_english_word_in_a_kazakh_quiz_text_is_caught():
    assert latin_words("Варианттары (Batch, SGD) осы қадамды жетілдіреді; Mini-batch SGD") == {"Mini", "batch", "SGD"}
    assert latin_words("градиенттер «exploding gradients» өседі") == {"exploding", "gradients"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_help_names_no_english_placeholder(lang: str):
    """A help text speaks of the value as its placeholder is shown (ФАЙЛ, not FILE). (`grade
    exercise N|all` keeps its N: that placeholder is shown as it is written.)"""
    english = re.compile(r"\b(FILE|FOLDER|DIR|PATH|OUT|TOPIC|NUMBER|ANSWERS|SUBMISSIONS)\b")
    wrong = [(where, text) for where, text in catalogue_texts(lang)
             if where.startswith(f"{lang}/help.yaml") and not where.split(": ", 1)[1].startswith(("click:", "metavar:"))
             and english.search(text)]
    assert not wrong, wrong
    for command in (["quiz", "render"], ["quiz", "grade"]):
        environment = {k: v for k, v in os.environ.items() if k != "GRADE_LANG"}
        shown = subprocess.run([sys.executable, "-m", "grader", *command, "--help", "--lang", lang],
                               capture_output=True, text=True, timeout=120, cwd=KIT, env=environment).stdout
        line = " ".join(next(line for line in shown.splitlines() if line.strip().startswith("--out")).split())
        metavar = line.split()[1]
        assert metavar != "FILE" and metavar in line.split(" ", 2)[2], line
