"""The kit's YAML data files (the curriculum, the texts), read through JSON copies.

Importing PyYAML alone takes ~10 ms, a tenth of what `grade exercise` costs above its floor
(benchmarks/bench_grade.py). The first command to read a file parses it and keeps its data as
JSON in the data folder's `cache/`, named after the hash of the file's bytes; later commands
read that copy instead, without importing PyYAML. An edited file has another hash, so it is
parsed again: a copy is never stale. Data that JSON does not hold as it is (a date, a NaN),
or a cache that cannot be written, means the file is parsed every time.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .storage import atomic_write_bytes, data_dir

CACHE_FOLDER = "cache"


def load_yaml(path: Path) -> Any:
    """The data of a YAML file (a safe loader: plain data only), through its JSON copy."""
    raw = path.read_bytes()
    copy = data_dir() / CACHE_FOLDER / f"{hashlib.sha256(raw).hexdigest()}.json"
    try:
        return json.loads(copy.read_bytes())
    except (OSError, ValueError):
        pass
    data = parse_yaml(raw)
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return data
    if json.loads(text) == data:
        try:
            atomic_write_bytes(copy, text.encode("utf-8"))
        except OSError:
            pass
    return data


def parse_yaml(raw: bytes) -> Any:
    """YAML text (UTF-8) to data, with libyaml's safe loader when PyYAML has it (10x faster)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(raw.decode("utf-8"), Loader=loader)  # noqa: S506 - a safe loader
