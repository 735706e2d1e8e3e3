import Foundation
import Logging
import PostgresNIO

/// How a caller stands to a session: a member of the organisation running it, an invited reviewer, both or neither.
///
/// Sessions are visible to their organisation and to invited reviewers only; everyone else gets 404, so a reviewer
/// of another organisation cannot even learn that a session exists.
struct SessionAccess: Sendable {
    let isMember: Bool
    let isReviewer: Bool

    var canSee: Bool { isMember || isReviewer }

    /// Refuses callers who may not see the session, with the same 404 as a missing one.
    func requireVisible(_ id: UUID) throws {
        guard canSee else { throw StoreError.notFound(what: "calibration session", id: id.uuidString) }
    }

    /// Organising (open, close) is for the running organisation; an invited outsider learns only that it is not theirs.
    func requireMember(_ id: UUID) throws {
        try requireVisible(id)
        guard isMember else { throw Problem.forbidden("only the organisation running this session can do this") }
    }

    /// Rating is for invited reviewers.
    func requireReviewer(_ id: UUID) throws {
        try requireVisible(id)
        guard isReviewer else { throw Problem.forbidden("this key is not invited to review this session") }
    }
}

enum CalibrationAccess {
    /// The caller's standing towards a session.
    static func access(_ principal: Principal, to session: SessionRecord, on connection: PostgresConnection, logger: Logger) async throws
        -> SessionAccess
    {
        let rows = try await connection.query(
            """
            SELECT EXISTS (
                SELECT 1 FROM calibration_reviewers r WHERE r.session_id = \(session.id)
                  AND (r.key_id = \(principal.keyID)
                       OR (r.organization_id = \(principal.organizationID) AND \(principal.role.rawValue) = 'hiring_manager'))
            )
            """,
            logger: logger
        )
        var invited = false
        for try await value in rows.decode(Bool.self) { invited = value }
        return SessionAccess(isMember: principal.organizationID == session.organizationID, isReviewer: invited)
    }
}
