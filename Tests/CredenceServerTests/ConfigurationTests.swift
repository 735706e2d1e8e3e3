import CredenceServer
import Logging
import Testing

@Suite struct ConfigurationTests {
    @Test func readsEveryValueWithDefaults() throws {
        let config = try AppConfig.load(from: ["DATABASE_URL": "postgres://u:p%40ss@db.example:6543/credence?sslmode=disable"])
        #expect(config.database.host == "db.example")
        #expect(config.database.port == 6543)
        #expect(config.database.username == "u")
        #expect(config.database.password == "p@ss")
        #expect(config.database.database == "credence")
        #expect(config.database.tlsMode == .disable)
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.logLevel == .info)
        #expect(config.migrateOnStart == false)
        #expect(config.searchesPerSecondPerKey == 20)
        #expect(try AppConfig.load(from: ["DATABASE_URL": "postgres://u@h/db", "SEARCH_RATE_PER_KEY": "500"]).searchesPerSecondPerKey == 500)
    }

    @Test func listsEveryProblemAtOnce() {
        #expect {
            try AppConfig.load(from: ["PORT": "80000", "LOG_LEVEL": "loud", "MIGRATE_ON_START": "maybe", "MAX_BODY_BYTES": "x"])
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.problems.count == 5
                && error.problems[0].hasPrefix("DATABASE_URL is not set")
                && error.description.contains("PORT=80000")
                && error.description.contains("LOG_LEVEL=loud")
                && error.description.contains("MIGRATE_ON_START=maybe")
                && error.description.contains("MAX_BODY_BYTES=x")
        }
    }

    @Test(arguments: [
        ("mysql://u@h/db", "scheme must be postgres"),
        ("postgres://h/db", "no user name"),
        ("postgres://u@h", "no database name"),
        ("postgres://u@h/db?sslmode=sometimes", "sslmode=sometimes"),
    ])
    func rejectsMalformedDatabaseURLs(url: String, message: String) {
        #expect {
            try AppConfig.load(from: ["DATABASE_URL": url])
        } throws: { error in
            (error as? ConfigurationError)?.problems.first?.contains(message) == true
        }
    }

    @Test func acceptsAUnixSocketFolder() throws {
        let url = try DatabaseURL(parsing: "postgresql://credence@/credence?host=/var/run/postgresql")
        #expect(url.socketDirectory == "/var/run/postgresql")
        #expect(url.clientConfiguration.unixSocketPath == "/var/run/postgresql/.s.PGSQL.5432")
    }
}
