#!/usr/bin/env bash
# The test command: restore, build, check formatting, run every test (Core unit tests, integration tests on a
# PostgreSQL this harness starts itself, the SQLite smoke set, and Chromium browser tests).
# Installs what a fresh Debian machine lacks: PostgreSQL server binaries, Chromium, a CJK font, Node.js (for the
# OpenAPI linter, Redocly, pinned in tools/openapi-lint).
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
if [ -z "${GONGJIANG_TEST_PG:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if [ -z "${GONGJIANG_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then missing+=(fonts-noto-cjk); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> restore"
dotnet tool restore >/dev/null
npm ci --prefix tools/openapi-lint --no-audit --no-fund --loglevel=error >/dev/null
dotnet restore Gongjiang.slnx --verbosity quiet
echo "==> build"
dotnet build Gongjiang.slnx --no-restore --verbosity quiet -nologo
echo "==> format"
dotnet format Gongjiang.slnx --verify-no-changes --no-restore
echo "==> test"
log=$(mktemp)
set +e
dotnet test Gongjiang.slnx --no-build --verbosity quiet -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
