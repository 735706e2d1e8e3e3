import CredenceServer
import Crypto
import Foundation
import Logging
import PostgresNIO

/// Real PostgreSQL for tests: one migrated template per schema version, and a fresh database copied from it
/// for each test, so tests run in parallel and code under test can open its own transactions.
actor TestDatabase {
    static let shared = TestDatabase()

    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemaDirectory = projectRoot.appendingPathComponent("schema")
    static let seedDirectory = projectRoot.appendingPathComponent("seed/taxonomy")

    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    let serverURL: DatabaseURL
    private let admin: PostgresClient
    private var template: Task<String, any Error>?
    private var seededTemplate: Task<String, any Error>?

    private init() {
        guard let text = ProcessInfo.processInfo.environment["DATABASE_URL"], var url = try? DatabaseURL(parsing: text) else {
            preconditionFailure("DATABASE_URL must name a PostgreSQL server the tests may create databases on; run `scripts/dev test`")
        }
        // Suites run in parallel, each with a service and a client of its own: small pools keep the sum under
        // the server's max_connections, which would otherwise refuse connections and stall the waiting tests.
        url.maxConnections = 4
        serverURL = url
        admin = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: Self.logger)
        let admin = self.admin
        Task.detached { await admin.run() }
    }

    /// A new database migrated to the current schema, dropped when `body` returns.
    static func withMigrated<T: Sendable>(_ body: @Sendable (DatabaseURL) async throws -> T) async throws -> T {
        let template = try await shared.templateName()
        return try await shared.withDatabase(copying: template, body)
    }

    /// A new database migrated and loaded with the built-in taxonomy (from a second template, made once).
    static func withSeeded<T: Sendable>(_ body: @Sendable (DatabaseURL) async throws -> T) async throws -> T {
        let template = try await shared.seededTemplateName()
        return try await shared.withDatabase(copying: template, body)
    }

    /// A new, empty database (no migrations applied), dropped when `body` returns.
    static func withEmpty<T: Sendable>(_ body: @Sendable (DatabaseURL) async throws -> T) async throws -> T {
        try await shared.withDatabase(copying: "template0", body)
    }

    private func withDatabase<T: Sendable>(copying template: String, _ body: @Sendable (DatabaseURL) async throws -> T) async throws -> T {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await execute("CREATE DATABASE \(name) TEMPLATE \(template) STRATEGY FILE_COPY")
        do {
            let result = try await body(serverURL.with(database: name))
            try await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            return result
        } catch {
            try? await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }

    /// The template for the current schema files, made once (across processes, under an advisory lock).
    private func templateName() async throws -> String {
        if let template { return try await template.value }
        let task = Task { try await self.makeTemplate() }
        template = task
        return try await task.value
    }

    private func seededTemplateName() async throws -> String {
        if let seededTemplate { return try await seededTemplate.value }
        let task = Task { try await self.makeTemplate(seeded: true) }
        seededTemplate = task
        return try await task.value
    }

    private func makeTemplate(seeded: Bool = false) async throws -> String {
        let migrations = try Migration.load(from: Self.schemaDirectory)
        var inputs = migrations.map(\.checksum)
        if seeded {
            // The seeded template also depends on the code that normalises and loads labels.
            inputs.append(try String(contentsOf: Self.seedDirectory.appendingPathComponent("MANIFEST"), encoding: .utf8))
            for folder in ["Sources/Skills", "Sources/CredenceServer/Skills"] {
                let directory = Self.projectRoot.appendingPathComponent(folder)
                for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
                    inputs.append(try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8))
                }
            }
        }
        let digest = SHA256.hash(data: Data(inputs.joined().utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
        let name = "credence_tpl_\(digest)" + (seeded ? "_seeded" : "")
        try await admin.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(4242)", logger: Self.logger)
            do {
                try await self.createTemplateIfMissing(name, migrations: migrations, seeded: seeded, on: connection)
                try await connection.query("SELECT pg_advisory_unlock(4242)", logger: Self.logger)
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(4242)", logger: Self.logger)
                throw error
            }
        }
        return name
    }

    private func createTemplateIfMissing(_ name: String, migrations: [Migration], seeded: Bool, on connection: PostgresConnection) async throws {
        let rows = try await connection.query("SELECT 1 FROM pg_database WHERE datname = \(name)", logger: Self.logger)
        var exists = false
        for try await _ in rows { exists = true }
        guard !exists else { return }
        let building = name + "_build"
        try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(building) WITH (FORCE)"), logger: Self.logger)
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(building) TEMPLATE template0"), logger: Self.logger)
        _ = try await PostgresClient.withRunning(serverURL.with(database: building).clientConfiguration, logger: Self.logger) { client in
            try await Migrator(migrations: migrations).migrate(client: client, apply: true, logger: Self.logger)
            if seeded { _ = try await TaxonomyLoader(client: client, logger: Self.logger).load(from: Self.seedDirectory) }
        }
        try await connection.query(PostgresQuery(unsafeSQL: "ALTER DATABASE \(building) RENAME TO \(name)"), logger: Self.logger)
    }

    private func execute(_ sql: String) async throws {
        try await admin.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger)
    }
}
