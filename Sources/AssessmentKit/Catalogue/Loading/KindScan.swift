/// Finds which kinds of document a file holds without parsing it, so that the loader can read
/// norms before the assessments that use them and evaluators before everything.
enum KindScan {
    /// Whether `bytes` hold the key `kind` with the value `kind`: `kind: norms`, with any quotes
    /// and spaces around the colon (`"kind": "norms"`, `kind : norms`). A scan can miss an
    /// unusual spelling (an escape in a quoted value); the loader then still reads the
    /// document correctly, only later (evaluators: with an error naming it).
    static func mentions(_ kind: String, in bytes: [UInt8]) -> Bool {
        let key = Array("kind".utf8), value = Array(kind.utf8)
        func skipQuotesAndSpaces(_ index: inout Int) {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x22 || bytes[index] == 0x27 {
                index += 1
            }
        }
        var index = 0
        while index + key.count + value.count < bytes.count {
            defer { index += 1 }
            guard bytes[index] == key[0], bytes[index..<index + key.count].elementsEqual(key) else { continue }
            var next = index + key.count
            skipQuotesAndSpaces(&next)
            guard next < bytes.count, bytes[next] == UInt8(ascii: ":") else { continue }
            next += 1
            skipQuotesAndSpaces(&next)
            guard next + value.count <= bytes.count, bytes[next..<next + value.count].elementsEqual(value) else { continue }
            // `kind: norms` but not `kind: normsx`.
            let end = next + value.count
            if end == bytes.count || !isWordByte(bytes[end]) { return true }
        }
        return false
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
