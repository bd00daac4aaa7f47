"""Atomic saves, all or nothing: every output is written to a temporary file beside its target
and moved into place only when all outputs of the command have been written.

``atomic_target(path)`` yields the temporary path to write. Inside ``all_or_nothing()`` (a
command, an export of the window) the move waits until the block ends: if any output fails,
no target is touched and every temporary file is removed; if moving one output into place
fails (a file open in Excel), the outputs already moved are put back as they were. Outside such
a block each ``atomic_target`` is a batch of one.

Temporary files are named ``.teamtool-tmp-HOST-PID-…`` and created 0600 (they hold student
names). A process killed while writing cannot remove its own: the next save into the same
folder removes those of a process that is gone (same computer) or older than
:data:`STALE_AFTER` seconds (any computer, for folders shared over a network).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import socket
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from pathlib import Path

from teamtool.errors import ExportError

TEMP_PREFIX = ".teamtool-tmp-"
#: A temporary file of ours older than this (seconds) is left over from a killed run.
STALE_AFTER = 30 * 60
_HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:6]
_TEMP_NAME = re.compile(re.escape(TEMP_PREFIX) + r"(?P<host>[0-9a-f]{6})-(?P<pid>\d+)-")
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _prefix() -> str:
    return f"{TEMP_PREFIX}{_HOST}-{os.getpid()}-"


def write_error(target: Path, exc: OSError) -> ExportError:
    """The error the user sees when ``target`` cannot be written."""
    if exc.errno in _DISK_FULL:
        return ExportError(
            f"the disk is full: {target} was not written; free some space and try again",
            code="disk-full",
        )
    if isinstance(exc, PermissionError):
        return ExportError(
            "cannot write the file: it may be open in Excel; close it and try again",
            file=str(target),
            code="write-failed",
        )
    return ExportError(
        f"cannot write the file ({exc.strerror or exc})", file=str(target), code="write-failed"
    )


class _Batch:
    """The outputs written so far: (temporary file, target) pairs, moved into place together."""

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path]] = []
        self.cleaned: set[Path] = set()

    def new_temp(self, target: Path) -> Path:
        if target.is_dir():
            raise ExportError(
                "this is a folder; give a file name", file=str(target), code="write-failed"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.parent not in self.cleaned:
            self.cleaned.add(target.parent)
            remove_stale(target.parent)
        fd, name = tempfile.mkstemp(prefix=_prefix(), suffix=target.suffix, dir=target.parent)
        os.close(fd)  # mkstemp creates the file 0600
        self.pending.append((Path(name), target))
        return Path(name)

    def discard(self) -> None:
        for tmp, _ in self.pending:
            tmp.unlink(missing_ok=True)
        self.pending.clear()

    def commit(self) -> None:
        done: list[tuple[Path, Path | None]] = []  # target, hard link to its old content
        current = None
        try:
            for tmp, target in self.pending:
                current = target
                backup = _keep_old(target)
                done.append((target, backup))
                tmp.replace(target)
        except OSError as exc:
            for target, backup in reversed(done):
                with suppress(OSError):  # put back what can be put back
                    if backup is not None:
                        backup.replace(target)
                    elif target != current:
                        target.unlink(missing_ok=True)
            self.discard()
            raise write_error(current or Path(), exc) from exc
        finally:
            for _, backup in done:
                if backup is not None:
                    backup.unlink(missing_ok=True)
        self.pending.clear()


def _keep_old(target: Path) -> Path | None:
    """A second name for ``target``'s old content (a hard link, else a copy), or None if new.

    The target itself stays in place until the new file replaces it in one rename, so a kill
    at any moment leaves either the old or the new file, never none.
    """
    if not target.exists():
        return None
    fd, name = tempfile.mkstemp(prefix=_prefix(), suffix=target.suffix, dir=target.parent)
    os.close(fd)
    backup = Path(name)
    backup.unlink()
    try:
        os.link(target, backup)
    except OSError:  # no hard links here (FAT, some network shares): copy
        shutil.copyfile(target, backup)
    return backup


_BATCH: ContextVar[_Batch | None] = ContextVar("teamtool_output_batch", default=None)


@contextmanager
def all_or_nothing() -> Iterator[None]:
    """The outputs saved in this block are moved into place together when it ends, none if it
    raises. Nested blocks belong to the outermost one. Usable as a decorator."""
    if _BATCH.get() is not None:
        yield
        return
    batch = _Batch()
    token = _BATCH.set(batch)
    try:
        yield
    except BaseException:
        batch.discard()
        raise
    finally:
        _BATCH.reset(token)
    batch.commit()


@contextmanager
def atomic_target(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; it replaces ``path`` when the enclosing
    :func:`all_or_nothing` block (or this one alone) succeeds. File-system errors become an
    :class:`ExportError` that names the file (a full disk is said to be one)."""
    target = Path(path)
    with all_or_nothing():
        batch = _BATCH.get()
        assert batch is not None
        try:
            yield batch.new_temp(target)
        except OSError as exc:
            raise write_error(target, exc) from exc


def remove_stale(folder: Path) -> list[Path]:
    """Remove our temporary files in ``folder`` left by a killed run; returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            old = time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            mine = match["host"] == _HOST
            if old or (mine and not _running(int(match["pid"]))):
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
        except OSError:  # removed meanwhile, or not ours to remove
            continue
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill(pid, 0) would not test but signal on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists and belongs to another user
        return True
    return True
