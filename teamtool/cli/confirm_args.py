"""``--confirm TEXT=ID`` arguments: parsed, then checked against the survey's names to confirm."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field

from teamtool.errors import InputError
from teamtool.model import Roster
from teamtool.names import fold
from teamtool.ratings.matching import CANDIDATE_THRESHOLD, PeopleMatcher, loose_key, similarity
from teamtool.ratings.resolve import IGNORE, UncertainMatch

#: How many names to confirm an error lists before "and N more".
SHOWN = 10


@dataclass(frozen=True)
class Confirmation:
    """One ``--confirm`` argument as typed, and its two halves (``student_id`` "" = leave out)."""

    argument: str
    text: str
    student_id: str

    @property
    def shown(self) -> str:
        return f"--confirm {quote(self.argument)}"


@dataclass
class CheckedConfirmations:
    """What the import should use (keys as written in the survey) and the notes to print."""

    confirmed: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def parse_confirmations(items: Sequence[str]) -> list[Confirmation]:
    """Split each ``TEXT=ID`` (at the last ``=``); the same text twice must name the same id."""
    out: list[Confirmation] = []
    seen: dict[str, Confirmation] = {}
    for item in items:
        text, sep, sid = item.rpartition("=")
        if not sep or not text.strip():
            raise InputError(
                f'--confirm "{item}" must look like "TEXT=ID", e.g. "Chris Lee=s1023"', code="usage"
            )
        c = Confirmation(item, text.strip(), sid.strip())
        earlier = seen.setdefault(fold(c.text), c)
        if earlier.student_id != c.student_id:
            raise InputError(
                f'{c.shown}: "{c.text}" is confirmed twice, also by {earlier.shown}; keep one',
                code="usage",
            )
        if earlier is c:
            out.append(c)
    return out


def check_confirmations(
    confirmations: Sequence[Confirmation],
    uncertain: Sequence[UncertainMatch],
    roster: Roster,
    survey: str,
) -> CheckedConfirmations:
    """Check every confirmation against ``uncertain`` (the names an import without confirmations
    asks to confirm) and the roster; all mistakes are raised at once as one usage error.

    A text must be one of the names to confirm (case, accents and spaces aside); the id must be a
    student of the roster, or "" to leave the person out. A text the roster already matches
    exactly, to the same student, only gets a note; to another student it is an error, since the
    confirmation would move every rating written under that name.
    """
    ids = {s.id.casefold(): s.id for s in roster.students}
    matcher = PeopleMatcher(roster)
    checked = CheckedConfirmations()
    errors: list[str] = []
    for c in confirmations:
        sid = c.student_id if c.student_id == IGNORE else ids.get(c.student_id.casefold())
        written = [u for u in uncertain if fold(u.text) == fold(c.text)]
        if sid is None:
            errors.append(f'{c.shown}: "{c.student_id}" is not a student id of the roster')
            if written and written[0].candidates:
                errors[-1] += f'; the candidates for "{written[0].text}" are ' + ", ".join(
                    _who(matcher, s) for s, _ in written[0].candidates
                )
        if written:
            for text in dict.fromkeys(u.text for u in written):
                if text != c.text:
                    checked.notes.append(f'note: {c.shown} is taken for "{text}" as written')
                if sid is not None:
                    checked.confirmed[text] = sid
            continue
        exact = matcher.match(c.text)
        if exact.certain and exact.student_id is not None:
            who = _who(matcher, exact.student_id)
            if sid == exact.student_id:
                checked.notes.append(
                    f'note: {c.shown} is not needed: "{c.text}" matches {who} exactly'
                )
            elif sid is not None:
                errors.append(
                    f'{c.shown}: "{c.text}" is {who} on the roster, not a name to confirm; '
                    "correct the survey file if someone else wrote it"
                )
            continue
        errors.append(f'{c.shown}: "{c.text}" is not a name in {survey} that needs confirming')
        closest = _closest(c.text, uncertain)
        if closest is not None:
            errors[-1] += f'; did you mean "{closest}"?'
    if errors:
        raise InputError("\n".join([*errors, _to_confirm(uncertain, survey)]), code="usage")
    return checked


def _who(matcher: PeopleMatcher, student_id: str) -> str:
    name = matcher.name_of(student_id)
    return f"{name} ({student_id})" if name else student_id


def _closest(text: str, uncertain: Sequence[UncertainMatch]) -> str | None:
    """The name to confirm most like ``text`` (the matcher's own similarity), if alike enough."""
    key = loose_key(text)
    scored = [(similarity(key, loose_key(u.text)), u.text) for u in uncertain]
    best = max(scored, default=None, key=lambda pair: pair[0])
    return best[1] if best is not None and best[0] >= CANDIDATE_THRESHOLD else None


def _to_confirm(uncertain: Sequence[UncertainMatch], survey: str) -> str:
    if not uncertain:
        return f"no name in {survey} needs confirming"
    lines = [f"names to confirm in {survey}:"]
    lines += [f'  {u.role} "{u.text}" at {u.where}' for u in uncertain[:SHOWN]]
    if len(uncertain) > SHOWN:
        lines.append(f"  and {len(uncertain) - SHOWN} more")
    return "\n".join(lines)


def quote(text: str) -> str:
    """``text`` quoted for a shell command line, in double quotes where that is safe."""
    return (
        f'"{text}"'
        if '"' not in text and "\\" not in text and "$" not in text
        else shlex.quote(text)
    )
