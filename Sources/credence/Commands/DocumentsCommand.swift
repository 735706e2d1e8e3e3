import ArgumentParser
import CredenceServer
import Foundation
import PostgresNIO

struct DocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "Manage the document cache that verification reads before the network.",
        subcommands: [Add.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preload a document (DID document, status list, JWKS, JSON-LD context, OB 2.0 issuer…) so it is served without network access."
        )

        @Argument(help: "The URL the document is served at (for did:web, the https URL the DID resolves to).")
        var url: String

        @Argument(help: "The file holding the document.")
        var file: String

        @Option(help: "Media type (default: from the file extension).")
        var mediaType: String?

        func run() async throws {
            guard let target = URL(string: url), let scheme = target.scheme, ["http", "https"].contains(scheme.lowercased()) else {
                throw ValidationError("\(url) is not an absolute http or https URL")
            }
            let body = try Data(contentsOf: URL(fileURLWithPath: file))
            let type = mediaType ?? Self.mediaType(forExtension: URL(fileURLWithPath: file).pathExtension)
            let config = CommandEnvironment.load()
            let logger = CommandEnvironment.logger(for: config)
            let url = self.url
            let info = try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
                try await DocumentCache(client: client, logger: logger).preload(
                    url: url, mediaType: type, body: Array(body), context: AuditContext(actor: .cli(command: "documents add"))
                )
            }
            print("preloaded \(info.url) (\(info.bytes) bytes, sha256 \(info.sha256))")
        }

        static func mediaType(forExtension ext: String) -> String? {
            switch ext.lowercased() {
            case "json": return "application/json"
            case "jsonld": return "application/ld+json"
            case "jwt": return "application/jwt"
            default: return nil
            }
        }
    }
}
