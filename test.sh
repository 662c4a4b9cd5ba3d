#!/usr/bin/env bash
# Runs every test of Dmarc: the README's test command, and exactly what CI (.ci/run) runs.
# Later issues add the servers their tests need (RabbitMQ, Dovecot) here, installed and started by this script.
set -euo pipefail
cd "$(dirname "$0")"

dotnet test Dmarc.sln -c Release
