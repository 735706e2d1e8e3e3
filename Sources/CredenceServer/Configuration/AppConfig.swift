public import Foundation
public import Logging
public import Verification

/// Everything the service reads from its environment, read once in `main` and passed down.
public struct AppConfig: Sendable {
    public var database: DatabaseURL
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    public var logFormat: LogFormat
    /// Largest request body accepted on ordinary endpoints, in bytes.
    public var maxBodyBytes: Int
    /// Largest credential body (`POST /v1/credentials`: baked images included) and NDJSON line, in bytes.
    public var maxCredentialBytes: Int
    /// Largest streamed import (`POST /v1/imports`) in bytes.
    public var maxImportBytes: Int
    /// Folder holding the numbered `schema/NNNN_name.sql` migrations.
    public var schemaDirectory: URL
    /// Folder holding seed data (taxonomy, demo credentials).
    public var seedDirectory: URL
    /// Apply pending migrations at start instead of refusing to start.
    public var migrateOnStart: Bool
    /// What outbound fetches (DID documents, status lists, OB 2.0 documents) may reach.
    public var outbound: OutboundPolicy
    /// Verification policy: clock skew, keys only the credential vouches for, issuer key binding.
    public var verification: VerificationOptions
    /// A folder of extra JSON-LD contexts (with an INDEX.json) beyond the pinned ones.
    public var additionalContexts: URL?
    /// Searches each API key may make per second (bursts of twice as many).
    public var searchesPerSecondPerKey: Int
    /// Where search ranks: an in-memory copy of the index (default) or PostgreSQL alone.
    public var searchEngine: SearchEngine

    public init(
        database: DatabaseURL,
        host: String = "127.0.0.1",
        port: Int = 8080,
        logLevel: Logger.Level = .info,
        logFormat: LogFormat = .text,
        maxBodyBytes: Int = 1 << 20,
        maxCredentialBytes: Int = 8 << 20,
        maxImportBytes: Int = 1 << 30,
        schemaDirectory: URL = URL(fileURLWithPath: "schema"),
        seedDirectory: URL = URL(fileURLWithPath: "seed"),
        migrateOnStart: Bool = false,
        outbound: OutboundPolicy = OutboundPolicy(),
        verification: VerificationOptions = VerificationOptions(),
        additionalContexts: URL? = nil,
        searchesPerSecondPerKey: Int = 20,
        searchEngine: SearchEngine = .memory
    ) {
        self.database = database
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.logFormat = logFormat
        self.maxBodyBytes = maxBodyBytes
        self.maxCredentialBytes = maxCredentialBytes
        self.maxImportBytes = maxImportBytes
        self.schemaDirectory = schemaDirectory
        self.seedDirectory = seedDirectory
        self.migrateOnStart = migrateOnStart
        self.outbound = outbound
        self.verification = verification
        self.additionalContexts = additionalContexts
        self.searchesPerSecondPerKey = searchesPerSecondPerKey
        self.searchEngine = searchEngine
    }

    /// Reads the configuration from environment variables, collecting every problem before failing,
    /// so an operator fixes them all in one go.
    public static func load(from environment: [String: String]) throws(ConfigurationError) -> AppConfig {
        var problems: [String] = []
        func value(_ name: String) -> String? {
            guard let v = environment[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
            guard let text = value(name) else { return fallback }
            guard let n = Int(text), range.contains(n) else {
                problems.append("\(name)=\(text) is not a whole number in \(range.lowerBound)...\(range.upperBound)")
                return fallback
            }
            return n
        }

        var database: DatabaseURL?
        if let url = value("DATABASE_URL") {
            do {
                database = try DatabaseURL(parsing: url)
            } catch {
                problems.append("DATABASE_URL is malformed: \(error.message)")
            }
        } else {
            problems.append("DATABASE_URL is not set (expected postgres://user:password@host:port/database)")
        }

        let port = integer("PORT", default: 8080, range: 0...65535)
        let maxBody = integer("MAX_BODY_BYTES", default: 1 << 20, range: 1024...(64 << 20))
        let maxCredential = integer("MAX_CREDENTIAL_BYTES", default: 8 << 20, range: 1024...(64 << 20))
        let maxImport = integer("MAX_IMPORT_BYTES", default: 1 << 30, range: 1024...(1 << 40))
        let searchRate = integer("SEARCH_RATE_PER_KEY", default: 20, range: 1...100_000)
        let poolSize = integer("DATABASE_POOL_SIZE", default: 20, range: 1...1_000)

        var logLevel = Logger.Level.info
        if let text = value("LOG_LEVEL") {
            if let level = Logger.Level(rawValue: text.lowercased()) {
                logLevel = level
            } else {
                let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append("LOG_LEVEL=\(text) is not one of \(names)")
            }
        }

        var searchEngine = SearchEngine.memory
        if let text = value("SEARCH_ENGINE") {
            if let engine = SearchEngine(rawValue: text.lowercased()) {
                searchEngine = engine
            } else {
                problems.append("SEARCH_ENGINE=\(text) is not memory or sql")
            }
        }
        var logFormat = LogFormat.text
        if let text = value("LOG_FORMAT") {
            if let format = LogFormat(rawValue: text.lowercased()) {
                logFormat = format
            } else {
                problems.append("LOG_FORMAT=\(text) is not text or json")
            }
        }

        func flag(_ name: String) -> Bool {
            guard let text = value(name) else { return false }
            switch text.lowercased() {
            case "1", "true", "yes": return true
            case "0", "false", "no": return false
            default:
                problems.append("\(name)=\(text) is not true or false")
                return false
            }
        }
        let migrateOnStart = flag("MIGRATE_ON_START")
        let outbound = OutboundPolicy(
            allowPlainHTTP: flag("FETCH_ALLOW_HTTP"),
            allowPrivateAddresses: flag("FETCH_ALLOW_PRIVATE_ADDRESSES"),
            offline: flag("OFFLINE"),
            timeout: .milliseconds(integer("FETCH_TIMEOUT_MS", default: 5_000, range: 100...120_000)),
            maxBytes: integer("FETCH_MAX_BYTES", default: 2 << 20, range: 1024...(256 << 20))
        )

        var verification = VerificationOptions()
        verification.clockSkew = TimeInterval(integer("VERIFY_CLOCK_SKEW_SECONDS", default: 300, range: 0...86_400))
        if let policy = value("VERIFY_UNCONFIRMED_KEYS") {
            switch policy.lowercased() {
            case "accept": verification.unconfirmedKeys = .acceptWithWarning
            case "reject": verification.unconfirmedKeys = .reject
            default: problems.append("VERIFY_UNCONFIRMED_KEYS=\(policy) is not accept or reject")
            }
        }
        if value("VERIFY_REQUIRE_ISSUER_KEY_BINDING") != nil {
            verification.requireIssuerKeyBinding = flag("VERIFY_REQUIRE_ISSUER_KEY_BINDING")
        }

        guard problems.isEmpty, var database else { throw ConfigurationError(problems: problems) }
        database.maxConnections = poolSize
        return AppConfig(
            database: database,
            host: value("HOST") ?? "127.0.0.1",
            port: port,
            logLevel: logLevel,
            logFormat: logFormat,
            maxBodyBytes: maxBody,
            maxCredentialBytes: maxCredential,
            maxImportBytes: maxImport,
            schemaDirectory: URL(fileURLWithPath: value("CREDENCE_SCHEMA_DIR") ?? "schema"),
            seedDirectory: URL(fileURLWithPath: value("CREDENCE_SEED_DIR") ?? "seed"),
            migrateOnStart: migrateOnStart,
            outbound: outbound,
            verification: verification,
            additionalContexts: value("CREDENCE_CONTEXTS_DIR").map { URL(fileURLWithPath: $0) },
            searchesPerSecondPerKey: searchRate,
            searchEngine: searchEngine
        )
    }
}

/// Where search ranks (docs/ranking.md §6). `memory` answers from a copy of the index each instance keeps exact
/// against PostgreSQL (about 100 bytes a row); `sql` ranks in PostgreSQL alone, for small deployments or little memory.
public enum SearchEngine: String, Sendable {
    case memory, sql
}

/// How log lines are written: readable text for development, one JSON object per line for production.
public enum LogFormat: String, Sendable {
    case text, json
}

/// Every configuration problem found at start-up, in one message.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let problems: [String]

    public var description: String {
        "Invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
