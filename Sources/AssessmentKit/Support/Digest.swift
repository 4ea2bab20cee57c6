import BackCheckYAML

/// Digests of catalogue definitions: `sha256:` of a canonical text of the YAML tree, so
/// comments, layout and quoting style do not change it but any change of content does.
enum Digest {
    static func of(_ node: YAMLNode) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(16 << 10)
        canonical(node, into: &text)
        return "sha256:" + SHA256.hex(of: text)
    }

    private static func canonical(_ node: YAMLNode, into text: inout [UInt8]) {
        if let tag = node.tag {
            text.append(UInt8(ascii: "!"))
            quoted(tag, into: &text)
        }
        switch node.content {
        case .scalar(let scalar):
            quoted(scalar.text, into: &text)
        case .sequence(let items):
            text.append(UInt8(ascii: "["))
            for item in items {
                canonical(item, into: &text)
                text.append(UInt8(ascii: ","))
            }
            text.append(UInt8(ascii: "]"))
        case .mapping(let pairs):
            text.append(UInt8(ascii: "{"))
            for pair in pairs {
                canonical(pair.key, into: &text)
                text.append(UInt8(ascii: ":"))
                canonical(pair.value, into: &text)
                text.append(UInt8(ascii: ","))
            }
            text.append(UInt8(ascii: "}"))
        }
    }

    private static func quoted(_ string: String, into text: inout [UInt8]) {
        text.append(UInt8(ascii: "\""))
        // Copying the text whole is many times faster than byte by byte; escapes are rare.
        let copied = string.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            text.append(contentsOf: bytes)
            return true
        }
        if copied != true {
            for byte in string.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { text.append(UInt8(ascii: "\\")) }
                text.append(byte)
            }
        }
        text.append(UInt8(ascii: "\""))
    }
}
