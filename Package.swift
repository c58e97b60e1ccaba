// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "IntegrityExchange",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "integrity", targets: ["integrity"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
    ],
    targets: [
        .target(name: "ExchangeCore"),
        .target(
            name: "AuditLog",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .systemLibrary(name: "CZlib"),
        .target(name: "FastJSON"),
        .target(name: "RedFlags", dependencies: ["CZlib", "FastJSON"]),
        .target(name: "BeneficialOwnership", dependencies: ["ExchangeCore", "FastJSON"]),
        .target(
            name: "ProcurementLedger",
            dependencies: ["ExchangeCore", "FastJSON", "AuditLog", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "SecureReporting",
            dependencies: [
                "ExchangeCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "App",
            dependencies: [
                "ExchangeCore", "AuditLog", "RedFlags", "SecureReporting", "BeneficialOwnership", "FastJSON",
                "ProcurementLedger",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "integrity",
            dependencies: [
                "App", "ExchangeCore", "RedFlags",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .testTarget(name: "ExchangeCoreTests", dependencies: ["ExchangeCore"]),
        .testTarget(name: "AuditLogTests", dependencies: ["AuditLog"], exclude: ["Vectors"]),
        .testTarget(name: "RedFlagsTests", dependencies: ["RedFlags"]),
        .testTarget(name: "BeneficialOwnershipTests", dependencies: ["BeneficialOwnership", "FastJSON"]),
        .testTarget(name: "ProcurementLedgerTests", dependencies: ["ProcurementLedger", "AuditLog"]),
        .testTarget(name: "SecureReportingTests", dependencies: ["SecureReporting"], exclude: ["Vectors"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "SecureReporting", "BeneficialOwnership", "ProcurementLedger", "AuditLog",
                .product(name: "XCTVapor", package: "vapor"),
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
