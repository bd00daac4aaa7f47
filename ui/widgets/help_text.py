"""The About text and the plain-language explanation of every formation rule."""

from __future__ import annotations

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
