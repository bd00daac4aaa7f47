"""The second core's share of a run: the swap search's climb from random starts, in a process
of its own (the climb is pure Python, so a thread would only share the first core). The run
keeps whichever teams score better, the companion's or its own.

The process is ``python -m solver.search.companion``: it reads its task from stdin and writes the
teams it found to stdout, both pickled. It imports no OR-Tools, so it starts in about a tenth
of a second. Deterministic runs give it a number of tries (the same task always gives the same
teams); others a wall-clock end.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from solver.compile.prepare import Prepared
from solver.search.swap import SwapSearch

log = logging.getLogger(__name__)

Found = tuple[list[list[int]], list[int]]  # teams in the model's slots, their score


@dataclass(frozen=True)
class Task:
    prep: Prepared
    seed: int
    evaluations: int | None  # tries (deterministic runs) ...
    until: float | None  # ... or the wall-clock end, as time.time()


class Companion:
    """A companion climb running in its own process from the moment it is made."""

    def __init__(self, task: Task) -> None:
        self.task = task
        self._found: Found | None = None
        self._stopped = False
        root = str(Path(__file__).resolve().parents[2])  # the directory holding solver/
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])),
        }
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
        self._process = subprocess.Popen(
            [sys.executable, "-m", "solver.search.companion"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            creationflags=flags,
        )
        payload = pickle.dumps(task)
        self._thread = threading.Thread(target=self._talk, args=(payload,), daemon=True)
        self._thread.start()

    def _talk(self, payload: bytes) -> None:
        try:
            out, err = self._process.communicate(payload)
        except (OSError, ValueError) as exc:
            log.warning("companion climb: %s", exc)
            return
        if self._process.returncode == 0 and out:
            self._found = pickle.loads(out)
        elif not self._stopped:
            log.warning("companion climb failed: %s", err.decode(errors="replace")[-2000:])

    def result(self, wait_until: float) -> Found | None:
        """Its teams and score, waiting for them at most until ``wait_until`` (time.time());
        None when it has none by then (it is stopped) or failed."""
        self._thread.join(max(0.0, wait_until - time.time()))
        if self._thread.is_alive():
            log.info("companion climb late: stopped")
            self.stop()
        return self._found

    def stop(self) -> None:
        """Stop the process if it still runs (a cancel, late, or no longer wanted), and wait
        until it has ended. Any thread; again is harmless."""
        self._stopped = True
        if self._process.poll() is None:
            self._process.kill()
        self._thread.join(5.0)


def climb(task: Task) -> Found:
    """The task's climb: the swap search from random starts, as the benchmark runs it."""
    seconds = None if task.until is None else max(0.05, task.until - time.time())
    return SwapSearch(task.prep, task.seed).run(evaluations=task.evaluations, seconds=seconds)


def main() -> None:
    task = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(pickle.dumps(climb(task)))


if __name__ == "__main__":
    main()
