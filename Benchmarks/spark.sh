#!/usr/bin/env bash
# The scale-out story, for real: `backcheck batch` run by Apache Spark in local mode through
# `pipe`, over 100 000 people, checked record by record against a direct `batch` run of the
# same file, with both throughputs. Not part of `swift test` or CI.
#
#   Benchmarks/spark.sh                 (100 000 people; PEOPLE=N for another number)
#
# Installs what is missing: a Java runtime (Debian's openjdk-17-jre-headless) and pyspark (from
# PyPI, into a virtual environment in .build-bench/spark-venv, so nothing is installed for the
# user). Builds backcheck in release as run.sh does.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="${BACKCHECK_BENCH_DIR:-$root/.build-bench}"
people="${PEOPLE:-100000}"
mkdir -p "$work"
say() { echo "== $*" >&2; }

if ! command -v java >/dev/null 2>&1; then
    say "installing a Java runtime (openjdk-17-jre-headless)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless
fi
venv="$work/spark-venv"
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/python" -c "import pyspark" 2>/dev/null || { say "installing pyspark into $venv"; "$venv/bin/pip" install -q pyspark; }

say "building (release)"
swift build -c release --package-path "$here" --scratch-path "$work/build" --product backcheck-bench >&2
# backcheck from the root package, as a user builds it (its link settings apply only there).
swift build -c release --package-path "$(dirname "$here")" --scratch-path "$work/against-head" --product backcheck >&2
backcheck="$work/against-head/release/backcheck"

say "writing $people people"
"$work/build/release/backcheck-bench" answers "$people" 1 > "$work/spark-people.jsonl"

say "direct: backcheck batch on every core"
start=$(date +%s.%N)
"$backcheck" batch --allow-errors --no-progress "$work/spark-people.jsonl" > "$work/spark-direct.jsonl"
direct_seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')

say "Spark (local[*]): textFile(...).pipe(\"backcheck batch --allow-errors\")"
"$venv/bin/python" "$here/spark_batch.py" "$backcheck" "$work/spark-people.jsonl" "$work/spark-direct.jsonl" \
    "$work/spark-out" "$direct_seconds"
