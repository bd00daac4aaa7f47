"""The deliberate problems and rating patterns of the sample surveys are really in the files."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from statistics import mean

import pytest
from openpyxl import load_workbook
from sample_survey_decoders import (
    COMMENT,
    LABEL_VALUES,
    SampleRoster,
    decode_long,
    norm_name,
    read_csv,
)

M1 = Path("surveys") / "m1_long.csv"
ODD_HEADERS = ["Jose Garcia", "O\u2019Brien, Siobhán", "Zoë  Martín "]


@pytest.fixture
def roster(samples_dir: Path) -> SampleRoster:
    return SampleRoster(read_csv(samples_dir / "roster.csv"))


def _values(samples_dir: Path) -> dict[tuple[str, str], float]:
    ratings, _ = decode_long(samples_dir / M1)
    return {pair: LABEL_VALUES[label] for pair, label in ratings.items()}


def _received(values: dict[tuple[str, str], float], ratee: str) -> list[float]:
    """Ratings ``ratee`` got from teammates (self excluded)."""
    return [v for (rater, r), v in values.items() if r == ratee and rater != ratee]


def test_one_non_respondent_in_m1(samples_dir: Path, roster: SampleRoster) -> None:
    values = _values(samples_dir)
    silent = set(roster.ids) - {rater for rater, _ in values}
    assert len(silent) == 1
    (sid,) = silent
    assert len(_received(values, sid)) == 3  # teammates still rated them


def test_a_clear_low_performer(samples_dir: Path) -> None:
    values = _values(samples_dir)
    low = [s for s in {r for _, r in values} if max(_received(values, s)) <= 50.0]
    assert len(low) == 1
    assert mean(_received(values, low[0])) == pytest.approx((37.5 + 50.0 + 25.0) / 3)


def test_a_conflict_and_an_overconfident_self_rating(samples_dir: Path) -> None:
    values = _values(samples_dir)
    ratees = {r for _, r in values}
    split = [s for s in ratees if max(_received(values, s)) - min(_received(values, s)) >= 50]
    assert len(split) == 1  # Excellent, Excellent and Deficient from three teammates
    assert sorted(_received(values, split[0])) == [37.5, 100.0, 100.0]
    boast = {
        s for s in ratees if (s, s) in values and values[(s, s)] - mean(_received(values, s)) >= 25
    }
    low = {s for s in ratees if max(_received(values, s)) <= 50.0}
    (boaster,) = boast - low  # the low performer also rates themself Satisfactory
    assert len(low & boast) == 1
    assert values[(boaster, boaster)] == 100.0
    assert sorted(_received(values, boaster)) == [62.5, 62.5, 75.0]


def test_one_rater_gives_everyone_the_same_label(samples_dir: Path) -> None:
    ratings, _ = decode_long(samples_dir / M1)
    by_rater: dict[str, set[str]] = {}
    for (rater, _), label in ratings.items():
        by_rater.setdefault(rater, set()).add(label)
    assert [labels for labels in by_rater.values() if len(labels) == 1] == [{"Very good"}]


def test_one_duplicate_submission_in_every_layout_later_differs(
    samples_dir: Path, roster: SampleRoster
) -> None:
    google = read_csv(samples_dir / "surveys" / "m1_google_forms.csv")
    emails = Counter(r["Email Address"].lower() for r in google)
    dupes = [e for e, n in emails.items() if n > 1]
    assert len(dupes) == 1
    first, later = [r for r in google if r["Email Address"].lower() == dupes[0]]
    grid = [h for h in first if h.startswith("Rate your")]
    assert [first[h] for h in grid] != [later[h] for h in grid]
    ws = load_workbook(samples_dir / "surveys" / "m1_microsoft_forms.xlsx").active
    assert ws is not None
    ms_emails = Counter(row[3] for row in ws.iter_rows(min_row=2, values_only=True))
    assert [e for e, n in ms_emails.items() if n > 1] == [dupes[0]]
    with (samples_dir / "surveys" / "m1_qualtrics.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))[3:]
    q_emails = Counter(r[11] for r in rows if r[2] == "IP Address" and r[6] == "True")
    assert [e for e, n in q_emails.items() if n > 1] == [dupes[0]]


def test_headers_that_differ_from_the_roster_names(samples_dir: Path, roster: SampleRoster) -> None:
    roster_names = {r["Name"] for r in roster.rows}
    google = (samples_dir / "surveys" / "m1_google_forms.csv").read_text(encoding="utf-8")
    ws = load_workbook(samples_dir / "surveys" / "m1_microsoft_forms.xlsx").active
    assert ws is not None
    ms_header = [c.value for c in ws[1]]
    qualtrics = (samples_dir / "surveys" / "m1_qualtrics.csv").read_text(encoding="utf-8-sig")
    for odd in ODD_HEADERS:
        assert odd not in roster_names
        assert norm_name(odd) in roster.by_name
        assert f'"Rate your teammates [{odd}]"' in google
        assert odd in ms_header
        assert f" - {odd}" in qualtrics


def test_chris_lee_used_a_personal_email_in_google_forms_only(
    samples_dir: Path, roster: SampleRoster
) -> None:
    google = read_csv(samples_dir / "surveys" / "m1_google_forms.csv")
    strangers = [r for r in google if r["Email Address"].lower() not in roster.by_email]
    assert [(r["Email Address"], r["Your name"]) for r in strangers] == [
        ("chrislee.dev@gmail.com", "Chris Lee")
    ]
    assert norm_name("Chris Lee") not in roster.by_name
    assert "Christopher Lee" in {r["Name"] for r in roster.rows}


def test_dangerous_comments_are_present_and_text(samples_dir: Path) -> None:
    _, comments = decode_long(samples_dir / M1)
    texts = set(comments.values())
    assert {'=HYPERLINK("http://x","y")', "+1", "- did the BOM"} <= texts
    assert any(t.startswith("@Marco") for t in texts)
    google = read_csv(samples_dir / "surveys" / "m1_google_forms.csv")
    assert texts == {r[COMMENT] for r in google if r[COMMENT]}
    ws = load_workbook(samples_dir / "surveys" / "m1_microsoft_forms.xlsx").active
    assert ws is not None
    cells = [row[-1] for row in ws.iter_rows(min_row=2)]
    formula_like = [c for c in cells if str(c.value).startswith("=")]
    assert len(formula_like) == 1
    assert formula_like[0].data_type == "s"  # a string, not a formula


def test_google_forms_quotes_every_field(samples_dir: Path) -> None:
    text = (samples_dir / "surveys" / "m1_google_forms.csv").read_text(encoding="utf-8")
    for line in text.split("\r\n")[:-1]:
        assert line.startswith('"')
        assert line.endswith('"')
        assert len(next(csv.reader([line]))) == line.count('","') + 1 - line.count('""')


def test_qualtrics_preview_and_partial_rows(samples_dir: Path, roster: SampleRoster) -> None:
    with (samples_dir / "surveys" / "m1_qualtrics.csv").open(encoding="utf-8-sig") as f:
        _ids, text, imports, *rows = list(csv.reader(f))
    assert text[:3] == ["Start Date", "End Date", "Response Type"]
    assert imports[0] == '{"ImportId":"startDate","timeZone":"America/New_York"}'
    assert [r[2] for r in rows].count("Survey Preview") == 1
    partial = [r for r in rows if r[6] == "False"]
    assert len(partial) == 1
    assert int(partial[0][4]) < 100
    values = _values(samples_dir)
    non_respondent = set(roster.ids) - {rater for rater, _ in values}
    assert {roster.resolve(partial[0][11])} == non_respondent
