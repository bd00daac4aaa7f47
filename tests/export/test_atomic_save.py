"""Saves are atomic: a failed export leaves the old file whole and no temporary file behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from teamtool.errors import ExportError
from teamtool.export.atomic import atomic_target
from teamtool.export.csv_util import write_csv


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "grades.csv"
    write_csv(target, ["a"], [["old"]])
    before = target.read_bytes()

    def rows() -> Iterator[list[str]]:
        yield ["new"]
        raise RuntimeError("the disk is full half-way")

    with pytest.raises(RuntimeError):
        write_csv(target, ["a"], rows())
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["grades.csv"]


def test_an_unwritable_folder_is_an_export_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("I am a file, not a folder")
    with pytest.raises(ExportError) as info, atomic_target(blocker / "out.csv"):
        pass
    assert "out.csv" in str(info.value)
