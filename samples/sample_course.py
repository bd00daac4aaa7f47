"""The invented sample course: 48 students, their project teams and the team grades."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

SEED = 2026
SLOTS = [f"{day} {half}" for day in ("Mon", "Tue", "Wed", "Thu", "Fri") for half in ("AM", "PM")]
MAJORS = ["CS", "EE", "ME", "Math", "Design"]
ROSTER_COLUMNS = [
    "Student ID",
    "Name",
    "Email",
    "Section",
    "Gender",
    "Major",
    "GPA",
    "Programming",
    "Writing",
    "Availability",
    "Requested teammates",
    "Avoid",
]
MILESTONES = ["M1 Proposal", "M2 Prototype"]
#: Team tokens in grades.csv: (team, milestone) -> (days late, resubmissions, original grade).
#: With the course's 8 tokens (1 per late day, 3 per resubmission): Team 3 pays 2 late days,
#: Team 5 pays a resubmission of M2 (62 before it), and Team 11 pays 3 late days on M1 but
#: cannot pay 6 more on M2 (5 left): M2 gets no credit and is flagged ``late-no-tokens``.
TOKENS: dict[tuple[str, str], tuple[int, int, float | None]] = {
    ("Team 3", "M1 Proposal"): (2, 0, None),
    ("Team 11", "M1 Proposal"): (3, 0, None),
    ("Team 5", "M2 Prototype"): (0, 1, 62.0),
    ("Team 11", "M2 Prototype"): (6, 0, None),
}

# (name, gender, email local part when first.last does not fit the name)
WOMEN = [
    ("Zoë Martín", ""),
    ("Siobhán O'Brien", ""),
    ("Nguyễn Thị Lan", "lan.nguyen"),
    ("Aisha Bello", ""),
    ("Emma Schmidt", ""),
    ("Priya Raman", ""),
    ("Sofia Conti", ""),
    ("Mei Chen", ""),
    ("Olivia Brown", ""),
    ("Fatima Haddad", ""),
    ("Hannah Kowalski", ""),
    ("Léa Dubois", ""),
    ("Ingrid Johansson", ""),
    ("Chloé Lambert", ""),
    ("Yuki Tanaka", ""),
    ("Grace Okafor", ""),
    ("Amara Nwosu", ""),
]
NONBINARY = [("Alex Morgan", ""), ("Sam Rivera", "")]
MEN = [
    ("José García", ""),
    ("D'Angelo Rossi", ""),
    ("Christopher Lee", ""),
    ("Marco Bianchi", ""),
    ("Liam Murphy", ""),
    ("Noah Williams", ""),
    ("Ethan Park", ""),
    ("Lucas Silva", ""),
    ("Mateo Hernández", ""),
    ("Omar Farouk", ""),
    ("Ravi Patel", ""),
    ("Daniel Cohen", ""),
    ("Jakub Nowak", ""),
    ("Kwame Mensah", ""),
    ("Tomás Ortiz", ""),
    ("Arjun Mehta", ""),
    ("Ben Carter", ""),
    ("Felix Wagner", ""),
    ("Hugo Lefèvre", ""),
    ("Ivan Petrov", ""),
    ("Jonas Berg", ""),
    ("Kenji Sato", ""),
    ("Leo Fischer", ""),
    ("Max Müller", ""),
    ("Nikolai Ivanov", ""),
    ("Oscar Lindqvist", ""),
    ("Pedro Alves", ""),
    ("Ryan O'Connor", ""),
    ("Samuel Adeyemi", ""),
]


def ascii_fold(text: str) -> str:
    """``Zoë Martín`` -> ``Zoe Martin`` (accents dropped)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def email_for(name: str, local: str = "") -> str:
    if not local:
        first, last = name.split(" ", 1)
        local = f"{first}.{last.replace(' ', '')}"
    local = ascii_fold(local).lower().replace("'", "")
    return f"{local}@example.edu"


FAMILY_NAME_FIRST = {"Nguyễn Thị Lan": ("Thị Lan", "Nguyễn")}


def first_last(name: str) -> tuple[str, str]:
    """(given name, family name) of a roster name."""
    if name in FAMILY_NAME_FIRST:
        return FAMILY_NAME_FIRST[name]
    first, last = name.split(" ", 1)
    return first, last


@dataclass
class Person:
    """One roster row of the sample course."""

    sid: str
    name: str
    email: str
    gender: str
    section: str = ""
    major: str = ""
    gpa: float = 0.0
    programming: int = 0
    writing: int = 0
    availability: list[str] = field(default_factory=list)
    requested: str = ""
    avoid: str = ""

    def roster_row(self) -> list[str]:
        slots = "; ".join(s for s in SLOTS if s in self.availability)
        return [
            self.sid,
            self.name,
            self.email,
            self.section,
            self.gender,
            self.major,
            f"{self.gpa:.2f}",
            str(self.programming),
            str(self.writing),
            slots,
            self.requested,
            self.avoid,
        ]


@dataclass
class Course:
    """The students (in id order) and the project teams (team name -> 4 student ids)."""

    people: list[Person]
    teams: dict[str, list[str]]
    grades: dict[str, dict[str, float]]  # milestone -> team -> grade

    def by_id(self) -> dict[str, Person]:
        return {p.sid: p for p in self.people}

    def team_of(self, sid: str) -> str:
        return next(t for t, members in self.teams.items() if sid in members)

    def by_name(self, name: str) -> Person:
        return next(p for p in self.people if p.name == name)


def _people(rng: random.Random) -> list[Person]:
    pool = (
        [(n, "F", e) for n, e in WOMEN]
        + [(n, "NB", e) for n, e in NONBINARY]
        + [(n, "M", e) for n, e in MEN]
    )
    rng.shuffle(pool)
    people = []
    for i, (name, gender, local) in enumerate(pool):
        person = Person(f"s{1001 + i}", name, email_for(name, local), gender)
        person.major = rng.choices(MAJORS, weights=[4, 2, 2, 1, 1])[0]
        person.gpa = round(rng.uniform(2.0, 4.0), 2)
        person.programming = rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 4, 3, 2])[0]
        person.writing = rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 4, 3, 2])[0]
        people.append(person)
    return people


def _sections_and_teams(rng: random.Random, people: list[Person]) -> dict[str, list[str]]:
    """24 students per section; teams of 4 within a section, never exactly one woman."""
    women = [p for p in people if p.gender == "F"]
    others = [p for p in people if p.gender != "F"]
    rng.shuffle(women)
    rng.shuffle(others)
    plan = {"L01": (women[:9], others[:15]), "L02": (women[9:], others[15:])}
    teams: dict[str, list[str]] = {}
    number = 1
    for section in ("L01", "L02"):
        sec_women, sec_others = plan[section]
        counts = [2, 2, 2, 3, 0, 0] if section == "L01" else [2, 2, 2, 2, 0, 0]
        rng.shuffle(counts)
        for p in sec_women + sec_others:
            p.section = section
        w, o = list(sec_women), list(sec_others)
        for n_women in counts:
            members = [w.pop() for _ in range(n_women)] + [o.pop() for _ in range(4 - n_women)]
            rng.shuffle(members)
            teams[f"Team {number}"] = [m.sid for m in sorted(members, key=lambda m: m.sid)]
            number += 1
    return teams


def _availability(rng: random.Random, people: list[Person], teams: dict[str, list[str]]) -> None:
    """3-5 weekly slots each; every team shares at least one slot (they did meet)."""
    index = {p.sid: p for p in people}
    for members in teams.values():
        common = rng.choice(SLOTS)
        for sid in members:
            others = [s for s in SLOTS if s != common]
            index[sid].availability = [common, *rng.sample(others, rng.randint(2, 4))]


def _requests(course: Course) -> None:
    """A few teammate requests (ids or names) that the teams honour, and one avoid."""
    teams = course.teams
    by_id = course.by_id()
    t1, t5, t7, t11 = teams["Team 1"], teams["Team 5"], teams["Team 7"], teams["Team 11"]
    by_id[t1[0]].requested = t1[1]
    by_id[t1[1]].requested = by_id[t1[0]].name
    by_id[t5[2]].requested = f"{t5[0]}; {by_id[t5[3]].name}"
    by_id[t7[3]].requested = by_id[t7[1]].name
    by_id[t11[0]].avoid = teams["Team 12"][2]


def _grades(rng: random.Random, teams: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    grades: dict[str, dict[str, float]] = {}
    for m, milestone in enumerate(MILESTONES):
        grades[milestone] = {}
        for t, team in enumerate(teams):
            grade = float(rng.randint(70, 96))
            if (t + m) % 4 == 1 and grade < 96:
                grade += 0.5
            grades[milestone][team] = grade
    return grades


def build_course() -> Course:
    rng = random.Random(SEED)
    people = _people(rng)
    teams = _sections_and_teams(rng, people)
    _availability(rng, people, teams)
    course = Course(people, teams, _grades(rng, teams))
    _requests(course)
    return course
