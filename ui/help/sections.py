"""The Help page's text, one section per step of the window plus the shortcuts.

Rule explanations come from ``ui.widgets.help_text.RULE_HELP`` and the flags' rules from
``FlagRules.describe()``, so the page says what the code does.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from teamtool.grading.flag_rules import FlagRules
from teamtool.tokens import TokenSettings
from teamtool.tokens.flags import token_rules
from ui.help.worked_example import TEAM_GRADE, methods_table, ratings_table
from ui.widgets.help_text import HARD_HELP, RULE_HELP

#: Section key -> title, in the order of the contents list; the keys of the window's steps
#: ("students", "teams", "ratings", "grades") are the sections F1 opens.
TITLES: dict[str, str] = {
    "start": "How teamtool works",
    "students": "1. Students",
    "teams": "2. Teams: rules, priority, weight",
    "scores": "The score, the bound and the gap",
    "ratings": "3. Ratings",
    "grades": "4. Grades: the methods",
    "flags": "The flags",
    "tokens": "5. Tokens: extensions and resubmissions",
    "shortcuts": "Keyboard shortcuts",
}

_START = """<p>teamtool does a project course's team work in five steps, each a page of the
window: <b>Students</b> (import the class list), <b>Teams</b> (form balanced teams), <b>Ratings</b>
(import the teammates' peer ratings after each milestone), <b>Grades</b> (adjust the team
grades and export them) and <b>Tokens</b> (each team's extensions and resubmissions). Every change is saved in the course file at once and can be undone
with Edit ▸ Undo (Ctrl+Z). Student data never leaves this computer.</p>"""

_STUDENTS = """<p>Import the class list as CSV or XLSX, or the Canvas gradebook export. Each
column is read as one kind: <i>categorical</i> (major, gender), <i>numeric</i> (GPA, a skill from
1 to 5), <i>availability</i> (free weekly slots), <i>preference</i> (teammates asked for or
avoided). Check the kinds in the Attributes panel and change a wrong one. Add, edit or drop a late
student; a dropped student keeps their ratings and grades but joins no new team.</p>"""


def _teams() -> str:
    rules = "".join(
        f"<li><b>{escape(rule)}</b>: {escape(text)}</li>" for rule, text in RULE_HELP.items()
    )
    return f"""<p>Choose the team size, then a rule for each attribute:</p><ul>{rules}</ul>
<p><b>Priority</b>: rules of priority 1 are satisfied as well as possible first; a rule of
priority 2 is then improved only where it costs priority 1 nothing, and so on. Put what matters
most at priority 1. <b>Weight</b>: within one priority, a rule of weight 2 counts twice as much
as a rule of weight 1. {escape(HARD_HELP)}</p>
<p>Drag a student onto another team to move them, or onto a student to swap the two. Lock a team
you like: forming again keeps it as it is. Every team set is kept in the course.</p>"""


_SCORES = """<p>The <b>score</b> of a team set counts, for each priority, how far its teams are
from what the rules ask: a balance rule adds each team's distance from the class average, a mix
rule the students above or below a team's fair share, a broken "together" request 2,000 points.
<b>Lower is better</b>; 0 means every rule of that priority is met exactly.</p>
<p>The <b>bound</b> is a score that no team set can beat, proven by the optimiser. The <b>gap</b>
is how far the score is above it, as a share of the score: a gap of 0 % means the teams are
<i>proven optimal</i> for that priority; a gap of 5 % means no team set can be more than 5 %
better. After you move students by hand the teams are no longer the optimiser's and the window
shows their score as edited.</p>"""

_RATINGS = """<p>After each milestone, import the survey export as it comes from Google Forms,
Microsoft Forms, Qualtrics, Canvas or a plain spreadsheet. People are matched to the roster by
e-mail, ID or name; a name that is close to one teammate only is matched with a note, and
anything uncertain is asked. The import report lists every problem (duplicates, blank ratings,
unknown labels, non-respondents). The heat map shows what each member gave (rows) and received
(columns); self-ratings are in italics.</p>"""


def _grades() -> str:
    return f"""<p>Every member's grade is the team grade times a <b>factor</b> computed from the
ratings they received. The methods differ in how the factor is made:</p><ul>
<li><b>Oakley autorating</b> (Kaufman, Felder &amp; Fuller 2000; Oakley et al. 2004): the mean
rating the member received divided by the mean of all the team's ratings, capped at 1.05.</li>
<li><b>CMU</b>: the same, the factor rounded to 2 decimals.</li>
<li><b>CATME</b>: the member's mean received divided by the mean of the members' means; factors
above 0.95 count as 1.0, the cap is 1.05.</li>
<li><b>WebPA</b>: each rater's ratings are turned into shares of 1; a member's score is the sum
of the shares received times members / raters; with a PA weighting of 50 % the grade is half the
team grade plus half the team grade times the score.</li>
<li><b>SPARKPLUS</b> (SPA): the square root of the member's mean received over the team's mean;
no cap.</li></ul>
<p><b>Worked example.</b> A team of four with a team grade of {TEAM_GRADE:g} out of 100 gave
these ratings:</p>{ratings_table()}
<p>Each method then gives (computed now by teamtool's own grading code):</p>{methods_table()}
<p>The <i>Compare methods</i> tab shows the same for your own class before you choose. An
override replaces one student's grade, with a reason that is kept and exported.</p>"""


def _flags() -> str:
    rows = "".join(
        f"<tr><td><b>{escape(code)}</b></td><td>{escape(rule)}</td></tr>"
        for code, rule in [*FlagRules().describe().items(), *token_rules(TokenSettings()).items()]
    )
    return f"""<p>A flag asks for a human look; it never changes a grade by itself. Each flag's
rule, with the default thresholds (change them in the Grades page's options); the two token flags
mark a grade the team's token ledger changed (Tokens step):</p>
<table border='1' cellpadding='3'><tr><th>Flag</th><th>Rule</th></tr>{rows}</table>"""


_SHORTCUTS = """<table cellpadding='3'>
<tr><td>F1</td><td>this help, at the page in use</td></tr>
<tr><td>Ctrl+1 … Ctrl+5</td><td>go to Students, Teams, Ratings, Grades, Tokens</td></tr>
<tr><td>Ctrl+Z / Ctrl+Shift+Z</td><td>undo / redo any change</td></tr>
<tr><td>Ctrl+N, Ctrl+O, Ctrl+W</td><td>new, open, close a course</td></tr></table>"""


def _tokens() -> str:
    defaults = TokenSettings()
    return f"""<p>Every team starts with <b>{defaults.tokens_per_team} tokens</b> for the course.
A late milestone costs {defaults.cost_per_late_day} token per day late and a resubmission
{defaults.cost_per_resubmission} tokens; the costs and the number of tokens are set on the Tokens
page. Tokens are spent milestone by milestone, late days first, then resubmissions.</p>
<p>A late milestone the team cannot pay for gets the course's late policy, by default <i>no credit
</i> (feedback but a grade of 0), or a percentage taken off per unpaid day; its members are
flagged <b>late-no-tokens</b>. A resubmission the team cannot pay for is refused: the original
grade stands and the members are flagged <b>resubmission-refused</b>. Both happen before the
peer adjustment, and both can be overridden with a reason like any grade.</p>
<p>Enter days late and resubmissions in the ledger table, or bring them with the team grades
file (columns <code>days_late</code>, <code>resubmissions</code>, <code>original_grade</code>).
The workbook's Tokens sheet computes every team's spent and left tokens with formulas.</p>"""


def section_html(key: str) -> str:
    """The HTML of one section (its title as a heading, then its text)."""
    sections: dict[str, Callable[[], str]] = {
        "start": lambda: _START,
        "students": lambda: _STUDENTS,
        "teams": _teams,
        "scores": lambda: _SCORES,
        "ratings": lambda: _RATINGS,
        "grades": _grades,
        "flags": _flags,
        "tokens": _tokens,
        "shortcuts": lambda: _SHORTCUTS,
    }
    body = sections[key]()
    return f"<h2>{escape(TITLES[key])}</h2>{body}"
