// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cpd",
    products: [
        .executable(name: "cpd", targets: ["cpd"]),
        .library(name: "CPDKit", targets: ["CPDKit"]),
        .library(name: "CPDRender", targets: ["CPDRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // The C boundary: Cairo, Pango and fontconfig headers, linked through pkg-config.
        .systemLibrary(
            name: "CCairoPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // zlib, for packing PDF objects into compressed object streams (PDFCompactor).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Turns Bodies/*.yaml and Layouts/*.yaml into string constants compiled into the binary.
        .executableTarget(name: "EmbedData", path: "Sources/EmbedData"),
        .plugin(name: "EmbedDataPlugin", capability: .buildTool(), dependencies: ["EmbedData"]),
        .target(name: "CPDData", plugins: ["EmbedDataPlugin"]),
        .target(name: "CPDKit", dependencies: ["CPDData", .product(name: "Yams", package: "Yams")]),
        .target(name: "CPDRender", dependencies: ["CPDKit", "CPDData", "CCairoPango", "CZlib", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "cpd",
            dependencies: ["CPDKit", "CPDRender", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The floor benchmark: the same strings shaped and drawn with bare Pango and Cairo calls.
        .executableTarget(name: "cpd-floor", dependencies: ["CPDKit", "CCairoPango"]),
        .testTarget(name: "CPDKitTests", dependencies: ["CPDKit"]),
        .testTarget(name: "CPDRenderTests", dependencies: ["CPDRender", "CPDKit"]),
        .testTarget(name: "CLITests", dependencies: ["CPDKit"], exclude: ["Snapshots"]),
    ]
)

// Fuzz targets (Fuzz/, run by scripts/fuzz.sh), only when CPD_FUZZ is set: a libFuzzer entry point
// links only with -sanitize=fuzzer, and the library code they reach is instrumented for coverage.
if Context.environment["CPD_FUZZ"] != nil {
    let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
    for target in package.targets where ["CPDKit", "CPDRender"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + fuzzFlags
    }
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"))
    for (name, module) in [("fuzz-csv", "CPDKit"), ("fuzz-json", "CPDKit"), ("fuzz-body", "CPDKit"), ("fuzz-layout", "CPDRender")] {
        package.targets.append(.executableTarget(
            name: name, dependencies: [.target(name: module), "FuzzDriver"], path: "Fuzz/\(name)",
            swiftSettings: fuzzFlags + [.unsafeFlags(["-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        ))
    }
}
