"""What the wheel carries (scripts/smoke_install.sh checks the built wheel itself): every sample
file and icon is matched by a package-data pattern, every pattern matches a file, and the
version has one source."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import teamtool
from teamtool.cli import main

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGE_DATA: dict[str, list[str]] = PYPROJECT["tool"]["setuptools"]["package-data"]
#: Where each package's files are in the checkout (setup.py maps teamtool.samples to samples/).
FOLDERS = {"teamtool": "teamtool", "teamtool.samples": "samples", "solver": "solver", "ui": "ui"}


def data_files(folder: Path) -> set[Path]:
    return {
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    }


@pytest.mark.parametrize("package", sorted(PACKAGE_DATA))
def test_every_pattern_matches_a_file(package: str) -> None:
    folder = ROOT / FOLDERS[package]
    for pattern in PACKAGE_DATA[package]:
        assert list(folder.glob(pattern)), f"{package}: {pattern} matches nothing in {folder}"


@pytest.mark.parametrize("package", ["teamtool.samples", "ui"])
def test_every_data_file_is_shipped(package: str) -> None:
    """A new sample file (or icon) that no pattern matches would be missing from the wheel."""
    folder = ROOT / FOLDERS[package]
    shipped = {p for pattern in PACKAGE_DATA[package] for p in folder.glob(pattern)}
    missing = sorted(str(p.relative_to(folder)) for p in data_files(folder) - shipped)
    assert missing == []


def test_setup_maps_samples_to_teamtool_samples() -> None:
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert 'package_dir={"teamtool.samples": "samples"}' in setup
    assert (ROOT / "samples" / "__init__.py").is_file()


def test_version_has_one_source(capsys: pytest.CaptureFixture[str]) -> None:
    """pyproject.toml reads the version from teamtool.__version__; --version prints it."""
    assert "version" in PYPROJECT["project"]["dynamic"]
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "teamtool.__version__"}
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    printed = capsys.readouterr().out.strip()
    assert re.fullmatch(r"teamtool \d+\.\d+\.\d+", printed)
    assert printed == f"teamtool {teamtool.__version__}"
