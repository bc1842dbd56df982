"""`grade quiz list` on an 80-column terminal: each "kind: count" of a bank stays on one line
("(один" | "вариант: 4" and "число (ваш" | "вариант): 3" were cut)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from grader.cli import cli

COUNT = re.compile(r"[^;()]+?(?: \([^;()]*\))?: \d+")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_count_is_on_one_line(lang: str, monkeypatch):
    from grader.reports import terminal

    plain = CliRunner().invoke(cli, ["quiz", "list", "--lang", lang]).output
    monkeypatch.setattr(terminal, "terminal_width", lambda: 79)
    lines = [line.strip() for line in CliRunner().invoke(cli, ["quiz", "list", "--lang", lang]).output.splitlines()]
    assert all(len(line) <= 79 for line in lines)
    counts = [found.strip() for line in plain.splitlines() if "(" in line
              for found in COUNT.findall(line[line.index("(") + 1:])]
    assert len(counts) > 40
    assert [count for count in counts if not any(count in line for line in lines)] == []
