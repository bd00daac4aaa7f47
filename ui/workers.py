"""Background work off the GUI thread: a QRunnable plus a QObject carrying its signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    """Emitted on the GUI thread (queued): progress values, the result or the error, then finished."""

    progress = Signal(object)
    returned = Signal(object)
    errored = Signal(object)
    finished = Signal()


class Worker(QRunnable):
    """Runs ``fn(*args, progress=emit)`` on the global thread pool.

    ``fn`` must never touch a widget. It reports progress by calling the ``progress`` callable it
    receives; cancelling is cooperative (the caller keeps a handle on whatever ``fn`` polls, e.g.
    ``TeamFormer.cancel``).
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = WorkerSignals()
        self._fn, self._args, self._kwargs = fn, args, kwargs

    def run(self) -> None:
        try:
            result = self._fn(*self._args, progress=self.signals.progress.emit, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 - every error goes to the GUI thread
            self.signals.errored.emit(exc)
        else:
            self.signals.returned.emit(result)
        finally:
            self.signals.finished.emit()

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
