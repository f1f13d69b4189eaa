#!/usr/bin/env bash
# Every test, as CI runs it: type-check, lint, unit and DOM tests, the
# production build, then end-to-end tests of the built extension in real
# Chromium; then the store zips, the Firefox build in real Firefox, and the
# zips' contents and web-ext lint. Ends with one line "N passed, N failed"
# summing every runner.
set -uo pipefail
cd "$(dirname "$0")/../.."

# The first command in a fresh clone may be this one: install what is missing, as `npm start` does.
[ -d node_modules ] || npm ci --no-audit --no-fund
if ! [ -d ../shared/realpages ]; then
  echo "realpages: skipped, ../shared/realpages is not beside the repository (the 130 real pages are not copied into it)"
fi

results=$(mktemp -d)
status=0
step() {
  local name=$1
  shift
  echo
  echo "=== $name: $*"
  if "$@"; then
    echo "pass" >"$results/$name.check"
  else
    echo "fail" >"$results/$name.check"
    status=1
  fi
}

step typecheck npx tsc --noEmit
step lint npx biome ci .
step unit npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
if step build npm run build; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" \
    step e2e npx playwright test -c tests/e2e/playwright.config.ts --reporter=list,json
else
  echo "=== e2e: skipped, the build failed"
fi
# Issue #16: both store zips and the sources zip (this builds Chrome and
# Firefox again), then the Firefox build in Firefox ESR, then the packages
# themselves (contents, web-ext lint).
if step zip npm run zip; then
  step firefox npx vitest run -c tests/firefox/vitest.config.ts --reporter=default --reporter=json \
    --outputFile.json="$results/firefox.json"
  step release npx vitest run -c tests/release/vitest.config.ts --reporter=default --reporter=json \
    --outputFile.json="$results/release.json"
else
  echo "=== firefox, release: skipped, npm run zip failed"
fi

node tests/scripts/summarize-results.mjs "$results" || status=1
rm -rf "$results"
exit $status
