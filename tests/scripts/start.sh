#!/usr/bin/env bash
# Run the product: build it, then open Chromium with the extension loaded on
# a local demo news page. Without a display, print how to load the unpacked
# build and save a screenshot of the demo page instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build
npx tsx tests/scripts/open-demo.ts "$@"
