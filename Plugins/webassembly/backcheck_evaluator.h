/*
 * BackCheck evaluator ABI 1 — what a WebAssembly evaluator module exports.
 * The contract is ../shared/spec/wasm-evaluators.md; this header states it for C.
 *
 * A module imports nothing (no WASI, no libc from the host): build it freestanding.
 *
 *   clang --target=wasm32 -nostdlib -O2 -Wl,--no-entry -Wl,--strip-all -Wl,--max-memory=16777216 \
 *     -Wl,--export=backcheck_alloc -Wl,--export=backcheck_evaluate [-Wl,--export=backcheck_check] \
 *     -o my-evaluator.wasm my-evaluator.c
 *
 * Every call starts from the module's memory and globals as they were just after it was
 * instantiated, with an instruction budget (10 million by default) and the memory the module
 * declares (16 MiB at most by default), so a static buffer and a bump allocator that never
 * frees are enough. Memory is copied back before each call: keep it small. A table must
 * declare a maximum (at most 10 000 elements).
 */
#ifndef BACKCHECK_EVALUATOR_H
#define BACKCHECK_EVALUATOR_H

#include <stdint.h>

#define BACKCHECK_ABI 1
#define BACKCHECK_EXPORT(name) __attribute__((export_name(name)))

/* Room for `size` bytes of input; the host writes the input JSON there. Return 0 when there
 * is no room: the host then reports the evaluator as unable to take the input. */
BACKCHECK_EXPORT("backcheck_alloc") uint32_t backcheck_alloc(uint32_t size);

/* Evaluates one person. `input` is UTF-8 JSON:
 *   {"abi":1,"assessment":ID,"scoring":{...},"profile":{...},"answers":{...},"derived":{...},"explain":true}
 * Returns (output_pointer << 32) | output_length of UTF-8 JSON in memory:
 *   {"score":0-100,"findings":[{"finding":ID,"side":"left"|"right","severity":0-1,"evidence":"..."}],"notes":[...]}
 * "findings" is always present ([] when nothing is found); with no "score", give a note saying why.
 * Use backcheck_result() to pack the two halves. */
BACKCHECK_EXPORT("backcheck_evaluate") uint64_t backcheck_evaluate(uint32_t input, uint32_t length);

/* Optional: checks an assessment's scoring block when the catalogue loads. `input` is
 * {"abi":1,"scoring":{...}}; return {"errors":[{"path":"good","message":"..."}]} (no errors: []). */
BACKCHECK_EXPORT("backcheck_check") uint64_t backcheck_check(uint32_t input, uint32_t length);

static inline uint64_t backcheck_result(const char *output, uint32_t length) {
    return ((uint64_t)(uintptr_t)output << 32) | (uint64_t)length;
}

#endif
