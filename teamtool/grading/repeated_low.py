"""The ``repeated-low`` flag: a student low on two milestones in a row.

"Low" is the ``low-performer`` flag of ``flags.py``: the factor from teammates' ratings only
(mean rating received from teammates / the team's mean of all ratings between teammates,
self-ratings left out) is at most ``FlagRules.low_performer`` (0.85 by default). A student with
a ``low-performer`` flag on a milestone and on the milestone just before it (milestones in the
order given, as the course lists them) gets ``repeated-low`` on the later one; a third low
milestone in a row flags the third too. A milestone the student is not graded in breaks the run.

Worked example (``tests/grading/test_repeated_low.py``): a team of four where every rating
between teammates is 75 except those Ryan receives. On M1 they give him 50, 37.5 and 25
(mean 37.5); the 12 ratings between teammates average (112.5 + 9 x 75) / 12 = 65.625, so his
factor is 37.5 / 65.625 = 0.571 <= 0.85: low. On M2 they give him 62.5, 62.5 and 50 (mean
58.33); the team's mean is (175 + 675) / 12 = 70.83 and 58.33 / 70.83 = 0.824 <= 0.85: low
again, so M2 carries ``repeated-low`` with both computations as its numbers.

Like every flag it asks for a human look and changes no number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from teamtool.grading.results import Flag, MilestoneResult, StudentResult

CODE = "repeated-low"
LOW = "low-performer"


def _low_flag(result: StudentResult | None) -> Flag | None:
    if result is None:
        return None
    return next((f for f in result.flags if f.code == LOW), None)


def repeated_low_flag(
    student: StudentResult, milestone: str, earlier: Flag, earlier_milestone: str
) -> Flag | None:
    """The ``repeated-low`` flag of ``student`` on ``milestone`` when it is low there too."""
    low = _low_flag(student)
    if low is None:
        return None
    return Flag(
        CODE,
        student.student_id,
        student.team,
        f"low-performer ({low.rule}) on this milestone and the one before",
        f"{earlier_milestone}: {earlier.detail}; {milestone}: {low.detail}",
    )


def add_repeated_low(results: Sequence[MilestoneResult]) -> list[MilestoneResult]:
    """The results with ``repeated-low`` added to each student's flags (new objects; the given
    ones are not changed). Calling it again on its own output adds nothing."""
    out: list[MilestoneResult] = []
    previous: MilestoneResult | None = None
    for result in results:
        before = previous.by_student() if previous is not None else {}
        students: list[StudentResult] = []
        for student in result.students:
            earlier = _low_flag(before.get(student.student_id))
            has = any(f.code == CODE for f in student.flags)
            flag = (
                repeated_low_flag(student, result.milestone, earlier, previous.milestone)
                if earlier is not None and previous is not None and not has
                else None
            )
            students.append(replace(student, flags=(*student.flags, flag)) if flag else student)
        out.append(replace(result, students=students, team_flags=list(result.team_flags)))
        previous = result
    return out
