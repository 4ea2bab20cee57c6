// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "BackCheck",
    products: [
        .executable(name: "backcheck", targets: ["backcheck"]),
        // What an evaluator plugin is written against, and nothing more.
        .library(name: "BackCheckPluginAPI", targets: ["BackCheckPluginAPI"]),
        // The five evaluators the built-in catalogue uses.
        .library(name: "BuiltinEvaluators", targets: ["BuiltinEvaluators"]),
        // The catalogue, engine, report and exports, for a program that is not the CLI.
        .library(name: "AssessmentKit", targets: ["AssessmentKit"]),
        // The sandbox for the WebAssembly evaluators a catalogue brings.
        .library(name: "WebAssemblyEvaluators", targets: ["WebAssemblyEvaluators"]),
        // The whole `backcheck` tool, for a program that adds its own evaluators.
        .library(name: "BackCheckCLI", targets: ["BackCheckCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftwasm/WasmKit", exact: "0.4.2"),
        // `swift package generate-documentation --target AssessmentKit` (not part of the build).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
    ],
    targets: [
        // The system libyaml, found through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Starting a helper thread on another core than its parent's (see CThreads.h).
        .target(name: "CThreads"),
        // YAML nodes with source marks, diagnostics, typed reading, JSON conversion.
        .target(name: "BackCheckYAML", dependencies: ["CYAML"]),
        // The expression language of the catalogue format (spec section 4).
        .target(name: "BackCheckExpressions", dependencies: ["BackCheckYAML"]),
        // What an evaluator plugin is written against: the plugin protocol, the assessment as a
        // plugin sees it, shared rule machinery and norms. Plugins depend on this and nothing above.
        .target(name: "BackCheckPluginAPI", dependencies: ["BackCheckYAML", "BackCheckExpressions"]),
        // The evaluator plugins, one folder each; each depends on the plugin API and nothing above it.
        .target(
            name: "ThresholdsEvaluator",
            dependencies: ["BackCheckPluginAPI"],
            path: "Plugins/thresholds"
        ),
        .target(
            name: "NormativeEvaluator",
            dependencies: ["BackCheckPluginAPI"],
            path: "Plugins/normative"
        ),
        .target(
            name: "ChecklistEvaluator",
            dependencies: ["BackCheckPluginAPI"],
            path: "Plugins/checklist"
        ),
        .target(
            name: "RedFlagsEvaluator",
            dependencies: ["BackCheckPluginAPI"],
            path: "Plugins/red-flags"
        ),
        .target(
            name: "FiringOrderEvaluator",
            dependencies: ["BackCheckPluginAPI"],
            path: "Plugins/firing-order"
        ),
        // Runs the WebAssembly evaluator modules a catalogue brings, sandboxed (WasmKit).
        .target(
            name: "WebAssemblyEvaluators",
            dependencies: [
                "BackCheckPluginAPI", .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "WasmParser", package: "WasmKit"),
            ],
            path: "Plugins/webassembly"
        ),
        // The five built-in evaluators as one list, for the program that assembles a registry.
        .target(
            name: "BuiltinEvaluators",
            dependencies: [
                "BackCheckPluginAPI", "ThresholdsEvaluator", "NormativeEvaluator", "ChecklistEvaluator",
                "RedFlagsEvaluator", "FiringOrderEvaluator",
            ]
        ),
        // The built-in catalogue, embedded into the program at build time.
        .target(name: "BuiltinCatalogue", plugins: ["EmbedCatalogue"]),
        .plugin(
            name: "EmbedCatalogue",
            capability: .buildTool(),
            dependencies: ["catalogue-embedder"],
            path: "Plugins/EmbedCatalogue"
        ),
        .executableTarget(name: "catalogue-embedder", dependencies: ["BackCheckYAML"], path: "Plugins/CatalogueEmbedder"),
        // The catalogue, the plugin registry, the engine that runs assessments, the report and
        // its exports. Knows nothing of terminals.
        .target(
            name: "AssessmentKit",
            dependencies: [
"BackCheckYAML", "BackCheckExpressions", "BackCheckPluginAPI", "BuiltinCatalogue", "CThreads"],
            // The skeletons of `backcheck new` are data, embedded by the EmbedCatalogue plugin.
            exclude: ["Authoring/Templates"]
        ),
        // The system SQLite, for the history store.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // Check-ins over time: reports kept in a local SQLite store, trends and comparisons.
        // Knows nothing of terminals.
        .target(name: "CheckInHistory", dependencies: ["AssessmentKit", "BackCheckYAML", "BackCheckPluginAPI", "CSQLite"]),
        // The command-line tool as a library: a thin shell over AssessmentKit that parses
        // arguments, talks to the terminal, renders, and holds the registry it was started with.
        .target(
            name: "BackCheckCLI",
            dependencies: [
                "AssessmentKit", "BackCheckYAML", "BackCheckExpressions", "BackCheckPluginAPI", "CheckInHistory",
                "BuiltinCatalogue", "BuiltinEvaluators", "WebAssemblyEvaluators",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The `backcheck` program: the CLI with the built-in evaluators. On Linux the Swift
        // runtime and Foundation are linked in, at a fixed address, exporting nothing: no dozen
        // shared libraries to load, no relocating of a 50 MB image, no symbol table for the
        // system libraries' lookups to search. A `run` takes about 5 ms less (a fifth of it),
        // and the program runs where Swift is not installed (libyaml and SQLite stay the
        // system's). The cost: its own code is not placed at a random address (the libraries
        // still are). Foundation's static library needs its two helper libraries named; lld,
        // which the toolchain ships, links it without GNU ld's warnings about Foundation's code.
        .executableTarget(
            name: "backcheck", dependencies: ["BackCheckCLI", "BuiltinEvaluators"],
            linkerSettings: [
                .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux])),
                .linkedLibrary("_FoundationCollections", .when(platforms: [.linux])),
                .linkedLibrary("_FoundationCShims", .when(platforms: [.linux])),
            ]
        ),
        // What several test targets share (a seeded random generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BackCheckYAMLTests", dependencies: ["BackCheckYAML"]),
        .testTarget(name: "BackCheckExpressionsTests", dependencies: ["BackCheckExpressions", "TestSupport"]),
        .testTarget(name: "CatalogueTests", dependencies: ["AssessmentKit", "BackCheckYAML", "BackCheckPluginAPI", "BuiltinCatalogue", "BuiltinEvaluators", "TestSupport"]),
        .testTarget(
            name: "AssessmentKitTests",
            dependencies: ["AssessmentKit", "BackCheckYAML", "BackCheckExpressions", "BackCheckPluginAPI", "BuiltinEvaluators", "CThreads"]
        ),
        // End-to-end tests through the built `backcheck` binary (found next to the test bundle).
        .testTarget(name: "CLITests", exclude: ["Fixtures", "Scripts"]),
        // The WebAssembly sandbox and catalogue modules, hostile ones included (written in WAT).
        .testTarget(
            name: "WebAssemblyTests",
            dependencies: [
                "WebAssemblyEvaluators", "AssessmentKit", "BuiltinEvaluators", "BackCheckPluginAPI", "BackCheckYAML",
                .product(name: "WAT", package: "WasmKit"),
            ]
        ),
        .testTarget(
            name: "PluginTests",
            dependencies: [
                "BackCheckPluginAPI", "BackCheckExpressions", "BackCheckYAML", "ThresholdsEvaluator",
                "NormativeEvaluator", "ChecklistEvaluator", "RedFlagsEvaluator", "FiringOrderEvaluator", "TestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Every Swift target: an import is internal unless marked `public import`, and a member is
// visible only where its module is imported.
for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
