// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "BackCheck",
    products: [
        .executable(name: "backcheck", targets: ["backcheck"]),
        .library(name: "AssessmentKit", targets: ["AssessmentKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
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
            dependencies: ["BackCheckPluginAPI", "BackCheckExpressions", "BackCheckYAML"],
            path: "Plugins/thresholds"
        ),
        .target(
            name: "NormativeEvaluator",
            dependencies: ["BackCheckPluginAPI", "BackCheckExpressions", "BackCheckYAML"],
            path: "Plugins/normative"
        ),
        .target(
            name: "ChecklistEvaluator",
            dependencies: ["BackCheckPluginAPI", "BackCheckExpressions", "BackCheckYAML"],
            path: "Plugins/checklist"
        ),
        .target(
            name: "RedFlagsEvaluator",
            dependencies: ["BackCheckPluginAPI", "BackCheckExpressions", "BackCheckYAML"],
            path: "Plugins/red-flags"
        ),
        .target(
            name: "FiringOrderEvaluator",
            dependencies: ["BackCheckPluginAPI", "BackCheckExpressions", "BackCheckYAML"],
            path: "Plugins/firing-order"
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
                "BackCheckYAML", "BackCheckExpressions", "BackCheckPluginAPI", "BuiltinCatalogue",
                "ThresholdsEvaluator", "NormativeEvaluator", "ChecklistEvaluator", "RedFlagsEvaluator",
                "FiringOrderEvaluator",
            ],
            // The skeletons of `backcheck new` are data, embedded by the EmbedCatalogue plugin.
            exclude: ["Authoring/Templates"]
        ),
        // Check-ins over time: reports kept in a local SQLite store (through GRDB), trends and
        // comparisons. Knows nothing of terminals.
        .target(
            name: "CheckInHistory",
            dependencies: ["AssessmentKit", "BackCheckYAML", "BackCheckPluginAPI", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The command-line tool: a thin shell over AssessmentKit.
        .executableTarget(
            name: "backcheck",
            dependencies: [
                "AssessmentKit", "BackCheckYAML", "BackCheckExpressions", "BackCheckPluginAPI", "CheckInHistory", "BuiltinCatalogue",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share (a seeded random generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BackCheckYAMLTests", dependencies: ["BackCheckYAML"]),
        .testTarget(name: "BackCheckExpressionsTests", dependencies: ["BackCheckExpressions", "TestSupport"]),
        .testTarget(name: "CatalogueTests", dependencies: ["AssessmentKit", "BackCheckYAML", "BackCheckPluginAPI", "TestSupport"]),
        .testTarget(
            name: "AssessmentKitTests",
            dependencies: ["AssessmentKit", "BackCheckYAML", "BackCheckExpressions", "BackCheckPluginAPI"]
        ),
        // End-to-end tests through the built `backcheck` binary (found next to the test bundle).
        .testTarget(name: "CLITests", exclude: ["Fixtures", "Scripts"]),
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
