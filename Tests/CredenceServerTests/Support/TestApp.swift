import CredenceServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import StrictJSON

/// A running service on its own fresh database, plus direct database access for arranging and checking state.
struct TestService: Sendable {
    let database: PostgresClient
    let routes: RouteTable

    /// Creates (or reuses) an organisation and returns a new key's token for it.
    func key(org: String, kind: OrganizationKind, role: Role, earnerID: UUID? = nil) async throws -> String {
        let context = AuditContext(actor: .cli(command: "test"))
        let organization = try await OrganizationStore(client: database, logger: TestDatabase.logger).findOrCreate(name: org, kind: kind, context: context)
        let (_, secret) = try await APIKeyStore(client: database, logger: TestDatabase.logger).create(
            organizationID: organization.id, role: role, label: "test", earnerID: earnerID, context: context
        )
        return secret.token
    }

    func platformAdminKey() async throws -> String {
        try await key(org: "Platform", kind: .platform, role: .admin)
    }

    /// The rows of a single-column query, for assertions on stored state.
    func strings(_ query: PostgresQuery) async throws -> [String] {
        var result: [String] = []
        for try await value in try await database.query(query, logger: TestDatabase.logger).decode(String.self) { result.append(value) }
        return result
    }
}

enum TestApp {
    static func config(for url: DatabaseURL) -> AppConfig {
        AppConfig(
            database: url,
            port: 0,
            logLevel: .warning,
            maxBodyBytes: 64 << 10,
            schemaDirectory: TestDatabase.schemaDirectory,
            seedDirectory: TestDatabase.projectRoot.appendingPathComponent("seed"),
            // Hermetic: documents come only from what a test preloads or serves itself.
            outbound: OutboundPolicy(offline: true)
        )
    }

    /// Runs `body` against a service on a freshly migrated database, through the router (no sockets).
    static func run(
        configure: @escaping @Sendable (inout AppConfig) -> Void = { _ in },
        _ body: @escaping @Sendable (any TestClientProtocol, TestService) async throws -> Void
    ) async throws {
        try await TestDatabase.withMigrated { url in
            var config = config(for: url)
            configure(&config)
            let routes = RouteTable()
            let app = try await buildApplication(config: config, logger: TestDatabase.logger, routes: routes)
            try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { database in
                try await app.test(.router) { client in
                    try await body(client, TestService(database: database, routes: routes))
                }
            }
        }
    }
}

extension TestResponse {
    /// The body parsed as JSON (strictly), for assertions on values.
    var json: JSONValue {
        get throws { try JSONParser.parse(Array(body.readableBytesView)) }
    }

    var text: String { String(buffer: body) }
}

extension HTTPFields {
    static func bearer(_ token: String, _ extra: HTTPFields = [:]) -> HTTPFields {
        var fields = extra
        fields[.authorization] = "Bearer \(token)"
        return fields
    }

    static let json: HTTPFields = [.contentType: "application/json"]
}

extension ByteBuffer {
    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}
