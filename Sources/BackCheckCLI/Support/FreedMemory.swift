#if canImport(Glibc)
import Glibc
#endif

/// How the C library handles memory a long batch frees.
///
/// Each record of a batch builds and drops about a hundred kilobytes. By default glibc hands
/// the free space at the top of a heap back to the system as soon as it passes 128 KiB, so the
/// next record gets fresh pages, which the kernel must fault in and clear: 18 000 page faults
/// in a batch of 8 000 people, about 3% of its time (measured). Keeping up to 64 MiB of freed
/// memory, and growing a heap 16 MiB at a time, leaves 1 100 to 7 000 (it varies from run to
/// run), with the same peak memory.
enum FreedMemory {
    /// glibc's `M_TRIM_THRESHOLD` and `M_TOP_PAD` (`malloc.h`, stable across releases).
    private static let trimThreshold: Int32 = -1
    private static let topPad: Int32 = -2

    /// Keeps freed memory in the process for reuse, where the C library allows it (glibc's
    /// `mallopt`, looked up at run time: `malloc.h` is not part of the C library's Swift module,
    /// and another C library simply keeps its own behaviour).
    static func keepForReuse() {
        #if canImport(Glibc)
        guard let program = dlopen(nil, RTLD_NOW) else { return }
        defer { dlclose(program) }
        guard let symbol = dlsym(program, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(trimThreshold, 64 << 20)
        _ = mallopt(topPad, 16 << 20)
        #endif
    }
}
