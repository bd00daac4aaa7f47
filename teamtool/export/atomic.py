"""Atomic saves: write a temporary file beside the target, then rename it over the target."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from teamtool.errors import ExportError


@contextmanager
def atomic_target(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; it replaces ``path`` only if the block succeeds.

    A failed write leaves the old file as it was and no temporary file behind; file-system
    errors become an :class:`ExportError` that names the file.
    """
    target = Path(path)
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".teamtool-", suffix=target.suffix, dir=target.parent)
        os.close(fd)
        tmp = Path(name)
        yield tmp
        tmp.replace(target)
        tmp = None
    except PermissionError as exc:
        raise ExportError(
            "cannot write the file: it may be open in Excel; close it and try again",
            file=str(target),
            code="write-failed",
        ) from exc
    except OSError as exc:
        raise ExportError(
            f"cannot write the file ({exc.strerror})", file=str(target), code="write-failed"
        ) from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
