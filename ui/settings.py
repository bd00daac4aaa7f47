"""Every QSettings key of the window, declared once with its default, and typed accessors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings

ORGANIZATION = "teamtool"
APPLICATION = "teamtool"
MAX_RECENT = 8


@dataclass(frozen=True)
class Key:
    """One setting: its QSettings name and the value used when it is unset or unreadable."""

    name: str
    default: object


RECENT_FILES = Key("files/recent", [])  # list[str], newest first
LAST_DIR = Key("files/last_dir", "")  # str: the folder of the last file dialog
GEOMETRY = Key("window/rect", QRect())  # QRect: the window's normal geometry when it closed
MAXIMIZED = Key("window/maximized", False)  # bool: the window was maximized when it closed
WINDOW_STATE = Key("window/state", QByteArray())  # QByteArray from saveState()
LAST_STEP = Key("window/last_step", 0)  # int: the step shown when the window closed
TEAMS_SPLITTER = Key("teams/splitter", QByteArray())  # QByteArray: criteria | board sizes

ALL_KEYS = (RECENT_FILES, LAST_DIR, GEOMETRY, MAXIMIZED, WINDOW_STATE, LAST_STEP, TEAMS_SPLITTER)


def _store() -> QSettings:
    """The settings of the running application (tests set their own application name)."""
    return QSettings()


def _raw(key: Key) -> object:
    return _store().value(key.name, None)


def get_str(key: Key) -> str:
    raw = _raw(key)
    return raw if isinstance(raw, str) else str(key.default)


def get_int(key: Key) -> int:
    raw = _raw(key)
    try:
        return int(str(raw))
    except ValueError:
        return int(str(key.default))


def get_bytes(key: Key) -> QByteArray:
    raw = _raw(key)
    return raw if isinstance(raw, QByteArray) else QByteArray()


def get_rect(key: Key) -> QRect:
    raw = _raw(key)
    return raw if isinstance(raw, QRect) and raw.isValid() else QRect()


def get_bool(key: Key) -> bool:
    raw = _raw(key)
    return raw in (True, "true", "1", 1) if raw is not None else bool(key.default)


def get_list(key: Key) -> list[str]:
    raw = _raw(key)
    if isinstance(raw, str):  # QSettings may hand back a one-item list as a plain string
        return [raw] if raw else []
    if isinstance(raw, list | tuple):
        return [str(x) for x in raw]
    return []


def put(key: Key, value: object) -> None:
    _store().setValue(key.name, value)


def recent_files() -> list[str]:
    """Recently opened course files that still exist, newest first."""
    return [p for p in get_list(RECENT_FILES) if Path(p).exists()]


def add_recent(path: str | Path) -> list[str]:
    """Put ``path`` first in the recent files; returns the new list."""
    text = str(Path(path).resolve())
    files = [text, *(p for p in recent_files() if p != text)][:MAX_RECENT]
    put(RECENT_FILES, files)
    return files
