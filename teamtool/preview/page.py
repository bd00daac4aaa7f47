"""The students' preview page: one self-contained HTML file that adjusts one team's grade.

The page holds its CSS, its JavaScript (``adjust.js`` mirrors :mod:`teamtool.grading`,
``page.js`` is the form) and its settings (the scale and :class:`AdjustOptions` as JSON)
inline; a Content-Security-Policy allows only those two inline blocks, by hash, and nothing
from the network. The URL fragment grammar is documented in ``docs/preview-page.md``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
from importlib.resources import files
from pathlib import Path
from typing import Any

from teamtool.errors import InputError
from teamtool.export.atomic import atomic_target
from teamtool.grading import AdjustOptions
from teamtool.preview.describe import missing_note, settings_sentences
from teamtool.ratings.rating_scale import Scale

#: The team size the page starts with (a student picks 3, 4 or 5).
START_SIZE = 4


def _asset(name: str) -> str:
    return files("teamtool.preview").joinpath(name).read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` block or open a comment: ``<``, ``>`` and ``&``
    (and the JavaScript line separators) become ``\\u`` escapes, which JSON reads back."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    for char in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _check(scale: Scale, max_points: float, team_grade: float) -> None:
    if not scale.levels:
        raise InputError(
            f'the scale "{scale.name}" has no labels; the preview page needs a scale of labels '
            "(a preset such as oakley9 or cmu5, or a label,value file)",
            code="scale-without-labels",
        )
    negative = [label for label, value in scale.levels if not value >= 0]
    if negative:
        raise InputError(
            f'the scale "{scale.name}" gives {", ".join(negative)} a value below 0; '
            "adjust refuses such ratings, so the page would show nothing it computes",
            code="negative-rating",
        )
    if not math.isfinite(max_points) or max_points <= 0:
        raise InputError(f"the maximum points must be above 0, not {max_points}", code="usage")
    if not math.isfinite(team_grade) or team_grade < 0:
        raise InputError(f"the team grade must be 0 or more, not {team_grade}", code="usage")


def preview_html(
    scale: Scale,
    options: AdjustOptions,
    *,
    max_points: float = 100.0,
    team_grade: float = 80.0,
    title: str = "",
) -> str:
    """The page's HTML for ``scale`` and ``options``; ``team_grade`` is the example it opens
    with, ``title`` names the course or milestone."""
    _check(scale, max_points, team_grade)
    config = {
        "scale": [[label, value] for label, value in scale.levels],
        "options": options.to_json(),
        "max_points": max_points,
        "team_grade": team_grade,
        "team_size": START_SIZE,
        "missing_note": missing_note(options),
    }
    script = "\n" + "\n".join(_asset(name) for name in ("adjust.js", "fragment.js", "page.js"))
    style = "\n" + _asset("page.css")
    policy = (
        f"default-src 'none'; script-src '{_sha256(script)}'; style-src '{_sha256(style)}'; "
        "img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    heading = "Peer rating preview" + (f": {title}" if title else "")
    settings = "\n".join(
        f"<li>{html.escape(line)}</li>" for line in settings_sentences(scale, options)
    )
    return _TEMPLATE.format(
        policy=html.escape(policy, quote=False),
        title=html.escape(heading),
        settings=settings,
        config=script_json(config),
        style=style,
        script=script,
        size_options="".join(f'<option value="{n}">{n}</option>' for n in (3, 4, 5)),
    )


def write_preview_page(path: str | Path, html_text: str) -> Path:
    """Write the page atomically (temporary file, then rename)."""
    target = Path(path)
    with atomic_target(target) as tmp:
        tmp.write_text(html_text, encoding="utf-8", newline="\n")
    return target


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>Enter the ratings your team might give each other and the team grade: the table below shows
the factor and the grade each member would get, computed exactly as the course computes them.
Nothing you enter leaves this page.</p>
<h2>How grades are adjusted</h2>
<ul class="settings">
{settings}
</ul>
<div id="fragment-problems" class="problems" role="alert" hidden></div>
<h2>Your team</h2>
<form id="team-form" novalidate>
<div class="field"><label for="team-size">Team size</label>
<select id="team-size">{size_options}</select></div>
<div class="field"><label for="team-grade">Team grade</label>
<input id="team-grade" type="text" inputmode="decimal" autocomplete="off"></div>
<div class="field"><label for="max-points">Maximum points</label>
<input id="max-points" type="text" inputmode="decimal" autocomplete="off"></div>
<fieldset><legend>Names (optional)</legend><div id="names"></div></fieldset>
</form>
<div id="input-problems" class="problems" role="alert" hidden></div>
<h2 id="ratings-heading">Ratings</h2>
<div class="scroll" tabindex="0" role="region" aria-labelledby="ratings-heading">
<table id="ratings"></table>
</div>
<h2>Results</h2>
<table id="results">
<caption>Factor and adjusted grade of each member</caption>
<thead><tr><th scope="col">Member</th><th scope="col">Factor</th>
<th scope="col">Adjusted grade</th><th scope="col">Note</th></tr></thead>
<tbody id="results-body"></tbody>
</table>
<p id="summary" role="status" aria-live="polite"></p>
<p><a id="share-link" href="#">Link to this example</a> (copy it to share these ratings)</p>
</main>
<script type="application/json" id="teamtool-config">{config}</script>
<script>{script}</script>
</body>
</html>
"""
