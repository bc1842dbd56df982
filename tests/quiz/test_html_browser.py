"""The HTML opens in headless Chromium in every language (skipped where chromium is missing)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from grader.quiz.render import render

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH")


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=60,
    )


def png_rows(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the filtered scanlines of an 8-bit RGB(A) PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.setdefault(kind, []).append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    width, height = struct.unpack(">II", chunks[b"IHDR"][0][:8])
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = len(raw) // height
    return width, height, [raw[i * stride:(i + 1) * stride] for i in range(height)]


@pytest.mark.parametrize("lang, title", [("kk", "Градиенттік төмендеу: квиз"),
                                         ("ru", "Градиентный спуск: квиз"),
                                         ("en", "Gradient descent: quiz")])
def test_html_renders_in_chromium(catalog, tmp_path, lang, title):
    page = tmp_path / f"quiz_{lang}.html"
    page.write_text(render(catalog.banks, "html", lang, 0, True), encoding="utf-8")
    shot = tmp_path / f"quiz_{lang}.png"
    result = chromium(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,1600")
    assert result.returncode == 0, result.stderr
    width, height, rows = png_rows(shot)
    assert (width, height) == (1200, 1600)
    # A page with text has many distinct scanlines; a blank or error page has a handful.
    assert len(set(rows)) > 300
    dom = chromium(page, tmp_path / "profile", "--dump-dom")
    assert title in dom.stdout
    assert catalog.questions[0].text[lang] in dom.stdout
