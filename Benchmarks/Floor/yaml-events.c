/*
 * The floor for BackCheck's catalogue loading: read each file named on the command line (or
 * listed, one path per line, in the file after -l) into memory and walk libyaml's events over
 * it, doing nothing with them. BackCheck's loader does the same walk and then builds nodes,
 * reads them, compiles expressions and checks references; its time over this program's is the
 * loader's overhead ratio. Prints files, bytes, events and seconds (monotonic clock, reading
 * included, as in the loader's measurement).
 *
 *   cc -O2 -o yaml-events yaml-events.c -lyaml
 *   ./yaml-events -l files.txt
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

static double now(void) {
    struct timespec spec;
    clock_gettime(CLOCK_MONOTONIC, &spec);
    return spec.tv_sec + spec.tv_nsec / 1e9;
}

static unsigned char *slurp(const char *path, size_t *size) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    size_t capacity = 1 << 16, used = 0;
    unsigned char *buffer = malloc(capacity);
    size_t got;
    while (buffer && (got = fread(buffer + used, 1, capacity - used, file)) > 0) {
        used += got;
        if (used == capacity) buffer = realloc(buffer, capacity *= 2);
    }
    fclose(file);
    *size = used;
    return buffer;
}

/* Walks every event of one file; answers the number of events, or -1 on a parse error. */
static long walk(const unsigned char *bytes, size_t size) {
    yaml_parser_t parser;
    yaml_event_t event;
    long events = 0;
    if (!yaml_parser_initialize(&parser)) return -1;
    yaml_parser_set_input_string(&parser, bytes, size);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) { events = -1; break; }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    return events;
}

static int one(const char *path, long *files, long *bytes, long *events) {
    size_t size = 0;
    unsigned char *data = slurp(path, &size);
    if (!data) { fprintf(stderr, "cannot read %s\n", path); return 1; }
    long count = walk(data, size);
    free(data);
    if (count < 0) { fprintf(stderr, "%s: libyaml parse error\n", path); return 1; }
    *files += 1; *bytes += (long)size; *events += count;
    return 0;
}

int main(int argc, char **argv) {
    long files = 0, bytes = 0, events = 0;
    int failed = 0;
    double start = now();
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-l") == 0 && i + 1 < argc) {
            FILE *list = fopen(argv[++i], "r");
            char line[4096];
            if (!list) { fprintf(stderr, "cannot read %s\n", argv[i]); return 2; }
            while (fgets(line, sizeof line, list)) {
                line[strcspn(line, "\n")] = 0;
                if (*line) failed |= one(line, &files, &bytes, &events);
            }
            fclose(list);
        } else {
            failed |= one(argv[i], &files, &bytes, &events);
        }
    }
    double seconds = now() - start;
    printf("files %ld bytes %ld events %ld seconds %.6f\n", files, bytes, events, seconds);
    return failed;
}
