"""grade batch's options: a value that could only make every grading fail is a usage error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import cli
from grader.help_texts import CLICK_MODULES, help_catalogue, speak_click
from grader.i18n import translate


@pytest.mark.parametrize("option, value, message_id", [
    ("--seed", "-5", "batch.error.seed_range"),
    ("--seed", str(2**63), "batch.error.seed_range"),  # more than the gradebook's INTEGER holds
    ("--timeout", "nan", "batch.error.timeout_range"),
    ("--timeout", "inf", "click:{value} is not in the range {range}."),
    ("--timeout", "1e10", "click:{value} is not in the range {range}."),
    ("--timeout", "0.01", "click:{value} is not in the range {range}."),
])
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_seed_or_time_limit_no_grading_can_use_is_a_usage_error_and_writes_nothing(
        tmp_path: Path, option: str, value: str, message_id: str, lang: str, monkeypatch: pytest.MonkeyPatch):
    for name in CLICK_MODULES:  # click's own messages (the range of --timeout) as `grade` speaks them
        module = sys.modules.get(f"click.{name}")
        for attribute in ("_", "ngettext"):
            if module is not None and hasattr(module, attribute):
                monkeypatch.setattr(module, attribute, getattr(module, attribute))
    speak_click(lang)
    (tmp_path / "submissions" / "alice").mkdir(parents=True)
    out = tmp_path / "out"
    done = CliRunner().invoke(cli, ["batch", str(tmp_path / "submissions"), "--out", str(out), option, value,
                                    "--lang", lang])
    assert done.exit_code == 2, done.output
    assert "Traceback" not in done.output and not out.exists()
    # The catalogue's sentence, in the language asked for, naming the option (and the bound).
    if message_id.startswith("click:"):
        words = help_catalogue(lang).get(message_id, message_id[len("click:"):]).split("}", 1)[1].split("{")[0]
        assert "3600" in done.output
    else:
        words = translate(message_id, lang, seed="X", timeout="X", min="0.1", max="Y").split("X", 1)[1][:25]
    assert words in done.output and option in done.output


def test_the_bounds_themselves_are_accepted():
    from grader.batch.cli import MAX_SEED, MAX_TIMEOUT, MIN_TIMEOUT, check_seed, check_timeout

    for seed in (0, 2026, MAX_SEED, None):
        check_seed(seed, "en")
    for timeout in (MIN_TIMEOUT, 10.0, MAX_TIMEOUT):
        check_timeout(timeout, "en")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_without_a_seed_the_instructor_is_told_the_public_seed_is_gradable_by_copying(tmp_path: Path, lang: str):
    from grader.grading import DEFAULT_SEED
    from ..conftest import REFERENCE

    student = tmp_path / "submissions" / "alice"
    student.mkdir(parents=True)
    (student / "ex03_gradient_step.py").write_bytes((REFERENCE / "ex03_gradient_step.py").read_bytes())
    warning = translate("batch.public_seed", lang, seed=DEFAULT_SEED)
    for extra, warned in (([], True), (["--seed", "731"], False)):
        done = CliRunner().invoke(cli, ["batch", str(tmp_path / "submissions"), "--out", str(tmp_path / "out"),
                                        "--exercises", "3", "--workers", "1", "--lang", lang, *extra])
        assert done.exit_code == 0, done.output
        assert (warning in done.output) is warned
