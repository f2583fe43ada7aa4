#!/usr/bin/env bash
# Opens the HTML report of examples/insecure (English and Japanese) in headless Chromium: the
# page's script must have run (data-ready), reported no error (data-errors, console), and the
# page must have tried to load nothing (the Content-Security-Policy would log a refusal).
# usage: html_in_chromium.sh ECSGUARD SOURCE_DIR     exit 0 ok, 1 broken, 77 skipped
# With ECSGUARD_SCREENSHOT_DIR set, also writes phone-sized screenshots there.
set -uo pipefail
exe="$1"
src="$2"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "SKIP: no chromium installed (Debian package chromium, tools/install-deps.sh)"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$src" || exit 1
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions
       --user-data-dir="$work/profile" --enable-logging=stderr --v=0)
failed=0
for lang in en ja; do
  page="$work/report-$lang.html"
  "$exe" scan examples/insecure --lang "$lang" --fail-on never -f html -o "$page" >/dev/null 2>&1 || {
    echo "FAIL: scan of examples/insecure ($lang)"
    exit 1
  }
  timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$page" >"$work/dom.html" 2>"$work/log.txt"
  if ! grep -q 'data-ready="1"' "$work/dom.html"; then
    echo "FAIL ($lang): the page's script did not finish"
    tail -n 20 "$work/log.txt"
    failed=1
  fi
  if grep -q 'data-errors=' "$work/dom.html"; then
    echo "FAIL ($lang): script errors: $(grep -o 'data-errors="[^"]*"' "$work/dom.html")"
    failed=1
  fi
  if grep -E 'CONSOLE|Uncaught|Refused to' "$work/log.txt"; then
    echo "FAIL ($lang): console messages above"
    failed=1
  fi
  shown="$(grep -o '<p class="shown" id="shown"[^>]*>[^<]*' "$work/dom.html" | sed 's/.*>//')"
  echo "ok ($lang): rendered, '$shown'"
  if [ -n "${ECSGUARD_SCREENSHOT_DIR:-}" ]; then
    mkdir -p "$ECSGUARD_SCREENSHOT_DIR"
    timeout 120 "$browser" "${flags[@]}" --hide-scrollbars --window-size=412,2600 \
      --screenshot="$ECSGUARD_SCREENSHOT_DIR/report-$lang.png" "file://$page" >/dev/null 2>&1
  fi
done
exit "$failed"
