#!/usr/bin/env bash
# Puts the dev toolchain on PATH, installing it on first use: Node 22 (tsup 9, vitest 5 and vite 8 need
# Node >= 22.12; a fresh machine has Node 20) and pnpm 10, both from the npm registry, into .toolchain/.
# Source it (`. scripts/toolchain.sh`) so PATH carries over. Idempotent: a second call only sets PATH.
# Sourced, so it leaves the caller's shell options alone.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tc="$root/.toolchain"
node_version=22.23.3
pnpm_version=10.34.9
if [ ! -x "$tc/node_modules/.bin/node" ] || [ "$("$tc/node_modules/.bin/node" -v)" != "v$node_version" ] \
  || [ ! -x "$tc/node_modules/.bin/pnpm" ]; then
  echo "toolchain: installing node@$node_version and pnpm@$pnpm_version into .toolchain/" >&2
  mkdir -p "$tc"
  npm install --prefix "$tc" --no-save --no-audit --no-fund --loglevel=error \
    "node@$node_version" "pnpm@$pnpm_version" >&2
fi
export PATH="$tc/node_modules/.bin:$root/node_modules/.bin:$PATH"
