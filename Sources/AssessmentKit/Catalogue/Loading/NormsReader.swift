import BackCheckPluginAPI
import BackCheckYAML

/// Reads `kind: norms` documents (spec 6).
enum NormsReader {
    static func read(_ document: CatalogueDocument, reader: NodeReader) -> NormsTable? {
        guard let fields = reader.mapping(document.root, of: "a norms table") else { return nil }
        let source = fields.required("source", as: String.self)
        let population = fields.required("population", as: String.self)
        let note = fields.optional("note", as: String.self)
        // Drafting marks for reviewers; checked for type, never printed.
        _ = fields.optional("provenance", as: String.self)
        var measures: [String: NormMeasure] = [:]
        var failed = false
        if let table = fields.requiredMapping("measures", of: "the norms' measures") {
            for (name, _, node) in table.allEntries() {
                if let measure = readMeasure(node, name: name, reader: reader) { measures[name] = measure } else { failed = true }
            }
            if table.keys.isEmpty { reader.error("'measures' is empty; give at least one measure", at: table.node.mark) }
        }
        fields.rejectUnknownKeys(alsoKnown: CatalogueDocument.headerKeys)
        guard let source, let population, !failed, !measures.isEmpty else { return nil }
        return NormsTable(id: document.id, source: source, population: population, note: note, measures: measures)
    }

    private static func readMeasure(_ node: YAMLNode, name: String, reader: NodeReader) -> NormMeasure? {
        guard let fields = reader.mapping(node, of: "measure '\(name)'") else { return nil }
        let unit = fields.optional("unit", as: String.self)
        let male = fields.requiredNode("male").flatMap { readBands($0, what: "\(name).male", reader: reader) }
        let female = fields.requiredNode("female").flatMap { readBands($0, what: "\(name).female", reader: reader) }
        fields.rejectUnknownKeys()
        guard let male, let female else { return nil }
        return NormMeasure(unit: unit, male: male, female: female)
    }

    /// One `{mean, sd}` mapping, or a list of them each with `ages: [lo, hi]`.
    private static func readBands(_ node: YAMLNode, what: String, reader: NodeReader) -> [NormBand]? {
        if let items = node.sequence {
            let bands = items.map { readBand($0, what: what, needsAges: true, reader: reader) }
            guard !bands.isEmpty, bands.allSatisfy({ $0 != nil }) else {
                if bands.isEmpty { reader.error("\(what) has no age bands", at: node.mark) }
                return nil
            }
            // Bands that overlap would make the band an age falls in depend on their order.
            let read = bands.compactMap { $0 }
            for (index, band) in read.enumerated() {
                guard let ages = band.ages else { continue }
                for earlier in read[..<index] {
                    guard let other = earlier.ages, ages.overlaps(other) else { continue }
                    reader.error(
                        "\(what): the age band \(NumberText.format(ages.lowerBound))-\(NumberText.format(ages.upperBound)) overlaps "
                            + "\(NumberText.format(other.lowerBound))-\(NumberText.format(other.upperBound)); make the bands meet without overlapping",
                        at: items[index].mark)
                    return nil
                }
            }
            return read
        }
        return readBand(node, what: what, needsAges: false, reader: reader).map { [$0] }
    }

    private static func readBand(_ node: YAMLNode, what: String, needsAges: Bool, reader: NodeReader) -> NormBand? {
        guard let fields = reader.mapping(node, of: "\(what) (mean and sd)") else { return nil }
        let mean = fields.required("mean", as: Double.self)
        let sd = fields.required("sd", as: Double.self)
        var ages: ClosedRange<Double>?
        if needsAges, let agesNode = fields.requiredNode("ages") {
            ages = RangeReader.read(agesNode, what: "ages", reader: reader)
        }
        fields.rejectUnknownKeys()
        if let sd, sd <= 0, let sdNode = fields.node("sd") {
            reader.error("sd must be greater than 0, found \(NumberText.format(sd))", at: sdNode.mark)
            return nil
        }
        guard let mean, let sd, !needsAges || ages != nil else { return nil }
        return NormBand(ages: ages, mean: mean, sd: sd)
    }
}

/// Reads `[lo, hi]` ranges.
enum RangeReader {
    static func read(_ node: YAMLNode, what: String, reader: NodeReader) -> ClosedRange<Double>? {
        guard let bounds = reader.read([Double].self, from: node) else { return nil }
        guard bounds.count == 2 else {
            reader.error("\(what) must be [lowest, highest], found \(bounds.count) value(s)", at: node.mark)
            return nil
        }
        guard bounds[0] <= bounds[1] else {
            reader.error("\(what) must list the lowest value first, found [\(NumberText.format(bounds[0])), \(NumberText.format(bounds[1]))]", at: node.mark)
            return nil
        }
        return bounds[0]...bounds[1]
    }
}
