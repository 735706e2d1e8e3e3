import Calibration
import Foundation
import Hummingbird
import StrictJSON

/// `/v1/rubrics`: rubric versions with their history, diffs, proposals and revisions.
struct RubricsController {
    let store: RubricStore
    let maxBodyBytes: Int

    struct CreateRequest: Decodable, Validatable {
        var achievementId: UUID
        var criteria: [CriterionInput]
        var note: String?
        var effectiveFrom: Date?

        func validate() -> [Problem.FieldError] {
            CriterionInput.criteria(criteria, at: "/criteria").errors + RevisionRequest.noteProblems(note)
        }
    }

    struct RevisionRequest: Decodable, Validatable {
        struct Decision: Decodable {
            enum Kind: String, Decodable {
                case accept, edit, reject
            }

            var proposalId: String
            var decision: Kind
            var note: String?
        }

        var criteria: [CriterionInput]?
        var decisions: [Decision]?
        var feedback: [UUID]?
        var note: String?
        var effectiveFrom: Date?

        func validate() -> [Problem.FieldError] {
            var errors = criteria.map { CriterionInput.criteria($0, at: "/criteria").errors } ?? []
            errors += Self.noteProblems(note)
            if criteria == nil, (decisions ?? []).isEmpty {
                errors.append(
                    .init(pointer: "/decisions", detail: "decide at least one proposal, or give the new version's criteria", code: "required"))
            }
            var seen = Set<String>()
            for (index, decision) in (decisions ?? []).enumerated() {
                if !seen.insert(decision.proposalId).inserted {
                    errors.append(.init(pointer: "/decisions/\(index)/proposalId", detail: "decides the same proposal twice", code: "duplicate"))
                }
                if decision.decision == .edit, (decision.note ?? "").trimmingWhitespace().isEmpty {
                    errors.append(.init(pointer: "/decisions/\(index)/note", detail: "say how the proposal was edited", code: "required"))
                }
                if (decision.note?.count ?? 0) > 2_000 {
                    errors.append(.init(pointer: "/decisions/\(index)/note", detail: "must be at most 2000 characters", code: "length"))
                }
            }
            if (feedback?.count ?? 0) > 500 { errors.append(.init(pointer: "/feedback", detail: "must list at most 500 ids", code: "length")) }
            return errors
        }

        static func noteProblems(_ note: String?) -> [Problem.FieldError] {
            (note?.count ?? 0) > 4_000 ? [.init(pointer: "/note", detail: "must be at most 4000 characters", code: "length")] : []
        }
    }

    func register(on endpoints: Endpoints) {
        let readers = Access.only(.issuer, .admin, .hiringManager, .recruiter)
        let curriculum = Access.only(.issuer, .admin)
        endpoints.on(.post, "/v1/rubrics", access: curriculum) { request, context in
            let body = try await request.decodeJSON(CreateRequest.self, limit: maxBodyBytes)
            let created = try await store.author(
                achievement: body.achievementId, criteria: CriterionInput.criteria(body.criteria, at: "/criteria").criteria, note: body.note,
                effectiveFrom: body.effectiveFrom, by: try context.requirePrincipal(), context: try context.auditContext()
            )
            var view = try await rubricView(created.rubric).objectValue ?? JSONObject()
            view["version"] = RubricView.version(created.version)
            return JSONResponse(status: .created, headers: [.location: "/v1/rubrics/\(created.rubric)"], .object(view))
        }
        endpoints.on(.get, "/v1/rubrics", access: readers) { request, _ in
            guard let text = request.uri.queryParameters.get("achievementId"), let achievement = UUID(uuidString: String(text)) else {
                throw Problem.invalidParameter("achievementId", "give the achievement's id (a UUID)")
            }
            guard let rubric = try await store.rubric(achievement: achievement) else { return JSONResponse(["items": []]) }
            return JSONResponse(["items": [try await rubricView(rubric.id)]])
        }
        endpoints.on(.get, "/v1/rubrics/{id}", access: readers) { _, context in
            JSONResponse(try await rubricView(try context.uuidParameter("id")))
        }
        endpoints.on(.get, "/v1/rubrics/{id}/versions", access: readers) { _, context in
            let rubric = try await existing(try context.uuidParameter("id"))
            let counts = try await store.assessedCredentials(rubric: rubric)
            let versions = try await store.versions(of: rubric.id)
            return JSONResponse(RubricView.history(rubric: rubric.id, versions: versions, assessedCredentials: counts))
        }
        endpoints.on(.get, "/v1/rubrics/{id}/versions/{number}", access: readers) { _, context in
            let rubric = try await existing(try context.uuidParameter("id"))
            let number = context.parameters.get("number").flatMap { Int($0) }
            guard let version = try await store.versions(of: rubric.id).first(where: { $0.version.number == number }) else {
                throw StoreError.notFound(what: "version of rubric \(rubric.id)", id: context.parameters.get("number") ?? "")
            }
            let counts = try await store.assessedCredentials(rubric: rubric)
            return JSONResponse(RubricView.version(version, assessedCredentials: counts[version.version.number] ?? 0))
        }
        endpoints.on(.get, "/v1/rubrics/{id}/diff", access: readers) { request, context in
            let rubric = try await existing(try context.uuidParameter("id"))
            let versions = try await store.versions(of: rubric.id)
            let latest = versions.last?.version.number ?? 1
            let from = try request.integerQuery("from", default: max(1, latest - 1), range: 1...max(1, latest))
            let to = try request.integerQuery("to", default: latest, range: 1...max(1, latest))
            guard let old = versions.first(where: { $0.version.number == from }), let new = versions.first(where: { $0.version.number == to }) else {
                throw StoreError.notFound(what: "version of rubric \(rubric.id)", id: "\(from)…\(to)")
            }
            return JSONResponse(RubricView.diff(RubricDiff(from: old.version, to: new.version)))
        }
        endpoints.on(.get, "/v1/rubrics/{id}/proposals", access: Access.only(.issuer, .admin, .hiringManager)) { request, context in
            let rubric = try await existing(try context.uuidParameter("id"))
            var status: ProposalRecord.Status?
            if let text = request.uri.queryParameters.get("status") {
                guard let value = ProposalRecord.Status(rawValue: String(text)) else {
                    throw Problem.invalidParameter("status", "must be open, accepted, edited or rejected")
                }
                status = value
            }
            let proposals = try await store.proposals(of: rubric, status: status, for: try context.requirePrincipal())
            return JSONResponse(["items": .array(proposals.map(\.json))])
        }
        endpoints.on(.post, "/v1/rubrics/{id}/revisions", access: curriculum) { request, context in
            let id = try context.uuidParameter("id")
            let body = try await request.decodeJSON(RevisionRequest.self, limit: maxBodyBytes)
            let outcome = try await store.revise(
                rubric: id, criteria: body.criteria.map { CriterionInput.criteria($0, at: "/criteria").criteria },
                decisions: (body.decisions ?? []).map { decision in
                    let status: ProposalRecord.Status =
                        switch decision.decision {
                        case .accept: .accepted
                        case .edit: .edited
                        case .reject: .rejected
                        }
                    return RubricStore.Decision(proposalID: decision.proposalId, status: status, note: decision.note)
                },
                feedback: body.feedback ?? [], note: body.note, effectiveFrom: body.effectiveFrom, by: try context.requirePrincipal(),
                context: try context.auditContext()
            )
            return JSONResponse(status: outcome.version == nil ? .ok : .created, RubricView.revision(outcome, rubric: id))
        }
    }

    private func existing(_ id: UUID) async throws -> RubricRecord {
        guard let rubric = try await store.rubric(id) else { throw StoreError.notFound(what: "rubric", id: id.uuidString) }
        return rubric
    }

    private func rubricView(_ id: UUID) async throws -> JSONValue {
        let rubric = try await existing(id)
        let (summary, open) = try await store.calibration(of: rubric)
        return RubricView.rubric(rubric, summary: summary, openProposals: open)
    }
}
