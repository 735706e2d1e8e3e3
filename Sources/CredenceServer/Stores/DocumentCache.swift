import Credentials
import Crypto
public import Foundation
public import Logging
public import PostgresNIO
import StrictJSON

/// What is known about a cached document, without its body.
public struct CachedDocumentInfo: Sendable, Codable, Equatable {
    public var url: String
    public var mediaType: String?
    public var sha256: String
    public var bytes: Int
    public var source: String
    public var fetchedAt: Date
    public var expiresAt: Date?
}

/// Documents kept in PostgreSQL: what the fetcher fetched (until it expires) and what admins preloaded
/// (until replaced), shared by every instance of the service.
public struct DocumentCache: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// A usable cached copy: preloaded, or (unless `preloadedOnly`) fetched and not yet expired.
    func lookup(_ url: String, preloadedOnly: Bool = false) async throws -> FetchedDocument? {
        let rows = try await client.query(
            """
            SELECT media_type, body, http_status FROM documents
            WHERE url = \(url) AND (source = 'preloaded' OR (NOT \(preloadedOnly) AND expires_at > now()))
            """,
            logger: logger
        )
        for try await (mediaType, body, status) in rows.decode((String?, Data, Int).self) {
            return FetchedDocument(url: url, status: status, contentType: mediaType, body: Array(body))
        }
        return nil
    }

    /// Remembers a fetched document; never replaces a preloaded one, which an admin chose deliberately.
    func remember(_ document: FetchedDocument, for url: String, lifetime: Duration) async throws {
        let seconds = Double(lifetime.components.seconds)
        try await client.query(
            """
            INSERT INTO documents (url, media_type, body, sha256, source, http_status, expires_at)
            VALUES (\(url), \(document.contentType), \(Data(document.body)), \(Data(SHA256.hash(data: document.body))), 'fetched',
                    \(document.status), now() + make_interval(secs => \(seconds)))
            ON CONFLICT (url) DO UPDATE SET media_type = excluded.media_type, body = excluded.body, sha256 = excluded.sha256,
                http_status = excluded.http_status, fetched_at = now(), expires_at = excluded.expires_at
            WHERE documents.source = 'fetched'
            """,
            logger: logger
        )
    }

    /// Stores a document an admin supplies, served instead of the network from now on.
    public func preload(url: String, mediaType: String?, body: [UInt8], context: AuditContext) async throws -> CachedDocumentInfo {
        let digest = Data(SHA256.hash(data: body))
        return try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                """
                INSERT INTO documents (url, media_type, body, sha256, source, http_status, expires_at)
                VALUES (\(url), \(mediaType), \(Data(body)), \(digest), 'preloaded', 200, NULL)
                ON CONFLICT (url) DO UPDATE SET media_type = excluded.media_type, body = excluded.body, sha256 = excluded.sha256,
                    source = 'preloaded', http_status = 200, fetched_at = now(), expires_at = NULL
                RETURNING url, media_type, sha256, length(body), source, fetched_at, expires_at
                """,
                logger: logger
            )
            guard let info = try await Self.infos(rows).first else { throw StoreError.conflict("the document was not stored") }
            try await AuditLog.record(
                "document.preload", recordType: "document", recordID: url, detail: ["sha256": .string(info.sha256)],
                context: context, on: connection, logger: logger
            )
            return info
        }
    }

    public func info(url: String) async throws -> CachedDocumentInfo? {
        let rows = try await client.query(
            "SELECT url, media_type, sha256, length(body), source, fetched_at, expires_at FROM documents WHERE url = \(url)",
            logger: logger
        )
        return try await Self.infos(rows).first
    }

    public func delete(url: String, context: AuditContext) async throws {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query("DELETE FROM documents WHERE url = \(url) RETURNING url", logger: logger)
            var deleted = false
            for try await _ in rows { deleted = true }
            guard deleted else { throw StoreError.notFound(what: "cached document", id: url) }
            try await AuditLog.record("document.delete", recordType: "document", recordID: url, context: context, on: connection, logger: logger)
        }
    }

    /// Decodes rows selected as `url, media_type, sha256, length(body), source, fetched_at, expires_at`.
    static func infos(_ rows: PostgresRowSequence) async throws -> [CachedDocumentInfo] {
        var result: [CachedDocumentInfo] = []
        for try await (url, mediaType, sha, length, source, fetchedAt, expiresAt) in rows.decode((String, String?, Data, Int, String, Date, Date?).self) {
            result.append(
                CachedDocumentInfo(
                    url: url, mediaType: mediaType, sha256: ContentDigest.hex(sha), bytes: length, source: source,
                    fetchedAt: fetchedAt, expiresAt: expiresAt
                )
            )
        }
        return result
    }
}
