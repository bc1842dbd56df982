"""--scheduler: the same grades from a Dask cluster (a LocalCluster of two worker processes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import outputs_of, run_batch

distributed = pytest.importorskip("distributed")


def test_dask_cluster_gives_the_same_outputs_as_the_local_run(baseline: Path, classroom: Path, tmp_path: Path):
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=40) as cluster:
        run_batch(classroom, tmp_path / "dask", "--scheduler", cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
    assert outputs_of(tmp_path / "dask") == outputs_of(baseline)


def test_unreachable_scheduler_is_reported_with_its_address():
    from grader.batch.runner import SchedulerUnreachable, connect

    with pytest.raises(SchedulerUnreachable) as caught:
        connect("tcp://127.0.0.1:9", timeout=1)
    assert caught.value.address == "tcp://127.0.0.1:9" and caught.value.reason


@pytest.mark.parametrize("existing", [False, True])
def test_an_unreachable_scheduler_stops_the_command_as_an_input_error_writing_nothing(
        classroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool):
    from click.testing import CliRunner

    from grader.batch import runner
    from grader.cli import cli

    monkeypatch.setattr(runner, "CONNECT_TIMEOUT", 1.0, raising=False)
    out = tmp_path / "out"
    if existing:  # a folder of an earlier run: left exactly as it was
        out.mkdir()
        (out / "grades.csv").write_text("student,ex01,total\n")
    done = CliRunner().invoke(cli, ["batch", str(classroom), "--out", str(out),
                                    "--scheduler", "tcp://127.0.0.1:1", "--lang", "en"])
    assert done.exit_code == 2, done.output
    (line,) = done.output.strip().splitlines()
    assert line.startswith("Error: Cannot reach the Dask scheduler at tcp://127.0.0.1:1") and "Usage" not in done.output
    # Not even the records of the class's not-gradable students (eve, frank), which need no worker.
    if existing:
        assert sorted(p.name for p in out.iterdir()) == ["grades.csv"]
        assert (out / "grades.csv").read_text() == "student,ex01,total\n"
    else:
        assert not out.exists()


def test_a_cluster_without_workers_ends_the_batch_with_grader_failures_not_a_wait_forever(
        classroom: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """No worker at all, or only workers without the kit (they stop at their first task): the
    students still waiting are grader failures (exit 3), graded again by the next run."""
    import json

    from click.testing import CliRunner

    from grader.batch import runner
    from grader.cli import cli

    monkeypatch.setattr(runner, "NO_WORKER_GRACE", 2.0)
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=None, silence_logs=40) as cluster:
        done = CliRunner().invoke(cli, ["batch", str(classroom), "--out", str(out), "--scheduler",
                                        cluster.scheduler_address, "--lang", "en", "--exercises", "1"])
    assert done.exit_code == 3, done.output
    records = [json.loads(path.read_text()) for path in (out / "results").glob("*.json")]
    waiting = [record["error"]["message"] for record in records if record.get("error", {}).get("id") == "batch.error.grader_failed"]
    assert len(waiting) >= 4 and all("no Dask worker" in message for message in waiting), waiting


def test_on_a_terminal_the_wait_for_the_scheduler_is_said_before_it_starts(monkeypatch: pytest.MonkeyPatch,
                                                                          capsys: pytest.CaptureFixture):
    """A wrong address is told after the whole connection timeout (20 s): on a terminal a line
    says what the command is waiting for; piped, the output stays the error alone."""
    import sys

    from grader.batch.cli import say_connecting

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    for lang in ("en", "kk", "ru"):
        say_connecting("tcp://10.0.0.9:8786", lang)
        said = capsys.readouterr().err
        assert "tcp://10.0.0.9:8786" in said and "Dask" in said and "20" in said and "{" not in said
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    say_connecting("tcp://10.0.0.9:8786", "en")
    assert capsys.readouterr().err == ""
