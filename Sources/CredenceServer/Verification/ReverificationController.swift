import Foundation
import Hummingbird
import StrictJSON
import Verification

/// Verification on demand: one credential now (its issuer or an admin), or a whole cycle now (platform admins).
struct ReverificationController {
    let credentials: CredentialStore
    let store: VerificationStore
    let reverifier: Reverifier
    let job: ReverificationJob
    let publicAnswers: RecentAnswers

    func register(on endpoints: Endpoints) {
        endpoints.on(.post, "/v1/credentials/{id}/verification", access: .only(.admin, .issuer)) { _, context in
            let id = try context.uuidParameter("id")
            let principal = try context.requirePrincipal()
            guard let record = try await credentials.record(id.uuidString), CredentialAccess.canRead(record, principal),
                let stored = try await store.check(id)
            else {
                throw Problem.notFound("no credential \(id) that this key may see")
            }
            let result = await reverifier.verifyAgain(stored)
            try await store.record([result], trigger: .manual, context: try context.auditContext())
            publicAnswers.forget(id)
            guard let report = result.report else {
                throw Problem.conflict("the stored document can no longer be read, so its outcome (\(stored.outcome.rawValue)) stands")
            }
            return JSONResponse(
                .object(
                    JSONObject(compacting: [
                        "id": .string(id.uuidString), "previousOutcome": .string(stored.outcome.rawValue),
                        "changed": .bool(result.changed), "verification": CredentialView.verificationJSON(report),
                    ])
                )
            )
        }
        endpoints.on(.post, "/v1/verification-runs", access: .platformAdmin) { _, _ in
            guard let summary = try await job.runCycle(refreshStatusLists: true) else {
                throw Problem.conflict("a re-verification cycle is already running; try again when it has finished")
            }
            return summary
        }
    }
}
