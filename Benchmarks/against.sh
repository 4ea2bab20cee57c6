#!/usr/bin/env bash
# The end-to-end cost of a change, beside the build it started from, in one run:
#   `backcheck batch --jobs 1` over 2 000 people (the built-in stories in turn), and `backcheck
#   run` of the sore-after-squats story to JSON, each timed with the two builds interleaved;
#   then whether the two builds' reports agree (apart from generated_at). The people are the
#   stories of REV (so the older build knows every answer), in turn.
#
#   Benchmarks/against.sh REV          (e.g. 1f8b8b7; release builds in .build-bench/)
#   RUNS=9 Benchmarks/against.sh REV   (batch runs per build, default 5; `run` gets 3× as many)
#   PEOPLE=FILE.jsonl Benchmarks/against.sh REV   (other people, e.g. `backcheck-bench answers 2000 1`)
#   TIMINGS=0 Benchmarks/against.sh REV           (only whether the reports agree)
# Needs: swift, git, python3 with PyYAML (to turn the stories into JSON Lines).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="${BACKCHECK_BENCH_DIR:-$root/.build-bench}"
runs="${RUNS:-5}"
base="${1:?usage: Benchmarks/against.sh REV (the commit to compare with)}"
mkdir -p "$work"
say() { echo "== $*" >&2; }

say "building $base (release, in a worktree)"
tree="$work/against-tree"
git -C "$root" worktree remove --force "$tree" 2>/dev/null || true
git -C "$root" worktree add --detach --force "$tree" "$base" >&2
trap 'git -C "$root" worktree remove --force "$tree" 2>/dev/null || true' EXIT
swift build -c release --package-path "$tree" --scratch-path "$work/against-base-$base" --product backcheck >&2
say "building the working tree (release)"
swift build -c release --package-path "$root" --scratch-path "$work/against-head" --product backcheck >&2
before="$work/against-base-$base/release/backcheck"
after="$work/against-head/release/backcheck"

people="${PEOPLE:-$work/against-people-$base.jsonl}"
if [[ -z "${PEOPLE:-}" ]]; then
python3 - "$tree/Assessments/stories" "$people" <<'PY'
import glob, json, sys, yaml
stories = [yaml.safe_load(open(path)) for path in sorted(glob.glob(sys.argv[1] + "/*.answers.yaml"))]
with open(sys.argv[2], "w") as out:
    for number in range(2000):
        out.write(json.dumps({"id": f"p-{number:05d}", **stories[number % len(stories)]}, default=str) + "\n")
PY
fi
story="$tree/Assessments/stories/sore-after-squats.answers.yaml"

# Read from bash's own clock (EPOCHREALTIME, microseconds): starting `date` after the command
# would add a process start (about 1.5 ms here) to every figure, half of what `run` takes.
milliseconds() {
  local start end
  start=${EPOCHREALTIME/[^0-9]/}; "$@" > /dev/null 2>&1 || true; end=${EPOCHREALTIME/[^0-9]/}
  echo "$(( (end - start) / 1000 )).$(( (end - start) / 100 % 10 ))"
}
times="$work/against-times.txt"
: > "$times"
[[ "${TIMINGS:-1}" == 0 ]] && runs=0
say "timing, the two builds interleaved ($runs runs)"
for _ in $(seq "$runs"); do
  for build in before after; do
    binary=$([ "$build" = before ] && echo "$before" || echo "$after")
    echo "batch $build $(milliseconds "$binary" batch "$people" --jobs 1)" >> "$times"
  done
done
for _ in $(seq $((runs * 3))); do
  for build in before after; do
    binary=$([ "$build" = before ] && echo "$before" || echo "$after")
    echo "run $build $(milliseconds "$binary" run --answers "$story" --format json)" >> "$times"
  done
done

"$before" batch "$people" --jobs 1 > "$work/against-before.jsonl" 2>/dev/null || true
"$after" batch "$people" --jobs 1 > "$work/against-after.jsonl" 2>/dev/null || true
python3 - "$times" "$work/against-before.jsonl" "$work/against-after.jsonl" "$base" <<'PY'
import json, statistics, sys
figures = {}
for line in open(sys.argv[1]):
    what, build, ms = line.split()
    figures.setdefault((what, build), []).append(float(ms))
print(f"| what | {sys.argv[4]} min / median | this tree min / median | median ratio |")
print("|---|---|---|---|")
for what, label in [("batch", "batch --jobs 1, 2 000 people"), ("run", "run sore-after-squats to JSON")]:
    if (what, "before") not in figures: continue
    a, b = figures[(what, "before")], figures[(what, "after")]
    print(f"| {label} | {min(a):.1f} / {statistics.median(a):.1f} ms | {min(b):.1f} / {statistics.median(b):.1f} ms | {statistics.median(b) / statistics.median(a):.2f} |")
def reports(path):
    records = [json.loads(line) for line in open(path)]
    for record in records:
        record.get("report", {}).pop("generated_at", None)
    return records
before, after = reports(sys.argv[2]), reports(sys.argv[3])
differing = sum(1 for a, b in zip(before, after) if a != b) + abs(len(before) - len(after))
if differing == 0:
    print(f"reports: all {len(after)} identical apart from generated_at")
else:
    # Which parts differ, so a deliberate change (a wording fix, retest_due) is told from an accident.
    keys = {}
    for a, b in zip(before, after):
        ra, rb = a.get("report", {}), b.get("report", {})
        for key in sorted(set(ra) | set(rb)):
            if ra.get(key) != rb.get(key):
                keys[key] = keys.get(key, 0) + 1
    parts = ", ".join(f"{key} in {count}" for key, count in sorted(keys.items()))
    print(f"reports: {differing} of {len(after)} differ (expected only where a change meant to change them): {parts}")
PY
