"""What ``teamtool adjust`` computes for a rating set, as the preview page shows it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from urllib.parse import quote

from teamtool.export.csv_util import format_cell
from teamtool.grading import AdjustOptions, adjust_team
from teamtool.ratings.rating_scale import Scale

LETTERS = "ABCDE"


@dataclass(frozen=True)
class RatingSet:
    """A team of ``size`` with ratings (rater, ratee, label index), in row order."""

    size: int
    cells: tuple[tuple[int, int, int], ...]
    team_grade: str

    def fragment(self, scale: Scale, max_points: str = "100") -> str:
        ratings = ",".join(
            f"{LETTERS[r]}>{LETTERS[s]}:{quote(scale.levels[level][0], safe='')}"
            for r, s, level in self.cells
        )
        return f"team_grade={self.team_grade}&max={max_points}&size={self.size}&ratings={ratings}"


def random_set(rng: random.Random, scale: Scale) -> RatingSet:
    """Random ratings: some raters give none (non-respondents), some cells are left out, and
    now and then a whole team rates only the worst label (team average 0)."""
    size = rng.randint(3, 5)
    worst_only = rng.random() < 0.08
    cells = []
    for rater in range(size):
        if rng.random() < 0.15:
            continue  # a non-respondent
        for ratee in range(size):
            if rng.random() < 0.1:
                continue
            level = len(scale.levels) - 1 if worst_only else rng.randrange(len(scale.levels))
            cells.append((rater, ratee, level))
    grade = round(rng.uniform(30, 100), rng.choice((0, 1, 2)))
    return RatingSet(size, tuple(cells), f"{grade:g}" if grade.is_integer() else str(grade))


def expected(
    ratings: RatingSet, scale: Scale, options: AdjustOptions, max_points: float = 100.0
) -> list[tuple[str, str, str]]:
    """(member, factor, grade) as the page shows them, from the Python adjustment."""
    members = list(LETTERS[: ratings.size])
    given = {(members[r], members[s]): scale.levels[level][1] for r, s, level in ratings.cells}
    results = adjust_team("team", members, given, float(ratings.team_grade), max_points, options)
    return [
        (
            r.student_id,
            "not adjusted" if r.factor is None else format_cell(r.factor),
            format_cell(r.grade),
        )
        for r in results
    ]
