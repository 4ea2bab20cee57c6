// swift-tools-version:6.1
import PackageDescription

// A program of someone else's: the backcheck tool plus one evaluator of its own, built against
// BackCheck's library products only. The test copies this folder and points the path below at
// the checkout under test.
let package = Package(
    name: "MyBackCheck",
    dependencies: [
        .package(name: "BackCheck", path: "../../../.."),
    ],
    targets: [
        .target(
            name: "MinimumEvaluator",
            dependencies: [.product(name: "BackCheckPluginAPI", package: "BackCheck")]
        ),
        .executableTarget(
            name: "my-backcheck",
            dependencies: [
                "MinimumEvaluator",
                .product(name: "BackCheckCLI", package: "BackCheck"),
                .product(name: "BuiltinEvaluators", package: "BackCheck"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
