"""Where the sample course's files are: package data in an installed teamtool, ``samples/`` in a
checkout.

pyproject.toml maps the repository's top-level ``samples/`` folder to the package
``teamtool.samples``, so a wheel (and an editable install) carries it and
:func:`importlib.resources.files` finds it. Run from a checkout without installing, the
package is not importable and the folder next to ``teamtool/`` is used.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import teamtool
from teamtool.errors import InputError

PACKAGE = "teamtool.samples"
CHECKOUT_SAMPLES = Path(teamtool.__file__).resolve().parent.parent / "samples"


def samples_dir() -> Path:
    """The folder that holds roster.csv, teams.csv, grades.csv and surveys/."""
    try:
        files = importlib.resources.files(PACKAGE)
    except ModuleNotFoundError:
        return CHECKOUT_SAMPLES
    # Installed as plain files (a wheel, an editable install, the desktop bundle): a real folder.
    return files if isinstance(files, Path) else Path(str(files))


def sample_path(*parts: str) -> Path:
    """A file of the sample course; an :class:`InputError` naming it when it is missing."""
    path = samples_dir().joinpath(*parts)
    if not path.is_file():
        raise InputError(
            "the sample course is missing from this teamtool installation; reinstall teamtool",
            file=str(path),
            code="no-samples",
        )
    return path
