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
    from grader.batch.runner import Job, SchedulerUnreachable, run_dask

    with pytest.raises(SchedulerUnreachable) as caught:
        run_dask([Job("x", b"", (1,), 1, "en", 1.0)], "tcp://127.0.0.1:9", lambda result: None, connect_timeout=1)
    assert caught.value.address == "tcp://127.0.0.1:9" and caught.value.reason


def test_an_unreachable_scheduler_stops_the_command_as_an_input_error(classroom: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    from click.testing import CliRunner

    from grader.batch import runner
    from grader.cli import cli

    real = runner.run_dask
    monkeypatch.setattr(runner, "run_dask",
                        lambda jobs, address, on_result: real(jobs, address, on_result, connect_timeout=1))
    done = CliRunner().invoke(cli, ["batch", str(classroom), "--out", str(tmp_path / "out"),
                                    "--scheduler", "tcp://127.0.0.1:9", "--lang", "en"])
    assert done.exit_code == 2, done.output
    (line,) = done.output.strip().splitlines()
    assert line.startswith("Error: Cannot reach the Dask scheduler at tcp://127.0.0.1:9") and "Usage" not in done.output
