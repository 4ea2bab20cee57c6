/// The order files are read in, and how many are in hand at a time.
extension CatalogueLoader {
    /// The files in the order they are read, a batch at a time: layer by layer, and within a
    /// layer the files holding norms first, in batches of their own, so that every assessment
    /// after them is read once, against its norms. (Read in name order, `assessments/` comes
    /// before `norms/`, and every built-in assessment had to be parsed and read again.)
    static func batches(_ layers: [CatalogueLayer]) -> [Batch] {
        var batches: [Batch] = []
        for (layer, content) in layers.enumerated() {
            let files = content.files
            let holdsNorms = ParallelMap.map(files.count, minimumCount: 64) { KindScan.mentions("norms", in: files[$0].bytes) }
            let norms = content.files.indices.filter { holdsNorms[$0] }
            let rest = content.files.indices.filter { !holdsNorms[$0] }
            for (group, areNorms) in [(norms, true), (rest, false)] where !group.isEmpty {
                for start in stride(from: 0, to: group.count, by: batchSize) {
                    batches.append(Batch(
                        files: group[start..<min(group.count, start + batchSize)].map { (layer, $0) }, holdsNorms: areNorms))
                }
            }
        }
        return batches
    }

    /// Files read together, by layer and place in it; `holdsNorms` when the scan found norms in them.
    struct Batch {
        var files: [(layer: Int, file: Int)]
        var holdsNorms: Bool
    }

    /// How many files holding norms are parsed, and their documents read, at a time (and how
    /// the others are grouped in ``batches(_:)``): enough to keep every core busy, few enough
    /// that their trees take little memory. Each batch starts and joins its threads.
    static let batchSize = 256

    /// How many files a thread is given at a time after the last norms (see `read`). One at a
    /// time, 10 000 files took 26 000 thread switches, which cost more than the waits saved.
    static let filesPerHandOver = 16
    /// How many files, after the last norms, may be read and not yet taken in by the
    /// calling thread: enough to keep every core busy, few enough that memory stays flat.
    static let filesInFlight = 128
}
