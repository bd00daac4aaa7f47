"""The designed peer ratings of the sample course: who rated whom, when, and the planted patterns."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sample_course import Course

from teamtool.ratings.rating_scale import PRESETS

LABELS = list(PRESETS["oakley9"].levels)
NAMES = [label for label, _ in LABELS]
EXC, VG, SAT, ORD, MARG, DEF, UNSAT = NAMES[:7]

# The Google Forms rater who used a personal address and a short name.
CHRIS_EMAIL = "chrislee.dev@gmail.com"
CHRIS_TYPED = "Chris Lee"
INJECTION_COMMENTS = ['=HYPERLINK("http://x","y")', "+1", "- did the BOM"]


@dataclass
class Submission:
    """One survey response: a rater's labels for every member of their team."""

    rater: str
    when: dt.datetime  # local (America/New_York) time the response was submitted
    ratings: dict[str, str]  # ratee id -> label, in team order
    comment: str = ""
    about: str = ""  # the ratee the comment is about (where the long format puts it)
    typed_name: str = ""  # "Your name" as typed in Google Forms
    google_email: str = ""  # "Email Address" in Google Forms


@dataclass
class Survey:
    """All responses of one milestone, plus what the sample deliberately contains."""

    milestone: str
    submissions: list[Submission]  # in time order; a duplicate rater appears twice
    features: dict[str, str] = field(default_factory=dict)  # feature -> student id

    def final(self) -> dict[str, Submission]:
        """Rater -> the submission that counts (the latest)."""
        out: dict[str, Submission] = {}
        for sub in sorted(self.submissions, key=lambda s: s.when):
            out[sub.rater] = sub
        return out


def _default_team(rng: random.Random, members: list[str]) -> dict[str, dict[str, str]]:
    """A working team: each member's labels stay within one step; self-ratings modest."""
    quality = {m: rng.choice([0, 0, 1, 1, 1]) for m in members}
    matrix: dict[str, dict[str, str]] = {}
    for rater in members:
        row = {}
        for ratee in members:
            step = 1 if rater == ratee else rng.choice([0, 0, 1])
            row[ratee] = NAMES[min(quality[ratee] + step, 2)]
        if len(set(row.values())) == 1:  # a working rater discriminates a little
            other = next(m for m in members if m != rater)
            row[other] = VG if row[other] != VG else EXC
        matrix[rater] = row
    return matrix


def _window(rng: random.Random, start: dt.datetime, hours: int) -> dt.datetime:
    return start + dt.timedelta(seconds=rng.randint(0, hours * 3600))


def _typed(rng: random.Random, name: str) -> str:
    return rng.choice([name, name, name, name.lower(), name + " "])


@dataclass
class _Plan:
    """The working state while one milestone's survey is designed."""

    course: Course
    is_m1: bool
    feature_team: dict[str, str]  # feature -> the team that carries it
    spare_teams: list[str]  # teams without a planted pattern, in team order
    matrices: dict[str, dict[str, dict[str, str]]]  # team -> rater -> ratee -> label
    features: dict[str, str] = field(default_factory=dict)  # feature -> student id
    comments: dict[str, tuple[str, str]] = field(default_factory=dict)  # rater -> (about, text)

    def rate(self, feature: str, raters: list[str], ratee: str, labels: list[str]) -> None:
        for rater, label in zip(raters, labels, strict=True):
            self.matrices[self.feature_team[feature]][rater][ratee] = label

    def members(self, feature: str) -> list[str]:
        return self.course.teams[self.feature_team[feature]]


ROLES = ["low", "conflict", "overconfident", "same_label", "non_respondent", "duplicate"]


def _plan(course: Course, is_m1: bool, rng: random.Random) -> _Plan:
    """Patterns go to teams without Christopher Lee or Marco Bianchi, alternating sections."""
    special = {course.team_of(course.by_name(n).sid) for n in ("Christopher Lee", "Marco Bianchi")}
    plain = [t for t in course.teams if t not in special]
    order = plain[::2] + plain[1::2]
    feature_team = dict(zip(ROLES, order, strict=False))
    spare = [t for t in course.teams if t not in feature_team.values()]
    matrices = {t: _default_team(rng, m) for t, m in course.teams.items()}
    return _Plan(course, is_m1, feature_team, spare, matrices)


def _plant_low_performer(plan: _Plan) -> None:
    members = plan.members("low")
    low = members[1]
    plan.features["low_performer"] = low
    peers = [x for x in members if x != low]
    plan.rate("low", [low], low, [SAT])
    if plan.is_m1:
        plan.rate("low", peers, low, [DEF, MARG, UNSAT])
        name = plan.course.by_id()[low].name
        plan.comments[peers[0]] = (low, f"{name} missed three of four meetings, never pushed code.")
    else:
        plan.rate("low", peers, low, [ORD, SAT, ORD])
        plan.comments[peers[1]] = (low, "Much better this time, came to every meeting.")


def _plant_m1_patterns(plan: _Plan) -> None:
    """Conflict, over-confident self-rating and a rater who gives everyone the same label."""
    members = plan.members("conflict")
    star, critic = members[0], members[3]
    plan.features["conflict"] = star
    plan.rate("conflict", [members[1], members[2], critic, star], star, [EXC, EXC, DEF, VG])
    plan.rate("conflict", [star], critic, [MARG])
    plan.comments[critic] = (star, "Rewrote my module without asking and ignored the team chat.")
    plan.comments[star] = (critic, "Argues about every decision, then does it their own way.")

    members = plan.members("overconfident")
    boaster = members[2]
    plan.features["overconfident"] = boaster
    peers = [x for x in members if x != boaster]
    plan.rate("overconfident", [*peers, boaster], boaster, [ORD, SAT, ORD, EXC])

    members = plan.members("same_label")
    plan.features["same_label_rater"] = members[0]
    plan.matrices[plan.feature_team["same_label"]][members[0]] = dict.fromkeys(members, VG)


def _plant_comments(plan: _Plan) -> None:
    """Marco's teammate thanks him; others write the classic formula-injection comments."""
    course = plan.course
    marco = course.by_name("Marco Bianchi").sid
    marco_team = course.team_of(marco)
    fan = next(x for x in course.teams[marco_team] if x != marco)
    note = "@Marco thanks for fixing the build twice" if plan.is_m1 else "@Marco great demo!"
    plan.comments.setdefault(fan, (marco, note))
    if plan.is_m1:
        writers = [t for t in plan.spare_teams if t != marco_team]
        for text, team in zip(INJECTION_COMMENTS, writers, strict=False):
            writer, subject = course.teams[team][2], course.teams[team][0]
            plan.comments.setdefault(writer, (subject, text))
    zoe = course.by_name("Zoë Martín").sid
    mate = next(x for x in course.teams[course.team_of(zoe)] if x != zoe)
    note = (
        "Zoë kept our meeting notes and the Gantt chart."
        if plan.is_m1
        else "Zoë ran the usability test."
    )
    plan.comments.setdefault(mate, (zoe, note))


def _responses(plan: _Plan, rng: random.Random, start: dt.datetime) -> list[Submission]:
    """One response per rater but the non-respondent, at random times over 80 hours."""
    course = plan.course
    silent_team = plan.feature_team["non_respondent" if plan.is_m1 else "overconfident"]
    silent = course.teams[silent_team][3]
    plan.features["non_respondent"] = silent
    people = course.by_id()
    out = []
    for team, members in course.teams.items():
        for rater in members:
            if rater == silent:
                continue
            about, text = plan.comments.get(rater, ("", ""))
            when = _window(rng, start, 80)
            typed = _typed(rng, people[rater].name)
            ratings = dict(plan.matrices[team][rater])
            out.append(Submission(rater, when, ratings, text, about, typed, people[rater].email))
    if plan.is_m1:
        chris = next(s for s in out if s.rater == course.by_name("Christopher Lee").sid)
        chris.google_email, chris.typed_name = CHRIS_EMAIL, CHRIS_TYPED
    jose = course.by_name("José García").sid
    capital = next((s for s in out if s.rater == jose), out[5])
    capital.google_email = capital.google_email.title()  # "Jose.Garcia@Example.Edu"
    return out


def _add_duplicate(plan: _Plan, submissions: list[Submission]) -> None:
    """The duplicate submitter first mixed up two teammates, then submitted again."""
    members = plan.members("duplicate")
    dup = members[2]
    plan.features["duplicate_submitter"] = dup
    final = next(s for s in submissions if s.rater == dup)
    final.comment, final.about = "Resubmitting: I mixed up two names the first time.", dup
    first_ratings = dict(final.ratings)
    a, b = [x for x in members if x != dup][:2]
    first_ratings[a] = MARG
    first_ratings[b] = SAT if final.ratings[b] != SAT else VG
    earlier = final.when - dt.timedelta(hours=2, minutes=13, seconds=41)
    submissions.append(
        Submission(dup, earlier, first_ratings, "", "", final.typed_name, final.google_email)
    )


def build_survey(course: Course, milestone: str, seed: int) -> Survey:
    rng = random.Random(seed)
    is_m1 = milestone.startswith("M1")
    plan = _plan(course, is_m1, rng)
    _plant_low_performer(plan)
    if is_m1:
        _plant_m1_patterns(plan)
    _plant_comments(plan)
    start = dt.datetime(2026, 10, 12, 9) if is_m1 else dt.datetime(2026, 11, 16, 9)
    submissions = _responses(plan, rng, start)
    if is_m1:
        _add_duplicate(plan, submissions)
    submissions.sort(key=lambda s: s.when)
    return Survey(milestone, submissions, plan.features)
