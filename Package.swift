// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NewsETL",
    products: [
        .executable(name: "newsetl", targets: ["newsetl"]),
        .library(name: "NewsETL", targets: ["NewsETL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // CLD2's interface is C++; this target gives it a C face for Swift.
        .target(
            name: "CLanguageID",
            linkerSettings: [.linkedLibrary("cld2")]
        ),
        .target(
            name: "NewsETL",
            dependencies: ["CLibXML2", "CLibCSV", "CSQLite", "CLibCrypto", "CLanguageID", .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "newsetl",
            dependencies: [
                "NewsETL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libFuzzer harnesses (`make fuzz`); built normally they replay a corpus.
        .executableTarget(name: "FuzzDecode", dependencies: ["NewsETL"]),
        .executableTarget(name: "FuzzConfig", dependencies: ["NewsETL"]),
        .testTarget(
            name: "NewsETLTests",
            dependencies: ["NewsETL"],
            exclude: ["Golden"]
        ),
    ]
)
