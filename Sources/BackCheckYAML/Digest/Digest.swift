#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Digests of catalogue definitions: `sha256:` of a canonical text of the YAML tree, so
/// comments, layout and quoting style do not change it but any change of content does.
/// Here, below the catalogue, so that the build can work out the built-in ones ahead.
package enum Digest {
    /// `sha256:` and the hex digest of `node`'s canonical text.
    package static func of(_ node: YAMLNode) -> String {
        // The canonical text is hashed as it is written, through a small buffer on the stack,
        // rather than built whole on the heap first.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer in
            guard let base = buffer.baseAddress else { return "sha256:" }
            var text = CanonicalText(buffer: buffer, base: base)
            text.write(node)
            return "sha256:" + text.finish()
        }
    }
}

/// Writes the canonical text of a tree into a hash, a buffer at a time.
private struct CanonicalText {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The buffer's start and size (a temporary allocation of 4 KiB, never empty).
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0
    var hash = SHA256()

    init(buffer: UnsafeMutableBufferPointer<UInt8>, base: UnsafeMutablePointer<UInt8>) {
        self.buffer = buffer
        self.base = base
        capacity = buffer.count
    }

    mutating func write(_ node: YAMLNode) {
        if let tag = node.tag {
            append(UInt8(ascii: "!"))
            quoted(tag)
        }
        switch node.content {
        case .scalar(let scalar):
            quoted(scalar.text)
        case .sequence(let items):
            append(UInt8(ascii: "["))
            for item in items {
                write(item)
                append(UInt8(ascii: ","))
            }
            append(UInt8(ascii: "]"))
        case .mapping(let pairs):
            append(UInt8(ascii: "{"))
            for pair in pairs {
                write(pair.key)
                append(UInt8(ascii: ":"))
                write(pair.value)
                append(UInt8(ascii: ","))
            }
            append(UInt8(ascii: "}"))
        }
    }

    /// The hex digest of everything written.
    mutating func finish() -> String {
        hash.hex(finishing: UnsafeBufferPointer(rebasing: buffer[..<count]))
    }

    private mutating func quoted(_ string: String) {
        append(UInt8(ascii: "\""))
        // Copying the text whole is many times faster than byte by byte; escapes are rare.
        let copied = string.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let start = bytes.baseAddress else { return true }
            // memchr scans many bytes at a time.
            guard memchr(start, Int32(UInt8(ascii: "\"")), bytes.count) == nil,
                  memchr(start, Int32(UInt8(ascii: "\\")), bytes.count) == nil
            else { return false }
            append(bytes)
            return true
        }
        if copied != true {
            for byte in string.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { append(UInt8(ascii: "\\")) }
                append(byte)
            }
        }
        append(UInt8(ascii: "\""))
    }

    private mutating func append(_ byte: UInt8) {
        if count == capacity { flush() }
        base[count] = byte
        count += 1
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            if count == capacity { flush() }
            let taken = min(bytes.count - offset, capacity - count)
            UnsafeMutableRawPointer(base + count).copyMemory(from: source + offset, byteCount: taken)
            count += taken
            offset += taken
        }
    }

    /// Hashes the whole blocks written and keeps the rest at the front of the buffer.
    private mutating func flush() {
        let whole = count / 64 * 64
        hash.absorb(blocks: UnsafeBufferPointer(rebasing: buffer[..<whole]))
        UnsafeMutableRawPointer(base).copyMemory(from: base + whole, byteCount: count - whole)
        count -= whole
    }
}
