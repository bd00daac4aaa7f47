"""The preview page in Chromium computes what ``teamtool adjust`` computes, for every preset.

Random rating sets (seeded) are entered on the page by clicking the <select>s and typing the
team grade, or loaded from the URL fragment; the factors and grades the page shows must equal
the Python adjustment's, written as ``adjust`` writes them (``format_cell``).
"""

from __future__ import annotations

import csv
import dataclasses
import random
from pathlib import Path
from typing import Any

import pytest
from preview_reference import RatingSet, expected, random_set

from teamtool.cli import main
from teamtool.grading import PRESETS, AdjustOptions
from teamtool.preview import preview_html
from teamtool.ratings.rating_scale import PRESETS as SCALES

#: Options beyond the presets, so that every branch of the page's code is compared too.
VARIANTS: dict[str, AdjustOptions] = {
    "oakley-self-excluded": dataclasses.replace(PRESETS["oakley"], self_mode="exclude"),
    "catme-without-self-weighted": dataclasses.replace(
        PRESETS["catme"], self_mode="exclude", weighting=0.3, round_factor=3
    ),
    "spark-floor-no-max-round": dataclasses.replace(
        PRESETS["spark"], floor=0.8, cap_at_max=False, round_grade=1
    ),
    "webpa-peer-only-imputed": dataclasses.replace(
        PRESETS["webpa"], missing="impute", impute_self=0.0, impute_others=50.0
    ),
    "penalty-percent": dataclasses.replace(PRESETS["cmu"], missing="penalty", penalty=10.0),
    "penalty-points": dataclasses.replace(
        PRESETS["oakley"], missing="penalty", penalty=7.5, penalty_percent=False, round_grade=0
    ),
    "cornell-self-excluded": dataclasses.replace(PRESETS["cornell"], self_mode="exclude"),
}
ALL_OPTIONS = {**PRESETS, **VARIANTS}


def _scale_for(seed: int) -> Any:
    return SCALES["oakley9"] if seed % 2 == 0 else SCALES["cmu5"]


def _enter(page: Any, ratings: RatingSet, scale: Any) -> None:
    """Set the team size, every rating and the team grade with clicks and typing."""
    page.select("team-size", ratings.size - 3)
    chosen = {(r, s): level for r, s, level in ratings.cells}
    for r in range(ratings.size):
        for s in range(ratings.size):
            level = chosen.get((r, s))
            page.select(f"rating-{r}-{s}", 0 if level is None else level + 1)
    page.type_into("team-grade", ratings.team_grade)


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_ratings_entered_by_clicks_give_adjusts_numbers(open_page: Any, preset: str) -> None:
    options = PRESETS[preset]
    for seed in range(3):
        scale = _scale_for(seed)
        page = open_page(preview_html(scale, options))
        ratings = random_set(random.Random(f"{preset}-{seed}"), scale)
        _enter(page, ratings, scale)
        assert page.results() == expected(ratings, scale, options), (preset, seed, ratings)
    assert page.errors_in_console() == []


@pytest.mark.parametrize("name", sorted(ALL_OPTIONS))
def test_ratings_from_the_fragment_give_adjusts_numbers(open_page: Any, name: str) -> None:
    options = ALL_OPTIONS[name]
    pages = {s: open_page(preview_html(SCALES[s], options)) for s in ("oakley9", "cmu5")}
    for seed in range(12):
        scale = _scale_for(seed)
        page = pages[scale.name].open(
            random_set(random.Random(f"{name}-fragment-{seed}"), scale).fragment(scale)
        )
        ratings = random_set(random.Random(f"{name}-fragment-{seed}"), scale)
        assert page.problems() == ""
        assert page.results() == expected(ratings, scale, options), (name, seed, ratings)


def test_a_worked_example_by_hand(open_page: Any) -> None:
    """CMU scale and preset, team grade 84: A gets Marginal (50) from B and Deficient (37.5)
    from C; the mean of all ratings is 450/6 = 75; A: 43.75/75 = 0.5833 -> 0.58 -> 48.72;
    B and C: 100/75 and 81.25/75 = 1.083 -> capped at 1.05 -> 88.2."""
    scale = SCALES["oakley9"]
    page = open_page(
        preview_html(scale, PRESETS["cmu"]),
        "team_grade=84&ratings=A>B:Excellent,B>A:Marginal,C>A:Deficient,A>C:Excellent,"
        "C>B:Excellent,B>C:Ordinary",
    )
    assert page.results() == [("A", "0.58", "48.72"), ("B", "1.05", "88.2"), ("C", "1.05", "88.2")]


def test_keyboard_alone_sets_a_rating_and_the_grade(open_page: Any) -> None:
    from selenium.webdriver.common.keys import Keys

    scale = SCALES["cmu5"]
    page = open_page(preview_html(scale, PRESETS["oakley"]), "team_grade=90&size=3")
    page.by_id("team-grade").click()
    active = page.driver.switch_to.active_element
    assert active.get_attribute("id") == "team-grade"
    active.send_keys(Keys.CONTROL, "a")
    active.send_keys("70")
    cell = page.by_id("rating-1-0")  # B's rating of A: Good team citizen -> Deficient
    cell.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    assert cell.get_attribute("value") == "2"
    ratings = RatingSet(
        3, tuple((r, s, 2 if (r, s) == (1, 0) else 0) for r in range(3) for s in range(3)), "70"
    )
    assert page.results() == expected(ratings, scale, PRESETS["oakley"])
    # Tab moves through the form: from the grade field to the maximum points field
    page.by_id("team-grade").send_keys(Keys.TAB)
    assert page.driver.switch_to.active_element.get_attribute("id") == "max-points"


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_the_page_equals_the_adjust_command(open_page: Any, preset: str, tmp_path: Path) -> None:
    """The same ratings through `teamtool adjust` (files in, CSV out) and through the page."""
    scale = SCALES["oakley9"]
    ratings = random_set(random.Random(f"{preset}-command"), scale)
    ids = [f"s{letter}" for letter in "ABCDE"[: ratings.size]]
    (tmp_path / "teams.csv").write_text(
        "student_id,team\n" + "".join(f"{s},T1\n" for s in ids), encoding="utf-8"
    )
    (tmp_path / "ratings.csv").write_text(
        "rater,ratee,rating\n"
        + "".join(f"{ids[r]},{ids[s]},{scale.levels[lv][0]}\n" for r, s, lv in ratings.cells),
        encoding="utf-8",
    )
    (tmp_path / "grades.csv").write_text(
        f"team,grade,max\nT1,{ratings.team_grade},100\n", encoding="utf-8"
    )
    out = tmp_path / "out.csv"
    argv = ["adjust", "--preset", preset, "--scale", "oakley9", "--out", str(out)]
    for name in ("teams", "ratings", "grades"):
        argv += [f"--{name}", str(tmp_path / f"{name}.csv")]
    assert main(argv) == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        written = [(row["factor"] or "not adjusted", row["grade"]) for row in csv.DictReader(f)]
    page = open_page(preview_html(scale, PRESETS[preset]), ratings.fragment(scale))
    assert [(factor, grade) for _, factor, grade in page.results()] == written
