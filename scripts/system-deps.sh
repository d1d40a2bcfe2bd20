#!/usr/bin/env bash
# Debian packages the test suite drives for real: Chromium (the renderer's XSS tests load pages in
# it through playwright-core). Installs only what is missing; needs root, as CI has.
set -euo pipefail
packages=(chromium varnish varnish-modules)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
