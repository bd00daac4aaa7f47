"""The preview page in Chromium: fragments, hostile names, the share link, accessibility,
and its decimal rounding against Python's."""

from __future__ import annotations

import re
from typing import Any

import pytest

from teamtool.export.csv_util import format_cell
from teamtool.grading import PRESETS
from teamtool.grading.steps import round_half_up
from teamtool.preview import preview_html
from teamtool.ratings.rating_scale import PRESETS as SCALES
from teamtool.ratings.rating_scale import Scale

HOSTILE_NAMES = [
    '<img src=x onerror="window.hacked=1">',
    "</script><script>window.hacked=2</script>",
    "Zoë, \"Z\" & Co > 'you'",
]


def test_bad_fragments_show_a_message_and_the_page_still_works(open_page: Any) -> None:
    ratings = [
        "A>B:Brilliant",  # a label not on the scale
        "A>Q:Excellent",  # Q is not in the team
        "junk",
        "B>A:%E0%A4%A",  # broken percent-encoding
        "C>A:Excellent",  # the one good rating
    ]
    fragment = "&".join(["team_grade=80", "colour=red", "size=9", "ratings=" + ",".join(ratings)])
    page = open_page(preview_html(SCALES["oakley9"], PRESETS["oakley"]), fragment)
    problems = page.problems()
    assert 'Unknown part "colour"' in problems
    assert 'size "9" must be 3, 4 or 5' in problems
    assert "uses a label that is not on the scale" in problems
    assert "names someone who is not in the team" in problems
    assert 'The rating "junk" is not RATER>RATEE:LABEL' in problems
    assert "is not valid percent-encoding" in problems
    # the one good rating was used: C rated A, nobody rated B or C
    assert [(n, f) for n, f, _ in page.results()] == [
        ("A", "1"),
        ("B", "not adjusted"),
        ("C", "not adjusted"),
    ]
    assert page.errors_in_console() == []


@pytest.mark.parametrize(
    "fragment",
    ["%", "&&&", "ratings=", "team_grade=abc", "team_grade=0x10", "names=,,,,,,", "size=4.5"],
)
def test_odd_fragments_never_break_the_page(open_page: Any, fragment: str) -> None:
    page = open_page(preview_html(SCALES["cmu5"], PRESETS["cmu"]), fragment)
    assert len(page.results()) in (3, 4)
    assert page.errors_in_console() == []


def test_hostile_names_are_shown_as_text(open_page: Any) -> None:
    page = open_page(preview_html(SCALES["cmu5"], PRESETS["cmu"]), "size=3&team_grade=90")
    for i, name in enumerate(HOSTILE_NAMES):
        page.type_into(f"name-{i}", name)
    headers = page.driver.find_elements("css selector", "#ratings thead th")
    assert [h.get_attribute("textContent") for h in headers] == HOSTILE_NAMES
    assert [n for n, _, _ in page.results()] == HOSTILE_NAMES
    assert page.driver.find_elements("css selector", "main img, main b") == []
    assert page.driver.execute_script("return window.hacked === undefined")
    # the share link carries them and a fresh page reads them back
    link = page.by_id("share-link").get_attribute("href")
    again = page.open(link.split("#", 1)[1])
    assert again.problems() == ""
    assert [n for n, _, _ in again.results()] == HOSTILE_NAMES
    assert again.driver.execute_script("return window.hacked === undefined")


def test_the_share_link_reproduces_the_ratings(open_page: Any) -> None:
    page = open_page(
        preview_html(SCALES["oakley9"], PRESETS["oakley"]),
        "team_grade=77.5&names=Ana,Ben%20Li,Cy,Dee&ratings=Ana>Ben%20Li:Marginal,"
        "Cy>Dee:Very%20good,Dee>Cy:No%20show,Ben%20Li>Ana:Excellent,Dee>Ana:Deficient",
    )
    shown = page.results()
    assert [n for n, _, _ in shown] == ["Ana", "Ben Li", "Cy", "Dee"]
    page.select("rating-2-0", 3)  # Cy rates Ana Satisfactory
    changed = page.results()
    assert changed != shown
    link = page.by_id("share-link").get_attribute("href")
    assert page.open(link.split("#", 1)[1]).results() == changed


def test_labels_headers_live_region_and_contrast(open_page: Any) -> None:
    # with both message boxes shown, so that their colours are measured too
    page = open_page(preview_html(SCALES["oakley9"], PRESETS["webpa"]), "size=5&team_grade=x&y=1")
    assert page.problems()
    assert page.by_id("input-problems").is_displayed()
    driver = page.driver
    for field in driver.find_elements("css selector", "select, input"):
        field_id = field.get_attribute("id")
        labels = driver.find_elements("css selector", f'label[for="{field_id}"]')
        assert len(labels) == 1, field_id
        assert labels[0].get_attribute("textContent").strip(), field_id
    assert len(driver.find_elements("css selector", "select[id^=rating-]")) == 25
    for th in driver.find_elements("css selector", "th"):
        assert th.get_attribute("scope") in ("col", "row")
    assert page.by_id("summary").get_attribute("aria-live") == "polite"
    ratios = driver.execute_script(CONTRAST_JS)
    low = {text: ratio for text, ratio in ratios if ratio < 4.5}
    assert ratios
    assert not low
    from selenium.webdriver.common.keys import Keys

    page.by_id("team-grade").send_keys(Keys.SHIFT, Keys.TAB)  # to the team size, by keyboard
    focused = driver.switch_to.active_element
    assert focused.get_attribute("id") == "team-size"
    assert focused.value_of_css_property("outline-style") == "solid"
    assert focused.value_of_css_property("outline-width") == "3px"
    assert page.by_id("team-grade").value_of_css_property("outline-style") == "none"


#: Contrast ratio (WCAG 2) of every element's own text against the first opaque background.
CONTRAST_JS = """
const lum = (c) => {
  const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map((v) => {
    v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const opaque = (c) => !/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent';
const out = [];
for (const el of document.querySelectorAll('main *')) {
  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  if (!own || el.closest('[hidden]') || el.classList.contains('visually-hidden')) continue;
  let bg = el; while (bg && !opaque(getComputedStyle(bg).backgroundColor)) bg = bg.parentElement;
  const back = bg ? getComputedStyle(bg).backgroundColor : 'rgb(255, 255, 255)';
  const [a, b] = [lum(getComputedStyle(el).color), lum(back)].sort((x, y) => y - x);
  out.push([el.tagName + ' ' + el.textContent.slice(0, 30), (a + 0.05) / (b + 0.05)]);
}
return out;
"""

TRICKY = [0.00048828125, 2.675, 1.005, 77 * 0.95, 74.30499999999999, 0.5, 1.5, 2.5, 1e-7,
          123456.789, 88.2, 0.5833333333333334, 1 / 3, 2 / 3, 0.125, 1.0000000000000002]  # fmt: skip


def test_the_pages_rounding_equals_pythons(open_page: Any) -> None:
    page = open_page(preview_html(SCALES["cmu5"], PRESETS["cmu"]))
    shown = page.driver.execute_script(
        "return arguments[0].map((v) => [TeamtoolAdjust.formatCell(v),"
        " [0, 1, 2, 3].map((d) => TeamtoolAdjust.roundHalfUp(v, d))]);",
        TRICKY,
    )
    wanted = [[format_cell(v), [round_half_up(v, d) for d in range(4)]] for v in TRICKY]
    assert shown == wanted


def test_a_wrong_team_grade_is_explained(open_page: Any) -> None:
    page = open_page(preview_html(SCALES["cmu5"], PRESETS["cmu"]), "size=3")
    page.type_into("team-grade", "eighty")
    message = page.by_id("input-problems")
    assert message.is_displayed()
    assert re.search("team grade as a number", message.text)
    assert {g for _, _, g in page.results()} == {"—"}


def test_hostile_scale_labels_stay_text_and_still_compute(open_page: Any) -> None:
    evil = "</script><script>window.hacked=3</script>"
    scale = Scale("custom", ((evil, 10.0), ("<b>Fine</b>", 6.0), ("Absent & gone", 0.0)))
    page = open_page(
        preview_html(scale, PRESETS["oakley"], title=evil),
        "team_grade=90&ratings=A>B:%3Cb%3EFine%3C%2Fb%3E,B>A:"
        + "%3C%2Fscript%3E%3Cscript%3Ewindow.hacked%3D3%3C%2Fscript%3E,C>A:Absent%20%26%20gone",
    )
    assert page.problems() == ""
    options = page.driver.find_elements("css selector", "#rating-0-1 option")
    assert [o.get_attribute("textContent") for o in options][1:] == [
        label for label, _ in scale.levels
    ]
    assert page.driver.title == f"Peer rating preview: {evil}"
    assert page.driver.execute_script("return window.hacked === undefined")
    assert page.driver.find_elements("css selector", "main b") == []
    # A gets 10 and 0 (mean 5), B gets 6, C nobody: team mean 16/3; 5/(16/3) = 0.9375
    assert page.results() == [("A", "0.9375", "84.375"), ("B", "1.05", "94.5"),
                              ("C", "not adjusted", "90")]  # fmt: skip
    assert page.errors_in_console() == []
