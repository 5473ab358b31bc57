#!/usr/bin/env bash
# Refreshes docs/screenshots from a fresh H5 build: the e2e layer, with its screenshots pointed at
# the docs instead of the ignored test/artifacts folder that ordinary test runs use.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s build:h5
SCREENSHOTS_DIR=docs/screenshots npx jest -c test/jest.e2e.config.js --ci "$@"
echo "docs/screenshots refreshed; review them with git diff --stat docs/screenshots"
