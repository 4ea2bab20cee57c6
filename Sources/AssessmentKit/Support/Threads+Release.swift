#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Threads {
    /// Lets go of `value` on another thread, so the caller goes on while its memory is freed;
    /// with one core, or no thread to be had, it is freed here. For large structures built
    /// for one step and dropped at its end (a load's document store), when the other cores
    /// are idle then: freeing them was otherwise a serial tail of that step.
    package static func release<Value>(_ value: consuming Value) {
        let parcel = Parcel(value)
        guard coreCount > 1, let thread = start({ parcel.value = nil }) else { return }
        pthread_detach(thread)
    }

    /// The value handed over; the helper empties it, so it is freed there whichever thread
    /// lets go of the parcel last.
    private final class Parcel<Value>: @unchecked Sendable {
        // Written only by the helper once the caller has handed the parcel over.
        var value: Value?

        init(_ value: consuming Value) {
            self.value = value
        }
    }
}
