import AssessmentKit
import BuiltinEvaluators
import BackCheckExpressions
import BackCheckYAML

/// What the fuzz stages are run against, built once per process.
enum Fixtures {
    /// The built-in catalogue, for answers and reports.
    static let builtInCatalogue: Catalogue? = CatalogueLoader(registry: .builtIn).load([.builtIn]).catalogue

    /// Only the built-in norms tables: small, and what normative assessments must name.
    static let builtInNorms = CatalogueLayer(
        name: "built-in norms", files: CatalogueLayer.builtIn.files.filter { $0.path.contains("norms/") })

    /// Names of every kind an expression can meet, single and bilateral, required and optional.
    static let scope = Scope([
        "hip_angle": NameInfo(kind: .number, bilateral: true),
        "knee": NameInfo(kind: .number),
        "hold": NameInfo(kind: .number, optional: true),
        "pain": NameInfo(kind: .boolean),
        "caves": NameInfo(kind: .boolean, bilateral: true, optional: true),
        "grade": NameInfo(kind: .string),
        "order": NameInfo(kind: .sequence, bilateral: true),
        "seen": NameInfo(kind: .sequence),
    ])

    /// A full set of values, one with gaps and zeros (division by zero, skipped inputs), and
    /// one with extreme numbers (overflow to infinity, NaN from infinity minus infinity).
    static let bindings: [Bindings] = [
        Bindings([
            "hip_angle": .bilateral(left: .number(8), right: .number(-12)),
            "knee": .single(.number(55)), "hold": .single(.number(95)), "pain": .single(.bool(false)),
            "caves": .bilateral(left: .bool(true), right: .bool(false)), "grade": .single(.string("b")),
            "order": .bilateral(left: .sequence(["glute_max", "erectors"]), right: .sequence(["erectors"])),
            "seen": .single(.sequence(["a", "b", "c"])),
            "profile.age": .single(.number(41)), "profile.sex": .single(.string("female")),
        ]),
        Bindings([
            "hip_angle": .bilateral(left: .number(0), right: nil), "knee": .single(.number(0)),
            "hold": .single(nil), "pain": .single(.bool(true)), "caves": .bilateral(left: nil, right: nil),
            "grade": .single(.string("")), "order": .bilateral(left: .sequence([]), right: nil),
            "seen": .single(.sequence([])),
        ]),
        Bindings([
            "hip_angle": .bilateral(left: .number(.greatestFiniteMagnitude), right: .number(-.greatestFiniteMagnitude)),
            "knee": .single(.number(.infinity)), "hold": .single(.number(-.infinity)),
            "pain": .single(.bool(false)), "caves": .bilateral(left: .bool(false), right: .bool(true)),
            "grade": .single(.string("ünïcödé 🦴")), "order": .bilateral(left: .sequence(["x"]), right: .sequence(["x", "y"])),
            "seen": .single(.sequence(Array(repeating: "z", count: 64))),
            "profile.age": .single(.number(-1e308)), "profile.bodyweight_kg": .single(.number(.nan)),
        ]),
    ]
}
