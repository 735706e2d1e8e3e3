import Foundation
public import Logging
public import PostgresNIO
public import StrictJSON

/// Who is making a change and in which request: everything an audit row needs besides the change itself.
public struct AuditContext: Sendable {
    public var actor: AuditActor
    public var requestID: String?

    public init(actor: AuditActor, requestID: String? = nil) {
        self.actor = actor
        self.requestID = requestID
    }
}

/// The append-only record of who did what to which record.
///
/// Rows are written on the connection of the change they describe, inside its transaction,
/// so a change and its audit row are durable together or not at all.
public enum AuditLog {
    public static func record(
        _ action: String,
        recordType: String,
        recordID: String?,
        detail: JSONObject = JSONObject(),
        context: AuditContext,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let detailText = JSONValue.object(detail).serialized()
        try await connection.query(
            """
            INSERT INTO audit_log (actor, actor_key_id, actor_organization_id, action, record_type, record_id, request_id, detail)
            VALUES (\(context.actor.label), \(context.actor.keyID), \(context.actor.organizationID), \(action), \(recordType),
                    \(recordID), \(context.requestID), \(detailText)::jsonb)
            """,
            logger: logger
        )
    }

    /// One row per stored credential, written in a single statement (imports store thousands per batch).
    static func recordCredentials(_ credentials: [StoredCredential], context: AuditContext, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        let records = JSONValue.array(
            credentials.map { ["id": .string($0.id.uuidString), "uri": .string($0.credentialURI), "version": .number(JSONNumber($0.version))] }
        ).serialized()
        try await connection.query(
            """
            INSERT INTO audit_log (actor, actor_key_id, actor_organization_id, action, record_type, record_id, request_id, detail)
            SELECT \(context.actor.label), \(context.actor.keyID), \(context.actor.organizationID), 'credential.create', 'credential',
                   x.id, \(context.requestID), jsonb_build_object('uri', x.uri, 'version', x.version)
            FROM jsonb_to_recordset(\(records)::jsonb) AS x(id text, uri text, version integer)
            """,
            logger: logger
        )
    }
}
