"""The batch's own catalogues (grader/i18n/*/batch.yaml), read as an instructor reads them."""

from __future__ import annotations

from pathlib import Path

import yaml

CATALOGUES = Path(__file__).resolve().parents[2] / "grader" / "i18n"


def test_the_kazakh_batch_messages_call_a_folder_buma_throughout():
    """Every Kazakh batch message says `бума` for a folder; the one for a busy --out folder said
    `қалта`, so two messages about the same folder used two words."""
    messages = yaml.safe_load((CATALOGUES / "kk" / "batch.yaml").read_text(encoding="utf-8"))
    assert [key for key, text in messages.items() if isinstance(text, str) and "қалта" in text.lower()] == []
