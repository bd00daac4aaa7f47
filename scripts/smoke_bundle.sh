#!/usr/bin/env bash
# Desktop bundle smoke test (issue #18): run a bundle built by scripts/build_app.py as on a machine
# without Python packages: a clean environment (env -i, PATH=/usr/bin:/bin, no virtual
# environment, a new HOME), under Xvfb. It opens the window and takes a screenshot, runs
# `teamtool demo` and checks its outputs, and times the start of the window.
#
#   scripts/smoke_bundle.sh [BUNDLE_DIR]        # default: dist/teamtool
#   XVFB_DISPLAY=:12 SHOTS=docs/img scripts/smoke_bundle.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bundle="$(cd "${1:-$repo/dist/teamtool}" && pwd)"
display="${XVFB_DISPLAY:-:99}"
shots="${SHOTS:-$repo/build/smoke_bundle}"
exe="$bundle/teamtool"
work="$(mktemp -d "${TMPDIR:-/tmp}/teamtool-bundle.XXXXXX")"
xvfb_pid=""
cleanup() {
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$work/home" "$shots"
clean=(env -i "HOME=$work/home" "PATH=/usr/bin:/bin" "LANG=C.UTF-8" "TMPDIR=$work"
  "DISPLAY=$display" "XDG_RUNTIME_DIR=$work")

echo "== the bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
[ -x "$exe" ] || fail "no program $exe"
echo "== the clean environment has no teamtool dependencies"
"${clean[@]}" sh -c 'command -v teamtool; command -v python3' || true
if "${clean[@]}" sh -c 'python3 -c "import PySide6" 2>/dev/null || python3 -c "import ortools" 2>/dev/null'
then fail "python3 on the clean PATH has PySide6 or ortools: not a clean machine"; fi
echo "python3 on the clean PATH (if any) has neither PySide6 nor ortools"

echo "== Xvfb $display"
if ! xdpyinfo -display "$display" >/dev/null 2>&1; then
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
fi

echo "== teamtool --version"
"${clean[@]}" "$exe" --version

echo "== the window (screenshot, then it closes itself)"
started=$(date +%s.%N)
"${clean[@]}" "$exe" gui --quit-after 6 > "$work/gui.log" 2>&1 &
gui_pid=$!
DISPLAY="$display" timeout 60 xdotool search --sync --onlyvisible --name "^teamtool$" >/dev/null \
  || fail "no teamtool window within 60 s: $(cat "$work/gui.log")"
shown=$(date +%s.%N)
sleep 2  # let it paint
import -display "$display" -window root "$shots/bundle-start-page.png"
wait "$gui_pid" || fail "the window exited with an error: $(cat "$work/gui.log")"
printf 'window shown %.2f s after start; screenshot %s\n' "$(echo "$shown - $started" | bc)" \
  "$shots/bundle-start-page.png"

echo "== teamtool demo"
(cd "$work" && "${clean[@]}" "$exe" demo --out demo --time-limit 2 > demo.log 2>&1) \
  || fail "teamtool demo failed: $(tail -5 "$work/demo.log")"
head -3 "$work/demo.log"
tail -10 "$work/demo.log"
# The solver's second process (sys.executable -m solver.search.companion) is the bundle's program too.
if grep -E "failed|Traceback|internal error" "$work/demo.log"; then fail "errors in the demo"; fi
for name in sample-course.teamtool formed-teams.xlsx "adjusted grades.xlsx" \
  "canvas grades import.csv" "feedback mail merge.csv"; do
  [ -s "$work/demo/$name" ] || fail "teamtool demo did not write $name"
done
grep -q "s1011.*M1 Proposal.*54.78" "$work/demo/adjusted grades.csv" || fail "s1011's M1 grade"
echo "outputs checked (s1011 M1 = 54.78)"

echo "== teamtool preview-page (its scripts are package data)"
"${clean[@]}" "$exe" preview-page --course "$work/demo/sample-course.teamtool" \
  --milestone "M1 Proposal" --out "$work/preview.html"
grep -q "<title>Peer rating preview: M1 Proposal" "$work/preview.html" || fail "no preview page"
grep -q "function" "$work/preview.html" || fail "the preview page has no script"

echo "== the window with the demo's course file open (screenshot)"
"${clean[@]}" "$exe" gui "$work/demo/sample-course.teamtool" --quit-after 8 > "$work/gui2.log" 2>&1 &
gui_pid=$!
DISPLAY="$display" timeout 60 xdotool search --sync --onlyvisible --name "Sample course" >/dev/null \
  || fail "the course did not open: $(cat "$work/gui2.log")"
sleep 3
import -display "$display" -window root "$shots/bundle-demo-course.png"
wait "$gui_pid" || fail "the window exited with an error: $(cat "$work/gui2.log")"
echo "screenshot $shots/bundle-demo-course.png"

echo "== start time: the window shown and closed (teamtool gui --quit-after 0)"
# Cold: the bundle's files dropped from the page cache first (only those: posix_fadvise), as
# after a reboot; warm: run again at once.
evict() {
  python3 - "$bundle" <<'PY'
import os, sys
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        path = os.path.join(folder, name)
        if os.path.isfile(path) and not os.path.islink(path):
            fd = os.open(path, os.O_RDONLY)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
PY
}
timed() { /usr/bin/time -f "$1 %e s" "${clean[@]}" "$exe" gui --quit-after 0 2>&1 >/dev/null | tail -1; }
for _ in 1 2 3; do evict; timed cold; timed warm; timed warm; done
echo "== smoke_bundle: OK"
