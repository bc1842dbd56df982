"""Lint finds every trap and mistake of a deliberately broken bank, each at its line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from grader.quiz.loader import check_files
from grader.quiz.yamlsource import read_yaml

from .conftest import FIXTURES, run_quiz

BROKEN = FIXTURES / "broken_bank.yaml"


def expected_problems(path: Path) -> list[tuple[str, int]]:
    """(code, line) for every code of every `# expect: code ...` marker of the fixture."""
    expected = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = re.search(r"# expect: (.+)$", line)
        expected += [(code, number) for code in (match.group(1).split() if match else ())]
    return expected


def test_every_mistake_is_reported_at_its_line_and_nothing_else():
    _, problems = check_files([BROKEN])
    assert sorted((p.code, p.line) for p in problems) == sorted(expected_problems(BROKEN))


def test_each_yaml_trap_is_among_them():
    codes = {code for code, _ in expected_problems(BROKEN)}
    assert {"trap_bool", "trap_float_string", "trap_octal", "trap_sexagesimal", "duplicate_key",
            "missing_language", "duplicate_id", "answer_not_option", "empty_text"} <= codes


def test_traps_in_keys_and_lists_too(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("on: 1\nlist:\n  - off\n  - 1.0e5\n  - '012'\n  - 0.5\n", encoding="utf-8")
    _, traps = read_yaml(path)
    assert {(p.code, p.line) for p in traps} == {("trap_bool", 1), ("trap_bool", 3),
                                                ("trap_float_string", 4)}


def test_a_syntax_error_is_reported_with_its_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("topic: x\ntitle: {kk: a\nquestions: []\n", encoding="utf-8")
    _, problems = check_files([path])
    assert [(p.code, p.line) for p in problems] == [("yaml_syntax", 3)]


def test_cli_prints_file_line_and_what_to_do():
    result = run_quiz("lint", str(BROKEN), "--lang", "en")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.endswith("broken_bank.yaml:10: `no` is read as the boolean false, not as text "
                             "(YAML 1.1). Write \"no\" in quotes, or true/false if you mean a boolean.")
               for line in lines)
    for code, number in expected_problems(BROKEN):
        assert any(f"broken_bank.yaml:{number}: " in line for line in lines), code
    assert f"{len(expected_problems(BROKEN))} problem(s)" in lines[-1]


def test_cli_speaks_the_chosen_language():
    result = run_quiz("lint", str(BROKEN), "--lang", "kk")
    assert "логикалық мәні ретінде оқылады" in result.output
    assert f"{len(expected_problems(BROKEN))} мәселе" in result.output


def test_duplicate_ids_and_topics_across_files(tmp_path):
    bank = (FIXTURES / "mini_bank.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(bank, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(bank, encoding="utf-8")
    _, problems = check_files(sorted(tmp_path.glob("*.yaml")))
    codes = sorted({p.code for p in problems})
    assert codes == ["duplicate_id", "duplicate_topic"]
    assert all(p.file.endswith("b.yaml") for p in problems)


def test_lint_without_path_checks_the_bundled_banks(monkeypatch, tmp_path):
    result = run_quiz("lint")
    assert result.exit_code == 0 and "no problems" in result.output
    shutil.copy(BROKEN, tmp_path / "broken.yaml")
    monkeypatch.setenv("GRADE_QUIZ_DIR", str(tmp_path))
    assert run_quiz("lint").exit_code == 1


def test_missing_path_is_a_usage_error():
    result = run_quiz("lint", "/no/such/bank.yaml")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_what_was_found_instead_is_said_in_the_chosen_language():
    """Line 18 (`answer: 1e-3`, text where a number belongs) used to say "found: text" in any language."""
    said = {lang: [line for line in run_quiz("lint", str(BROKEN), "--lang", lang).output.splitlines()
                   if "broken_bank.yaml:18:" in line and "answer" in line and "1e-3" not in line]
            for lang in ("kk", "ru", "en")}
    assert said["en"][0].endswith(":18: “answer” must be a number, found text.")
    assert said["ru"][0].endswith("«answer» должно быть числом, а найдено: текст.")
    assert said["kk"][0].endswith("«answer» сан болуы керек, ал табылғаны: мәтін.")


def test_each_kind_of_value_found_is_named_in_every_language(tmp_path):
    bank = tmp_path / "kinds.yaml"
    bank.write_text(
        "topic: kinds\n"
        "title: [a, b]\n"                      # a list where a mapping belongs
        "questions:\n"
        "  - id: k1\n"
        "    type: numeric\n"
        "    topic: kinds\n"
        "    source: x Q1\n"
        "    text: {kk: Сұрақ, ru: Вопрос, en: Question}\n"
        "    explanation: {kk: Түсіндірме, ru: Объяснение, en: Why}\n"
        "    answer: {a: 1}\n"                 # a mapping where a number belongs
        "    abs_tol: true\n"                  # a boolean
        "  - id: k2\n"
        "    type: true_false\n"
        "    topic: kinds\n"
        "    source: 7\n"                      # a number where text belongs
        "    text: {kk: ~, ru: Вопрос, en: Question}\n"   # nothing where text belongs
        "    explanation: {kk: Түсіндірме, ru: Объяснение, en: Why}\n"
        "    answer: true\n",
        encoding="utf-8")
    expected = {
        "en": ["found a list", "found a mapping", "found the boolean true", "found the number 7",
               "found nothing (null)"],
        "ru": ["найдено: список", "найдено: словарь", "найдено: логическое значение true",
               "найдено: число 7", "найдено: пустое значение (null)"],
        "kk": ["табылғаны: тізім", "табылғаны: сөздік", "табылғаны: true логикалық мәні",
               "табылғаны: 7 саны", "табылғаны: бос мән (null)"],
    }
    for lang, phrases in expected.items():
        output = run_quiz("lint", str(bank), "--lang", lang).output
        for phrase in phrases:
            assert phrase in output, (lang, phrase, output)
