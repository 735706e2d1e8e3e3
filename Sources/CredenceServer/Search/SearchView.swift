import Foundation
import Skills
import StrictJSON

/// The JSON of a search answer (DESIGN.md §4): ranked earners, each match naming the query term, the concept, the
/// rule and the credential, plus how the query was understood, facets, the total and the next cursor.
enum SearchView {
    static func json(_ answer: SearchAnswer) -> JSONValue {
        let page = answer.page
        let termsByIndex = Dictionary(uniqueKeysWithValues: answer.terms.map { ($0.index, $0) })
        return .object(
            JSONObject(compacting: [
                "searchId": .string(answer.searchID.uuidString),
                "rankedAt": .string(page.rankedAt.rfc3339),
                "query": .array(answer.terms.map(termJSON)),
                "total": ["value": .number(JSONNumber(page.total)), "exact": .bool(page.totalIsExact)],
                "results": .array(page.hits.map { hit in resultJSON(hit, terms: termsByIndex, details: answer.details) }),
                "facets": page.facets.isEmpty
                    ? nil
                    : .object(
                        JSONObject(
                            page.facets.sorted { $0.key < $1.key }.map { name, values in
                                (name, .array(values.map { ["value": .string($0.value), "label": .text($0.label) ?? .null, "count": .number(JSONNumber($0.count))] }))
                            }
                        )
                    ),
                "nextCursor": .text(page.next?.token),
            ])
        )
    }

    static func termJSON(_ term: InterpretedTerm) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "term": .string(term.label),
                "required": .bool(term.required),
                "minProficiency": .number(term.minProficiency),
                "concepts": .array(
                    term.concepts.filter { $0.via == .direct }.map { c in
                        [
                            "id": .number(JSONNumber(c.match.skillID)), "label": .string(c.match.label), "framework": .string(c.match.framework),
                            "rule": .string(c.match.rule.rawValue), "confidence": .number(rounded(c.confidence)),
                        ]
                    }
                ),
                "expandedConcepts": .number(JSONNumber(term.concepts.filter { $0.via != .direct }.count)),
                "unresolved": term.concepts.isEmpty ? .bool(true) : nil,
            ])
        )
    }

    static func resultJSON(_ hit: SearchHit, terms: [Int: InterpretedTerm], details: MatchDetails) -> JSONValue {
        let contributions = hit.matches.map { match -> JSONValue in
            let weight = (terms[match.term]?.required ?? true) ? 1.0 : Ranking.preferredWeight
            return ["term": .string(terms[match.term]?.label ?? ""), "contribution": .number(rounded(match.score * weight)), "weight": .number(rounded(weight))]
        }
        return .object(
            JSONObject(compacting: [
                "earner": .object(JSONObject(compacting: ["id": .string(hit.earnerID.uuidString), "displayName": .text(details.earnerNames[hit.earnerID])])),
                "score": .number(rounded(hit.score)),
                "matchedTerms": .number(JSONNumber(hit.matchedTerms)),
                "matches": .array(hit.matches.map { matchJSON($0, term: terms[$0.term], details: details) }),
                "explanation": [
                    "score": "sum over terms of weight × best credential's (term confidence × alignment confidence × proficiency factor × recency × issuer trust × calibration × verification); see docs/ranking.md",
                    "terms": .array(contributions),
                ],
            ])
        )
    }

    static func matchJSON(_ match: SearchMatch, term: InterpretedTerm?, details: MatchDetails) -> JSONValue {
        let concept = details.concepts[match.skillID]
        let credential = details.credentials[match.credentialID]
        let via = matchedVia(match)
        let level = credential?.levelName.map { name -> JSONValue in
            .object(
                JSONObject(compacting: [
                    "name": .string(name), "ordinal": .number(credential?.levelOrdinal), "of": .number(credential?.levelCount),
                    "normalized": match.proficiency.map { .number(rounded($0)) },
                ])
            )
        }
        var reason = "\(credential?.achievementName ?? "A badge") "
        switch via {
        case "exact_alignment": reason += "is aligned to \(concept?.label ?? "the skill")"
        case "text_match": reason += "names \(concept?.label ?? "the skill") in its alignments, tags or title"
        case "narrower_concept": reason += "is aligned to \(concept?.label ?? "a skill"), a narrower skill than the one searched"
        case "crosswalk": reason += "is aligned to \(concept?.label ?? "an occupation"), the equivalent occupation in the other framework"
        default: reason += "is aligned to \(concept?.label ?? "an item") that its publisher mapped to the skill searched"
        }
        if let name = credential?.levelName { reason += "; achieved level \"\(name)\"" }
        reason += match.verified ? "; verified" : "; not verified"
        return .object(
            JSONObject(compacting: [
                "term": .string(term?.label ?? ""),
                "skill": .object(
                    JSONObject(compacting: [
                        "id": .number(JSONNumber(match.skillID)), "label": .text(concept?.label), "framework": .text(concept?.framework),
                        "code": .text(concept?.code),
                    ])
                ),
                "matchedVia": .string(via),
                "confidence": .number(rounded(match.termConfidence)),
                "credential": .object(
                    JSONObject(compacting: [
                        "id": .string(match.credentialID.uuidString),
                        "name": .text(credential?.achievementName),
                        "issuer": credential.map { c in
                            .object(JSONObject(compacting: ["id": .string(c.issuerID.uuidString), "name": .text(c.issuerName), "trust": .string(c.issuerTrust)]))
                        },
                        "level": level,
                        "evidence": .array((credential?.evidence ?? []).map(JSONValue.string)),
                        "verified": .bool(match.verified),
                        "verifiedAt": .text(credential?.verifiedAt?.rfc3339),
                        "awardedAt": .string(match.awardedAt.rfc3339),
                        "validUntil": .text(match.validUntil?.rfc3339),
                        "url": .string("/v1/credentials/\(match.credentialID.uuidString)"),
                    ])
                ),
                "reason": .string(reason),
            ])
        )
    }

    /// The rule in words: exact alignment, narrower concept, crosswalk, mapped item, or text match.
    static func matchedVia(_ match: SearchMatch) -> String {
        switch match.via {
        case .narrower: return "narrower_concept"
        case .crosswalk: return "crosswalk"
        case .exactMatch: return "mapped_item"
        case .direct: return match.alignmentRule.hasPrefix("text_") ? "text_match" : "exact_alignment"
        }
    }

    static func rounded(_ value: Double) -> JSONNumber {
        JSONNumber((value * 10_000).rounded() / 10_000) ?? JSONNumber(0)
    }
}
