public import Foundation
public import Logging
public import PostgresNIO
public import StrictJSON

/// An earner's choice about being found.
public struct Consent: Sendable, Hashable {
    public enum Scope: String, Sendable, Codable {
        /// Every current credential may appear in search.
        case all
        /// Only the credentials listed as shown.
        case selected
    }

    public var discoverable: Bool
    public var scope: Scope
    /// Under `.selected`: the credentials to show (all others are hidden).
    public var shownCredentials: [UUID]

    public init(discoverable: Bool, scope: Scope, shownCredentials: [UUID] = []) {
        self.discoverable = discoverable
        self.scope = scope
        self.shownCredentials = shownCredentials
    }
}

/// Earners: consent, what they can see about themselves, export and erasure.
public struct EarnerStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Whether an organisation issued (or submitted) any of this earner's credentials: the basis on which an
    /// issuer may record consent on the earner's behalf.
    public func hasIssued(to earnerID: UUID, organizationID: UUID) async throws -> Bool {
        let rows = try await client.query(
            """
            SELECT EXISTS (
                SELECT 1 FROM credentials c JOIN issuers i ON i.id = c.issuer_id LEFT JOIN api_keys k ON k.id = c.received_by
                WHERE c.earner_id = \(earnerID) AND (i.organization_id = \(organizationID) OR k.organization_id = \(organizationID)))
            """,
            logger: logger
        )
        for try await exists in rows.decode(Bool.self) { return exists }
        return false
    }

    /// Records consent (or its withdrawal) and updates the search index in the same transaction, so withdrawal
    /// takes effect for the very next search.
    public func setConsent(_ consent: Consent, for earnerID: UUID, givenBy: String, context: AuditContext) async throws {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                """
                UPDATE earners SET discoverable = \(consent.discoverable), consent_scope = \(consent.scope.rawValue),
                    consent_at = now(), consent_given_by = \(givenBy),
                    discoverable_since = CASE WHEN \(consent.discoverable) THEN coalesce(discoverable_since, now()) END
                WHERE id = \(earnerID) RETURNING id
                """,
                logger: logger
            )
            var found = false
            for try await _ in rows { found = true }
            guard found else { throw StoreError.notFound(what: "earner", id: earnerID.uuidString) }
            if consent.scope == .selected {
                let unknown = try await connection.query(
                    """
                    SELECT u.id FROM unnest(\(consent.shownCredentials)::uuid[]) AS u(id)
                    WHERE NOT EXISTS (SELECT 1 FROM credentials c WHERE c.id = u.id AND c.earner_id = \(earnerID))
                    """,
                    logger: logger
                )
                for try await id in unknown.decode(UUID.self) {
                    throw StoreError.invalid(pointer: "/shownCredentials", message: "credential \(id) is not one of this earner's")
                }
                try await connection.query(
                    "UPDATE credentials SET shown = (id = ANY(\(consent.shownCredentials)::uuid[])) WHERE earner_id = \(earnerID)",
                    logger: logger
                )
            }
            try await SearchIndex.refresh(earner: earnerID, on: connection, logger: logger)
            try await AuditLog.record(
                consent.discoverable ? "earner.consent.give" : "earner.consent.withdraw", recordType: "earner", recordID: earnerID.uuidString,
                detail: ["scope": .string(consent.scope.rawValue), "givenBy": .string(givenBy), "shown": .number(JSONNumber(consent.shownCredentials.count))],
                context: context, on: connection, logger: logger
            )
        }
    }

    /// Which organisations saw the earner in results or opened their evidence, newest first.
    public func views(of earnerID: UUID, limit: Int) async throws -> [JSONValue] {
        let rows = try await client.query(
            """
            SELECT o.name, o.kind, v.kind, v.at, v.credential_id FROM earner_views v JOIN organizations o ON o.id = v.organization_id
            WHERE v.earner_id = \(earnerID) ORDER BY v.at DESC LIMIT \(limit)
            """,
            logger: logger
        )
        var result: [JSONValue] = []
        for try await (organization, kind, viewKind, at, credential) in rows.decode((String, String, String, Date, UUID?).self) {
            result.append(
                .object(
                    JSONObject(compacting: [
                        "organization": .string(organization), "organizationKind": .string(kind), "kind": .string(viewKind),
                        "at": .string(at.rfc3339), "credentialId": .text(credential?.uuidString),
                    ])
                )
            )
        }
        return result
    }

    /// Everything stored about an earner, for a data-access request.
    public func export(_ earnerID: UUID) async throws -> JSONValue? {
        let rows = try await client.query(
            """
            SELECT jsonb_build_object(
                'earner', to_jsonb(e) - 'subject' || jsonb_build_object('subject', e.subject),
                'attributes', coalesce((SELECT jsonb_agg(jsonb_build_object('attribute', a.attribute, 'value', a.value, 'givenAt', a.given_at))
                                        FROM earner_attributes a WHERE a.earner_id = e.id), '[]'),
                'credentials', coalesce((SELECT jsonb_agg(jsonb_build_object('id', c.id, 'credentialId', c.uri, 'version', c.version,
                                            'verification', c.verification, 'shown', c.shown, 'receivedAt', c.received_at,
                                            'badge', c.normalized) ORDER BY c.received_at)
                                         FROM credentials c WHERE c.earner_id = e.id), '[]'),
                'views', coalesce((SELECT jsonb_agg(jsonb_build_object('organization', o.name, 'kind', v.kind, 'at', v.at) ORDER BY v.at)
                                   FROM earner_views v JOIN organizations o ON o.id = v.organization_id WHERE v.earner_id = e.id), '[]'),
                'signals', coalesce((SELECT jsonb_agg(jsonb_build_object('organization', o.name, 'kind', s.kind, 'at', s.at) ORDER BY s.at)
                                     FROM signals s JOIN organizations o ON o.id = s.organization_id WHERE s.earner_id = e.id), '[]')
            )::text
            FROM earners e WHERE e.id = \(earnerID)
            """,
            logger: logger
        )
        for try await text in rows.decode(String.self) { return try JSONParser.parse(text, limits: .trusted) }
        return nil
    }

    /// Erases an earner and everything held about them (credentials, results, evidence, views, signals, attributes,
    /// keys). The audit log keeps only that an erasure happened, by whom.
    public func erase(_ earnerID: UUID, context: AuditContext) async throws {
        try await client.transaction(logger: logger) { connection in
            try await connection.query("DELETE FROM credential_skills WHERE earner_id = \(earnerID)", logger: logger)
            let rows = try await connection.query("DELETE FROM earners WHERE id = \(earnerID) RETURNING id", logger: logger)
            var found = false
            for try await _ in rows { found = true }
            guard found else { throw StoreError.notFound(what: "earner", id: earnerID.uuidString) }
            try await AuditLog.record("earner.erase", recordType: "earner", recordID: earnerID.uuidString, context: context, on: connection, logger: logger)
        }
    }
}
