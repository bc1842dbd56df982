"""Unit tests of the pieces: wire format, answer specs, intake, language choice, exit codes."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from grader import curriculum
from grader.cli import cli
from grader.compare import Array, BadValue, Dict, IndexGroups, Scalar, Text, Tolerance, Tuple, Vector
from grader.errors import SubmissionError, UnknownExercise
from grader.i18n import UnknownLanguage, resolve_language
from grader.sandbox import protocol
from grader.submission import prepared

from ..conftest import REFERENCE


class Sub(np.ndarray):
    pass


@pytest.mark.parametrize("value", [1.5, [1, 2.5], np.arange(6.0).reshape(2, 3), {"m": np.ones(2)}, "text", None, [float("nan"), float("inf")]])
def test_plain_values_round_trip(value):
    back = protocol.decode(json.loads(json.dumps(protocol.encode(value))))
    if isinstance(value, np.ndarray):
        assert type(back) is np.ndarray and np.array_equal(back, value)
    elif isinstance(value, dict):
        assert np.array_equal(back["m"], value["m"])
    else:
        assert back == value or (isinstance(value, list) and np.array_equal(back, value, equal_nan=True))


@pytest.mark.parametrize("value", [np.ones(3).view(Sub), object(), {1: 2}, np.array(["a"])])
def test_objects_that_are_not_plain_data_are_refused(value):
    decoded = protocol.decode(protocol.encode(value))
    assert isinstance(decoded, protocol.Rejected)
    with pytest.raises(BadValue) as info:
        Vector(3).normalize(decoded)
    assert info.value.diagnosis == "not_plain_data"


@pytest.mark.parametrize("argument", [lambda x: 2 * x, object(), {"grad": [len]}, np.array(["a"])])
def test_a_suite_that_passes_student_code_something_not_data_is_the_graders_error(argument):
    """A lambda in a hidden suite would reach the student as a refused value ("'Rejected' object
    is not callable" on the student's line): it is the suite's mistake, said before any call."""
    from grader.sandbox.testfuncs import Objective

    with pytest.raises(protocol.UnsendableArgument, match="gradient_descent"):
        protocol.encode_request({"op": "call", "function": "gradient_descent", "args": [argument, [1.0]], "kwargs": {}})
    sendable = protocol.encode_request({"op": "call", "function": "gradient_descent", "kwargs": {"x0": np.ones(2)},
                                        "args": [Objective("wavy", {"frequencies": [1.0]}).grad]})
    assert sendable["args"][0] == {"$fn": ["wavy", "grad", {"frequencies": [1.0]}]}


def test_worker_answers_cannot_smuggle_functions_or_generators():
    for smuggled in ({"$fn": ["quadratic", "f", {}]}, {"$rng": 1}, {"$nd": ["<O", [1], ""]}, {"a": 1, "b": 2}):
        with pytest.raises(protocol.ProtocolError):
            protocol.decode(smuggled)


@pytest.mark.parametrize("value", ["[" * 200_000 + "]" * 200_000, "9" * 100_000], ids=["nested", "digits"])
def test_a_reply_python_s_json_cannot_read_is_malformed_not_a_grader_failure(value):
    """Student code can write its own reply on the channel: nesting deeper than the parser
    recurses, or an integer of more digits than Python converts, is the student's doing."""
    with pytest.raises(protocol.ProtocolError):
        protocol.parse(('{"replies":[{"ok":%s,"id":1}]}' % value).encode())


def test_answers_past_what_the_grader_reads_are_refused_one_by_one(monkeypatch):
    """A group's replies fit in MAX_REPLIES_BYTES: those past it come as $bad "large|MB", each
    in its place; the rest are the worker's replies as they are."""
    monkeypatch.setattr(protocol, "MAX_REPLIES_BYTES", 2_500_000)
    small, big = {"ok": 1.5, "id": None}, {"ok": "x" * 2_000_000, "id": None}
    answered = protocol.parse(protocol.bounded_replies([small, big, big, small]))["replies"]
    assert answered == [small, big, {"ok": {"$bad": "large|2"}, "id": None}, small]
    assert protocol.decode(answered[2]["ok"]) == protocol.Rejected("large|2")
    assert protocol.bounded_replies([small]) == protocol.dumps({"replies": [small]})


def test_group_messages_made_as_text_are_the_json_the_worker_reads_and_writes():
    """A batch sends its planned calls as one text made of cached pieces and compares the
    worker's answers as text (prefetch.py): the pieces must join into what the worker parses
    and what its `send` writes, byte for byte."""
    imports, call = {"op": "import", "module": "m"}, {"op": "call", "function": "f", "args": [1.5], "module": "m"}
    text = protocol.groups_message([[protocol.dumps(imports)], [protocol.dumps(call), protocol.dumps(call)], []])
    assert protocol.parse(text) == {"op": "groups", "groups": [[imports], [call, call], []]}
    answers = [np.arange(3.0), 2.5, None]
    written = protocol.dumps({"replies": [{"ok": protocol.encode(answer), "id": None} for answer in answers]})
    assert protocol.replies_message([protocol.reply_text(protocol.encoded_text(a)) for a in answers]) == written
    assert protocol.replies_message([]) == protocol.dumps({"replies": []})


def test_specs_compare_values_not_types():
    assert Vector(2).difference(Vector(2).normalize([1, 2.0]), np.array([1.0, 2.0]), Tolerance()) is None
    assert Scalar().difference(Scalar().normalize(3), np.asarray(3.0), Tolerance()) is None
    pair = Tuple((Scalar(), Vector(1)))
    assert pair.difference(pair.normalize([1.0, [2.0]]), (np.asarray(1.0), np.array([2.0])), Tolerance()) is None
    found = Vector(2).difference(np.array([1.0, 2.1]), np.array([1.0, 2.0]), Tolerance())
    assert found is not None and found.where == "[1]"


def test_a_message_quoting_what_student_code_returned_is_capped():
    """A dict given back with 15,000 keys of 100 characters added: its message names a few."""
    from grader.verdict import MAX_MESSAGE, cut

    kept = Dict({"m": Vector(1)}, exact=True)
    with pytest.raises(BadValue) as info:
        kept.normalize({"m": [1.0], **{"k%099d" % i: 0 for i in range(15_000)}})
    assert info.value.diagnosis == "changed_input" and len(info.value.params["got"]) < 2000
    assert len(cut("x" * 10**6)) == MAX_MESSAGE + 1 and cut("short") == "short"


@pytest.mark.parametrize(("spec", "value", "diagnosis"), [
    (Vector(3), None, "returned_none"),
    (Vector(3), [1.0, 2.0], "off_by_one"),
    (Vector(3), [1.0], "wrong_shape"),
    (Array((6, 2)), np.zeros((7, 2)), "off_by_one"),
    (Array((6, 2)), np.zeros((6, 3)), "wrong_shape"),
    (Vector(3), [[1.0], [2.0], [3.0]], "extra_dimension"),
    (Scalar(), [1.0], "extra_dimension"),
    (Array((None, 2)), [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], "transposed"),
    (Vector(2), [True, False], "not_plain_data"),
    (Tuple((Scalar(), Scalar())), [1.0], "wrong_shape"),
    (Dict({"m": Vector(1)}), {"v": [1.0]}, "missing_keys"),
    (Text(), 3.0, "not_text"),
    (IndexGroups(), [[0.5, 1.0]], "wrong_shape"),
])
def test_bad_answers_are_named(spec, value, diagnosis):
    with pytest.raises(BadValue) as info:
        spec.normalize(value)
    assert info.value.diagnosis == diagnosis


def test_nan_agrees_only_with_nan():
    spec = Array((None, 1))
    assert spec.difference(np.array([[np.nan]]), np.array([[np.nan]]), Tolerance()) is None
    assert spec.difference(np.array([[np.nan]]), np.array([[1.0]]), Tolerance()) is not None
    assert spec.difference(np.array([[np.inf]]), np.array([[-np.inf]]), Tolerance()) is not None


def test_intake_accepts_nested_exercises_folder_and_zips(tmp_path: Path):
    kit = tmp_path / "kit" / "exercises"
    kit.mkdir(parents=True)
    (kit / "ex03_gradient_step.py").write_text("X = 1\n")
    (kit / "conftest.py").write_text("raise SystemExit\n")
    (kit / "ex03_gradient_step.pyc").write_bytes(b"stale")
    with prepared(tmp_path / "kit") as root:
        assert sorted(p.name for p in (root / "exercises").iterdir()) == ["__init__.py", "conftest.py", "ex03_gradient_step.py"]
    archive = tmp_path / "sub.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("student/exercises/ex03_gradient_step.py", "X = 2\n")
        zf.writestr("../evil.py", "X = 3\n")
        zf.writestr("/abs/ex01_sum_of_squares.py", "X = 4\n")
    with prepared(archive) as root:
        assert (root / "exercises" / "ex03_gradient_step.py").read_text() == "X = 2\n"
        assert not (root / "exercises" / "ex01_sum_of_squares.py").exists()
        assert not (root.parent / "evil.py").exists()


def test_intake_takes_the_one_zip_of_a_folder_as_an_lms_export_gives_it(tmp_path: Path):
    from grader.submission import content_hash

    folder = tmp_path / "Aida Nurlanqyzy_1234_assignsubmission_file_"
    folder.mkdir()
    archive = folder / "homework.ZIP"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("kit/exercises/ex03_gradient_step.py", "X = 2\n")
    (folder / "onlinetext.html").write_text("<p>see the zip</p>")
    with prepared(folder) as from_folder, prepared(archive) as from_zip:
        assert (from_folder / "exercises" / "ex03_gradient_step.py").read_text() == "X = 2\n"
        assert content_hash(from_folder) == content_hash(from_zip)
    (folder / "old_attempt.zip").write_bytes(archive.read_bytes())
    with pytest.raises(SubmissionError) as several:
        with prepared(folder):
            pass
    assert several.value.message_id == "error.several_zips"
    assert "homework.ZIP, old_attempt.zip" in several.value.message("en")
    (folder / "ex03_gradient_step.py").write_text("X = 5\n")  # exercise files beside zips win
    with prepared(folder) as root:
        assert (root / "exercises" / "ex03_gradient_step.py").read_text() == "X = 5\n"


@pytest.mark.parametrize("as_zip", [False, True], ids=["folder", "zip"])
def test_intake_grades_exercise_files_renamed_on_the_way_under_their_names(tmp_path: Path, as_zip: bool):
    folder = tmp_path / "upload"
    folder.mkdir()
    files = {"ex03_gradient_step (1).py": "A = 3\n", "Ex04_Gradient_Descent.py": "A = 4\n",
             "ex05_linear_regression - Копия.py": "A = 5\n", "ex06_batch_gd.py.txt": "A = 6\n",
             "ex01_sum_of_squares.py": "A = 1\n", "ex01_sum_of_squares (2).py": "A = 0\n",
             "ex07_sgd (1).py": "A = 7\n", "ex07_sgd (2).py": "A = 7.5\n", "notes.txt": "hi\n"}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    source = folder
    if as_zip:
        source = tmp_path / "upload.zip"
        with zipfile.ZipFile(source, "w") as zf:
            for name, text in files.items():
                zf.writestr(f"upload/{name}", text)
    with prepared(source) as root:
        package = root / "exercises"
        got = {p.name: p.read_text() for p in package.iterdir() if p.name != "__init__.py"}
    assert got == {"ex03_gradient_step.py": "A = 3\n", "ex04_gradient_descent.py": "A = 4\n",
                   "ex05_linear_regression.py": "A = 5\n", "ex06_batch_gd.py": "A = 6\n",
                   "ex01_sum_of_squares.py": "A = 1\n"}  # the exact name wins; two claims on ex07: neither


def test_intake_never_follows_symlinks(tmp_path: Path):
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "ex01_sum_of_squares.py").write_text("X = 1\n")
    secret = tmp_path / "secret.py"
    secret.write_text("SECRET = 1\n")
    os.symlink(secret, folder / "ex02_numerical_gradient.py")
    with prepared(folder) as root:
        assert not (root / "exercises" / "ex02_numerical_gradient.py").exists()


@pytest.mark.parametrize("make", ["missing", "empty", "not_zip", "bad_zip"])
def test_intake_errors_say_what_to_do(tmp_path: Path, make: str):
    path = tmp_path / "thing"
    if make == "empty":
        path.mkdir()
    elif make == "not_zip":
        path.write_text("hello")
    elif make == "bad_zip":
        path = tmp_path / "x.zip"
        path.write_bytes(b"PK\x03\x04broken")
    with pytest.raises(SubmissionError) as info:
        with prepared(path):
            pass
    assert str(path) in info.value.message("en")


@pytest.mark.parametrize(("spec", "lang", "said"), [
    ("3-1", "en", "the range 3-1 runs backwards: write it 1-3"),
    ("2,17-16", "kk", "17-16 аралығы кері жазылған: кіші нөмірді алдымен қойып, 16-17 деп жазыңыз"),
    ("5-3", "ru", "диапазон 5-3 записан наоборот: напишите 3-5"),
])
def test_a_backwards_range_is_told_the_range_meant(spec: str, lang: str, said: str):
    """'3-1' is a range: 'give a number (3), a range (1-5)…' did not say what was wrong with it."""
    with pytest.raises(UnknownExercise) as refused:
        curriculum.select(spec)
    assert said in refused.value.message(lang)


def test_exercise_selection():
    assert [e.number for e in curriculum.select("1-3,5")] == [1, 2, 3, 5]
    every = sorted(int(p.name[2:4]) for p in curriculum.CURRICULUM_DIR.glob("ex*.yaml"))
    assert [e.number for e in curriculum.select("all")] == every
    with pytest.raises(UnknownExercise):
        curriculum.select(str(every[-1] + 1))
    for spec in ("three", "3-1", "17-16", ","):
        with pytest.raises(UnknownExercise):
            curriculum.select(spec)


@pytest.mark.parametrize(("option", "env", "expected"), [
    ("ru", {"GRADE_LANG": "kk"}, "ru"),
    (None, {"GRADE_LANG": "kk", "LANG": "ru_RU.UTF-8"}, "kk"),
    (None, {"LANGUAGE": "fr:kk", "LANG": "ru_RU.UTF-8"}, "kk"),
    (None, {"LC_ALL": "ru_KZ.UTF-8", "LANG": "kk_KZ"}, "ru"),
    (None, {"LANG": "de_DE.UTF-8"}, "en"),
    (None, {}, "en"),
    (None, {"GRADE_LANG": "kz"}, "kk"),  # Kazakhstan's code, typed for Kazakh
    ("KZ", {}, "kk"),
    ("rus", {}, "ru"),
])
def test_language_resolution(option, env, expected):
    assert resolve_language(option, env) == expected


def test_unknown_language_is_refused_naming_where_it_came_from():
    with pytest.raises(UnknownLanguage, match=r"^--lang='fr': unknown language"):
        resolve_language("fr", {})
    with pytest.raises(UnknownLanguage) as refused:
        resolve_language(None, {"GRADE_LANG": "qq"})
    assert str(refused.value).startswith("GRADE_LANG='qq'") and "белгісіз тіл" in str(refused.value)
    assert "неизвестный язык" in str(refused.value)


def test_cli_usage_errors_exit_2_without_traceback(tmp_path: Path):
    runner = CliRunner()
    unknown = runner.invoke(cli, ["exercise", "42", "--submission", str(REFERENCE)])
    assert unknown.exit_code == 2 and "there is no exercise 42" in unknown.output and "Traceback" not in unknown.output
    missing = runner.invoke(cli, ["exercise", "3", "--submission", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    backwards = runner.invoke(cli, ["exercise", "3-1", "--submission", str(REFERENCE), "--json"])
    assert backwards.exit_code == 2 and "INTERNALERROR" not in backwards.output
    assert "the range 3-1 runs backwards: write it 1-3" in backwards.output, backwards.output
    bad_lang = runner.invoke(cli, ["exercise", "3", "--lang", "fr"])
    assert bad_lang.exit_code == 2
    for command in (["exercise", "3"], ["watch", "3"]):
        negative = runner.invoke(cli, [*command, "--seed", "-5", "--submission", str(REFERENCE)])
        assert negative.exit_code == 2 and "-5 is not in the range x>=0" in negative.output  # not a grader failure
        for seconds in ("nan", "inf", "1e10"):  # would overflow the clock: a grader failure on every test
            refused = runner.invoke(cli, [*command, "--timeout", seconds, "--submission", str(REFERENCE)])
            assert refused.exit_code == 2 and "is not in the range 0.1<=x<=3600" in refused.output, refused.output


def test_cli_json_is_one_object_and_exit_0_when_all_pass():
    result = CliRunner().invoke(cli, ["exercise", "3", "--submission", str(REFERENCE), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"score", "max_score", "exercises"}
    (exercise,) = data["exercises"]
    assert {"exercise", "title", "score", "max_score", "tests"} <= set(exercise)
    for test in exercise["tests"]:
        assert {"name", "status", "score", "max_score", "message", "diagnosis"} <= set(test)
        assert test["status"] == "passed" and test["diagnosis"] is None


def test_list_shows_last_known_status():
    runner = CliRunner()
    runner.invoke(cli, ["exercise", "3", "--submission", str(REFERENCE)])
    lines = runner.invoke(cli, ["list"]).output.splitlines()
    assert len(lines) == len(curriculum.all_exercises())
    assert "passing" in lines[2] and "not started" in lines[0]


def test_a_suite_without_tests_is_an_error_not_a_pass(tmp_path: Path):
    from grader.engine import GradingPlugin
    from grader.sandbox.client import StudentSession

    exercises = curriculum.select("3")
    plugin = GradingPlugin([{3: StudentSession(tmp_path, exercises[0].module)}], exercises, 1, "en", {})
    (report,) = plugin.reports()
    (test,) = report.exercises[0].tests
    assert test.outcome.value == "error" and report.internal_error and not report.passed


def test_citations_name_the_material_in_the_reader_s_language():
    """A student has the lecture, not the course's file names: a citation names each
    material in the reader's language, with its sections and question numbers."""
    adam, rmsprop = curriculum.exercise(14), curriculum.exercise(13)
    assert adam.citation_in("kk") == "градиенттік төмендеу нұсқалары туралы сұрақ-жауап (орысша), 29–30-сұрақтар"
    assert adam.citation_in("ru") == "вопросы и ответы о вариантах градиентного спуска, вопросы 29–30"
    assert rmsprop.citation_in("en").startswith("the slides «Gradient descent» (in Russian), «RMSprop")
    assert rmsprop.citation_in("en").endswith("the Q&A on the variants of gradient descent (in Russian), question 28")
    assert curriculum.exercise(17).citation_in("kk").endswith("16 және 20-сұрақтар")
    for exercise in curriculum.all_exercises():
        assert exercise.cited(), exercise.number
        for lang in ("kk", "ru", "en"):
            text = exercise.citation_in(lang)
            assert ".txt" not in text and "material." not in text and "_" not in text, (exercise.number, lang, text)


def test_a_grader_fault_on_one_answer_is_that_test_s_internal_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """In a session grading many submissions, a bug of the grader on one answer must not
    lose that test for the others (or for this one: it becomes an internal error)."""
    from grader import engine
    from grader.sandbox.client import StudentSession

    exercises = curriculum.select("3")
    sessions = [{3: StudentSession(tmp_path, exercises[0].module)} for _ in range(2)]
    plugin = engine.GradingPlugin(sessions, exercises, 1, "en", {})

    class Item:
        path, name, originalname, nodeid = "grader/suites/test_ex03.py", "test_x", "test_x", "test_ex03.py::test_x"

        def get_closest_marker(self, name):
            return None

    original, calls = engine.verdict, []

    def faulty(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise ValueError("a bug")
        return original(*args, **kwargs)

    monkeypatch.setattr(engine, "verdict", faulty)
    plugin.record(0, Item(), None)
    plugin.record(1, Item(), None)
    first, second = plugin.results[0][3][0], plugin.results[1][3][0]
    assert first.outcome.value == "error" and first.internal_error and "a bug" in first.message
    assert second.outcome.value == "passed"
    for submission in sessions:
        submission[3].close()


def test_control_messages_are_read_whole_with_their_descriptors_and_eof_is_empty():
    import socket

    grader_end, zygote_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with grader_end, zygote_end, open(os.devnull, "rb") as passed:
        socket.send_fds(grader_end, [b'{"op": "sp'], [passed.fileno()])
        grader_end.sendall(b'awn"}\n')
        data, fds = protocol.recv_control(zygote_end, 2)
        assert json.loads(data) == {"op": "spawn"} and len(fds) == 1
        os.close(fds[0])
        grader_end.sendall(b"x" * (protocol.MAX_CONTROL_BYTES + 1))
        with pytest.raises(protocol.ProtocolError):
            protocol.recv_control(zygote_end)
        grader_end.close()
        assert protocol.recv_control(zygote_end)[0] == b""


def test_windows_outside_wsl_is_told_to_use_wsl(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delattr(os, "fork")  # as on Windows
    runner = CliRunner()
    graded = runner.invoke(cli, ["exercise", "3", "--submission", str(REFERENCE), "--lang", "ru"])
    assert graded.exit_code == 2 and "wsl --install" in graded.output and "Traceback" not in graded.output
    batch = runner.invoke(cli, ["batch", str(tmp_path), "--out", str(tmp_path / "out"), "--lang", "kk"])
    assert batch.exit_code == 2 and "wsl --install" in batch.output and "Usage" not in batch.output


def test_every_lang_option_takes_the_same_names(monkeypatch: pytest.MonkeyPatch):
    """`grade --lang kz …`, `grade quiz … --lang kz` and `GRADE_LANG=kz` are all Kazakh; an
    unknown name is refused the same way everywhere (exit 2, saying where it came from)."""
    monkeypatch.setenv("GRADE_LANG", "en")  # the group's --lang sets it: put back after the test
    runner = CliRunner()
    assert "Квадраттардың қосындысы" in runner.invoke(cli, ["--lang", "kz", "list"]).output
    assert "сұрақ" in runner.invoke(cli, ["quiz", "list", "--lang", "kz"]).output
    for args in (["--lang", "xx", "list"], ["quiz", "list", "--lang", "xx"], ["list", "--lang", "xx"]):
        refused = runner.invoke(cli, args)
        assert refused.exit_code == 2 and "--lang='xx': unknown language" in refused.output, args
