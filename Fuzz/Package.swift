// swift-tools-version:6.0
// The libFuzzer targets of the curriculum compiler. A package of its own, so the fuzzers
// (which only link with -sanitize=fuzzer) stay out of the main `swift build` and `swift test`.
// Build and run them with `make fuzz` from the repository root; see docs/security.md.
import PackageDescription

let package = Package(
    name: "CurriculumFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "curriculum", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzDriver", .product(name: "CurriculumKit", package: "curriculum")]
        ),
        .executableTarget(
            name: "ModuleFuzzer",
            dependencies: ["FuzzSupport", .product(name: "CurriculumKit", package: "curriculum")]
        ),
        .executableTarget(
            name: "ConfigFuzzer",
            dependencies: ["FuzzSupport", .product(name: "CurriculumKit", package: "curriculum")]
        ),
        .executableTarget(
            name: "CurriculumFuzzer",
            dependencies: ["FuzzSupport", .product(name: "CurriculumKit", package: "curriculum")]
        ),
    ]
)
