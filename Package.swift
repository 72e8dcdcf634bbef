// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "curriculum",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "curriculum", targets: ["curriculum"]),
        // Every stage in the product, not only the umbrella: a package that depends on it (Fuzz/)
        // then depends on each stage directly and recompiles when one changes.
        .library(name: "CurriculumKit", targets: ["CurriculumKit", "CurriculumCore", "CurriculumParse", "CurriculumCheck", "CurriculumRender", "CurriculumBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `curriculum serve` only (docs/modules.md): a small HTTP server that builds in well
        // under a minute; the rest of the library does not depend on it.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The library in pipeline stages, each target importing only the ones before it
        // (docs/architecture.md); `make build` and `make test` pass
        // --explicit-target-dependency-import-check error so an upward import fails the build.
        .target(
            name: "CurriculumCore"
        ),
        .target(
            name: "CurriculumParse",
            dependencies: [
                "CurriculumCore",
                "Ccmark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "CurriculumCheck",
            dependencies: ["CurriculumCore", "CurriculumParse"]
        ),
        .target(
            name: "CurriculumRender",
            dependencies: ["CurriculumCore", "CurriculumParse", "CurriculumCheck"]
        ),
        .target(
            name: "CurriculumBuild",
            dependencies: ["CurriculumCore", "CurriculumParse", "CurriculumCheck", "CurriculumRender"]
        ),
        // The umbrella the command line, the tests and the Fuzz package import: it re-exports
        // every stage and holds no code of its own.
        .target(
            name: "CurriculumKit",
            dependencies: ["CurriculumCore", "CurriculumParse", "CurriculumCheck", "CurriculumRender", "CurriculumBuild"]
        ),
        // The live preview's server, watcher and toolbar, on top of the build (`curriculum serve`).
        .target(
            name: "CurriculumServe",
            dependencies: [
                "CurriculumBuild",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "curriculum",
            // Every stage named, not only the umbrella: an incremental build then recompiles the
            // command line when a stage's declarations change (through the umbrella's re-exports
            // alone it did not, and left a stale binary).
            dependencies: [
                "CurriculumKit",
                "CurriculumCore", "CurriculumParse", "CurriculumCheck", "CurriculumRender", "CurriculumBuild",
                "CurriculumServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CurriculumKitTests",
            dependencies: ["CurriculumKit", "CurriculumCore", "CurriculumParse", "CurriculumCheck", "CurriculumRender", "CurriculumBuild"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CurriculumServeTests",
            dependencies: ["CurriculumServe", "CurriculumKit", "CurriculumCore", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .testTarget(
            name: "CurriculumCLITests",
            dependencies: ["curriculum"],
            exclude: ["Browser"]
        ),
    ]
)
