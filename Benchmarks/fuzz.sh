#!/usr/bin/env bash
# Fuzzes BackCheck's input handling with libFuzzer and AddressSanitizer for a fixed time.
#
#   Benchmarks/fuzz.sh [SECONDS] [LIBFUZZER_FLAG...]     (default 600 seconds)
#   Benchmarks/fuzz.sh --replay FILE_OR_FOLDER...        (re-run crash files or a corpus)
#
# One target (Benchmarks/Sources/backcheck-fuzz) puts every input through the YAML parser, the
# JSON reader, the catalogue loader with the examples run, the expression compiler and
# evaluator, answers → report → every export, and the saved-report reader. The seed corpus is
# copied at run time from ../shared/yaml-test-suite (every in.yaml and in.json), the catalogue
# (Assessments/**/*.yaml) and the expressions found in it; nothing of it is committed. All of it
# lives under .build-fuzz/ (git-ignored): build/, seeds/, corpus/ (grows from run to run),
# artifacts/ (crash-*, timeout-*, oom-* inputs) and fuzz.log.
#
# A crash, sanitizer report, hang (-timeout) or memory blow-up (-rss_limit_mb) stops the run
# with a non-zero exit and the input in artifacts/; turn it into a regression test, fix, re-run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="${BACKCHECK_FUZZ_DIR:-$root/.build-fuzz}"
suite="${YAML_TEST_SUITE:-$root/../shared/yaml-test-suite}"

# libFuzzer's runtime without its main(): backcheck-fuzz's own main hands control to it.
swiftc="$(readlink -f "$(command -v swiftc)")"
runtime="$(ls "$(dirname "$swiftc")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a 2>/dev/null | head -n 1 || true)"
if [[ -z "$runtime" ]]; then
    echo "fuzz.sh: libclang_rt.fuzzer_no_main not found next to $swiftc; a swift.org Linux toolchain ships it" >&2
    exit 2
fi

# Release code runs ~5x more inputs a second; preconditions and overflow checks stay on in it.
configuration="${BACKCHECK_FUZZ_CONFIGURATION:-release}"
echo "== building backcheck-fuzz ($configuration, libFuzzer + AddressSanitizer) in $work/build" >&2
BACKCHECK_FUZZ=1 BACKCHECK_FUZZER_LIB="$runtime" swift build -c "$configuration" \
    --package-path "$here" --scratch-path "$work/build" --product backcheck-fuzz \
    --sanitize=address -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer 2>&1 \
    | grep -v "Cannot export local symbol" >&2
fuzzer="$work/build/$configuration/backcheck-fuzz"

# Swift's own crash backtracer would take seconds per crash; libFuzzer reports crashes itself.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"

if [[ "${1:-}" == "--replay" ]]; then
    shift
    exec "$fuzzer" -runs=0 "$@"
fi

seconds="${1:-600}"
shift || true

echo "== seeding $work/seeds" >&2
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"
n=0
if [[ -d "$suite" ]]; then
    while IFS= read -r -d '' file; do
        n=$((n + 1))
        cp "$file" "$work/seeds/suite-$n-$(basename "$file")"
    done < <(find "$suite" \( -name in.yaml -o -name in.json \) -print0)
else
    echo "fuzz.sh: no YAML test suite at $suite (set YAML_TEST_SUITE); seeding from the catalogue only" >&2
fi
while IFS= read -r -d '' file; do
    n=$((n + 1))
    cp "$file" "$work/seeds/catalogue-$n-$(basename "$file")"
done < <(find "$root/Assessments" \( -name '*.yaml' -o -name '*.yml' \) -print0)
# Each expression of the catalogue on its own, for the expression stage.
grep -rhoE '^ *-? *(when|severity|score|side): .+$' "$root/Assessments" \
    | sed -E 's/^ *-? *(when|severity|score|side): //; s/^"(.*)"$/\1/' | sort -u \
    | while IFS= read -r expression; do
        n=$((n + 1))
        printf '%s' "$expression" > "$work/seeds/expression-$n"
    done
echo "   $(ls "$work/seeds" | wc -l) seed files" >&2

echo "== fuzzing for $seconds s (log: $work/fuzz.log)" >&2
set +e
"$fuzzer" "$work/corpus" "$work/seeds" \
    -dict="$here/Fuzz/backcheck.dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@" 2>&1 | tee "$work/fuzz.log" \
    | grep -E --line-buffered "INITED|DONE|pulse|ERROR|SUMMARY|Test unit written|stat::" >&2
status=${PIPESTATUS[0]}
set -e
echo "== libFuzzer exit status $status; artifacts: $(ls "$work/artifacts" | wc -l)" >&2
exit "$status"
