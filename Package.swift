// swift-tools-version:6.2
import PackageDescription

// Upcoming features as Hummingbird 2.28 enables them (STYLE.md §11).
var swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]
// The test command (scripts/dev test, and so CI) builds with warnings as errors; local iteration does not,
// so an unused variable mid-edit does not stop a build.
// Tests import what they use without the import-visibility rules, which add noise and no safety there.
var testSettings: [SwiftSetting] = [.swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny")]
if Context.environment["CREDENCE_STRICT"] == "1" {
    swiftSettings.append(.treatAllWarnings(as: .error))
    testSettings.append(.treatAllWarnings(as: .error))
}

let package = Package(
    name: "credence",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "credence", targets: ["credence"]),
        .library(name: "CredenceServer", targets: ["CredenceServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // Pure domain libraries: Foundation (and swift-crypto) only, so they build and test in seconds.
        .target(name: "StrictJSON", swiftSettings: swiftSettings),
        .target(
            name: "LinkedData",
            dependencies: ["StrictJSON", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Contexts")],
            swiftSettings: swiftSettings
        ),
        .target(name: "Inflate", swiftSettings: swiftSettings),
        .target(
            name: "Credentials",
            dependencies: ["StrictJSON", "Inflate", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Verification",
            dependencies: [
                "Credentials", "LinkedData", "StrictJSON", "Inflate",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Skills", dependencies: ["StrictJSON"], swiftSettings: swiftSettings),
        .target(name: "Calibration", dependencies: ["Reporting"], swiftSettings: swiftSettings),
        .target(name: "Reporting", swiftSettings: swiftSettings),

        // The service: configuration, stores (SQL), HTTP controllers, views, jobs.
        .target(
            name: "CredenceServer",
            dependencies: [
                "StrictJSON", "LinkedData", "Credentials", "Verification", "Skills", "Calibration", "Reporting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "credence",
            dependencies: [
                "CredenceServer", "LinkedData", "StrictJSON", "Credentials", "Verification",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON"], swiftSettings: testSettings),
        .testTarget(name: "LinkedDataTests", dependencies: ["LinkedData", "StrictJSON"], swiftSettings: testSettings),
        .testTarget(name: "CredentialsTests", dependencies: ["Credentials", "StrictJSON"], swiftSettings: testSettings),
        .testTarget(
            name: "VerificationTests",
            dependencies: [
                "Verification", "Credentials", "LinkedData", "StrictJSON", "Inflate", "FixtureTampering",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: testSettings
        ),
        .testTarget(name: "SkillsTests", dependencies: ["Skills"], exclude: ["Resources"], swiftSettings: testSettings),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration"], exclude: ["References"], swiftSettings: testSettings),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Skills"], exclude: ["References"], swiftSettings: testSettings),
        // One-character forgeries of signed credentials, shared by the verifier's and the service's tests.
        .target(name: "FixtureTampering", dependencies: ["StrictJSON"], path: "Tests/FixtureTampering", swiftSettings: testSettings),
        .testTarget(name: "InflateTests", dependencies: ["Inflate"], swiftSettings: testSettings),
        .testTarget(
            name: "CredenceServerTests",
            dependencies: [
                "CredenceServer", "StrictJSON", "Verification", "FixtureTampering", "Skills",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: testSettings
        ),
    ]
)
