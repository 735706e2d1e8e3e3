import Foundation
import Hummingbird
import Logging
import PostgresNIO
import StrictJSON

/// `PUT /v1/earners/{earnerId}/attributes`: an earner states (or withdraws) self-reported group attributes for equity
/// reports. They are kept apart from everything search reads and are only ever published in aggregate.
struct EarnerAttributesController {
    let client: PostgresClient
    let logger: Logger
    let maxBodyBytes: Int

    static let maxAttributes = 10

    struct AttributesRequest: Decodable, Validatable {
        /// Attribute name → value; the request replaces every attribute the earner gave before (an empty object withdraws all).
        var attributes: [String: String]

        func validate() -> [Problem.FieldError] {
            var errors: [Problem.FieldError] = []
            if attributes.count > EarnerAttributesController.maxAttributes {
                errors.append(.init(pointer: "/attributes", detail: "must give at most \(EarnerAttributesController.maxAttributes) attributes"))
            }
            for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
                let pointer = "/attributes/" + name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                if name.isEmpty || name.count > 40 || !name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }) {
                    errors.append(.init(pointer: pointer, detail: "attribute names are 1 to 40 lower-case letters or underscores"))
                }
                let trimmed = value.trimmingWhitespace()
                if trimmed.isEmpty || trimmed.count > 100 { errors.append(.init(pointer: pointer, detail: "must be 1 to 100 characters")) }
            }
            return errors
        }
    }

    func register(on endpoints: Endpoints) {
        endpoints.on(.put, "/v1/earners/{earnerId}/attributes", access: .only(.earner)) { request, context in
            let earner = try context.uuidParameter("earnerId")
            // Self-reported means exactly that: no issuer or admin may state them for the earner.
            guard try context.requirePrincipal().earnerID == earner else {
                throw Problem.forbidden("an earner key speaks only for its own earner")
            }
            let body = try await request.decodeJSON(AttributesRequest.self, limit: maxBodyBytes)
            let names = body.attributes.keys.sorted()
            let values = names.map { body.attributes[$0]?.trimmingWhitespace() ?? "" }
            let audit = try context.auditContext()
            try await client.transaction(logger: logger) { connection in
                try await connection.query("DELETE FROM earner_attributes WHERE earner_id = \(earner)", logger: logger)
                try await connection.query(
                    """
                    INSERT INTO earner_attributes (earner_id, attribute, value)
                    SELECT \(earner), a, v FROM unnest(\(names)::text[], \(values)::text[]) AS x(a, v)
                    """,
                    logger: logger
                )
                // The audit trail records that attributes changed, never what they are.
                try await AuditLog.record(
                    "earner.attributes", recordType: "earner", recordID: earner.uuidString, detail: ["attributes": .number(JSONNumber(names.count))],
                    context: audit, on: connection, logger: logger
                )
            }
            return JSONResponse(["earnerId": .string(earner.uuidString), "attributes": .number(JSONNumber(names.count))])
        }
    }
}
