/// Finds which kinds of document a file holds without parsing it, so that the loader can read
/// norms before the assessments that use them and evaluators before everything.
enum KindScan {
    /// Whether `bytes` hold the key `kind` with the value `kind`: `kind: norms`, with any quotes
    /// and spaces around the colon (`"kind": "norms"`, `kind : norms`). A scan can miss an
    /// unusual spelling (an escape in a quoted value); the loader then still reads the
    /// document correctly, only later (evaluators: with an error naming it).
    static func mentions(_ kind: String, in bytes: [UInt8]) -> Bool {
        let value = Array(kind.utf8)
        var found = false
        bytes.withUnsafeBufferPointer { buffer in
            func skipQuotesAndSpaces(_ index: inout Int) {
                while index < buffer.count, buffer[index] == 0x20 || buffer[index] == 0x09 || buffer[index] == 0x22 || buffer[index] == 0x27 {
                    index += 1
                }
            }
            ByteSearch.forEachOffset(of: key, in: buffer) { start in
                var next = start + key.count
                skipQuotesAndSpaces(&next)
                guard next < buffer.count, buffer[next] == UInt8(ascii: ":") else { return true }
                next += 1
                skipQuotesAndSpaces(&next)
                guard next + value.count <= buffer.count, buffer[next..<next + value.count].elementsEqual(value) else { return true }
                // `kind: norms` but not `kind: normsx`.
                let end = next + value.count
                found = end == buffer.count || !isWordByte(buffer[end])
                return !found
            }
        }
        return found
    }

    private static let key = Array("kind".utf8)

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
