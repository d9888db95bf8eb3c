// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Warraq",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "warraq", targets: ["WarraqCLI"]),
        .library(name: "Warraq", targets: ["Warraq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Already under Hummingbird; named so the preview can put a handler before its HTTP codec.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // Debian's libcmark, found through pkg-config.
        .systemLibrary(
            name: "CMark",
            path: "Sources/CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Debian's libvips (libvips-dev), found through pkg-config: image sizes, thumbnails and WebP.
        .systemLibrary(
            name: "CVips",
            path: "Sources/CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // openat2 for the output folder's paths (Linux), which Swift cannot call itself.
        .systemLibrary(name: "COpenBeneath", path: "Sources/COpenBeneath"),
        // The template module: the default theme (Mustache files and CSS) and the code that renders with it.
        .target(
            name: "Templates",
            dependencies: [.product(name: "Mustache", package: "swift-mustache")],
            path: "Templates",
            resources: [.copy("theme")]
        ),
        // The generator: read → model → plan → render → write, run in order by Build/.
        .target(
            name: "Warraq",
            dependencies: [
                "CMark",
                "COpenBeneath",
                "CVips",
                "Templates",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"]
        ),
        // The preview server lives apart so the generator and its tests build without Hummingbird.
        .target(
            name: "PreviewServer",
            dependencies: [
                "Warraq",
                "Templates",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ]
        ),
        .executableTarget(
            name: "WarraqCLI",
            dependencies: [
                "Warraq",
                "PreviewServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "WarraqTests", dependencies: ["Warraq", "Templates"], exclude: ["Fixtures"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"]),
        .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer", "Warraq"]),
        // Runs the built `warraq` executable; depending on its target makes every test build build it first.
        .testTarget(name: "WarraqCLITests", dependencies: ["WarraqCLI", "Warraq"]),
    ],
    swiftLanguageModes: [.v6]
)
