"""Benchmark: import, adjust and export the grades of 1,000 students x 6 milestones.

    python benchmarks/grading.py [--students 1000] [--milestones 6] [--team-size 4] [--repeat 1]

Generates a class in teams of 4, one long-format ratings CSV per milestone (labels of the 9-level
autorating scale, every member rating every member, a few non-respondents and comments), then
times each step and prints a table. The target (SPEC.md, quality bars) is about a second each.
With ``--repeat N`` each step runs N times and the table shows its best wall-clock and best CPU
time (steadier on a machine that other work shares).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's teamtool

from teamtool.canvas.grades_csv import export_canvas_grades
from teamtool.export.csv_util import write_csv
from teamtool.export.feedback import export_feedback
from teamtool.export.grade_csv import export_grades_csv
from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.grading import PRESETS, adjust_milestone
from teamtool.model import Roster, Student
from teamtool.ratings import read_ratings_csv

LABELS = ["Excellent", "Very good", "Satisfactory", "Ordinary", "Marginal", "Deficient"]
T = TypeVar("T")


def timed(
    label: str, rows: list[tuple[str, float, float]], work: Callable[[], T], repeat: int = 1
) -> T:
    """Run ``work`` ``repeat`` times; record its best wall-clock and best CPU seconds (CPU time
    is steadier on a busy box)."""
    walls, cpus = [], []
    for _ in range(max(1, repeat)):
        start, cpu = time.perf_counter(), time.process_time()
        out = work()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    rows.append((label, min(walls), min(cpus)))
    return out


def make_course(
    folder: Path, students: int, milestones: int, size: int
) -> tuple[Roster, dict[str, list[str]], list[Path]]:
    rng = random.Random(7)
    roster = Roster(
        [
            Student(f"s{i:05d}", name=f"Student {i}", email=f"s{i}@example.edu", section="L01")
            for i in range(students)
        ]
    )
    ids = [s.id for s in roster]
    teams = {f"Team {k + 1}": ids[k : k + size] for k in range(0, students, size)}
    files = []
    for m in range(milestones):
        rows = []
        for members in teams.values():
            for rater in members:
                if rng.random() < 0.03:
                    continue  # a non-respondent
                for ratee in members:
                    comment = "=did the work" if rng.random() < 0.05 else ""
                    rows.append([rater, ratee, rng.choice(LABELS), comment])
        files.append(
            write_csv(folder / f"m{m + 1}.csv", ["rater", "ratee", "rating", "comment"], rows)
        )
    return roster, teams, files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--milestones", type=int, default=6)
    parser.add_argument("--team-size", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step (best shown)")
    args = parser.parse_args(argv)
    rows: list[tuple[str, float, float]] = []

    def step(label: str, work: Callable[[], T]) -> T:
        return timed(label, rows, work, args.repeat)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roster, teams, files = make_course(folder, args.students, args.milestones, args.team_size)
        names = [f"M{m + 1}" for m in range(len(files))]
        ratings = step(
            "import ratings (read_ratings_csv)",
            lambda: {
                n: read_ratings_csv(f, roster, "oakley9") for n, f in zip(names, files, strict=True)
            },
        )
        options = PRESETS["cornell"]
        grades = {t: 70 + (k % 30) for k, t in enumerate(teams)}
        results = step(
            "adjust (adjust_milestone)",
            lambda: [adjust_milestone(n, teams, ratings[n], grades, 100, options) for n in names],
        )
        all_options = dict.fromkeys(names, options)
        step(
            "export workbook (xlsx)",
            lambda: export_grades_workbook(
                results, ratings, teams, roster, all_options, folder / "g.xlsx"
            ),
        )
        step("export plain CSV", lambda: export_grades_csv(results, roster, folder / "g.csv"))
        step(
            "export Canvas CSV",
            lambda: export_canvas_grades(results, roster, folder / "c.csv"),
        )
        step(
            "export feedback CSV",
            lambda: export_feedback(results, ratings, roster, folder / "f.csv"),
        )
        size = (folder / "g.xlsx").stat().st_size
    count = sum(len(r) for r in ratings.values())
    print(f"{args.students} students, {len(teams)} teams, {len(names)} milestones, {count} ratings")
    print(f"{'step':<36} {'wall s':>8} {'CPU s':>8}")
    for label, seconds, cpu in rows:
        print(f"{label:<36} {seconds:>8.2f} {cpu:>8.2f}")
    print(f"workbook size: {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
