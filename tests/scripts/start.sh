#!/usr/bin/env bash
# Run the product: build it, then open Chromium with the extension loaded on
# a local demo news page. Without a display, print how to load the unpacked
# build and save a screenshot of the demo page instead.
# `npm start -- --firefox` does the same with the Firefox build in Firefox
# (Debian's firefox-esr, or FIREFOX_PATH) (issue #16).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d node_modules ] || npm ci --no-audit --no-fund
firefox=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--firefox" ]; then firefox=true; else args+=("$arg"); fi
done
if $firefox; then
  npm run build:firefox
  npx tsx tests/scripts/open-demo-firefox.ts "${args[@]}"
else
  npm run build
  npx tsx tests/scripts/open-demo.ts "${args[@]}"
fi
