#!/usr/bin/env bash
# What a WebAssembly evaluator costs, beside a compiled evaluator doing the same job, in one run:
#   (f) one evaluation, in-process: the linear-curve module (Plugins/linear-curve) scoring
#       side-bridge-curve — with a new instance per call (the baseline) and with instances reused
#       and reset (the default) — and its twin, the same assessment scored by `thresholds`;
#       one whole report of each (which also asks the evaluator for the values that raise each
#       finding, for the charts), with the evaluator calls a report makes counted;
#       and `backcheck batch --jobs 1` over the same 2 000 people for each, end to end.
#
#   Benchmarks/module-cost.sh        (release builds in .build-bench/, as run.sh)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="${BACKCHECK_BENCH_DIR:-$root/.build-bench}"
people="${PEOPLE:-2000}"
mkdir -p "$work"
say() { echo "== $*" >&2; }

say "building (release)"
swift build -c release --package-path "$here" --scratch-path "$work/build" --product backcheck-bench >&2
# backcheck from the root package, as a user builds it (its link settings apply only there).
swift build -c release --package-path "$(dirname "$here")" --scratch-path "$work/against-head" --product backcheck >&2
bench="$work/build/release/backcheck-bench"
backcheck="$work/against-head/release/backcheck"
catalogue="$root/Plugins/linear-curve/catalogue"

say "in-process: evaluations and reports"
figures="$("$bench" module "$catalogue" 20000 "$work/twin")"
echo "$figures" >&2
figure() { awk -v n="$1" '$2 == n { print $3 }' <<< "$figures"; }

say "batch --jobs 1: $people people, module and twin"
for id in side-bridge-curve side-bridge-line; do
    awk -v id="$id" -v n="$people" 'BEGIN {
        for (i = 0; i < n; i++)
            printf "{\"id\":\"p%d\",\"screened_elsewhere\":true,\"answers\":{\"%s\":{\"side_bridge\":{\"left\":%d,\"right\":%d}}}}\n", i, id, (i * 3) % 360, (i * 21) % 360
    }' > "$work/people-$id.jsonl"
done
batch_seconds() {
    local start end
    start=$(date +%s.%N)
    "$backcheck" batch --jobs 1 --catalog "$catalogue" --catalog "$work/twin" "$1" > /dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}
module_batch="$(batch_seconds "$work/people-side-bridge-curve.jsonl")"
twin_batch="$(batch_seconds "$work/people-side-bridge-line.jsonl")"
per_person() { awk -v t="$1" -v n="$people" 'BEGIN { printf "%.0f", t / n * 1e6 }'; }

printf '| %-50s | %12s | %12s |\n' "measure" "module" "compiled twin"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..52})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..14})"
printf '| %-50s | %9s us | %12s |\n' "(f) one evaluation, a new instance per call" "$(figure module.fresh.us_per_evaluation)" ""
printf '| %-50s | %9s us | %9s us |\n' "(f) one evaluation, instances reused and reset" "$(figure module.module.us_per_evaluation)" "$(figure module.compiled.us_per_evaluation)"
printf '| %-50s | %9s us | %9s us |\n' "(f) one report (score, plan, charts, JSON)" "$(figure module.module.us_per_report)" "$(figure module.compiled.us_per_report)"
printf '| %-50s | %12s | %12s |\n' "(f) evaluator calls per report" "$(figure module.module.calls_per_report)" "$(figure module.compiled.calls_per_report)"
printf '| %-50s | %10s s | %10s s |\n' "(f) batch --jobs 1, $people people, end to end" "$module_batch" "$twin_batch"
printf '| %-50s | %9s us | %9s us |\n' "(f) batch, per person" "$(per_person "$module_batch")" "$(per_person "$twin_batch")"
echo
echo "machine: $(nproc) cores, $(uname -srm); swift: $(swift --version 2>&1 | head -n 1)"
