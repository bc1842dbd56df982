"""Finding the students of a SUBMISSIONS folder as LMSs download them (no grading here)."""

from __future__ import annotations

import html
import json
import zipfile
from pathlib import Path

from grader import curriculum
from grader.batch.intake import Student, find_students, pack
from grader.grading import grade_submission

from ..conftest import REFERENCE


def _files(folder: Path, names: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in names.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_moodle_online_text_and_comment_folders_are_the_same_student(tmp_path: Path):
    ex01 = {"ex01_sum_of_squares.py": (REFERENCE / "ex01_sum_of_squares.py").read_text()}
    _files(tmp_path / "Әлібек Нұрланұлы_123456_assignsubmission_file_", ex01)
    _files(tmp_path / "Әлібек Нұрланұлы_123456_assignsubmission_onlinetext_", {"onlinetext.html": "<p>done</p>"})
    _files(tmp_path / "Anna Smith_345678_assignsubmission_file_", ex01)
    _files(tmp_path / "Anna Smith_345678_assignsubmission_comments_", {"comments.html": "<p>late, sorry</p>"})
    # Only an online text: still a student (reported as not gradable), never missing.
    _files(tmp_path / "Bolat Seri_999999_assignsubmission_onlinetext_", {"onlinetext.html": "<p>see email</p>"})
    students, ignored = find_students(tmp_path)
    # The student id is the name and Moodle's participant id, whatever the plugin folder.
    assert [s.id for s in students] == ["Anna Smith_345678", "Bolat Seri_999999", "Әлібек Нұрланұлы_123456"]
    assert [s.path.name for s in students] == ["Anna Smith_345678_assignsubmission_file_",
                                               "Bolat Seri_999999_assignsubmission_onlinetext_",
                                               "Әлібек Нұрланұлы_123456_assignsubmission_file_"]
    assert ignored == []


def test_a_moodle_student_keeps_one_id_from_an_online_text_to_a_file_upload(tmp_path: Path):
    """An online text first, a file upload later: the same student, not a new one beside the old."""
    first, later = tmp_path / "first", tmp_path / "later"
    _files(first / "Bolat Seri_999999_assignsubmission_onlinetext_", {"onlinetext.html": "<p>soon</p>"})
    _files(later / "Bolat Seri_999999_assignsubmission_onlinetext_", {"onlinetext.html": "<p>soon</p>"})
    _files(later / "Bolat Seri_999999_assignsubmission_file_",
           {"ex01_sum_of_squares.py": (REFERENCE / "ex01_sum_of_squares.py").read_text()})
    (first_student,), _ = find_students(first)
    (later_student,), _ = find_students(later)
    assert first_student.id == later_student.id == "Bolat Seri_999999"
    assert later_student.path.name.endswith("_file_") and pack(later_student).data is not None


def test_a_moodle_flat_download_gives_the_ids_of_moodle_s_folders(tmp_path: Path):
    ex01 = (REFERENCE / "ex01_sum_of_squares.py").read_text()
    _files(tmp_path, {"Aigerim Nurlanova_10001_assignsubmission_file_ex01_sum_of_squares.py": ex01,
                      "Aigerim Nurlanova_10001_assignsubmission_onlinetext_onlinetext.html": "<p>done</p>",
                      "Bolat Seri_10022_assignsubmission_onlinetext_onlinetext.html": "<p>see email</p>"})
    students, ignored = find_students(tmp_path)
    assert [s.id for s in students] == ["Aigerim Nurlanova_10001", "Bolat Seri_10022"] and ignored == []
    assert [name for name, _ in students[0].files] == ["ex01_sum_of_squares.py", "onlinetext.html"]
    assert pack(students[0]).data is not None and pack(students[1]).error_id == "batch.error.no_py_files"


def _why(path: Path, lang: str = "en") -> tuple[str, str]:
    from grader.i18n import translate

    packed = pack(Student(path.name, path))
    assert packed.data is None, f"{path.name} was gradable"
    return packed.error_id, translate(packed.error_id, lang, **dict(packed.error_params))


def test_a_submission_that_cannot_be_graded_is_told_by_its_cause_with_a_next_step(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    _files(tmp_path / "rar", {"exercises.rar": "Rar!"})
    _files(tmp_path / "pdf", {"report.pdf": "%PDF", "onlinetext.html": "<p>hi</p>"})
    _files(tmp_path / "unnamed", {"solution.py": "X = 1\n", "homework2.py": "X = 2\n"})
    _files(tmp_path / "zipped_pdf", {})
    with zipfile.ZipFile(tmp_path / "zipped_pdf" / "hw.zip", "w") as zf:
        zf.writestr("hw/answers.pdf", b"%PDF")
    (tmp_path / "fake.zip").write_bytes(b"PK\x03\x04 not really")
    _files(tmp_path / "mac", {"__MACOSX/._ex03_gradient_step.py": "x", ".hidden/ex03_gradient_step.py": "X = 1\n",
                              "a/b/c/d/e/f/g/h/ex03_gradient_step.py": "X = 1\n"})
    expected = {
        "empty": ("batch.error.empty", ["empty is empty"]),
        "mac": ("batch.error.nothing_looked_at", ["hidden or __MACOSX folders", "more than 6 folders deep"]),
        "rar": ("batch.error.other_archive", ["rar holds exercises.rar", "archive other than zip", "Unpack it yourself"]),
        "pdf": ("batch.error.no_py_files", ["onlinetext.html, report.pdf"]),
        "unnamed": ("batch.error.no_exercise_names", ["homework2.py, solution.py", "Rename"]),
        "zipped_pdf": ("batch.error.no_py_files", ["zipped_pdf/hw.zip", "hw/answers.pdf"]),
        "fake.zip": ("batch.error.not_a_zip", ["fake.zip is not a zip file"]),
    }
    messages = set()
    for name, (message_id, phrases) in expected.items():
        found_id, text = _why(tmp_path / name)
        assert found_id == message_id, (name, text)
        assert all(phrase in text for phrase in phrases), text
        assert "--submission" not in text and str(tmp_path) not in text
        messages.add(text)
        for lang in ("kk", "ru"):
            other = _why(tmp_path / name, lang)[1]
            assert other != text and "--submission" not in other
    assert len(messages) == len(expected)  # each cause its own words


def test_a_file_that_is_no_zip_is_told_alike_loose_or_in_the_student_s_folder(tmp_path: Path):
    """Moodle puts a student's upload in a folder: a .zip there that is no zip at all got
    Python's English 'BadZipFile: File is not a zip file' inside the Kazakh or Russian message,
    where the same file loose in SUBMISSIONS is told in the run's language."""
    (tmp_path / "loose.zip").write_bytes(b"PK\x03\x04 not really")
    _files(tmp_path / "Anna_7_assignsubmission_file_", {})
    (tmp_path / "Anna_7_assignsubmission_file_" / "work.zip").write_bytes(b"PK\x03\x04 not really")
    for lang in ("kk", "ru", "en"):
        loose = _why(tmp_path / "loose.zip", lang)
        found_id, text = _why(tmp_path / "Anna_7_assignsubmission_file_", lang)
        assert found_id == loose[0] == "batch.error.not_a_zip", text
        assert "Anna_7_assignsubmission_file_/work.zip" in text and "BadZipFile" not in text, text


def test_a_zip_inside_the_zip_is_named_as_such_not_as_a_zip_without_py_files(tmp_path: Path):
    import io

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("ex01_sum_of_squares.py", (REFERENCE / "ex01_sum_of_squares.py").read_text())
    _files(tmp_path / "alice", {})
    for outer in (tmp_path / "alice" / "outer.zip", tmp_path / "bob.zip"):  # in the student's folder, or alone
        with zipfile.ZipFile(outer, "w") as zf:
            zf.writestr("homework/inner.zip", inner.getvalue())
            zf.writestr("__MACOSX/homework/._inner.zip", b"")
    for student, shown in (("alice", "alice/outer.zip"), ("bob.zip", "bob.zip")):
        texts = {}
        for lang in ("kk", "ru", "en"):
            found_id, texts[lang] = _why(tmp_path / student, lang)
            assert found_id == "batch.error.zip_in_zip" and shown in texts[lang] and "homework/inner.zip" in texts[lang]
        assert "a zip inside the zip" in texts["en"] and "Unpack homework/inner.zip" in texts["en"]
        assert "zip внутри zip" in texts["ru"] and "zip ішіндегі zip" in texts["kk"]
        assert "Ask the student for the exercise files" not in texts["en"]
        assert f"into a folder in place of {shown} (and remove {shown} itself" in texts["en"]
    # Done as said (bob.zip, a folder beside it would be a second submission of bob's): bob is graded.
    (tmp_path / "bob.zip").unlink()
    with zipfile.ZipFile(inner) as zf:
        zf.extractall(tmp_path / "bob")
    (bob,) = [s for s in find_students(tmp_path)[0] if s.id == "bob"]
    assert pack(bob).data is not None


def test_the_stored_reason_is_the_instructors_text_everywhere(baseline: Path):
    import sqlite3

    from grader.i18n import translate

    record = json.loads((baseline / "results" / "frank.json").read_text(encoding="utf-8"))
    message = record["error"]["message"]
    assert message == translate("batch.error.no_py_files", "en", path="frank", names="notes.txt")
    db = sqlite3.connect(baseline / "gradebook.sqlite")
    assert db.execute("SELECT error FROM submissions WHERE student = 'frank'").fetchone()[0] == message
    db.close()
    escaped = html.escape(message, quote=True)
    assert escaped in (baseline / "students" / "frank.html").read_text(encoding="utf-8")
    assert f'title="{escaped}"' in (baseline / "report.html").read_text(encoding="utf-8")


def _canvas_class(folder: Path) -> Path:
    folder.mkdir()
    for number, name in ((1, "ex01_sum_of_squares.py"), (2, "ex02_numerical_gradient.py"), (3, "ex03_gradient_step.py")):
        text = (REFERENCE / name).read_text()
        (folder / f"smithanna_12345_6789{number}_{name}").write_text(text)
        (folder / f"нұрланұлыәлібек_12347_6799{number}_{name}").write_text(text)
    (folder / "leebob_12346_67891_ex03_gradient_step.py").write_text("def gradient_step(v, g, s):\n    return v\n")
    (folder / "leebob_LATE_12346_67899_ex03_gradient_step-1.py").write_text(
        (REFERENCE / "ex03_gradient_step.py").read_text())
    (folder / "leebob_12346_67892_ex01_sum_of_squares.py").write_text(
        (REFERENCE / "ex01_sum_of_squares.py").read_text())
    return folder


def test_a_canvas_flat_download_is_one_submission_per_student(tmp_path: Path):
    students, ignored = find_students(_canvas_class(tmp_path / "canvas"))
    assert [s.id for s in students] == ["leebob_12346", "smithanna_12345", "нұрланұлыәлібек_12347"] and ignored == []
    bob = pack(students[0])
    assert bob.data is not None
    with zipfile.ZipFile(__import__("io").BytesIO(bob.data)) as zf:
        graded = {name: zf.read(name).decode() for name in zf.namelist()}
    # The late resubmission (Canvas's "-1") replaces the first upload of the same file.
    assert graded == {"exercises/ex01_sum_of_squares.py": (REFERENCE / "ex01_sum_of_squares.py").read_text(),
                      "exercises/ex03_gradient_step.py": (REFERENCE / "ex03_gradient_step.py").read_text()}
    assert pack(students[1]).data is not None and pack(students[2]).data is not None


def test_a_flat_download_s_broken_zip_is_named_as_it_is_and_unpacked_keeps_the_student(tmp_path: Path):
    """A Canvas (or flat Moodle) zip that is none was named `leebob_12346/work.zip`, a path that
    is nowhere, and its advice, "unpack it into a folder of that name", made a new student of
    the folder: `leebob_12346_501_work`, beside leebob_12346, in the gradebook."""
    _files(tmp_path, {"leebob_12346_text.html": "<p>my zip</p>", "Bolat Seri_10022_assignsubmission_file_work.zip": "no"})
    (tmp_path / "leebob_12346_501_work.zip").write_bytes(b"PK\x03\x04 not really")
    students, _ = find_students(tmp_path)
    assert [s.id for s in students] == ["Bolat Seri_10022", "leebob_12346"]
    for student, shown in zip(students, ["Bolat Seri_10022_assignsubmission_file_work.zip", "leebob_12346_501_work.zip"]):
        packed = pack(student)
        assert packed.error_id == "batch.error.not_a_zip" and dict(packed.error_params)["path"] == shown, packed
    (tmp_path / "leebob_12346_501_work.zip").unlink()
    _files(tmp_path / "leebob_12346_501_work", {"hw/ex03_gradient_step.py": (REFERENCE / "ex03_gradient_step.py").read_text()})
    students, ignored = find_students(tmp_path)
    assert [s.id for s in students] == ["Bolat Seri_10022", "leebob_12346"] and ignored == []
    with zipfile.ZipFile(__import__("io").BytesIO(pack(students[1]).data)) as zf:
        assert zf.namelist() == ["exercises/ex03_gradient_step.py"]


def test_a_student_id_is_the_same_whichever_form_an_unzip_tool_wrote_its_letters_in(tmp_path: Path):
    """й written as и and a combining breve (macOS may unzip names so) was another student id:
    one week's download unzipped there and the next elsewhere split a student's gradebook."""
    import unicodedata

    from grader.batch.intake import IntakeError

    ex01 = {"ex01_sum_of_squares.py": (REFERENCE / "ex01_sum_of_squares.py").read_text()}
    composed, decomposed = tmp_path / "composed", tmp_path / "decomposed"
    for top, form in ((composed, "NFC"), (decomposed, "NFD")):
        for name in ("Сергей Ёлкин_123_assignsubmission_file_", "Сергей Ёлкин_123_assignsubmission_onlinetext_", "Әлия Йылдыз"):
            _files(top / unicodedata.normalize(form, name), ex01 if "onlinetext" not in name else {"onlinetext.html": "x"})
        with zipfile.ZipFile(top / unicodedata.normalize(form, "Андрей.zip"), "w") as zf:
            zf.writestr("ex01_sum_of_squares.py", ex01["ex01_sum_of_squares.py"])
        _files(top, {unicodedata.normalize(form, "ёлкина_77_5_ex01_sum_of_squares.py"): ex01["ex01_sum_of_squares.py"]})
    ids = [[s.id for s in find_students(top)[0]] for top in (composed, decomposed)]
    assert ids[0] == ids[1] == sorted(["Андрей", "Әлия Йылдыз", "Сергей Ёлкин_123", "ёлкина_77"])
    assert all(unicodedata.is_normalized("NFC", i) for i in ids[1])
    # One student's folder in both forms: two submissions of one student, said so.
    _files(composed / unicodedata.normalize("NFD", "Әлия Йылдыз"), ex01)
    try:
        find_students(composed)
    except IntakeError as error:
        assert error.message_id == "batch.error.duplicate_student"
    else:
        raise AssertionError("two folders of one student were two students")


def test_two_canvas_students_of_one_name_are_told_apart_by_their_user_id(tmp_path: Path):
    _files(tmp_path, {"kimlee_111_1_ex01_sum_of_squares.py": "X = 1\n", "kimlee_222_2_ex01_sum_of_squares.py": "X = 2\n"})
    assert [s.id for s in find_students(tmp_path)[0]] == ["kimlee_111", "kimlee_222"]


def test_a_canvas_zip_of_the_class_is_graded_and_a_zip_without_students_is_named(tmp_path: Path):
    import shutil

    from .conftest import run_batch

    archive = shutil.make_archive(str(tmp_path / "canvas"), "zip", _canvas_class(tmp_path / "submissions"))
    run_batch(Path(archive), tmp_path / "out", "--workers", "1", "--exercises", "1-3")
    rows = (tmp_path / "out" / "grades.csv").read_text(encoding="utf-8").splitlines()
    # bob: ex01, and ex03 from his late upload (full marks); no ex02.
    maxima = [e.max_score for e in grade_submission(REFERENCE, curriculum.select("1-3")).exercises]
    full = [f"{points:g}" for points in maxima]
    total, bob = f"{sum(maxima):g}", f"{maxima[0] + maxima[2]:g}"
    assert rows[1:] == [f"leebob_12346,{full[0]},0,{full[2]},{bob}", f"smithanna_12345,{','.join(full)},{total}",
                        f"нұрланұлыәлібек_12347,{','.join(full)},{total}"]
    empty = tmp_path / "nothing.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("readme.txt", "no submissions here\n")
    refused = run_batch(empty, tmp_path / "out2", check=False)
    assert refused.returncode == 2 and str(empty) in refused.stderr, refused.stderr
    assert "gdkit-" not in refused.stderr


def test_from_a_class_zip_a_rar_or_a_pdf_is_named_in_the_reason(tmp_path: Path):
    from grader.batch.download import unpack

    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Rar User_3_assignsubmission_file_/exercises.rar", b"Rar!\x1a\x07\x00" + b"x" * 100)
        zf.writestr("Pdf User_4_assignsubmission_file_/report.pdf", b"%PDF-1.4" + b"x" * 100)
    unpack(archive, tmp_path / "class")
    assert (tmp_path / "class" / "Rar User_3_assignsubmission_file_" / "exercises.rar").stat().st_size == 0
    reasons = {s.id: _why(s.path)[0] for s in find_students(tmp_path / "class")[0]}
    assert reasons == {"Pdf User_4": "batch.error.no_py_files", "Rar User_3": "batch.error.other_archive"}


def test_a_name_too_long_for_a_file_name_is_shortened_not_the_end_of_the_batch(tmp_path: Path):
    """A 236-byte folder name (118 Kazakh letters) named files past the 255 bytes a file name
    may have, and stopped the whole batch: the id is shortened, the same in every run."""
    from .conftest import run_batch, submission_with

    long_name = "Ә" * 118
    submission_with(tmp_path / "class" / long_name, {})
    submission_with(tmp_path / "class" / "alice", {})
    (student,) = [s for s in find_students(tmp_path / "class")[0] if s.id != "alice"]
    assert len(student.id.encode()) <= 180 and student.id.startswith("Ә" * 80) and "~" in student.id
    assert student.id in {s.id for s in find_students(tmp_path / "class")[0]}  # the same id the next run
    out = tmp_path / "out"
    done = run_batch(tmp_path / "class", out, "--workers", "1", "--exercises", "1")
    assert done.returncode == 0, done.stderr
    assert (out / "results" / f"{student.id}.json").is_file() and (out / "students" / f"{student.id}.html").is_file()


def test_an_empty_folder_in_a_class_zip_made_on_windows_is_still_a_student(tmp_path: Path):
    """Windows tools write a folder entry as `Name\\` (a backslash, which zipfile does not take
    for a folder): a student's empty folder was not made, and the student was missing from
    every view instead of being reported as an empty submission."""
    from grader.batch.download import unpack

    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Dana Smith_12348_assignsubmission_file_\\", b"")
        zf.writestr("Anna Lee_12349_assignsubmission_file_\\ex01_sum_of_squares.py",
                    (REFERENCE / "ex01_sum_of_squares.py").read_text())
    unpack(archive, tmp_path / "class")
    students = {s.id: s for s in find_students(tmp_path / "class")[0]}
    assert set(students) == {"Anna Lee_12349", "Dana Smith_12348"}
    assert _why(students["Dana Smith_12348"].path)[0] == "batch.error.empty"


def test_a_canvas_download_of_an_anonymously_graded_assignment_has_its_students(tmp_path: Path):
    """With anonymous grading on, Canvas names each file `anon_<anonymous id>_<attachment id>_<file>`
    (`LATE_anon_…` when late): those files were ignored, and the students missing from the grades."""
    ex01 = (REFERENCE / "ex01_sum_of_squares.py").read_text()
    _files(tmp_path, {"anon_Ab3xZ_4101_ex01_sum_of_squares.py": ex01,
                      "LATE_anon_q7RtP_4102_ex01_sum_of_squares.py": ex01,
                      "LATE_anon_q7RtP_4103_ex01_sum_of_squares-1.py": "X = 2\n"})
    students, ignored = find_students(tmp_path)
    assert [s.id for s in students] == ["anon_Ab3xZ", "anon_q7RtP"] and ignored == []
    assert all(pack(s).data is not None for s in students)
    assert [path.name for _, path in students[1].files] == ["LATE_anon_q7RtP_4103_ex01_sum_of_squares-1.py"]


def test_a_canvas_text_or_link_submission_is_a_student_not_an_ignored_file(tmp_path: Path):
    """Canvas saves an online text or URL submission as `<name>_<user id>_text.html` or
    `…_link.html` (no attachment id): the student was left out of grades.csv, as if absent,
    instead of being reported as not gradable with what was handed in."""
    _files(tmp_path, {"leebob_5003_link.html": '<a href="https://github.com/x/y">y</a>',
                      "kimolga_LATE_5004_text.html": "<p>код</p>",
                      "anon_Zz9Qa_text.html": "<p>x</p>",
                      "smithanna_5001_4101_ex01_sum_of_squares.py": (REFERENCE / "ex01_sum_of_squares.py").read_text()})
    students, ignored = find_students(tmp_path)
    assert [s.id for s in students] == ["anon_Zz9Qa", "kimolga_5004", "leebob_5003", "smithanna_5001"] and ignored == []
    by_id = {s.id: s for s in students}
    for student, shown in (("leebob_5003", "link.html"), ("kimolga_5004", "text.html"), ("anon_Zz9Qa", "text.html")):
        packed = pack(by_id[student])
        assert packed.data is None and packed.error_id == "batch.error.no_py_files", student
        assert dict(packed.error_params)["names"] == shown


def test_a_folder_wrapping_an_lms_download_is_the_class_not_one_student(tmp_path: Path):
    """SUBMISSIONS given as the folder an unzip tool made around the download (`MATH101-…/`
    holding the Moodle folders) was one student, graded on whichever student's files came first."""
    from grader.batch.download import class_folder

    ex01 = {"ex01_sum_of_squares.py": (REFERENCE / "ex01_sum_of_squares.py").read_text()}
    download = tmp_path / "wrapped" / "MATH101-Градиент-12345"
    _files(download / "Әлібек Нұрланұлы_123456_assignsubmission_file_", ex01)
    _files(download / "Anna Smith_345678_assignsubmission_file_", ex01)
    with class_folder(tmp_path / "wrapped") as folder:
        assert [s.id for s in find_students(folder)[0]] == ["Anna Smith_345678", "Әлібек Нұрланұлы_123456"]
    (tmp_path / "linked").mkdir()  # the wrapping folder a symlink to where the download is
    (tmp_path / "linked" / "MATH101").symlink_to(download, target_is_directory=True)
    with class_folder(tmp_path / "linked") as folder:
        assert [s.id for s in find_students(folder)[0]] == ["Anna Smith_345678", "Әлібек Нұрланұлы_123456"]
    # Not unwrapped: a class of one Moodle student, and a class of one student holding a project folder.
    _files(tmp_path / "one" / "Anna Smith_345678_assignsubmission_file_" / "gdkit-main" / "exercises", ex01)
    _files(tmp_path / "plain" / "alice" / "gdkit-main" / "exercises", ex01)
    for name, student in (("one", "Anna Smith_345678"), ("plain", "alice")):
        with class_folder(tmp_path / name) as folder:
            assert [s.id for s in find_students(folder)[0]] == [student]


def test_a_name_with_control_characters_is_shown_without_them(tmp_path: Path):
    """A student's name (from the LMS or a folder) with a terminal escape or a direction
    override names the student's files and rows without it: `_` in its place, and the
    original's hash so that two such names stay two students."""
    ex01 = {"ex01_sum_of_squares.py": (REFERENCE / "ex01_sum_of_squares.py").read_text()}
    for name in ("ev\x1b[2Jil", "ev\x1b[3Jil", "\u202eannA", "Әлібек"):
        _files(tmp_path / "class" / name, ex01)
    ids = [s.id for s in find_students(tmp_path / "class")[0]]
    assert len(set(ids)) == 4 and "Әлібек" in ids
    assert all(not any(c in i for c in "\x1b\u202e") for i in ids)
    assert sorted(i.split("~")[0] for i in ids if "~" in i) == ["_annA", "ev_[2Jil", "ev_[3Jil"]


def test_an_exercise_file_named_by_its_number_is_graded_as_that_exercise(tmp_path: Path):
    """`ex3.py`, `ex04.py`, `ex5_linear_regression.py`: the student meant those exercises; they
    are not left out as "no file ex03_gradient_step.py" (unless the exact name is there too)."""
    files = {name: (REFERENCE / f"{module}.py").read_text(encoding="utf-8")
             for name, module in [("ex3.py", "ex03_gradient_step"), ("Ex04.py", "ex04_gradient_descent"),
                                  ("ex5_linear_regression.py", "ex05_linear_regression"),
                                  ("ex01_sum_of_squares.py", "ex01_sum_of_squares")]}
    _files(tmp_path / "Ernar", {**files, "ex1.py": "X = 'a draft'\n", "ex0.py": "X = 0\n", "ex99.py": "X = 99\n"})
    packed = pack(Student("Ernar", tmp_path / "Ernar"))
    with zipfile.ZipFile(__import__("io").BytesIO(packed.data)) as zf:
        graded = {name: zf.read(name).decode() for name in zf.namelist()}
    assert set(graded) == {"exercises/ex01_sum_of_squares.py", "exercises/ex03_gradient_step.py",
                           "exercises/ex04_gradient_descent.py", "exercises/ex05_linear_regression.py",
                           "exercises/ex0.py", "exercises/ex1.py", "exercises/ex99.py"}
    assert graded["exercises/ex01_sum_of_squares.py"] == files["ex01_sum_of_squares.py"]  # the exact name wins
    assert graded["exercises/ex03_gradient_step.py"] == files["ex3.py"]
    report = grade_submission(tmp_path / "Ernar", curriculum.select("1-5"))
    assert [e.score == e.max_score for e in report.exercises] == [True, False, True, True, True]


def test_one_students_files_given_as_the_class_say_how_to_grade_that_student(tmp_path: Path):
    """`grade batch alice/` or `grade batch alice.zip` (one student's exercise files, not a class):
    the instructor is told to use `grade exercise --submission`, not to put folders into it."""
    import shutil

    from .conftest import run_batch

    _files(tmp_path / "alice", {"ex01_sum_of_squares.py": (REFERENCE / "ex01_sum_of_squares.py").read_text()})
    archive = Path(shutil.make_archive(str(tmp_path / "alice"), "zip", tmp_path / "alice"))
    for given in (tmp_path / "alice", archive):
        refused = run_batch(given, tmp_path / "out", check=False)
        assert refused.returncode == 2 and not (tmp_path / "out").exists()
        assert "holds the exercise files of one student" in refused.stderr, refused.stderr
        assert f'grade exercise all --submission "{given}"' in refused.stderr, refused.stderr
    _files(tmp_path / "nothing", {"notes.txt": "x\n"})  # no exercise file: as before
    assert "holds no student submission" in run_batch(tmp_path / "nothing", tmp_path / "out", check=False).stderr


def test_an_exercise_file_handed_in_as_txt_is_graded_a_py_file_first(tmp_path: Path):
    """An LMS that takes no .py: `ex03_gradient_step.txt` is the student's ex03; `ex1.txt`
    (notes as likely as code) is not an exercise file; beside `ex4.py`, `ex04_gradient_descent.txt`
    does not make two claims on ex04 that would leave both out: the .py file is graded."""
    code = {n: (REFERENCE / f"{m}.py").read_text(encoding="utf-8")
            for n, m in [(3, "ex03_gradient_step"), (4, "ex04_gradient_descent"), (1, "ex01_sum_of_squares")]}
    _files(tmp_path / "Timur", {"ex03_gradient_step.txt": code[3], "ex4.py": code[4],
                                "ex04_gradient_descent.txt": "my notes on exercise 4\n", "ex1.txt": code[1]})
    packed = pack(Student("Timur", tmp_path / "Timur"))
    with zipfile.ZipFile(__import__("io").BytesIO(packed.data)) as zf:
        graded = {name: zf.read(name).decode() for name in zf.namelist()}
    assert graded == {"exercises/ex03_gradient_step.py": code[3], "exercises/ex04_gradient_descent.py": code[4]}
    _files(tmp_path / "Notes", {"ex1.txt": "the gradient is 2v\n"})  # no exercise file: said as before
    assert pack(Student("Notes", tmp_path / "Notes")).error_id == "batch.error.no_py_files"


def test_an_exercise_handed_in_as_txt_survives_the_unpacking_of_a_class_zip(tmp_path: Path):
    """The class zip keeps only what grading reads: an exercise's .txt is read, in a Moodle folder
    and after Canvas's prefix; other .txt files stay names only."""
    from grader.batch.download import unpack

    code = (REFERENCE / "ex03_gradient_step.py").read_text(encoding="utf-8")
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Тимур Ахметов_201_assignsubmission_file_/ex03_gradient_step.txt", code)
        zf.writestr("Тимур Ахметов_201_assignsubmission_file_/readme.txt", "hello\n")
        zf.writestr("kimsvetlana_123460_7890_ex03_gradient_step.txt", code)
    unpack(archive, tmp_path / "class")
    assert (tmp_path / "class" / "Тимур Ахметов_201_assignsubmission_file_" / "readme.txt").stat().st_size == 0
    for student in find_students(tmp_path / "class")[0]:
        with zipfile.ZipFile(__import__("io").BytesIO(pack(student).data)) as zf:
            assert {n: zf.read(n).decode() for n in zf.namelist()} == {"exercises/ex03_gradient_step.py": code}


def test_a_scratch_file_named_by_a_number_does_not_hide_the_kit_s_exercises(tmp_path: Path):
    """A clone of the kit with a scratch `ex1.py` at its top: exercises/ is still the submission
    (in a folder and in a zip); `ex3.py` files count only where no exercise file has its full name."""
    import shutil

    code = (REFERENCE / "ex01_sum_of_squares.py").read_text(encoding="utf-8")
    _files(tmp_path / "Kit" / "gdkit-main", {"ex1.py": "print('trying things')\n",
                                             "exercises/ex01_sum_of_squares.py": code})
    archive = Path(shutil.make_archive(str(tmp_path / "KitZip"), "zip", tmp_path / "Kit"))
    for student in (Student("Kit", tmp_path / "Kit"), Student("KitZip", archive)):
        with zipfile.ZipFile(__import__("io").BytesIO(pack(student).data)) as zf:
            assert {n: zf.read(n).decode() for n in zf.namelist()} == {"exercises/ex01_sum_of_squares.py": code}


def test_a_canvas_student_keeps_one_id_when_a_namesake_hands_in_later(tmp_path: Path):
    """The id was `petrovivan` while one Petrov Ivan handed in, and `petrovivan_<user id>` from
    the week a second one did: the first was then told 'no longer in the submissions folder'
    while his files were there. With the user id always in it, the id stays."""
    from .conftest import run_batch

    ex01 = (REFERENCE / "ex01_sum_of_squares.py").read_text()
    _files(tmp_path / "week", {"petrovivan_123458_7001_ex01_sum_of_squares.py": ex01})
    run_batch(tmp_path / "week", tmp_path / "out", "--exercises", "1", "--workers", "1")
    _files(tmp_path / "week", {"petrovivan_123459_7002_ex01_sum_of_squares.py": "X = 1\n"})
    later = run_batch(tmp_path / "week", tmp_path / "out", "--exercises", "1", "--workers", "1")
    assert "no longer in the submissions folder" not in later.stderr
    assert "graded 1, unchanged and skipped 1" in later.stdout
    rows = (tmp_path / "out" / "grades.csv").read_text(encoding="utf-8").splitlines()
    assert [row.split(",")[0] for row in rows[1:]] == ["petrovivan_123458", "petrovivan_123459"]


def test_a_class_download_saved_among_the_students_is_not_graded_as_a_phantom_student(tmp_path: Path):
    """Moodle's zip (or the folder it unzips to) next to the folders unpacked from it was a
    student `GD-Homework 1-123`, graded on whichever student's files came first. It is not
    graded, with the reason; the class is (a student can hand in such names: never the class's
    refusal)."""
    import shutil

    from .conftest import run_batch

    ex01 = (REFERENCE / "ex01_sum_of_squares.py").read_text()
    moodle = tmp_path / "moodle"
    _files(moodle, {"Анна Ли_11_assignsubmission_file_/ex01_sum_of_squares.py": ex01,
                    "Bob Kim_12_assignsubmission_file_/ex01_sum_of_squares.py": ex01})
    canvas = tmp_path / "canvas"
    _files(canvas, {"kimlee_111_1_ex01_sum_of_squares.py": ex01, "parkmin_222_2_ex01_sum_of_squares.py": ex01})
    for download, kind in ((moodle, "zip"), (moodle, "folder"), (canvas, "zip")):
        submissions = tmp_path / f"class-{download.name}-{kind}"
        shutil.copytree(moodle, submissions)  # the unpacked students
        if kind == "zip":
            shutil.make_archive(str(submissions / "GD-Homework 1-123"), "zip", download)
        else:
            shutil.copytree(download, submissions / "GD-Homework 1-123")
        out = tmp_path / f"out-{download.name}-{kind}"
        done = run_batch(submissions, out, "--exercises", "1", "--workers", "1")
        assert "Students: 3 — graded 2" in done.stdout and "not gradable 1" in done.stdout, done.stdout
        record = (out / "results" / "GD-Homework 1-123.json").read_text(encoding="utf-8")
        assert "download of a whole class" in record and '"score": 0' in record.replace("0.0", "0"), record
    # A student whose files happen to have Canvas-like names, of one user id, is a student; so
    # is one whose figures have two (`fig_1_1_loss.png`, `fig_2_1_acc.png`): they were refused
    # as a class's download, though only .py and .zip files could give a phantom another's work.
    _files(tmp_path / "plain" / "alice", {"ex01_sum_of_squares.py": ex01, "data_1_2_x.csv": "1\n"})
    _files(tmp_path / "plain" / "bob", {"ex01_sum_of_squares.py": ex01, "fig_1_1_loss.png": "",
                                        "fig_2_1_acc.png": "", "plots/run_1_5_a.txt": "", "plots/run_2_5_b.txt": ""})
    assert [s.id for s in find_students(tmp_path / "plain")[0]] == ["alice", "bob"]
    assert [pack(s).error_id for s in find_students(tmp_path / "plain")[0]] == [None, None]
