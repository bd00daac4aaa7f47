"""One printable, self-contained HTML file of debriefs: inline CSS, no scripts, no network.

Every text that comes from a file (names, teams, labels, comments, mentors) is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from teamtool.debriefs.model import HeatCell, HistoryCell, MemberRow, TeamDebrief
from teamtool.debriefs.style import CSS
from teamtool.grading.results import Flag
from teamtool.grading.steps import fmt

NOTE = (
    "Confidential: for the team's mentor. Comments are shown without their writers, in an "
    "order that does not follow who wrote them; a member's comments about themself are left "
    "out. Flags ask for a look; they change no grade."
)


def render_debriefs(debriefs: Sequence[TeamDebrief], title: str) -> str:
    """The whole HTML document: one page (``<section>``) per team debrief."""
    pages = "\n".join(_team(d) for d in debriefs)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{pages}\n</body>\n</html>\n"
    )


def _number(value: float | None, decimals: int = 2) -> str:
    return "—" if value is None else fmt(value, decimals)


def _team(d: TeamDebrief) -> str:
    meta = [f"<span>Milestone: {escape(d.milestone)}</span>"]
    if d.mentor is not None:
        meta.append(f"<span>Mentor: {escape(d.mentor)}</span>")
    if d.tokens_left is not None:
        meta.append(f"<span>Tokens left: {d.tokens_left}</span>")
    meta.append(f"<span>Method: {escape(d.method)}, grades out of {fmt(d.max_points)}</span>")
    team_flags = f"<h3>Team flags</h3>{_flags(d.team_flags)}" if d.team_flags else ""
    return (
        f'<section class="team">\n<h1>{escape(d.team)}</h1>\n<p class="meta">{"".join(meta)}</p>\n'
        f"<h2>Members</h2>\n{_members(d.members)}{team_flags}\n"
        f"<h2>Ratings</h2>\n{_heat(d)}\n"
        f"<h2>Factor across the milestones so far</h2>\n{_history(d)}\n"
        f"<h2>Comments</h2>\n{_comments(d)}\n"
        f'<p class="note">{escape(NOTE)}</p>\n</section>'
    )


def _flags(flags: Sequence[Flag]) -> str:
    if not flags:
        return '<span class="none">none</span>'
    items = "".join(
        f'<li><span class="code">{escape(f.code)}</span>: {escape(f.detail)} '
        f'<span class="rule">(rule: {escape(f.rule)})</span></li>'
        for f in flags
    )
    return f"<ul>{items}</ul>"


def _members(members: Sequence[MemberRow]) -> str:
    rows = []
    for m in members:
        r = m.result
        grade = _number(r.final_grade)
        if r.override is not None:
            grade += (
                f' <span class="rule">(set by the instructor: {escape(r.override_reason)})</span>'
            )
        rows.append(
            f'<tr><td>{escape(m.name)}</td><td class="num">{_number(r.team_grade)}</td>'
            f'<td class="num">{_number(r.factor, 3)}</td><td class="num">{grade}</td>'
            f"<td>{_flags(r.flags)}</td></tr>"
        )
    head = (
        '<tr><th scope="col">Member</th><th scope="col">Team grade</th>'
        '<th scope="col">Factor</th><th scope="col">Adjusted grade</th>'
        '<th scope="col">Flags (with their rule)</th></tr>'
    )
    return f"<table>{head}{''.join(rows)}</table>"


def _shade(cell: HeatCell) -> str:
    return f"background: hsl({round(120 * cell.shade)}, 65%, 82%)"


def _heat_cell(cell: HeatCell | None, own: bool) -> str:
    if cell is None:
        return '<td class="none">—</td>'
    framed = ' class="self"' if own else ""
    return f'<td{framed} style="{_shade(cell)}">{escape(cell.label)}</td>'


def _heat(d: TeamDebrief) -> str:
    names = d.heat_map.names
    head = '<tr><th scope="col">Rater ↓ / rated →</th>' + "".join(
        f'<th scope="col">{escape(n)}</th>' for n in names
    )
    rows = []
    for i, (rater, cells) in enumerate(zip(names, d.heat_map.cells, strict=True)):
        tds = "".join(_heat_cell(c, i == j) for j, c in enumerate(cells))
        rows.append(f'<tr><th scope="row">{escape(rater)}</th>{tds}</tr>')
    legend = "".join(
        f'<span style="{_shade(c)}">{escape(c.label)}</span>' for c in d.heat_map.legend
    )
    return (
        f'<table class="heat">{head}</tr>{"".join(rows)}</table>\n'
        f'<div class="legend">Scale: {legend} · framed: self-rating · —: no rating</div>'
    )


def _history_cell(cell: HistoryCell) -> str:
    if cell.factor is None:
        return '<td class="num none">—</td>'
    text = fmt(cell.factor, 3)
    if cell.repeated_low:
        return f'<td class="num repeated">{text} repeated-low</td>'
    if cell.low:
        return f'<td class="num low">{text} low</td>'
    return f'<td class="num">{text}</td>'


def _history(d: TeamDebrief) -> str:
    head = '<tr><th scope="col">Member</th>' + "".join(
        f'<th scope="col">{escape(m)}</th>' for m in d.history_milestones
    )
    rows = "".join(
        f"<tr><td>{escape(name)}</td>{''.join(_history_cell(c) for c in cells)}</tr>"
        for name, cells in d.history.items()
    )
    return (
        f'<table class="history">{head}</tr>{rows}</table>\n'
        '<p class="rule">low: flagged low-performer on that milestone; repeated-low: low on it '
        "and on the milestone before.</p>"
    )


def _comments(d: TeamDebrief) -> str:
    parts = []
    for name, texts in d.comments.items():
        if texts:
            items = "".join(f"<li>{escape(t)}</li>" for t in texts)
            parts.append(f"<h3>About {escape(name)}</h3><ul>{items}</ul>")
    if d.team_comments:
        items = "".join(f"<li>{escape(t)}</li>" for t in d.team_comments)
        parts.append(f"<h3>About the team</h3><ul>{items}</ul>")
    silent = [escape(name) for name, texts in d.comments.items() if not texts]
    if silent:
        parts.append(f'<p class="none">No comments about {", ".join(silent)}.</p>')
    return "\n".join(parts)
