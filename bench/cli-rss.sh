#!/usr/bin/env bash
# Wall time and peak memory of `dmarc parse --format parsedmarc` on large aggregate reports.
# Targets (issue): 100,000 records ≤ 1.0 s wall and ≤ 100 MiB peak RSS; 1,000,000 records ≤ 100 MiB peak RSS.
# Usage: bench/cli-rss.sh [record counts...]   (default: 100000 1000000; the 1M report needs ~710 MB in $TMPDIR)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${TMPDIR:-/tmp}/dmarc-cli-rss"
if (( $# )); then counts=("$@"); else counts=(100000 1000000); fi

# GNU time gives the peak RSS; the shell keyword `time` does not.
if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time" >&2
    if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq time; else sudo apt-get update -qq && sudo apt-get install -y -qq time; fi
fi

dotnet build -c Release "$root/tools/dmarc" -nologo -v quiet
dotnet build -c Release "$root/tools/report-generator" -nologo -v quiet
dmarc="$root/tools/dmarc/bin/Release/net10.0/dmarc"
generator="$root/tools/report-generator/bin/Release/net10.0/Dmarc.ReportGenerator"
mkdir -p "$work"

printf '%-10s %10s %8s %8s %14s %6s  %s\n' records "file MB" "wall s" "cpu s" "peak RSS MiB" exit targets
for n in "${counts[@]}"; do
    report="$work/report-$n.xml"
    # Regenerated every run (1 s per 100,000 records): same seed, same bytes, never a stale or half-written file.
    "$generator" large --records "$n" --out "$report" > /dev/null
    stats="$work/time-$n.txt"
    errors="$work/stderr-$n.txt"
    status=0
    /usr/bin/time -v -o "$stats" "$dmarc" parse --format parsedmarc "$report" > /dev/null 2> "$errors" || status=$?
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:00.84" -> seconds
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$stats")
    cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$stats")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$stats")
    size=$(awk -v b="$(stat -c %s "$report")" 'BEGIN { printf "%.1f", b / 1e6 }')
    verdict=$(awk -v n="$n" -v w="$wall" -v r="$rss" -v s="$status" 'BEGIN {
        ok = (s == 0 && r <= 100 && (n > 100000 || w <= 1.0))
        printf "%s (%s)", (ok ? "met" : "MISSED"), ((n > 100000) ? "<= 100 MiB" : "<= 1.0 s, <= 100 MiB") }')
    printf '%-10s %10s %8s %8s %14s %6s  %s\n' "$n" "$size" "$wall" "$cpu" "$rss" "$status" "$verdict"
    if [[ $status -ne 0 ]]; then
        echo "  dmarc exited with $status; its stderr:" >&2
        head -20 "$errors" >&2
    fi
done
