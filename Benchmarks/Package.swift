// swift-tools-version:6.1
import PackageDescription

// A separate package, so that the main package's `swift build` and `swift test` (and CI) never
// compile, fetch or slow down for any of this. It depends on BackCheck by path.
//
// `fuzz.sh` builds `backcheck-fuzz` with BACKCHECK_FUZZ=1 and BACKCHECK_FUZZER_LIB set to
// libFuzzer's runtime without its own `main` (libclang_rt.fuzzer_no_main); every module is then
// instrumented for coverage through `-Xfrontend -sanitize=fuzzer` on the command line. Without
// those variables `backcheck-fuzz` is a plain program that replays input files, so a normal
// `swift build` of this package works too.
let fuzzerRuntime = Context.environment["BACKCHECK_FUZZ"] == "1" ? Context.environment["BACKCHECK_FUZZER_LIB"] : nil

let package = Package(
    name: "BackCheckBenchmarks",
    dependencies: [
        .package(name: "BackCheck", path: ".."),
    ],
    targets: [
        // Writes N realistic, valid catalogue files and answer sets for the measurements.
        .target(name: "CatalogueGenerator", path: "Sources/CatalogueGenerator"),
        // `backcheck-bench generate|load|evaluate|render|answers`: what run.sh times.
        .executableTarget(
            name: "backcheck-bench",
            dependencies: [
                "CatalogueGenerator", .product(name: "AssessmentKit", package: "BackCheck"),
                .product(name: "BuiltinEvaluators", package: "BackCheck"),
                .product(name: "BackCheckPluginAPI", package: "BackCheck"),
                .product(name: "WebAssemblyEvaluators", package: "BackCheck"),
            ],
            path: "Sources/backcheck-bench",
            // Linked as the root package links `backcheck` (see its manifest), so that what is
            // measured in-process is the code a user runs.
            linkerSettings: [
                .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux])),
                .linkedLibrary("_FoundationCollections", .when(platforms: [.linux])),
                .linkedLibrary("_FoundationCShims", .when(platforms: [.linux])),
            ]
        ),
        // The libFuzzer target over the YAML parser, the JSON reader, the catalogue loader, the
        // expression compiler and evaluator, and answers → report → every export.
        .executableTarget(
            name: "backcheck-fuzz",
            dependencies: [
                .product(name: "AssessmentKit", package: "BackCheck"),
                .product(name: "BuiltinEvaluators", package: "BackCheck"),
            ],
            path: "Sources/backcheck-fuzz",
            swiftSettings: fuzzerRuntime == nil ? [] : [.define("FUZZING")],
            linkerSettings: fuzzerRuntime.map { [.unsafeFlags(["-Xlinker", $0, "-lstdc++"])] } ?? []
        ),
    ],
    swiftLanguageModes: [.v6]
)
