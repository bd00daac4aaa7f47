"""Scales as kept in the course file: presets by name, custom scales whole (labels and values)."""

from __future__ import annotations

from pathlib import Path

from teamtool.ratings import PRESETS, get_scale, scale_from_text, scale_to_text


def test_presets_are_kept_by_name() -> None:
    assert scale_to_text(PRESETS["cmu5"]) == "cmu5"
    assert scale_from_text("cmu5") == PRESETS["cmu5"]


def test_a_custom_scale_survives_without_its_file(tmp_path: Path) -> None:
    path = tmp_path / "ours.csv"
    path.write_text("label,value\nStar,100\nFine,80\nPoor,20\n", encoding="utf-8")
    custom = get_scale(str(path))
    text = scale_to_text(custom)
    path.unlink()  # the file may be moved or deleted after the import
    again = scale_from_text(text)
    assert again == custom
    assert again.value_of("fine") == 80.0
