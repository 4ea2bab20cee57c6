#!/usr/bin/env bash
# Runs every BackCheck benchmark and prints a table of figures.
#
#   Benchmarks/run.sh            (release builds in .build-bench/, generated data there too)
#   RUNS=5 Benchmarks/run.sh     (repeat each timing 5 times and keep the best; default 3)
#   BATCH_SIZES=10000 Benchmarks/run.sh   (skip the 100 000-line batch, about 4.5 minutes on 2 cores)
#
# Measures, on the same files in the same run:
#   (a) reading and loading 1 000 and 10 000 generated assessment files (with the built-in
#       catalogue under them, as `backcheck lint DIR` loads them) against the floor: a C program
#       that reads the same files and only walks libyaml's events; and `backcheck lint` and
#       `backcheck docs --output` with their peak memory;
#   (b) scoring answer sets (read from JSON, scored, exported as JSON), per phase in-process,
#       and 100 000 of them end to end through `backcheck batch` on every core (e);
#   (c) rendering a report in each format;
#   (d) start-up of `backcheck list` against an empty Swift program (hyperfine); on Linux the
#       package links the Swift runtime into backcheck, so the empty program is built both ways;
#   (e) `backcheck batch` over 10 000 and 100 000 JSON Lines, with its peak memory;
#   (f) `batch --jobs 1` and `run` beside the build the speed work started from (SPEED_BASE,
#       a81c029), and the reports beside the last build before it (REPORT_BASE, b700963),
#       through Benchmarks/against.sh.
# Needs: swift, cc, libyaml-dev, hyperfine (apt-get install -y hyperfine), GNU time (/usr/bin/time).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="${BACKCHECK_BENCH_DIR:-$root/.build-bench}"
runs="${RUNS:-3}"
mkdir -p "$work"

say() { echo "== $*" >&2; }

say "building (release)"
swift build -c release --package-path "$here" --scratch-path "$work/build" --product backcheck-bench >&2
# backcheck from the root package, as a user builds it (as a dependency of this package its
# link settings would not apply); against.sh builds the same tree in the same place.
swift build -c release --package-path "$root" --scratch-path "$work/against-head" --product backcheck >&2
bin="$work/build/release"
bench="$bin/backcheck-bench"
backcheck="$work/against-head/release/backcheck"

say "building the floor (C, libyaml events only) and an empty Swift program, linked both ways"
cc -O2 -o "$work/yaml-events" "$here/Floor/yaml-events.c" $(pkg-config --cflags --libs yaml-0.1 2>/dev/null || echo -lyaml)
swiftc -O "$here/Floor/empty.swift" -o "$work/empty-swift" 2>/dev/null
swiftc -O -static-stdlib "$here/Floor/empty.swift" -o "$work/empty-swift-static" 2>/dev/null

# The best of $runs runs of a command whose output has a `figure NAME VALUE UNIT` line.
best_figure() {
    local name="$1"; shift
    local best=""
    for _ in $(seq "$runs"); do
        local value
        value="$("$@" | awk -v n="$name" '$1 == "figure" && $2 == n { print $3 }')"
        if [[ -z "$best" ]] || awk -v a="$value" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$value"; fi
    done
    echo "$best"
}

# The best of $runs runs of the floor over the files listed in $1, in seconds.
best_floor() {
    local best=""
    for _ in $(seq "$runs"); do
        local value
        value="$("$work/yaml-events" -l "$1" | awk '{ print $8 }')"
        if [[ -z "$best" ]] || awk -v a="$value" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$value"; fi
    done
    echo "$best"
}

# Wall seconds and peak RSS (MiB) of one command, its output discarded: "SECONDS MIB".
time_and_rss() {
    /usr/bin/time -f "%e %M" -o "$work/time.out" "$@" > /dev/null 2> "$work/stderr.out" || true
    awk '{ printf "%s %.1f\n", $1, $2 / 1024 }' "$work/time.out"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

declare -a rows
row() { rows+=("$(printf '| %-52s | %14s | %-24s |' "$1" "$2" "$3")"); }

for count in 1000 10000; do
    folder="$work/generated-$count"
    if [[ ! -f "$folder/.complete" ]]; then
        say "generating $count assessment files"
        rm -rf "$folder"
        "$bench" generate "$count" "$folder" 1 >&2
        touch "$folder/.complete"
    fi
    say "checking the generated files lint clean"
    "$backcheck" lint "$folder" >&2
    list="$work/files-$count.txt"
    { find "$root/Assessments" \( -name '*.yaml' -o -name '*.yml' \) ! -name '*.answers.*'; find "$folder" -name '*.yaml'; } | sort > "$list"

    say "load $count: floor and BackCheck"
    floor="$(best_floor "$list")"
    # read + load is what `backcheck lint DIR` does before running examples, and the floor
    # reads its files too, so that sum is what is compared with the floor.
    read_load="$(best_figure load.read_load "$bench" load "$folder" load)"
    phases="$("$bench" load "$folder" load)"
    read_phase="$(awk '$2 == "load.read" { print $3 }' <<< "$phases")"
    load_phase="$(awk '$2 == "load.load" { print $3 }' <<< "$phases")"
    read_load_cpu="$(awk '$2 == "load.read_load_cpu" { print $3 }' <<< "$phases")"
    read -r lint_seconds lint_rss <<< "$(time_and_rss "$backcheck" lint "$folder")"
    load_rss="$(awk '$2 == "load.peak_rss" { print $3 }' <<< "$phases")"
    # A run scoring answers reads and checks every file, and keeps only the tests its answers
    # give and the screens (digests worked out at load, each file let go once read, examples
    # checked and not kept); `list` keeps each assessment's row; `batch` holds every assessment.
    read -r held_seconds held_rss <<< "$(BACKCHECK_HOME="$work/home" time_and_rss "$backcheck" run --catalog "$folder" \
        --answers "$root/Assessments/stories/sore-after-squats.answers.yaml" --format json --output "$work/held-report.json")"
    read -r list_seconds list_rss <<< "$(time_and_rss "$backcheck" list --catalog "$folder")"
    read -r all_seconds all_rss <<< "$(time_and_rss "$backcheck" batch --catalog "$folder" /dev/null)"
    # `docs` holds every assessment with its guidance and writes a page per file, one at a time.
    rm -rf "$work/site-$count" && mkdir "$work/site-$count"
    read -r site_seconds site_rss <<< "$(time_and_rss "$backcheck" docs --catalog "$folder" --output "$work/site-$count")"
    rm -rf "$work/site-$count"
    row "(a) floor: libyaml events, $count files + built-ins" "${floor} s" ""
    row "(a) read files (find + read), $count files" "${read_phase} s" "one run"
    row "(a) load (parse, read, check), $count files" "${load_phase} s" "one run"
    row "(a) read + load, $count files" "${read_load} s" "CPU ${read_load_cpu} s, all cores"
    row "(a) read + load / floor, $count files" "$(ratio "$read_load" "$floor")x" "target <= 2x"
    row "(a) load peak RSS, $count files" "${load_rss} MiB" "whole catalogue kept"
    row "(a) backcheck run --answers with --catalog, $count files" "${held_seconds} s" ""
    row "(a) backcheck run --answers peak RSS, $count files" "${held_rss} MiB" "$([[ $count == 10000 ]] && echo 'target < 150 MiB')"
    row "(a) backcheck list --catalog, $count files" "${list_seconds} s" ""
    row "(a) backcheck list peak RSS (rows kept), $count files" "${list_rss} MiB" ""
    row "(a) backcheck batch of no one: peak RSS (all held)" "${all_rss} MiB" "$count files, ${all_seconds} s"
    row "(a) backcheck docs --output (a page per file), $count files" "${site_seconds} s" "peak ${site_rss} MiB"
    row "(a) backcheck lint (load + examples), $count files" "${lint_seconds} s" ""
    row "(a) backcheck lint peak RSS, $count files" "${lint_rss} MiB" "$([[ $count == 10000 ]] && echo 'target < 150 MiB')"
done

say "evaluate answer sets in-process (one core), by phase"
evaluate="$("$bench" evaluate "${EVALUATE:-2000}")"
figure() { awk -v n="$1" '$1 == "figure" && $2 == n { print $3 }' <<< "$evaluate"; }
row "(b) per answer set: read JSON + check" "$(awk -v t="$(figure evaluate.read)" -v n="${EVALUATE:-2000}" 'BEGIN { printf "%.0f", t / n * 1e6 }') us" "one core"
row "(b) per answer set: score + plan (report built)" "$(awk -v t="$(figure evaluate.score)" -v n="${EVALUATE:-2000}" 'BEGIN { printf "%.0f", t / n * 1e6 }') us" "one core"
row "(b) per answer set: JSON export" "$(awk -v t="$(figure evaluate.json)" -v n="${EVALUATE:-2000}" 'BEGIN { printf "%.0f", t / n * 1e6 }') us" "one core"
row "(b) answer sets per second, one core" "$(figure evaluate.sets_per_s)" "100 000 sets: see (e)"

say "render each format"
render="$("$bench" render 2000)"
for format in text json json-compact markdown html; do
    row "(c) render $format, per report" "$(awk -v n="render.$format.us_per_report" '$2 == n { print $3 }' <<< "$render") us" ""
done

say "start-up: backcheck list against an empty Swift program, each linked both ways"
hyperfine -N --warmup 20 --runs 300 --export-json "$work/startup.json" \
    "$work/empty-swift" "$work/empty-swift-static" "$backcheck --version" "$backcheck list" > /dev/null 2>&1
# The means, in the order of the commands above, in milliseconds.
means=($(awk -F': ' '/"mean"/ { gsub(/,/, "", $2); printf "%.2f ", $2 * 1000 }' "$work/startup.json"))
row "(d) empty Swift program (shared Swift runtime)" "${means[0]} ms" ""
row "(d) empty Swift program, -static-stdlib" "${means[1]} ms" ""
row "(d) backcheck --version (runtime linked in on Linux)" "${means[2]} ms" "$(ratio "${means[2]}" "${means[1]}")x empty static"
row "(d) backcheck list" "${means[3]} ms" "$(ratio "${means[3]}" "${means[0]}")x empty shared"
row "(d) list / empty, both linked the same way" "$(ratio "${means[3]}" "${means[1]}")x" "target <= 2x"

for count in ${BATCH_SIZES:-10000 100000}; do
    lines="$work/answers-$count.jsonl"
    [[ -f "$lines" ]] || "$bench" answers "$count" 1 > "$lines"
    say "batch $count lines"
    read -r seconds rss <<< "$(time_and_rss "$backcheck" batch "$lines")"
    row "(e) batch $count answer sets: time, all cores" "${seconds} s" "$(awk -v n="$count" -v s="$seconds" 'BEGIN { printf "%d sets/s", n / s }')"
    row "(e) batch $count answer sets: peak RSS" "${rss} MiB" "flat from 10k to 100k"
done

# (f) The issue's speed targets, each beside its baseline in this run: batch and run against
# the build the speed work started from, and the reports against the last build before it.
speed_base="${SPEED_BASE:-a81c029}"
report_base="${REPORT_BASE:-b700963}"
say "(f) batch and run beside $speed_base"
against="$(RUNS="$runs" "$here/against.sh" "$speed_base")"
medians() { awk -F'|' -v w="$1" 'index($2, w) { split($3, a, "/"); split($4, b, "/"); gsub(/[^0-9]/, "", a[2]); gsub(/[^0-9]/, "", b[2]); gsub(/ /, "", $5); print a[2], b[2], $5 }' <<< "$against"; }
read -r batch_before batch_after batch_ratio <<< "$(medians "batch")"
read -r run_before run_after run_ratio <<< "$(medians "run sore")"
row "(f) batch --jobs 1, 2 000 people: $speed_base / now" "$batch_before / $batch_after ms" "${batch_ratio}x, target <= 0.1x"
row "(f) run sore-after-squats to JSON: $speed_base / now" "$run_before / $run_after ms" "${run_ratio}x, target <= 0.5x"
say "(f) reports beside $report_base: the stories and 2 000 synthetic people"
synthetic="$work/answers-2000.jsonl"
[[ -f "$synthetic" ]] || "$bench" answers 2000 1 > "$synthetic"
stories_same="$(TIMINGS=0 "$here/against.sh" "$report_base" | sed -n 's/^reports: //p')"
synthetic_same="$(TIMINGS=0 PEOPLE="$synthetic" "$here/against.sh" "$report_base" | sed -n 's/^reports: //p')"
row "(f) reports vs $report_base, 2 000 story people" "$stories_same" "apart from generated_at"
row "(f) reports vs $report_base, 2 000 synthetic people" "$synthetic_same" "apart from generated_at"

echo
printf '| %-52s | %14s | %-24s |\n' "measure" "value" "target / note"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..26})"
printf '%s\n' "${rows[@]}"
echo
echo "machine: $(nproc) cores, $(uname -srm); swift: $(swift --version 2>&1 | head -n 1)"
