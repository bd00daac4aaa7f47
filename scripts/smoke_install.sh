#!/usr/bin/env bash
# Install smoke test (issue #18): build the wheel, install it in a fresh virtual environment in a
# temporary folder outside the checkout, and check that the installed teamtool works there:
# `teamtool --version`, `teamtool demo` (its outputs, and that a second run keeps the first
# course file), and the window (offscreen, closed after a second).
#
#   scripts/smoke_install.sh            # PYTHON=python3.12 scripts/smoke_install.sh for another
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/teamtool-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== build the wheel (from a copy of the checkout's files: no stale build/ folder)"
mkdir "$work/src"
if git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$repo" ls-files -z --cached --others --exclude-standard \
    | (cd "$repo" && tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null) \
    | tar -xf - -C "$work/src"
else
  cp -R "$repo/." "$work/src"
fi
"$python" -m pip wheel -q --no-deps --wheel-dir "$work/dist" "$work/src"
wheel="$(ls "$work"/dist/teamtool-*.whl)"
echo "$(basename "$wheel") ($(du -h "$wheel" | cut -f1))"
"$python" -m zipfile -l "$wheel" > "$work/wheel-files.txt"
grep -q "teamtool/samples/surveys/m1_google_forms.csv" "$work/wheel-files.txt" \
  || fail "the wheel lacks the sample course"
grep -q "ui/resources/teamtool.png" "$work/wheel-files.txt" || fail "the wheel lacks the icon"

echo "== install it in a fresh virtual environment in $work"
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$wheel"
cd "$work"  # outside the checkout: nothing may come from $repo now
tt="$work/venv/bin/teamtool"

echo "== teamtool --version"
version="$("$tt" --version)"
echo "$version"
expected="teamtool $(basename "$wheel" | cut -d- -f2)"
[ "$version" = "$expected" ] || fail "--version printed '$version', the wheel is '$expected'"

echo "== the installed package, not the checkout"
"$work/venv/bin/python" - "$repo" <<'PY'
import sys
from pathlib import Path

import teamtool
from teamtool.demo.sample_files import samples_dir

repo = Path(sys.argv[1]).resolve()
for path in (Path(teamtool.__file__), samples_dir()):
    print(path)
    if path.resolve().is_relative_to(repo):
        raise SystemExit(f"FAIL: {path} is in the checkout")
PY

echo "== teamtool demo"
"$tt" demo --out demo --time-limit 2 | tee demo.log
for name in sample-course.teamtool roster-summary.xlsx formed-teams.xlsx formed-teams.csv \
  canvas-groups.csv "adjusted grades.xlsx" "adjusted grades.csv" "canvas grades import.csv" \
  "feedback mail merge.csv"; do
  [ -s "demo/$name" ] || fail "teamtool demo did not write demo/$name"
done
# 48 students + the header; Ryan O'Connor's M1 grade is 84 x 46.875 / 71.875 = 54.78.
[ "$(wc -l < demo/formed-teams.csv)" -eq 49 ] || fail "formed-teams.csv does not list 48 students"
grep -q "s1011.*M1 Proposal.*54.78" "demo/adjusted grades.csv" || fail "Ryan's M1 grade is not 54.78"
echo "outputs checked: 9 files, 48 students in teams, s1011 M1 = 54.78"

echo "== teamtool demo again: the first course file is kept"
before="$(sha256sum demo/sample-course.teamtool)"
"$tt" demo --out demo --time-limit 1 > demo2.log
grep "exists already" demo2.log
[ -s demo/sample-course-2.teamtool ] || fail "the second run did not write sample-course-2.teamtool"
[ "$(sha256sum demo/sample-course.teamtool)" = "$before" ] || fail "the first course file changed"

echo "== teamtool preview-page (its scripts are package data)"
"$tt" preview-page --course demo/sample-course.teamtool --milestone "M1 Proposal" --out preview.html
grep -q "<title>Peer rating preview: M1 Proposal" preview.html || fail "no preview page"
grep -q "function" preview.html || fail "the preview page has no script"

echo "== teamtool gui (offscreen, closes after 1 s)"
QT_QPA_PLATFORM=offscreen "$tt" gui demo/sample-course.teamtool --quit-after 1
echo "window opened and closed (exit 0)"
echo "== smoke_install: OK"
