import Foundation
import Hummingbird
import Skills
import StrictJSON

/// The skill vocabulary: autocomplete and text→concept matching (`GET /v1/skills`), and one concept (`GET /v1/skills/{id}`).
struct SkillsController {
    let skills: SkillStore

    func register(on endpoints: Endpoints) {
        let everyone = Access.roles(Set(Role.allCases))
        endpoints.on(.get, "/v1/skills", access: everyone) { request, _ in
            guard let q = request.uri.queryParameters.get("q"), !q.trimmingWhitespace().isEmpty else {
                throw Problem.invalidParameter("q", "is required: the text typed so far, a skill name, or a framework code or URI")
            }
            guard q.utf8.count <= 200 else { throw Problem.invalidParameter("q", "must be at most 200 bytes") }
            let framework = request.uri.queryParameters.get("framework").map { String($0) }
            if let framework, !["esco", "onet"].contains(framework), !framework.hasPrefix("org-") {
                throw Problem.invalidParameter("framework", "must be esco, onet, or the id of an imported framework")
            }
            let limit = try request.integerQuery("limit", default: 10, range: 1...50)
            let mode = request.uri.queryParameters.get("mode").map { String($0) } ?? "autocomplete"
            let text = String(q)
            switch mode {
            case "autocomplete":
                let matches = try await skills.autocomplete(text, framework: framework, limit: limit)
                return JSONResponse(["query": .string(text), "mode": "autocomplete", "results": .array(matches.map { Self.json($0, via: .direct) })])
            case "match":
                let direct = try await skills.concepts(for: text, framework: framework, limit: limit)
                let expand = request.uri.queryParameters.get("expand") == "true"
                let concepts = expand ? try await skills.expand(direct, limit: 100) : direct.map {
                    ExpandedConcept(match: $0, via: .direct, fromSkillID: $0.skillID, confidence: $0.confidence)
                }
                return JSONResponse(
                    [
                        "query": .string(text), "mode": "match", "normalized": .string(SkillText.normalize(text).key),
                        "results": .array(concepts.map { Self.json($0.match, via: $0.via, confidence: $0.confidence) }),
                    ]
                )
            default:
                throw Problem.invalidParameter("mode", "must be autocomplete or match")
            }
        }
        endpoints.on(.get, "/v1/skills/{id}", access: everyone) { _, context in
            guard let reference = context.parameters.get("id")?.removingPercentEncoding,
                let detail = try await skills.detail(reference)
            else { throw Problem.notFound("no skill concept \(context.parameters.get("id") ?? "")") }
            return JSONResponse(Self.json(detail))
        }
    }

    static func json(_ match: ConceptMatch, via: ConceptVia, confidence: Double? = nil) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .number(match.skillID), "framework": .string(match.framework), "code": .string(match.code), "label": .string(match.label),
                "kind": .string(match.kind), "matchedLabel": .string(match.matchedLabel), "rule": .string(match.rule.rawValue),
                "via": .string(via.rawValue), "confidence": .number(((confidence ?? match.confidence) * 1000).rounded() / 1000),
            ])
        )
    }

    static func json(_ c: ConceptSummary) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .number(c.id), "framework": .string(c.framework), "code": .string(c.code), "label": .string(c.label), "kind": .string(c.kind),
                "relation": .text(c.relation), "weight": .number(c.weight),
            ])
        )
    }

    static func json(_ d: ConceptDetail) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .number(d.concept.id), "framework": .string(d.concept.framework), "code": .string(d.concept.code),
                "label": .string(d.concept.label), "kind": .string(d.concept.kind), "description": .text(d.description),
                "skillType": .text(d.skillType), "reuseLevel": .text(d.reuseLevel), "hotTechnology": d.hotTechnology ? .bool(true) : nil,
                "url": .text(d.url),
                "labels": .array(d.labels.map { ["label": .string($0.label), "kind": .string($0.kind)] }),
                "broader": .array(d.broader.map(json)), "narrower": .array(d.narrower.map(json)),
                "narrowerCount": .number(d.narrowerCount), "related": .array(d.related.map(json)),
                "occupations": .array(d.occupations.map(json)), "occupationCount": .number(d.occupationCount),
                "crosswalk": .array(d.crosswalk.map(json)), "discoverableEarners": .number(d.discoverableEarners),
            ])
        )
    }
}
