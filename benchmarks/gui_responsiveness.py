"""Window start-up time and event-loop stalls while the solver runs on a generated 300-student class.

Run: ``.venv/bin/python benchmarks/gui_responsiveness.py [--students 300] [--time-limit 10]``.
Prints the time from start (before Qt is imported) to the window shown, and the longest gap
between ticks of a 10 ms QTimer while the model is built and solved, and while the result is shown.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEventLoop, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from teamtool.model import AttributeKind, AttributeSpec, Roster, Student
from teamtool.store import Course
from ui.main_window import MainWindow

SLOTS = [f"{d} {p}" for d in ("Mon", "Tue", "Wed", "Thu", "Fri") for p in ("AM", "PM")]


def generated_roster(n: int, seed: int = 1) -> Roster:
    """A realistic class: GPA, two skills, ~30 % women, majors, two sections, weekly slots."""
    rng = random.Random(seed)
    students = []
    for i in range(n):
        slots = frozenset(rng.sample(SLOTS, rng.randint(3, 6)))
        attributes = {
            "GPA": round(min(4.0, max(2.0, rng.gauss(3.1, 0.45))), 2),
            "Programming": float(rng.randint(1, 5)),
            "Writing": float(rng.randint(1, 5)),
            "Gender": "F" if rng.random() < 0.3 else "M",
            "Major": rng.choice(["CS", "EE", "ME", "Math", "Design"]),
            "Availability": slots,
        }
        raw = {
            k: "; ".join(sorted(v)) if isinstance(v, frozenset) else str(v)
            for k, v in attributes.items()
        }
        students.append(
            Student(
                f"g{i:04d}",
                f"Student {i}",
                section=f"L0{i % 2 + 1}",
                attributes=attributes,
                raw=raw,
            )
        )
    kinds = [
        ("GPA", AttributeKind.NUMERIC),
        ("Programming", AttributeKind.NUMERIC),
        ("Writing", AttributeKind.NUMERIC),
        ("Gender", AttributeKind.CATEGORICAL),
        ("Major", AttributeKind.CATEGORICAL),
        ("Availability", AttributeKind.AVAILABILITY),
    ]
    return Roster(students, [AttributeSpec(n, k) for n, k in kinds])


class StallMeter:
    """A 10 ms timer; records the longest gap between its ticks (the event loop's worst stall)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0.0

    def start(self) -> None:
        self.gaps = []
        self.long: list[tuple[float, float]] = []  # (seconds after start, gap) of gaps > 50 ms
        self._last = self._start = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        if now - self._last > 0.05:
            self.long.append((self._last - self._start, now - self._last))
        self._last = now

    def report(self) -> str:
        if not self.gaps:
            return "no ticks"
        gaps = sorted(self.gaps)
        p99 = gaps[int(0.99 * (len(gaps) - 1))]
        text = f"longest gap {1000 * gaps[-1]:.0f} ms, 99th percentile {1000 * p99:.0f} ms"
        where = ", ".join(f"{1000 * g:.0f} ms at {t:.2f} s" for t, g in self.long)
        return f"{text} ({len(gaps)} ticks; gaps over 50 ms: {where or 'none'})"


def run_loop_until(signal: object, timeout_ms: int) -> None:
    loop = QEventLoop()
    signal.connect(lambda *_: loop.quit())  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args(argv)
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("teamtool-benchmarks")
    QCoreApplication.setApplicationName("gui-responsiveness")
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - T0
    print(f"window shown {shown * 1000:.0f} ms after start (imports included)")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.teamtool"
        with Course.create(path, "Benchmark") as course:
            course.replace_roster(generated_roster(args.students))
        meter = StallMeter()
        meter.start()
        t = time.perf_counter()
        window.open_course(path)
        window.show_step(1)
        app.processEvents()
        meter.stop()
        print(
            f"course of {args.students} opened in {1000 * (time.perf_counter() - t):.0f} ms; {meter.report()}"
        )
        page = window.teams_page
        rows = page.criteria_panel.rules.rows
        rows["Gender"].rule.setCurrentIndex(rows["Gender"].rule.findData("no-isolation"))
        rows["Gender"].value.setCurrentText("F")
        rows["Major"].rule.setCurrentIndex(rows["Major"].rule.findData("mix"))
        rows["Availability"].rule.setCurrentIndex(rows["Availability"].rule.findData("schedule"))
        page.criteria_panel.time_limit.setValue(args.time_limit)

        meter.start()
        solving = StallMeter()
        solving.start()
        outcomes: list[str] = []
        page.solve_finished.connect(outcomes.append)
        page.start_solve()
        assert page.worker is not None
        run_loop_until(page.worker.signals.finished, int(args.time_limit * 1000 * 6 + 30000))
        solving.stop()
        print(f"while building and solving ({page.status.text()}): {solving.report()}")
        showing = StallMeter()  # from the worker's end to the last card shown
        showing.start()
        # the result is shown when the queued 'returned' signal is handled
        if not outcomes:  # (it may have been handled with the worker's end already)
            run_loop_until(page.solve_finished, 30000)
        if not page.board.complete:
            run_loop_until(page.board.cards_ready, 30000)
        app.processEvents()
        meter.stop()
        showing.stop()
        print(f"while storing the set and showing its cards: {showing.report()}")
        print(f"whole run including showing {len(page.board.cards)} team cards: {meter.report()}")
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
