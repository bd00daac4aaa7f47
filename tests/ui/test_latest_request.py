"""``LatestRequest``: of several requests in workers, only the newest one's answer arrives."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot

from ui.workers import LatestRequest


def answer(gate: threading.Event, value: int, computed: list[int], progress: object) -> int:
    """Wait for ``gate``, then return ``value`` (noted in ``computed`` when done)."""
    assert gate.wait(10)
    computed.append(value)
    if value < 0:
        raise ValueError(f"request {value} failed")
    return value


@pytest.fixture
def latest(qtbot: QtBot) -> Iterator[LatestRequest]:
    helper = LatestRequest()
    yield helper
    QThreadPool.globalInstance().waitForDone(10000)


def settle() -> None:
    """Let every worker end and deliver its queued signals to this (the GUI) thread."""
    assert QThreadPool.globalInstance().waitForDone(10000)
    QCoreApplication.processEvents()


def test_an_older_answer_arriving_after_a_newer_one_is_dropped(
    qtbot: QtBot, latest: LatestRequest
) -> None:
    received: list[int] = []
    latest.returned.connect(received.append)
    older, newer, computed = threading.Event(), threading.Event(), list[int]()
    latest.request(answer, older, 1, computed)
    latest.request(answer, newer, 2, computed)
    assert latest.pending
    newer.set()
    with qtbot.waitSignal(latest.returned, timeout=10000):
        pass
    assert received == [2]
    assert not latest.pending
    older.set()  # the first request ends only now, after the second was shown
    settle()
    assert sorted(computed) == [1, 2]  # it was computed and answered…
    assert received == [2]  # …and dropped


def test_an_older_error_is_dropped_too(qtbot: QtBot, latest: LatestRequest) -> None:
    received: list[int] = []
    errors: list[BaseException] = []
    latest.returned.connect(received.append)
    latest.errored.connect(errors.append)
    older, newer, computed = threading.Event(), threading.Event(), list[int]()
    latest.request(answer, older, -1, computed)
    latest.request(answer, newer, 3, computed)
    older.set()
    newer.set()
    settle()
    assert sorted(computed) == [-1, 3]
    assert (received, errors) == ([3], [])


def test_the_newest_error_arrives(qtbot: QtBot, latest: LatestRequest) -> None:
    gate = threading.Event()
    gate.set()
    with qtbot.waitSignal(latest.errored, timeout=10000) as blocker:
        latest.request(answer, gate, -4, [])
    assert str(blocker.args[0]) == "request -4 failed"


def test_here_answers_at_once_and_drops_a_pending_worker(latest: LatestRequest) -> None:
    received: list[int] = []
    latest.returned.connect(received.append)
    slow, done, computed = threading.Event(), threading.Event(), list[int]()
    done.set()
    latest.request(answer, slow, 5, computed)
    latest.request(answer, done, 6, computed, here=True)
    assert received == [6]  # on this thread, before request() returned
    assert not latest.pending
    slow.set()
    settle()
    assert received == [6]


def test_supersede_drops_the_pending_answer(latest: LatestRequest) -> None:
    received: list[int] = []
    latest.returned.connect(received.append)
    gate = threading.Event()
    latest.request(answer, gate, 7, [])
    latest.supersede()  # e.g. the comparison was cleared: what it was for is gone
    assert not latest.pending
    gate.set()
    settle()
    assert received == []
