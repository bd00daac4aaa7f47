"""Refuse a command's outputs that would overwrite one of its inputs or another of its outputs.

Every command calls :func:`check_outputs` with its options before it writes anything. Two paths
are one file when their resolved paths are equal (``os.path.realpath``: symbolic links and
``..`` resolved) or, for files that exist, when ``os.path.samefile`` says so (hard links, and
names that differ only in case on a case-insensitive file system such as Windows' or macOS').
Two outputs that do not exist yet and differ only in upper/lower case are refused as well: on
Windows and macOS they would be one file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from teamtool.errors import InputError

#: One option of a command and the path it names (``None``: the option was not given).
Named = tuple[str, str | Path | None]


@dataclass(frozen=True)
class _Path:
    option: str
    path: Path
    real: str


def _resolve(items: Iterable[Named]) -> list[_Path]:
    return [
        _Path(option, Path(p), os.path.realpath(Path(p).expanduser()))
        for option, p in items
        if p is not None and str(p) != ""
    ]


def _same(a: _Path, b: _Path, *, fold_case: bool) -> bool:
    if a.real == b.real or (fold_case and a.real.casefold() == b.real.casefold()):
        return True
    try:
        return a.path.expanduser().samefile(b.path.expanduser())
    except OSError:  # one of them does not exist (yet): the resolved paths decide
        return False


def check_outputs(inputs: Iterable[Named], outputs: Iterable[Named]) -> None:
    """Raise an :class:`InputError` naming both options and the path when an output is one of
    the inputs or another output; nothing has been written when this is called."""
    ins, outs = _resolve(inputs), _resolve(outputs)
    for i, out in enumerate(outs):
        for source in ins:
            if _same(out, source, fold_case=False):
                raise InputError(
                    f"{out.option} would overwrite the input {source.option}: {out.real}; "
                    "write the output to another file (nothing was written)",
                    code="output-is-input",
                )
        for other in outs[:i]:
            if _same(out, other, fold_case=True):
                raise InputError(
                    f"{other.option} and {out.option} are the same file: {out.real}; "
                    "give each output its own file name (nothing was written)",
                    code="same-output",
                )
