"""Background work off the GUI thread: a QRunnable plus a QObject carrying its signals, and
``LatestRequest``, which delivers only the newest of several requests' answers."""

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


class LatestRequest(QObject):
    """Runs each request in a Worker; only the newest request's answer arrives.

    ``returned(result)`` or ``errored(exc)`` is emitted for the newest request only: an older
    request finishing late (its worker started before the newest) is dropped. Workers stay
    referenced until their ``finished`` arrives, so none is deleted while its thread returns.
    """

    returned = Signal(object)
    errored = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._newest = 0  # the number of the newest request
        self._answered = 0  # the number of the last request answered (or superseded)
        self._running: list[tuple[Worker, list[bool]]] = []

    def request(self, fn: Callable[..., Any], *args: Any, here: bool = False) -> None:
        """Compute ``fn(*args, progress=…)`` in a worker; with ``here``, on this thread now."""
        self._newest += 1
        number = self._newest
        if here:
            self._answered = number
            try:
                result = fn(*args, progress=_ignore)
            except Exception as exc:  # noqa: BLE001 - reported through the errored signal
                self.errored.emit(exc)
            else:
                self.returned.emit(result)
            return
        self._running = [(w, done) for w, done in self._running if not done]
        worker, done = Worker(fn, *args), list[bool]()
        worker.signals.returned.connect(lambda result: self._answer(number, result, None))
        worker.signals.errored.connect(lambda exc: self._answer(number, None, exc))
        worker.signals.finished.connect(lambda: done.append(True))
        self._running.append((worker, done))
        worker.start()

    def supersede(self) -> None:
        """Drop the answers of every request made so far (what they were for is gone)."""
        self._newest += 1
        self._answered = self._newest

    @property
    def pending(self) -> bool:
        """The newest request is still being computed in a worker."""
        return self._answered != self._newest

    def _answer(self, number: int, result: Any, exc: BaseException | None) -> None:
        if number != self._newest:
            return
        self._answered = number
        if exc is not None:
            self.errored.emit(exc)
        else:
            self.returned.emit(result)


def _ignore(_value: object) -> None:
    """The progress callable of a request computed on the GUI thread."""
