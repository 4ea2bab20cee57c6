import BackCheckYAML

/// Digests of catalogue definitions: `sha256:` of a canonical text of the YAML tree, so
/// comments, layout and quoting style do not change it but any change of content does.
enum Digest {
    static func of(_ node: YAMLNode) -> String {
        // The canonical text is hashed as it is written, through a small buffer on the stack,
        // rather than built whole on the heap first.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer in
            var text = CanonicalText(buffer: buffer)
            text.write(node)
            return "sha256:" + text.finish()
        }
    }
}

/// Writes the canonical text of a tree into a hash, a buffer at a time.
private struct CanonicalText {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0
    var hash = SHA256()

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
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
        var string = string
        string.withUTF8 { bytes in
            if bytes.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { append(UInt8(ascii: "\\")) }
                    append(byte)
                }
            } else {
                append(bytes)
            }
        }
        append(UInt8(ascii: "\""))
    }

    private mutating func append(_ byte: UInt8) {
        if count == buffer.count { flush() }
        buffer[count] = byte
        count += 1
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        var rest = bytes[...]
        while !rest.isEmpty {
            if count == buffer.count { flush() }
            let taken = min(rest.count, buffer.count - count)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[count..<(count + taken)]).initialize(from: rest.prefix(taken))
            count += taken
            rest = rest.dropFirst(taken)
        }
    }

    /// Hashes the whole blocks written and keeps the rest at the front of the buffer.
    private mutating func flush() {
        let whole = count / 64 * 64
        hash.absorb(blocks: UnsafeBufferPointer(rebasing: buffer[..<whole]))
        for index in whole..<count { buffer[index - whole] = buffer[index] }
        count -= whole
    }
}
