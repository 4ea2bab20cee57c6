#ifndef BACKCHECK_CTHREADS_H
#define BACKCHECK_CTHREADS_H

#include <pthread.h>

/// Starts `start(argument)` on a new thread, as `pthread_create` does, except that on Linux
/// the thread begins on one of the caller's allowed CPUs other than the one the caller is on
/// (the `spread`-th of them, counting round), then may move to any of them.
///
/// Why: left to choose, the kernel often queues a new thread behind its busy parent until a
/// time slice ends or a balancer moves it. On the two-core machines BackCheck is measured on
/// that was 1.5-4 ms for a thread that, placed, starts in 0.2 ms: longer than a whole `run`'s
/// parallel parse, which then ran on one core. Returns what `pthread_create` returns; when no
/// other CPU is allowed, or placing fails, the thread is started unplaced.
int backcheck_thread_create_elsewhere(pthread_t *thread, void *(*start)(void *), void *argument, int spread);

/// The CPU the calling thread is running on, or -1 where that cannot be known (for tests).
int backcheck_current_cpu(void);

/// How many CPUs the calling thread may run on, or -1 where that cannot be known (for tests).
int backcheck_allowed_cpu_count(void);

#endif
