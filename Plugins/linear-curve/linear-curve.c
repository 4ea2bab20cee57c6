/*
 * linear-curve: scores a measured value on a straight line through two control points —
 * `good` scores 90 and `median` scores 50 — and raises `finding` on each side that scores
 * under 50. Written against backcheck_evaluator.h (ABI 1); freestanding, no libc.
 *
 * Build (one line, from this folder):
 *   clang --target=wasm32 -nostdlib -O2 -I../webassembly -Wl,--no-entry -Wl,--strip-all -Wl,--max-memory=16777216 -o catalogue/linear-curve.wasm linear-curve.c
 * (--strip-all drops the symbol names, which hold temporary file names: the build is then the
 * same bytes every time, so the digest in catalogue/linear-curve.yaml can be checked.)
 */
#include "backcheck_evaluator.h"

/* ---- memory: a bump allocator over a static heap. Every call starts from the memory the module
 * had when it was instantiated (the program copies it back), so keep the heap small. ---- */
static unsigned char heap[64 * 1024];
static uint32_t heap_used;

uint32_t backcheck_alloc(uint32_t size) {
    if (size > sizeof heap - heap_used) return 0;
    uint32_t at = heap_used;
    heap_used += (size + 7u) & ~7u;
    return (uint32_t)(uintptr_t)(heap + at);
}

/* ---- a small JSON reader: enough to find members and read numbers and strings ---- */
typedef struct { const char *at, *end; } Cursor;

static void skip_space(Cursor *c) {
    while (c->at < c->end && (*c->at == ' ' || *c->at == '\n' || *c->at == '\r' || *c->at == '\t')) c->at++;
}

static int skip_value(Cursor *c);

static int skip_string(Cursor *c) {
    if (c->at >= c->end || *c->at != '"') return 0;
    for (c->at++; c->at < c->end; c->at++) {
        if (*c->at == '\\') { c->at++; continue; }
        if (*c->at == '"') { c->at++; return 1; }
    }
    return 0;
}

static int skip_container(Cursor *c, char close) {
    c->at++;
    skip_space(c);
    if (c->at < c->end && *c->at == close) { c->at++; return 1; }
    for (;;) {
        if (close == '}') {
            if (!skip_string(c)) return 0;
            skip_space(c);
            if (c->at >= c->end || *c->at++ != ':') return 0;
        }
        if (!skip_value(c)) return 0;
        skip_space(c);
        if (c->at >= c->end) return 0;
        if (*c->at == ',') { c->at++; skip_space(c); continue; }
        if (*c->at == close) { c->at++; return 1; }
        return 0;
    }
}

static int skip_value(Cursor *c) {
    skip_space(c);
    if (c->at >= c->end) return 0;
    switch (*c->at) {
    case '"': return skip_string(c);
    case '{': return skip_container(c, '}');
    case '[': return skip_container(c, ']');
    default:
        while (c->at < c->end && *c->at != ',' && *c->at != '}' && *c->at != ']' && *c->at != ' ' && *c->at != '\n') c->at++;
        return 1;
    }
}

static int text_equals(const char *a, uint32_t length, const char *b) {
    uint32_t i = 0;
    for (; i < length && b[i]; i++) if (a[i] != b[i]) return 0;
    return i == length && b[i] == 0;
}

/* The value of member `key` of the object at `object`, or a cursor with at == 0. */
static Cursor member(Cursor object, const char *key) {
    Cursor none = {0, 0};
    skip_space(&object);
    if (object.at >= object.end || *object.at != '{') return none;
    object.at++;
    for (;;) {
        skip_space(&object);
        const char *name = object.at + 1;
        if (!skip_string(&object)) return none;
        uint32_t length = (uint32_t)(object.at - 1 - name);
        skip_space(&object);
        if (object.at >= object.end || *object.at++ != ':') return none;
        skip_space(&object);
        if (text_equals(name, length, key)) return object;
        if (!skip_value(&object)) return none;
        skip_space(&object);
        if (object.at >= object.end || *object.at++ != ',') return none;
    }
}

static int read_number(Cursor c, double *out) {
    if (!c.at) return 0;
    double sign = 1, value = 0, scale = 1;
    int digits = 0, fraction = 0;
    if (c.at < c.end && *c.at == '-') { sign = -1; c.at++; }
    for (; c.at < c.end; c.at++) {
        char ch = *c.at;
        if (ch >= '0' && ch <= '9') {
            digits++;
            if (fraction) { scale /= 10; value += (ch - '0') * scale; } else value = value * 10 + (ch - '0');
        } else if (ch == '.' && !fraction) fraction = 1;
        else break;
    }
    *out = sign * value;
    return digits > 0;
}

/* The string at `c` (no escapes expected in ids), as pointer and length. */
static int read_string(Cursor c, const char **text, uint32_t *length) {
    if (!c.at || *c.at != '"') return 0;
    Cursor copy = c;
    if (!skip_string(&copy)) return 0;
    *text = c.at + 1;
    *length = (uint32_t)(copy.at - 1 - *text);
    return 1;
}

/* ---- output ---- */
static char out[16 * 1024];
static uint32_t out_length;

static void put(const char *text) { while (*text && out_length < sizeof out) out[out_length++] = *text++; }
static void put_n(const char *text, uint32_t n) { for (uint32_t i = 0; i < n && out_length < sizeof out; i++) out[out_length++] = text[i]; }

/* A number with at most one decimal, as people read it. */
static void put_number(double value) {
    char digits[24];
    int n = 0;
    if (value < 0) { put("-"); value = -value; }
    long tenths = (long)(value * 10 + 0.5);
    long whole = tenths / 10;
    do { digits[n++] = (char)('0' + whole % 10); whole /= 10; } while (whole && n < 20);
    while (n) { char ch[2] = {digits[--n], 0}; put(ch); }
    if (tenths % 10) { char ch[3] = {'.', (char)('0' + tenths % 10), 0}; put(ch); }
}

static double clamp(double value, double low, double high) { return value < low ? low : value > high ? high : value; }

/* ---- the evaluator ---- */
typedef struct { double good, median; const char *input, *finding; uint32_t input_length, finding_length; } Curve;

static int read_curve(Cursor scoring, Curve *curve) {
    return read_number(member(scoring, "good"), &curve->good) && read_number(member(scoring, "median"), &curve->median)
        && read_string(member(scoring, "input"), &curve->input, &curve->input_length)
        && read_string(member(scoring, "finding"), &curve->finding, &curve->finding_length);
}

static double score_of(const Curve *curve, double value) {
    return clamp(50 + 40 * (value - curve->median) / (curve->good - curve->median), 0, 100);
}

static int findings_written;

static void score_side(const Curve *curve, const char *side, double value, double *lowest) {
    double score = score_of(curve, value);
    if (score < *lowest) *lowest = score;
    if (score >= 50) return;
    put(findings_written++ ? "," : "");
    put("{\"finding\":\""); put_n(curve->finding, curve->finding_length); put("\"");
    if (side) { put(",\"side\":\""); put(side); put("\""); }
    put(",\"severity\":"); put_number(clamp((50 - score) / 50, 0, 1));
    put(",\"evidence\":\""); if (side) { put(side); put(" "); }
    put_number(value); put(" scores "); put_number(score); put("; 50 is scored at "); put_number(curve->median); put("\"}");
}

uint64_t backcheck_evaluate(uint32_t input, uint32_t length) {
    Cursor root = {(const char *)(uintptr_t)input, (const char *)(uintptr_t)input + length};
    Curve curve;
    out_length = 0;
    findings_written = 0;
    if (!read_curve(member(root, "scoring"), &curve) || curve.good == curve.median) {
        put("{\"score\":null,\"findings\":[],\"notes\":[\"The scoring block could not be read.\"]}");
        return backcheck_result(out, out_length);
    }
    /* The input name, NUL-terminated, to look it up among the answers. */
    char name[64];
    uint32_t n = curve.input_length < sizeof name - 1 ? curve.input_length : sizeof name - 1;
    for (uint32_t i = 0; i < n; i++) name[i] = curve.input[i];
    name[n] = 0;
    Cursor answer = member(member(root, "answers"), name);
    double lowest = 101, value;
    put("{\"findings\":[");
    if (answer.at && *answer.at == '{') {
        if (read_number(member(answer, "left"), &value)) score_side(&curve, "left", value, &lowest);
        if (read_number(member(answer, "right"), &value)) score_side(&curve, "right", value, &lowest);
    } else if (read_number(answer, &value)) {
        score_side(&curve, 0, value, &lowest);
    }
    put("],\"score\":");
    if (lowest <= 100) put_number((double)(long)(lowest + 0.5)); else put("null");
    put(",\"notes\":[]}");
    return backcheck_result(out, out_length);
}

uint64_t backcheck_check(uint32_t input, uint32_t length) {
    Cursor root = {(const char *)(uintptr_t)input, (const char *)(uintptr_t)input + length};
    Cursor scoring = member(root, "scoring");
    double good, median;
    out_length = 0;
    put("{\"errors\":[");
    if (read_number(member(scoring, "good"), &good) && read_number(member(scoring, "median"), &median) && good == median)
        put("{\"path\":\"good\",\"message\":\"'good' and 'median' are the same value, so no line runs through them; make 'good' the value that scores 90\"}");
    put("]}");
    return backcheck_result(out, out_length);
}
