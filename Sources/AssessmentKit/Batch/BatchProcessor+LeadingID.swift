import BackCheckYAML

extension BatchProcessor {
    /// The `id` of a record that is not valid JSON, when it comes first and was written whole
    /// (`{"id": "p-7", "answers": {…` cut short): its error record can then still be matched to
    /// the person. `nil` when the line does not start that way.
    static func leadingID(_ bytes: [UInt8]) -> JSONValue? {
        var index = 0
        func skipSpace() { while index < bytes.count, [0x20, 0x09, 0x0D].contains(bytes[index]) { index += 1 } }
        func take(_ text: String) -> Bool {
            let wanted = Array(text.utf8)
            guard bytes.count - index >= wanted.count, Array(bytes[index..<index + wanted.count]) == wanted else { return false }
            index += wanted.count
            return true
        }
        skipSpace()
        guard take("{") else { return nil }
        skipSpace()
        guard take("\"id\"") else { return nil }
        skipSpace()
        guard take(":") else { return nil }
        skipSpace()
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < bytes.count else { return nil }
            index += 1
        } else {
            while index < bytes.count, bytes[index] == UInt8(ascii: "-") || (0x30...0x39).contains(bytes[index]) { index += 1 }
        }
        guard index > start else { return nil }
        let (node, problems) = JSONReader.parse(Array(bytes[start..<index]), file: "id")
        guard !problems.hasErrors, let node else { return nil }
        return identifier(node)
    }
}
