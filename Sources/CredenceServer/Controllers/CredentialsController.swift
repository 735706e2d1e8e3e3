import Credentials
import Foundation
import Hummingbird
import StrictJSON
import Verification

/// Ingest and read earned badges: `POST /v1/credentials`, `GET /v1/credentials/{id}` and its raw document.
struct CredentialsController {
    let ingest: IngestService
    let store: CredentialStore
    let earners: EarnerDirectory
    let maxCredentialBytes: Int

    func register(on endpoints: Endpoints) {
        endpoints.on(.post, "/v1/credentials", access: .only(.admin, .issuer, .earner)) { request, context in
            try await create(request, context: context)
        }
        endpoints.on(.get, "/v1/credentials/{id}", access: .only(.admin, .issuer, .earner, .recruiter, .hiringManager)) { _, context in
            let record = try await visibleRecord(context)
            return JSONResponse(CredentialView.json(record))
        }
        endpoints.on(.get, "/v1/credentials/{id}/document", access: .only(.admin, .issuer, .earner, .recruiter, .hiringManager)) { _, context in
            let record = try await visibleRecord(context)
            return Response(
                status: .ok,
                headers: [.contentType: record.mediaType ?? "application/octet-stream", .eTag: "\"\(record.contentSHA256)\""],
                body: .init(byteBuffer: ByteBuffer(bytes: record.document))
            )
        }
    }

    private func create(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let principal = try context.requirePrincipal()
        let body = Array(try await request.collectBody(upTo: maxCredentialBytes).readableBytesView)
        let mediaType = request.headers[.contentType]
        let items: [IngestItem]
        do {
            items = try await ingest.check(body: body, mediaType: mediaType)
        } catch {
            throw CredentialView.problem(for: error)
        }
        if principal.role == .earner {
            try await requireOwnCredentials(items, principal: principal)
        }
        let outcomes = try await ingest.store(items, context: try context.auditContext())
        let results = zip(items, outcomes).map { CredentialView.json(outcome: $1, item: $0) }

        let stored = outcomes.compactMap { outcome -> UUID? in
            switch outcome {
            case .stored(let c), .newVersion(let c, _): return c.id
            default: return nil
            }
        }
        if items.count == 1, case .conflict(let existing, let reason) = outcomes[0] {
            throw Problem.conflict(reason, extensions: ["existing": .string("/v1/credentials/\(existing)")])
        }
        let status: HTTPResponse.Status = stored.isEmpty ? .ok : .created
        var headers: HTTPFields = [:]
        if let first = stored.first { headers[.location] = "/v1/credentials/\(first)" }
        if items.count == 1, items[0].credential.clr == nil, let only = results.first { return JSONResponse(status: status, headers: headers, only) }
        let clr = items.first?.credential.clr?.clrId
        return JSONResponse(status: status, headers: headers, .object(JSONObject(compacting: ["clr": .text(clr), "credentials": .array(results)])))
    }

    /// An earner's key may only add credentials issued to that earner.
    private func requireOwnCredentials(_ items: [IngestItem], principal: Principal) async throws {
        guard let earnerID = principal.earnerID, let subject = try await earners.subject(of: earnerID) else {
            throw Problem.forbidden("this earner key is not bound to an earner")
        }
        for (index, item) in items.enumerated() where item.credential.badge.earnerSubject != subject {
            throw Problem.forbidden("credential \(index + 1) was issued to someone else; an earner key can only add the earner's own badges")
        }
    }

    /// The requested credential if this key may see it; otherwise 404, so ids cannot be probed. An employer opening
    /// evidence is recorded, so the earner can see who looked.
    private func visibleRecord(_ context: AppRequestContext) async throws -> CredentialRecord {
        let principal = try context.requirePrincipal()
        guard let reference = context.parameters.get("id")?.removingPercentEncoding, !reference.isEmpty,
            let record = try await store.record(reference), CredentialAccess.canRead(record, principal)
        else {
            throw Problem.notFound("no credential \(context.parameters.get("id") ?? "") that this key may see")
        }
        if principal.role == .recruiter || principal.role == .hiringManager {
            try await earners.recordEvidenceView(earner: record.earnerID, credential: record.id, organization: principal.organizationID)
        }
        return record
    }
}

/// Who may read a stored credential.
enum CredentialAccess {
    static func canRead(_ record: CredentialRecord, _ principal: Principal) -> Bool {
        switch principal.role {
        case .admin where principal.isPlatformAdmin:
            return true
        case .admin, .issuer:
            return record.issuerOrganizationID == principal.organizationID || record.receivedByOrganizationID == principal.organizationID
        case .earner:
            return record.earnerID == principal.earnerID
        case .recruiter, .hiringManager:
            // Employers see only what the earner shares: a discoverable earner's shown, verified credential.
            return record.earnerDiscoverable && record.shown && record.verification == VerificationOutcome.verified.rawValue
        }
    }
}
