internal import WasmParser

/// What a module keeps between calls besides its memory, found by reading its code once, and
/// the module rewritten so that all of that state can be put back.
///
/// A call may leave state in three places: linear memory, mutable globals, and the instance's
/// tables and data or element segments. Memory is copied back from a snapshot and mutable
/// globals are assigned their first values — for which the rewritten module also exports every
/// mutable global, as WasmKit only reaches exported ones. Tables and segments cannot be put
/// back, so a module whose code changes them (`table.set`, `table.grow`, `data.drop`, …) gets
/// a new instance for every call instead.
struct ModuleRewrite {
    /// The module with its mutable globals exported.
    var bytes: [UInt8]
    /// The export names of the mutable globals, in index order.
    var globalExports: [String]
    /// Whether every piece of state a call can leave behind can be put back: the code changes
    /// no table or segment, and the globals could be exported.
    var resettable: Bool

    static let globalPrefix = "__backcheck_global_"

    /// Reads `original`; with `reusable` false the module is taken as not resettable.
    init(_ original: [UInt8], reusable: Bool = true) throws(WasmParserError) {
        var parser = WasmParser.Parser(bytes: original)
        var mutable: [Int] = []
        var exportNames: Set<String> = []
        var codes: [Code] = []
        while let payload = try parser.parseNext() {
            switch payload {
            case .globalSection(let globals):
                mutable = globals.indices.filter { globals[$0].type.mutability == .variable }
            case .exportSection(let exports):
                exportNames = Set(exports.map(\.name))
            case .codeSection(let section):
                codes = section
            default:
                break
            }
        }
        var changes = false
        scan: for code in codes {
            var expression = ExpressionParser(code: code)
            var finder = StateChangeFinder()
            while let visit = try expression.parse() {
                try visit(visitor: &finder)
                if finder.found { changes = true; break scan }
            }
        }
        let names = mutable.map { "\(Self.globalPrefix)\($0)" }
        let rewritten = names.contains(where: exportNames.contains) ? nil : Self.exporting(globals: mutable, as: names, in: original)
        bytes = rewritten ?? original
        globalExports = rewritten == nil ? [] : names
        resettable = reusable && !changes && rewritten != nil
    }

    /// `bytes` with `names` exported as globals `indices`, or `nil` when the export section
    /// cannot be found (the module is then checked, and refused, on its exports).
    private static func exporting(globals indices: [Int], as names: [String], in bytes: [UInt8]) -> [UInt8]? {
        guard !indices.isEmpty else { return bytes }
        var position = 8
        while position < bytes.count {
            let id = bytes[position]
            guard let (size, sizeLength) = leb(bytes, at: position + 1) else { return nil }
            let contentStart = position + 1 + sizeLength
            let contentEnd = contentStart + Int(size)
            guard contentEnd <= bytes.count else { return nil }
            if id == 7 {
                guard let (count, countLength) = leb(bytes, at: contentStart) else { return nil }
                var content = encode(count + UInt64(indices.count))
                content += bytes[(contentStart + countLength)..<contentEnd]
                for (index, name) in zip(indices, names) {
                    content += encode(UInt64(name.utf8.count)) + Array(name.utf8) + [0x03] + encode(UInt64(index))
                }
                return Array(bytes[..<position]) + [7] + encode(UInt64(content.count)) + content + Array(bytes[contentEnd...])
            }
            position = contentEnd
        }
        return nil
    }

    private static func leb(_ bytes: [UInt8], at start: Int) -> (UInt64, Int)? {
        var value: UInt64 = 0, shift: UInt64 = 0, index = start
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            value |= UInt64(byte & 0x7F) << shift
            index += 1
            if byte & 0x80 == 0 { return (value, index - start) }
            shift += 7
        }
        return nil
    }

    private static func encode(_ value: UInt64) -> [UInt8] {
        var value = value, out: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            out.append(byte)
        } while value != 0
        return out
    }
}

/// Notices the instructions that change tables or drop segments.
private struct StateChangeFinder: AnyInstructionVisitor {
    typealias VisitorError = WasmParserError
    var binaryOffset = 0
    var found = false

    mutating func visit(_ instruction: Instruction) throws(WasmParserError) {
        switch instruction {
        case .tableSet, .tableGrow, .tableFill, .tableCopy, .tableInit, .elemDrop, .dataDrop: found = true
        default: break
        }
    }
}
