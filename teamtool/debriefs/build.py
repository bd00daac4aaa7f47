"""Build the debriefs of a milestone's teams from the adjusted results and the ratings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from teamtool.debriefs.model import (
    DebriefExtras,
    HeatCell,
    HeatMap,
    HistoryCell,
    MemberRow,
    TeamDebrief,
)
from teamtool.export.feedback import anonymised_comments
from teamtool.grading.repeated_low import CODE as REPEATED_LOW
from teamtool.grading.repeated_low import LOW, add_repeated_low
from teamtool.grading.results import MilestoneResult, StudentResult
from teamtool.model import Rating
from teamtool.ratings.rating_scale import Scale, format_number
from teamtool.ratings.scale_detection import best_scale


def build_debriefs(
    results: Sequence[MilestoneResult],
    ratings: Mapping[str, Sequence[Rating]],
    names: Mapping[str, str],
    extras: DebriefExtras | None = None,
    scales: Mapping[str, Scale] | None = None,
    milestones: Sequence[str] | None = None,
) -> list[TeamDebrief]:
    """One debrief per team of each milestone in ``milestones`` (default: all), in milestone
    then team order. ``results`` are every milestone in course order (the factor history and
    ``repeated-low`` look back through them); ``names``: student id -> name; ``scales``:
    milestone -> its rating scale, for the legend (default: the labels the ratings carry)."""
    extras = extras or DebriefExtras()
    results = add_repeated_low(results)
    students = [r.by_student() for r in results]  # per milestone: student id -> result
    wanted = set(milestones) if milestones is not None else None
    out: list[TeamDebrief] = []
    for index, result in enumerate(results):
        if wanted is not None and result.milestone not in wanted:
            continue
        teams: dict[str, list[StudentResult]] = {}
        for student in result.students:
            teams.setdefault(student.team, []).append(student)
        given = ratings.get(result.milestone, ())
        by_rater: dict[str, list[Rating]] = {}
        for rating in given:
            by_rater.setdefault(rating.rater, []).append(rating)
        scale = _scale_of(given, (scales or {}).get(result.milestone))
        levels = _levels(given, scale)
        for team, members in teams.items():
            shown = _display_names([m.student_id for m in members], names)
            within = [r for sid in shown for r in by_rater.get(sid, ()) if r.ratee in shown]
            out.append(
                TeamDebrief(
                    milestone=result.milestone,
                    max_points=result.max_points,
                    method=result.method,
                    team=team,
                    members=[MemberRow(shown[m.student_id], m) for m in members],
                    team_flags=[f for f in result.team_flags if f.team == team],
                    heat_map=_heat_map(shown, within, levels, scale),
                    comments=_comments(shown, within, result.milestone),
                    team_comments=_team_comments(within),
                    history_milestones=[r.milestone for r in results[: index + 1]],
                    history={
                        name: [_history_cell(m.get(sid)) for m in students[: index + 1]]
                        for sid, name in shown.items()
                    },
                    mentor=extras.mentor(team),
                    tokens_left=extras.tokens_left(result.milestone, team),
                )
            )
    return out


def _scale_of(ratings: Sequence[Rating], scale: Scale | None) -> Scale | None:
    """The given scale, else the preset whose labels and values all the ratings' labels are
    (the whole scale then makes the legend and the colours), else None (the labels seen)."""
    if scale is not None:
        return scale
    seen = {(r.label, r.value) for r in ratings if r.label.strip()}
    found = best_scale(label for label, _ in seen)
    if found is None or found.numeric:
        return None
    fits = all(found.value_of(label) == value for label, value in seen)
    return found if fits else None


def _display_names(members: list[str], names: Mapping[str, str]) -> dict[str, str]:
    """Student id -> the name shown; two members with one name get their ids added."""
    plain = {sid: names.get(sid, "").strip() or sid for sid in members}
    twice = {n for n, count in Counter(plain.values()).items() if count > 1}
    return {sid: f"{n} ({sid})" if n in twice else n for sid, n in plain.items()}


def _heat_map(
    shown: Mapping[str, str],
    within: Sequence[Rating],
    levels: Sequence[tuple[str, float]],
    scale: Scale | None,
) -> HeatMap:
    """The team's ratings (``within``) in the labels of ``scale``, coloured by their place
    among ``levels`` (the legend, best first)."""
    given = {(r.rater, r.ratee): r for r in within}
    values = [v for _, v in levels] or [0.0]
    low, high = min(values), max(values)

    def cell(label: str, value: float) -> HeatCell:
        return HeatCell(label, (value - low) / (high - low) if high > low else 1.0)

    ids = list(shown)
    cells = [
        [
            cell(_label(given[(a, b)], scale), given[(a, b)].value) if (a, b) in given else None
            for b in ids
        ]
        for a in ids
    ]
    return HeatMap([shown[s] for s in ids], cells, [cell(lab, v) for lab, v in levels])


def _levels(ratings: Sequence[Rating], scale: Scale | None) -> list[tuple[str, float]]:
    """The legend, best first: the scale's labels, else the labels the milestone's ratings carry
    (numbers for ratings without one)."""
    if scale is not None and not scale.numeric:
        return list(scale.levels)
    seen = {(_label(r, scale), r.value) for r in ratings}
    return sorted(seen, key=lambda pair: -pair[1])


def _label(rating: Rating, scale: Scale | None) -> str:
    if rating.label.strip():
        return rating.label.strip()
    return scale.label_of(rating.value) if scale is not None else format_number(float(rating.value))


def _comments(
    shown: Mapping[str, str], within: Sequence[Rating], milestone: str
) -> dict[str, list[str]]:
    """Teammates' comments about each member (self-comments left out: they name their writer),
    shuffled in an order that depends on the text only, never on who wrote them."""
    return {name: anonymised_comments(within, sid, milestone) for sid, name in shown.items()}


def _team_comments(within: Sequence[Rating]) -> list[str]:
    """The members' comments about the whole team, sorted (so the order tells no writer)."""
    texts: dict[str, str] = {}
    for r in within:
        if r.general_comment.strip():
            texts.setdefault(r.rater, r.general_comment.strip())
    return sorted(texts.values())


def _history_cell(result: StudentResult | None) -> HistoryCell:
    if result is None:
        return HistoryCell(None)
    codes = {f.code for f in result.flags}
    return HistoryCell(result.factor, LOW in codes, REPEATED_LOW in codes)
