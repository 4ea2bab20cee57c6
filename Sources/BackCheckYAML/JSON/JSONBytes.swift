/// The memory a ``JSONWriter`` writes its bytes into, grown by the writer itself.
///
/// A report is about two thousand small appends (a quote, a key, a comma), and appending to
/// an array of bytes checked each one for a second owner and for room through the array's
/// general code, which was half of writing a report. The writer keeps the address, size and
/// count in its own fields and appends through them; this object only owns the memory, so a
/// copied writer can tell that it shares it (and copies it before writing).
final class JSONBytes {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
}

extension JSONWriter {
    /// Makes room for `extra` more bytes, in memory of this writer's own.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity || !isKnownUniquelyReferenced(&storage) { reallocate(for: extra) }
    }

    private mutating func reallocate(for extra: Int) {
        let larger = JSONBytes(capacity: Swift.max(count + extra, capacity * 2, 256))
        larger.base.update(from: base, count: count)
        storage = larger
        base = larger.base
        capacity = larger.capacity
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends `byte` where ``reserve(_:)`` made room for it.
    @inline(__always)
    mutating func appendReserved(byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Appends `bytes` where ``reserve(_:)`` made room for them.
    @inline(__always)
    mutating func appendReserved(bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    /// Appends the UTF-8 of `text`.
    mutating func append(text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }
}
