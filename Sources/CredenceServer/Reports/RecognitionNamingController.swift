import Foundation
import Hummingbird
import Logging
import PostgresNIO
import StrictJSON

/// `PUT /v1/organizations/{organizationId}/recognition-naming`: an employer's admins agree (or cease to agree) that
/// issuers' recognition reports name the employer.
struct RecognitionNamingController {
    let client: PostgresClient
    let logger: Logger
    let maxBodyBytes: Int

    struct NamingRequest: Decodable {
        var named: Bool
    }

    func register(on endpoints: Endpoints) {
        endpoints.on(.put, "/v1/organizations/{organizationId}/recognition-naming", access: .only(.admin)) { request, context in
            let id = try context.uuidParameter("organizationId")
            let principal = try context.requirePrincipal()
            // Only the employer itself can agree to be named: not the platform on its behalf.
            guard principal.organizationID == id, principal.organizationKind == .employer else {
                throw Problem.forbidden("only an employer's own admins can decide whether reports name it")
            }
            let body = try await request.decodeJSON(NamingRequest.self, limit: maxBodyBytes)
            let audit = try context.auditContext()
            try await client.transaction(logger: logger) { connection in
                try await connection.query(
                    """
                    UPDATE organizations SET named_in_reports = \(body.named), named_in_reports_at = CASE WHEN \(body.named) THEN now() END
                    WHERE id = \(id)
                    """,
                    logger: logger
                )
                try await AuditLog.record(
                    "organization.recognition_naming", recordType: "organization", recordID: id.uuidString, detail: ["named": .bool(body.named)],
                    context: audit, on: connection, logger: logger
                )
            }
            return JSONResponse(["organizationId": .string(id.uuidString), "namedInReports": .bool(body.named)])
        }
    }
}
