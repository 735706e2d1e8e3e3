@testable import CredenceServer
import Foundation
import PostgresNIO
import Testing

@Suite struct MigratorTests {
    static let migrations = [
        Migration(version: 1, name: "one", sql: "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);"),
        Migration(
            version: 2, name: "two",
            sql: """
                -- a function whose body holds semicolons
                CREATE FUNCTION twice(x int) RETURNS int LANGUAGE plpgsql AS $$
                BEGIN
                    RETURN x * 2; -- ; inside
                END;
                $$;
                CREATE TABLE "b;c" (note text DEFAULT 'x;y');
                """
        ),
    ]

    func appliedVersions(_ client: PostgresClient) async throws -> [Int] {
        var versions: [Int] = []
        for try await v in try await client.query("SELECT version FROM schema_migrations ORDER BY version").decode(Int.self) { versions.append(v) }
        return versions
    }

    @Test func appliesPendingMigrationsOnceAndInOrder() async throws {
        try await TestDatabase.withEmpty { url in
            try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { client in
                let migrator = Migrator(migrations: Self.migrations)
                #expect(try await migrator.migrate(client: client, apply: true, logger: TestDatabase.logger) == ["1_one", "2_two"])
                #expect(try await migrator.migrate(client: client, apply: true, logger: TestDatabase.logger) == [])
                #expect(try await appliedVersions(client) == [1, 2])
                var doubled: [Int] = []
                for try await v in try await client.query("SELECT twice(21)").decode(Int.self) { doubled.append(v) }
                #expect(doubled == [42])
            }
        }
    }

    @Test func refusesPendingMigrationsUnlessAllowed() async throws {
        try await TestDatabase.withEmpty { url in
            try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { client in
                try await Migrator(migrations: Array(Self.migrations.prefix(1))).migrate(client: client, apply: true, logger: TestDatabase.logger)
                let migrator = Migrator(migrations: Self.migrations)
                await #expect(throws: MigrationError.pending(["2_two"])) {
                    try await migrator.migrate(client: client, apply: false, logger: TestDatabase.logger)
                }
                #expect(try await migrator.pendingNames(client: client, logger: TestDatabase.logger) == ["2_two"])
                #expect(try await appliedVersions(client) == [1])
            }
        }
    }

    @Test func detectsAnEditedAppliedMigration() async throws {
        try await TestDatabase.withEmpty { url in
            try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { client in
                try await Migrator(migrations: Self.migrations).migrate(client: client, apply: true, logger: TestDatabase.logger)
                var edited = Self.migrations
                edited[0] = Migration(version: 1, name: "one", sql: "CREATE TABLE a (id bigint);")
                await #expect(throws: MigrationError.checksumMismatch(version: 1, name: "one")) {
                    try await Migrator(migrations: edited).migrate(client: client, apply: true, logger: TestDatabase.logger)
                }
                await #expect(throws: MigrationError.unknownApplied(version: 2, name: "two")) {
                    try await Migrator(migrations: Array(Self.migrations.prefix(1))).migrate(client: client, apply: true, logger: TestDatabase.logger)
                }
            }
        }
    }

    @Test func aFailingMigrationLeavesNothingApplied() async throws {
        try await TestDatabase.withEmpty { url in
            try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { client in
                let broken = Self.migrations + [Migration(version: 3, name: "broken", sql: "CREATE TABLE d (id int); SELECT no_such_function();")]
                // The error names the migration and says what PostgreSQL said, not a generic driver message.
                let error = await #expect(throws: MigrationError.self) {
                    try await Migrator(migrations: broken).migrate(client: client, apply: true, logger: TestDatabase.logger)
                }
                guard case .statementFailed(let version, let name, let statement, let message) = error else {
                    Issue.record("expected statementFailed, got \(String(describing: error))")
                    return
                }
                #expect(version == 3 && name == "broken" && statement.contains("no_such_function"))
                #expect(message.contains("no_such_function") && message.contains("does not exist"))
                var tables: [String] = []
                for try await t in try await client.query("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1").decode(String.self) {
                    tables.append(t)
                }
                #expect(tables == [])
            }
        }
    }

    @Test func concurrentRunnersApplyEachMigrationOnce() async throws {
        try await TestDatabase.withEmpty { url in
            try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { client in
                let migrator = Migrator(migrations: Self.migrations)
                let results = try await withThrowingTaskGroup(of: [String].self) { group in
                    for _ in 0..<4 { group.addTask { try await migrator.migrate(client: client, apply: true, logger: TestDatabase.logger) } }
                    return try await group.reduce(into: [[String]]()) { $0.append($1) }
                }
                #expect(results.filter { !$0.isEmpty } == [["1_one", "2_two"]])
                #expect(try await appliedVersions(client) == [1, 2])
            }
        }
    }

    @Test func rejectsAFileNumberedBelowAnAppliedOne() throws {
        let migrator = Migrator(migrations: Self.migrations + [Migration(version: 0, name: "late", sql: "SELECT 1")].sorted { $0.version < $1.version })
        let applied = Self.migrations.map { (version: $0.version, name: $0.name, checksum: $0.checksum) }
        #expect(throws: MigrationError.outOfOrder(version: 0, name: "late")) { try migrator.pending(given: applied) }
    }

    @Test func loadsTheProjectSchemaInOrder() throws {
        let migrations = try Migration.load(from: TestDatabase.schemaDirectory)
        #expect(migrations.first?.version == 1)
        #expect(migrations.map(\.version) == migrations.map(\.version).sorted())
    }

    @Test func splitsStatementsRespectingQuotesCommentsAndDollarBodies() {
        let statements = SQLScript.statements(
            in: """
                -- leading comment; with a semicolon
                SELECT 'a;b', "c;d"; /* block; /* nested; */ still; */ SELECT 2;
                DO $body$ BEGIN PERFORM 1; END $body$;
                SELECT $1;
                """
        )
        #expect(statements.count == 4)
        #expect(statements[0].hasSuffix(#"SELECT 'a;b', "c;d""#))
        #expect(statements[1].hasSuffix("SELECT 2"))
        #expect(statements[2] == "DO $body$ BEGIN PERFORM 1; END $body$")
        #expect(statements[3] == "SELECT $1")
    }
}
