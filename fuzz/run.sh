#!/usr/bin/env bash
# Fuzzes Dmarc.Reports with afl-fuzz (afl++) through SharpFuzz. See docs/fuzzing.md.
#
#   fuzz/run.sh [SECONDS]      fuzz for SECONDS (default 1800), then replay what afl kept and print a summary
#   fuzz/run.sh --resume [S]   go on from the findings of an earlier run
#
# Installs what it needs: afl++ (apt, needs root), SharpFuzz.CommandLine 2.3.0 (a dotnet tool in fuzz/.tools).
# Everything it writes goes to fuzz/out/ (git-ignored): bin/ (the instrumented build), seeds/, findings/.
# Environment: FUZZ_MIMEKIT=0 leaves MimeKit uninstrumented (faster runs, less coverage of mail parsing);
# FUZZ_TIMEOUT_MS (default 5000) is how long one input may take before afl calls it a hang.
set -euo pipefail
cd "$(dirname "$0")/.."

resume=0
if [[ "${1:-}" == "--resume" ]]; then resume=1; shift; fi
seconds=${1:-1800}
out=fuzz/out
bin=$out/bin
tools=fuzz/.tools

if ! command -v afl-fuzz >/dev/null; then
  echo "== installing afl++"
  apt-get install -y -qq afl++ >/dev/null
fi

if [[ ! -x $tools/sharpfuzz ]]; then
  echo "== installing SharpFuzz.CommandLine 2.3.0 into $tools"
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

echo "== building and instrumenting"
rm -rf "$bin"
dotnet publish fuzz/Dmarc.Fuzz -c Release -o "$bin" -v quiet -nologo >/dev/null
"$tools/sharpfuzz" "$bin/Dmarc.Reports.dll"
if [[ "${FUZZ_MIMEKIT:-1}" != 0 ]]; then
  "$tools/sharpfuzz" "$bin/MimeKit.dll"
fi

if [[ $resume == 0 ]]; then
  echo "== writing seeds"
  rm -rf "$out/seeds" "$out/findings"
  dotnet run --project tools/report-generator -c Release -- samples --out "$out/seeds" >/dev/null
  dotnet "$bin/Dmarc.Fuzz.dll" seeds "$out/seeds"
  input=$out/seeds
else
  input=-
fi

echo "== fuzzing for $seconds s"
started=$(date +%s)
# The target is 'dotnet', not an afl-compiled binary: SharpFuzz talks afl's protocol from managed code.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
afl-fuzz -i "$input" -o "$out/findings" -t "${FUZZ_TIMEOUT_MS:-5000}" -m none -V "$seconds" \
  -- dotnet "$bin/Dmarc.Fuzz.dll" >"$out/afl.log" 2>&1 || true

stats=$out/findings/default/fuzzer_stats
if [[ -f $stats ]] && (( $(awk '/^last_update/ { print $3 }' "$stats") >= started )); then
  echo "== afl-fuzz stats"
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|stability)' "$stats"
else
  echo "afl-fuzz did not start; see $out/afl.log" >&2
  tail -20 "$out/afl.log" >&2
  exit 1
fi

echo "== replaying what afl kept (crashes, then hangs) on an uninstrumented build"
# Instrumented assemblies write to afl's shared memory and fail outside afl-fuzz.
shopt -s nullglob
kept=("$out"/findings/default/crashes/id:* "$out"/findings/default/hangs/id:*)
if (( ${#kept[@]} == 0 )); then
  echo "nothing: no crash, no hang"
else
  dotnet run --project fuzz/Dmarc.Fuzz -c Release -- replay "${kept[@]}" || true
fi
