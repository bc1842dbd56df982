"""The user's data folder and atomic writes: what the kit keeps survives a kill mid-write."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Mapping

DATA_DIR_VARIABLE = "GRADE_DATA_DIR"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """GRADE_DATA_DIR if set (tests, shared machines), else the platform's user data folder."""
    env = os.environ if environ is None else environ
    if env.get(DATA_DIR_VARIABLE):
        return Path(env[DATA_DIR_VARIABLE])
    import platformdirs

    return Path(platformdirs.user_data_dir("gdkit", appauthor=False))


def atomic_write_bytes(path: Path, data: bytes, prefix: str = ".") -> None:
    """Write through a temporary file in the same folder, fsync, then os.replace: a reader
    sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f"{prefix}{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write_json(path: Path, data: object) -> None:
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
