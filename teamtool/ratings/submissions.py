"""Survey responses matched to students, and the latest submission of each rater."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from teamtool.ratings.layouts import Extracted, Response
from teamtool.ratings.resolve import PeopleResolver
from teamtool.ratings.timestamps import parse_times


@dataclass
class Submission:
    """A response whose rater (and each answer's ratee) has been matched to student ids."""

    response: Response
    rater: str | None
    ratees: list[str | None] = field(default_factory=list)  # parallel to response.answers
    time: dt.datetime | None = None


def latest_submissions(
    subs: list[Submission], extracted: Extracted, people: PeopleResolver
) -> list[Submission]:
    """Keep the latest submission per rater (long format: per rater and ratee), reporting the rest."""
    for sub, time in zip(subs, parse_times([s.response.time_text for s in subs]), strict=True):
        sub.time = time
    groups: dict[tuple[str | None, ...], list[Submission]] = {}
    for sub in subs:
        group = (sub.rater, sub.ratees[0]) if extracted.layout == "long" else (sub.rater,)
        groups.setdefault(group, []).append(sub)
    dropped: set[int] = set()
    for group_subs in groups.values():
        if len(group_subs) < 2 or (extracted.layout == "long" and group_subs[0].ratees[0] is None):
            continue
        by_time = all(s.time is not None for s in group_subs)
        order = sorted(
            group_subs, key=lambda s: (s.time, s.response.row) if by_time else (s.response.row,)
        )
        latest = order[-1]
        for old in order[:-1]:
            dropped.add(id(old))
            _report_duplicate(old, latest, by_time, extracted, people)
    return [s for s in subs if id(s) not in dropped]


def _report_duplicate(
    old: Submission, latest: Submission, by_time: bool, extracted: Extracted, people: PeopleResolver
) -> None:
    assert old.rater is not None
    when = latest.response.time_text.strip()
    then = old.response.time_text.strip()
    times = f" ({when}, this one {then})" if when and then else ""
    how = (
        "the later one" if by_time else "as the times could not be read, the one later in the file"
    )
    who = people.label(old.rater)
    if extracted.layout == "long":
        ratee = people.label(old.ratees[0] or "")
        people.problems.add(
            "duplicate-rating",
            f"{who} rated {ratee} again on row {latest.response.row}{times}; {how} is used",
            file=people.file, row=old.response.row, severity="warning",
        )  # fmt: skip
    else:
        people.problems.add(
            "duplicate-submission",
            f"{who} also submitted on row {latest.response.row}{times}; {how} is used and this "
            "one is ignored",
            file=people.file, row=old.response.row, column=extracted.time_column or None,
            severity="info",
        )  # fmt: skip
