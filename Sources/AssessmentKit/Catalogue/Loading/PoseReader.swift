import BackCheckYAML

/// Reads an exercise's `poses: {start: {...}, end: {...}}`, checking each angle's range so a
/// typo shows up at its line rather than as a contorted figure.
enum PoseReader {
    /// The poses; `strict` (a catalogue file) also rejects unknown keys, where a saved report
    /// from a later version may carry more.
    static func read(_ fields: MappingReader, strict: Bool = true) -> ExercisePoses? {
        let pose = { (fields: MappingReader) in Self.pose(fields, strict: strict) }
        let start = fields.requiredMapping("start", of: "a pose").flatMap(pose)
        let end = fields.requiredMapping("end", of: "a pose").flatMap(pose)
        if strict { fields.rejectUnknownKeys() }
        guard let start, let end else { return nil }
        return ExercisePoses(start: start, end: end)
    }

    private static func pose(_ fields: MappingReader, strict: Bool) -> Pose? {
        func angle(_ key: String, _ range: ClosedRange<Double>) -> Double? { fields.optional(key, as: Double.self, in: range) }
        let trunk = fields.required("trunk", as: Double.self, in: -180...180)
        let pose = trunk.map { trunk in
            Pose(
                trunk: trunk, hip: angle("hip", -60...160) ?? 0, knee: angle("knee", 0...160) ?? 0,
                shoulder: angle("shoulder", -60...220) ?? 0, elbow: angle("elbow", 0...160) ?? 0,
                farHip: angle("far_hip", -60...160), farKnee: angle("far_knee", 0...160),
                farShoulder: angle("far_shoulder", -60...220), farElbow: angle("far_elbow", 0...160))
        }
        if strict { fields.rejectUnknownKeys() }
        return pose
    }
}
