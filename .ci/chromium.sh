#!/usr/bin/env bash
# Install Debian's chromium for the browser test (driven by playwright-python with this executable; playwright's
# own browser download is never used). Sourced by .ci/run: the test must run, and fails if chromium is missing.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium (Debian package)" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export CREATORMATCH_CHROMIUM=/usr/bin/chromium
export CREATORMATCH_REQUIRE_CHROMIUM=1
# the browser test's screenshot lands here (ignored by git; CI keeps it as an artifact)
export CREATORMATCH_ARTIFACTS="${CREATORMATCH_ARTIFACTS:-$PWD/artifacts}"
echo "$(/usr/bin/chromium --version 2>/dev/null | head -1); screenshots -> $CREATORMATCH_ARTIFACTS" >&2
