import Synchronization

/// Values made once for each key and handed out again, for parts of compiled expressions that
/// never change once made (see ``SharedParts``). With a `limit`, at most that many are kept and
/// the rest are made afresh each time, so a long-lived process reading many catalogues holds no
/// more than that.
final class SharedValues<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])
    private let limit: Int

    init(limit: Int = .max) {
        self.limit = limit
    }

    /// The value kept for `key`, else `make()`'s, kept when there is room.
    func value(for key: Key, make: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        // Made outside the lock; a value made twice at once is the same value either way.
        let made = make()
        return values.withLock { values in
            if let known = values[key] { return known }
            if values.count < limit { values[key] = made }
            return made
        }
    }
}
