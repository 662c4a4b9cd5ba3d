#!/usr/bin/env bash
# Runs every test of Dmarc: the README's test command, and exactly what CI (.ci/run) runs.
# Later issues add the servers their tests need (RabbitMQ, Dovecot) here, installed and started by this script.
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Dmarc.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test projects.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ sum += $2 } END { print sum + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ sum += $2 } END { print sum + 0 }')
echo "tests: $passed passed, $failed failed"
exit "$status"
