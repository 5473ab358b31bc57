#!/usr/bin/env bash
# The whole test suite: lint, typecheck, both builds, then every layer.
# Each step must pass; the first failure stops the run with its name.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
  local name=$1; shift
  echo
  echo "=== $name ==="
  local started=$SECONDS
  if ! "$@"; then
    echo "=== FAILED: $name ===" >&2
    exit 1
  fi
  echo "=== ok: $name ($((SECONDS - started)) s) ==="
}

step "system packages" bash scripts/ensure-system.sh
step "lint" npm run -s lint
step "typecheck" npm run -s typecheck
step "build weapp" npm run -s build:weapp
step "build h5" npm run -s build:h5
step "WeChat toolchain (wcc, wcsc, code-quality scan on dist/weapp) and size budgets" npx jest -c test/jest.toolchain.config.js --ci
step "unit" npx jest -c test/jest.unit.config.js --ci
step "component" npx jest -c test/jest.component.config.js --ci
step "server (SQLite)" env -u DATABASE_URL npx jest -c test/jest.server.config.js --ci
step "server (PostgreSQL)" bash scripts/pg-throwaway.sh run -- npx jest -c test/jest.server.config.js --ci
step "weapp (miniprogram-simulate on dist/weapp)" npx jest -c test/jest.weapp.config.js --ci
step "e2e (Chromium on the H5 build)" npx jest -c test/jest.e2e.config.js --ci
step "scale (nginx, 3 instances, PostgreSQL, Redis)" npx jest -c test/jest.scale.config.js --ci
echo
echo "All test layers passed."
