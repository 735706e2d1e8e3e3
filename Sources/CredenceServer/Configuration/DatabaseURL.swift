import Foundation
public import PostgresNIO

/// A parsed `postgres://` URL, turned into a `PostgresClient` configuration.
///
/// Supports `postgres://user:password@host:port/database?sslmode=disable|prefer|require` and a unix socket folder
/// given as `?host=/path/to/socket/dir`, as libpq does.
public struct DatabaseURL: Sendable, Equatable {
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var socketDirectory: String?
    public var tlsMode: TLSMode
    /// Connections one client (one process) may open; PostgreSQL's `max_connections` bounds the sum over processes.
    public var maxConnections = 20

    public struct ParseError: Error {
        public let message: String
    }

    public init(parsing text: String) throws(ParseError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme else {
            throw ParseError(message: "not a URL")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw ParseError(message: "scheme must be postgres:// or postgresql://, not \(scheme)://")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        self.socketDirectory = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        guard let user = components.user, !user.isEmpty else { throw ParseError(message: "no user name") }
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.host = components.host ?? "localhost"
        if socketDirectory == nil, (components.host ?? "").isEmpty {
            throw ParseError(message: "no host")
        }
        self.port = components.port ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.isEmpty else { throw ParseError(message: "no database name") }
        self.database = path.removingPercentEncoding ?? path
        let mode = query["sslmode"] ?? "prefer"
        switch mode {
        case "disable": tlsMode = .disable
        case "allow", "prefer": tlsMode = .prefer
        case "require", "verify-ca", "verify-full": tlsMode = .require
        default: throw ParseError(message: "sslmode=\(mode) is not one of disable, prefer, require")
        }
    }

    /// The same server with another database name (tests make one database per test).
    public func with(database: String) -> DatabaseURL {
        var copy = self
        copy.database = database
        return copy
    }

    public var clientConfiguration: PostgresClient.Configuration {
        var configuration = connectionConfiguration
        configuration.options.maximumConnections = maxConnections
        return configuration
    }

    private var connectionConfiguration: PostgresClient.Configuration {
        if let socketDirectory {
            return .init(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)",
                username: username,
                password: password,
                database: database
            )
        }
        let tls: PostgresClient.Configuration.TLS
        switch tlsMode {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        return .init(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}
