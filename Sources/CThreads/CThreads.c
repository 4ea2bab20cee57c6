#define _GNU_SOURCE
#include "CThreads.h"

#include <stdlib.h>

#ifdef __linux__
#include <sched.h>

/// What the new thread needs to widen its CPUs before it runs its work.
struct Launch {
    void *(*start)(void *);
    void *argument;
    cpu_set_t allowed;
};

static void *launch(void *raw) {
    struct Launch copy = *(struct Launch *)raw;
    free(raw);
    // Placed only to start at once; from here the scheduler may move it as it likes.
    pthread_setaffinity_np(pthread_self(), sizeof copy.allowed, &copy.allowed);
    return copy.start(copy.argument);
}

/// The `spread`-th CPU of `allowed` other than `current`, counting round; -1 when none.
static int otherCPU(const cpu_set_t *allowed, int current, int spread) {
    int others = CPU_COUNT(allowed) - (current >= 0 && current < CPU_SETSIZE && CPU_ISSET(current, allowed) ? 1 : 0);
    if (others <= 0) return -1;
    int wanted = (spread < 0 ? 0 : spread) % others;
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
        if (!CPU_ISSET(cpu, allowed) || cpu == current) continue;
        if (wanted-- == 0) return cpu;
    }
    return -1;
}

int backcheck_thread_create_elsewhere(pthread_t *thread, void *(*start)(void *), void *argument, int spread) {
    struct Launch *placed = malloc(sizeof *placed);
    if (placed != NULL && pthread_getaffinity_np(pthread_self(), sizeof placed->allowed, &placed->allowed) == 0) {
        int cpu = otherCPU(&placed->allowed, sched_getcpu(), spread);
        pthread_attr_t attributes;
        if (cpu >= 0 && pthread_attr_init(&attributes) == 0) {
            cpu_set_t one;
            CPU_ZERO(&one);
            CPU_SET(cpu, &one);
            placed->start = start;
            placed->argument = argument;
            int status = pthread_attr_setaffinity_np(&attributes, sizeof one, &one) == 0
                ? pthread_create(thread, &attributes, launch, placed) : -1;
            pthread_attr_destroy(&attributes);
            if (status == 0) return 0;
        }
    }
    free(placed);
    return pthread_create(thread, NULL, start, argument);
}

int backcheck_current_cpu(void) {
    return sched_getcpu();
}

int backcheck_allowed_cpu_count(void) {
    cpu_set_t allowed;
    return pthread_getaffinity_np(pthread_self(), sizeof allowed, &allowed) == 0 ? CPU_COUNT(&allowed) : -1;
}

#else

int backcheck_current_cpu(void) {
    return -1;
}

int backcheck_allowed_cpu_count(void) {
    return -1;
}

int backcheck_thread_create_elsewhere(pthread_t *thread, void *(*start)(void *), void *argument, int spread) {
    (void)spread;
    return pthread_create(thread, NULL, start, argument);
}

#endif
