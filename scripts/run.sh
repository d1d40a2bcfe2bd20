#!/usr/bin/env bash
# The one entry point a fresh machine needs: `bash scripts/run.sh test` or `bash scripts/run.sh demo`.
# It installs the toolchain and the workspace's dependencies when they are missing, then runs the
# root package script of that name with any further arguments.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/toolchain.sh
stamp=node_modules/.install-stamp
if [ ! -f "$stamp" ] || [ pnpm-lock.yaml -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  pnpm install --frozen-lockfile --reporter=append-only >&2
  touch "$stamp"
fi
task="${1:?usage: scripts/run.sh <script> [args...]}"
shift
# The test suite drives a real Chromium; install it (as root, through apt) the first time. Its
# dual-format, edge-bundle and publish tests run the packages' dist: build them, or on a fresh
# clone those tests would be skipped (or fail, under CI).
if [ "$task" = test ]; then
  bash scripts/system-deps.sh
  pnpm run --silent build >&2
fi
exec pnpm run --silent "$task" "$@"
