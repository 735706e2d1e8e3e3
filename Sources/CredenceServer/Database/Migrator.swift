import Credentials
public import Foundation
public import Logging
public import PostgresNIO

/// One numbered schema file, `NNNN_name.sql`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String
    /// SHA-256 of the file's bytes, so editing an applied migration is caught.
    public let checksum: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = ContentDigest.sha256Hex(Data(sql.utf8))
    }

    /// Reads every `NNNN_name.sql` in a folder, in version order.
    public static func load(from directory: URL) throws(MigrationError) -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .schemaDirectoryMissing(directory.path)
        }
        var migrations: [Migration] = []
        for file in names where file.hasSuffix(".sql") {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]) else {
                throw .badFileName(file)
            }
            guard let sql = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else {
                throw .unreadable(file)
            }
            migrations.append(Migration(version: version, name: String(stem[stem.index(after: underscore)...]), sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw .duplicateVersion(a.version)
        }
        return migrations
    }
}

public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case schemaDirectoryMissing(String)
    case badFileName(String)
    case unreadable(String)
    case duplicateVersion(Int)
    /// The database has pending migrations and this run was not allowed to apply them.
    case pending([String])
    /// An applied migration's file changed since it was applied.
    case checksumMismatch(version: Int, name: String)
    /// The database has applied a migration this build does not know (a newer build ran against it).
    case unknownApplied(version: Int, name: String)
    /// A file numbered below an applied migration is not applied: history was rewritten.
    case outOfOrder(version: Int, name: String)
    /// A statement of a migration failed; nothing of the run was applied.
    case statementFailed(version: Int, name: String, statement: String, message: String)

    public var description: String {
        switch self {
        case .schemaDirectoryMissing(let p): return "schema folder not found at \(p) (set CREDENCE_SCHEMA_DIR)"
        case .badFileName(let f): return "schema file \(f) is not named NNNN_name.sql"
        case .unreadable(let f): return "schema file \(f) is not readable UTF-8"
        case .duplicateVersion(let v): return "two schema files share version \(v)"
        case .pending(let names): return "migrations pending: \(names.joined(separator: ", ")); run `credence migrate` or start with --migrate"
        case .checksumMismatch(let v, let n): return "applied migration \(v) \(n) was edited after it was applied; add a new migration instead"
        case .unknownApplied(let v, let n): return "the database has migration \(v) \(n) that this build does not have"
        case .outOfOrder(let v, let n): return "migration \(v) \(n) is numbered below one already applied; renumber it after the newest"
        case .statementFailed(let v, let n, let statement, let message):
            return "migration \(v) \(n) failed, and nothing was applied: \(message)\nin: \(statement)"
        }
    }
}

/// Applies `schema/` migrations forward-only, all pending ones in one transaction, one runner at a time.
public struct Migrator: Sendable {
    /// An arbitrary constant for `pg_advisory_xact_lock`, so two processes never migrate at once.
    static let lockKey: Int64 = 0x4352_4544_454E_4345  // "CREDENCE"

    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations
    }

    /// Brings the database up to date, or only checks it when `apply` is false.
    /// - Returns: the names of the migrations applied (or pending, when only checking and none would throw).
    @discardableResult
    public func migrate(client: PostgresClient, apply: Bool, logger: Logger) async throws -> [String] {
        try await client.transaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                logger: logger
            )
            let pending = try self.pending(given: try await Self.applied(on: connection, logger: logger))
            guard !pending.isEmpty else { return [] }
            guard apply else { throw MigrationError.pending(pending.map { "\($0.version)_\($0.name)" }) }
            for migration in pending {
                logger.info("applying migration", metadata: ["migration.version": "\(migration.version)", "migration.name": "\(migration.name)"])
                for statement in SQLScript.statements(in: migration.sql) {
                    do {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    } catch let error as PSQLError {
                        throw MigrationError.statementFailed(
                            version: migration.version, name: migration.name, statement: String(statement.prefix(200)),
                            message: error.serverInfo?[.message] ?? String(reflecting: error)
                        )
                    }
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (\(migration.version), \(migration.name), \(migration.checksum))",
                    logger: logger
                )
            }
            return pending.map { "\($0.version)_\($0.name)" }
        }
    }

    /// The names of pending migrations, read without taking the lock (for readiness checks).
    /// Throws when the applied history does not match this build.
    public func pendingNames(client: PostgresClient, logger: Logger) async throws -> [String] {
        try await client.withConnection { connection in
            let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
            var tableExists = false
            for try await flag in exists.decode(Bool.self) { tableExists = flag }
            let applied = tableExists ? try await Self.applied(on: connection, logger: logger) : []
            return try self.pending(given: applied).map { "\($0.version)_\($0.name)" }
        }
    }

    static func applied(on connection: PostgresConnection, logger: Logger) async throws -> [(version: Int, name: String, checksum: String)] {
        let rows = try await connection.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version", logger: logger)
        var applied: [(version: Int, name: String, checksum: String)] = []
        for try await (version, name, checksum) in rows.decode((Int, String, String).self) {
            applied.append((version, name, checksum))
        }
        return applied
    }

    /// The migrations still to apply, after checking the applied ones are an unedited prefix of ours.
    func pending(given applied: [(version: Int, name: String, checksum: String)]) throws(MigrationError) -> [Migration] {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for row in applied {
            guard let migration = known[row.version] else { throw .unknownApplied(version: row.version, name: row.name) }
            guard migration.checksum == row.checksum else { throw .checksumMismatch(version: row.version, name: row.name) }
        }
        let appliedVersions = Set(applied.map(\.version))
        let pending = migrations.filter { !appliedVersions.contains($0.version) }
        // Forward-only: a pending file numbered below an applied one means history was rewritten.
        if let newestApplied = appliedVersions.max(), let stray = pending.first(where: { $0.version < newestApplied }) {
            throw .outOfOrder(version: stray.version, name: stray.name)
        }
        return pending
    }
}
