"""Renderers: Moodle XML round-trips, GIFT escapes, HTML is offline and escaped, the blank sheet."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pytest

from grader.quiz.answers import format_number, normalize_text
from grader.quiz.loader import check_files
from grader.quiz.present import present
from grader.quiz.render import render
from grader.quiz.yamlsource import MarkedDict
from grader.quiz.yamlsource import read_yaml

from .conftest import FIXTURES

GIFT_SPECIAL = "~=#{}:"


@pytest.fixture(scope="module")
def specials():
    banks, problems = check_files([FIXTURES / "specials_bank.yaml"])
    assert problems == []
    return banks


def _text(element: ET.Element, path: str) -> str:
    return element.find(path).text or ""


def _html(element: ET.Element, path: str) -> str:
    """A Moodle HTML field back to the plain text it came from."""
    return html.unescape(_text(element, path).replace("<br>", "\n"))


def check_moodle_question(element: ET.Element, p) -> None:
    """The XML question carries exactly the presented question's text and answers."""
    q = p.question
    assert _text(element, "name/text") == q.id
    assert _html(element, "questiontext/text") == p.prompt
    assert _html(element, "generalfeedback/text") == p.explanation
    answers = element.findall("answer")
    if q.kind in ("single", "multiple"):
        fractions = {html.unescape(a.find("text").text): float(a.get("fraction")) for a in answers}
        right = {p.choices[n - 1] for n in ([p.key] if q.kind == "single" else p.key)}
        assert {text for text, f in fractions.items() if f > 0} == right
        assert sum(f for f in fractions.values() if f > 0) == pytest.approx(100, abs=1e-3)
        assert set(fractions) == set(p.choices)
    elif q.kind == "true_false":
        right = [a.find("text").text for a in answers if a.get("fraction") == "100"]
        assert right == [str(p.key).lower()]
    elif q.kind in ("numeric", "param_numeric"):
        (answer,) = answers
        assert float(answer.find("text").text) == pytest.approx(p.key, rel=1e-9)
        assert float(answer.find("tolerance").text) == pytest.approx(q.tolerance.absolute_at(p.key))
    elif q.kind == "short_text":
        texts = {a.find("text").text for a in answers}
        assert {t for lang_texts in q.answer.values() for t in lang_texts} <= texts
        assert all(normalize_text(t) in p.key for t in texts)
    elif q.kind in ("matching", "ordering"):
        pairs = [(_html(s, "text"), s.find("answer/text").text) for s in element.findall("subquestion")]
        if q.kind == "matching":
            assert pairs == [(pair.left[p.lang], pair.right[p.lang]) for pair in q.pairs]
        else:
            assert pairs == [(item[p.lang], str(i)) for i, item in enumerate(q.items, 1)]
    else:
        assert _html(element, "graderinfo/text") == p.key


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_moodle_xml_round_trips_the_bundled_banks(catalog, lang):
    root = ET.fromstring(render(catalog.banks, "moodle-xml", lang, 5, False))
    questions = [e for e in root.findall("question") if e.get("type") != "category"]
    assert len(questions) == len(catalog.questions)
    assert len(root.findall("question[@type='category']")) == len(catalog.banks)
    for element, question in zip(questions, catalog.questions):
        check_moodle_question(element, present(question, lang, 5))


def test_moodle_xml_escapes_markup_twice_so_moodle_shows_it_as_text(specials):
    xml_text = render(specials, "moodle-xml", "en", 0, False)
    assert "&amp;lt;b&amp;gt;bold" in xml_text
    root = ET.fromstring(xml_text)
    questions = [e for e in root.findall("question") if e.get("type") != "category"]
    assert [q.get("type") for q in questions] == ["multichoice", "multichoice", "truefalse",
                                                  "numerical", "numerical", "shortanswer",
                                                  "matching", "matching", "essay"]
    for element, question in zip(questions, specials[0].questions):
        check_moodle_question(element, present(question, "en", 0))


def test_moodle_short_answers_add_the_yo_free_spelling(specials):
    root = ET.fromstring(render(specials, "moodle-xml", "ru", 0, False))
    short = root.find("question[@type='shortanswer']")
    assert {"ёлка", "елка"} <= {a.find("text").text for a in short.findall("answer")}


def gift_unescape(text: str) -> str:
    return re.sub(r"\\([~=#{}:\\])", r"\1", text).replace("\\n", "\n")


def unescaped_specials(text: str) -> str:
    """The GIFT special characters of `text` that are not escaped."""
    return "".join(c for c in re.sub(r"\\.", "", text) if c in GIFT_SPECIAL)


def gift_blocks(text: str) -> dict[str, str]:
    blocks = [b for b in text.split("\n\n") if b.startswith("::")]
    return {re.match(r"::(.*?)::", b.replace("\\:", "\0")).group(1).replace("\0", ":"): b for b in blocks}


def test_gift_escapes_special_characters(specials):
    blocks = gift_blocks(render(specials, "gift", "en", 0, False))
    assert set(blocks) == {q.id for q in specials[0].questions}
    single = blocks["sp-single"]
    head, _, body = single.partition(" {\n")
    prompt = head.split("::[html]", 1)[1]
    assert unescaped_specials(prompt) == ""
    assert html.unescape(gift_unescape(prompt)) == specials[0].questions[0].text.en
    assert r"a \~ b \= c \# d \{e\} f \: g" in prompt
    for line in body.splitlines()[:-2]:
        marker, content = line.strip()[0], line.strip()[1:]
        assert marker in "=~" and unescaped_specials(content) == ""
    assert body.splitlines()[-2].strip().startswith("####")
    assert unescaped_specials(body.splitlines()[-2].strip()[4:]) == ""


def test_gift_answers_round_trip(specials):
    blocks = gift_blocks(render(specials, "gift", "en", 0, False))
    single = present(specials[0].questions[0], "en", 0)
    right = [line.strip()[1:] for line in blocks["sp-single"].splitlines() if line.strip().startswith("=")]
    assert [html.unescape(gift_unescape(r)) for r in right] == [single.choices[single.key - 1]]
    matching = [line.strip()[1:] for line in blocks["sp-matching"].splitlines() if "->" in line]
    pairs = [tuple(gift_unescape(side) for side in line.split(" -> ")) for line in matching]
    assert [(html.unescape(left), right) for left, right in pairs] == [
        ("a = 1", "{one}"), ("b ~ 2", "#two"), ("c : 3", "three & <3>")]
    assert "{#-0.5:0.01 ####" in blocks["sp-numeric"]
    assert "{TRUE ####" in blocks["sp-true-false"]
    weights = re.findall(r"~%(-?[\d.]+)%", blocks["sp-multiple"])
    assert sorted(float(w) for w in weights) == [-50, -50, 50, 50]


def test_gift_of_the_bundled_banks_has_one_block_per_question(catalog):
    text = render(catalog.banks, "gift", "kk", 0, False)
    assert len(gift_blocks(text)) == len(catalog.questions)
    assert text.count("$CATEGORY:") == len(catalog.banks)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_html_is_self_contained_and_offline(catalog, lang):
    page = render(catalog.banks, "html", lang, 0, True)
    assert f'<html lang="{lang}">' in page and '<meta charset="utf-8">' in page
    for forbidden in ("http://", "https://", "<script", "<link", "src=", "@import", "mathjax", "\\("):
        assert forbidden not in page.lower(), forbidden
    for question in catalog.questions:
        assert f'id="{question.id}"' in page


def test_html_escapes_and_answers_appear_only_when_asked(specials):
    without = render(specials, "html", "en", 0, False)
    assert "&lt;b&gt;bold&lt;/b&gt;" in without and "<b>bold" not in without
    assert 'class="answer"' not in without
    with_answers = render(specials, "html", "en", 0, True)
    assert with_answers.count('class="answer"') == len(specials[0].questions)


def test_markdown_escapes_its_syntax(specials):
    md = render(specials, "md", "en", 0, True)
    assert r"\*star\* \_under\_" in md and r"\<b\>" in md
    assert "# Gradient descent: quiz" in md.splitlines()[0]
    assert md.count("**Answer:**") == len(specials[0].questions)


def test_blank_answer_sheet_lists_the_auto_graded_questions(catalog, tmp_path):
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(render(catalog.banks, "sheet", "ru", 7, False), encoding="utf-8")
    data, problems = read_yaml(sheet, text_only=True)
    assert problems == [] and isinstance(data, MarkedDict)
    assert data["seed"] == "7"
    assert list(data["answers"]) == [q.id for q in catalog.questions if q.auto_graded]


def test_param_values_and_numbers_print_plainly(catalog):
    question = catalog.question("adam-first-step")
    p = present(question, "en", 3)
    page = render(catalog.banks_for("adam"), "md", "en", 3, True)
    assert format_number(p.key) in page
