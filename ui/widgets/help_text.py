"""The texts of the Help menu and the plain-language explanation of every formation rule."""

from __future__ import annotations

HOW_TO = """\
<b>1. Students.</b> Import the class list (CSV or XLSX, or the Canvas gradebook export). Check how
each column is read; change a column's kind if it is wrong. Add, edit or drop late students.<br><br>
<b>2. Teams.</b> Choose the team size and, for each attribute, a rule (balance GPA, mix majors,
no isolated women, a common meeting time…). Click <i>Form teams</i>. Drag a student onto another
team to move them, or onto a student to swap the two. Lock the teams you like and form the rest
again. Every set of teams is kept; export them for Excel or Canvas.<br><br>
<b>3. Ratings</b> and <b>4. Grades</b>: after each milestone, import the peer ratings and adjust
the team grades.<br><br>
Every change is saved in the course file at once; Edit ▸ Undo (Ctrl+Z) takes back any change."""

ABOUT = """\
<b>teamtool</b> forms balanced student teams with OR-Tools CP-SAT, imports peer ratings and
applies the team-citizenship peer-rating adjustment (Oakley, Felder, Brent &amp; Elhajj 2004).
Everything runs on this computer; student data never leaves it."""

#: Plain-language tooltips for the formation rules (keys are solver.Rule values).
RULE_HELP: dict[str, str] = {
    "off": "Not used to form teams.",
    "balance": "Every team's average is close to the class average (e.g. GPA): no strong or "
    "weak teams.",
    "spread": "Each team has a range of values, high and low, like the class as a whole.",
    "mix": "The values are spread over the teams in class proportions (e.g. majors): "
    "diverse teams.",
    "similar": "Students with the same value are grouped together (e.g. time zone).",
    "same": "Every team holds one value only (e.g. a section): always a hard rule.",
    "no-isolation": "No team has exactly one member with the chosen value (e.g. never one "
    "woman alone in a team), as Oakley et al. advise.",
    "schedule": "Every team has at least the given number of weekly slots when all its members "
    "are free; more is better.",
}

HARD_HELP = (
    "Hard: the teams must satisfy the rule, or no teams are formed and you are told why. "
    "Soft: the rule is followed as far as it can be."
)
PRIORITY_HELP = (
    "Rules at priority 1 are optimised first; priority 2 only among equally good teams for "
    "priority 1, and so on."
)
WEIGHT_HELP = "Within one priority, a rule with weight 2 counts twice as much as weight 1."
