import Foundation
import Skills
import Testing

/// The judged query set the server's recall test runs (`Resources/judged-queries.tsv`), checked for consistency with
/// the seed, and evaluated with the normaliser alone: a query is found when its key equals the key of a label of an
/// expected concept. That is the exact-match floor of the SQL search, which adds full text, trigram and expansion.
@Suite struct JudgedQueriesTests {
    struct Query {
        let text: String
        let expected: Set<String>
        let kind: String
    }

    static let queries: [Query] = {
        guard let text = try? String(contentsOf: Fixtures.resources.appendingPathComponent("judged-queries.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            return Query(text: String(fields[0]), expected: Set(fields[1].split(separator: "|").map(String.init)), kind: String(fields[2]))
        }
    }()

    @Test func hasEnoughQueriesOfEveryKind() {
        let counts = Dictionary(grouping: Self.queries, by: \.kind).mapValues(\.count)
        #expect(Self.queries.count >= 1_500)
        #expect(counts["esco_skill_alt_label", default: 0] >= 500)
        #expect(counts["uk_us_variant", default: 0] >= 300)
        #expect(counts["onet_technology", default: 0] >= 300)
        #expect(counts["crosswalk_code", default: 0] >= 300)
        #expect(counts["everyday_phrase", default: 0] >= 50)
        #expect(Set(Self.queries.map(\.text)).count == Self.queries.count, "queries repeat")
    }

    @Test func expectsOnlyConceptsOfTheSeed() throws {
        let taxonomy = try #require(TaxonomyLabels.shared)
        let unknown = Self.queries.flatMap(\.expected).filter { !taxonomy.concepts.contains($0) }
        #expect(unknown.isEmpty, "not in the seed: \(unknown.prefix(5))")
    }

    @Test func resolvesEveryCrosswalkCodeToItsOccupation() throws {
        let taxonomy = try #require(TaxonomyLabels.shared)
        for query in Self.queries where query.kind == "crosswalk_code" {
            guard case .onetOccupation(let code)? = ConceptCode.references(in: query.text).first else {
                Issue.record("\(query.text) is not recognised as an O*NET-SOC code")
                continue
            }
            #expect(taxonomy.crosswalk[code] == query.expected, "\(query.text)")
        }
    }

    @Test func normalisationAloneFindsTheTextQueries() throws {
        let taxonomy = try #require(TaxonomyLabels.shared)
        let normalized = evaluate(taxonomy, key: { SkillText.normalize($0).key })
        let folded = evaluate(taxonomy, key: Self.fold)
        for (kind, result) in normalized.sorted(by: { $0.key < $1.key }) {
            let baseline = folded[kind] ?? result
            print(
                "judged \(kind): \(result.total) queries; exact key finds an expected concept for \(percent(result.found, result.total))"
                    + " (unique key: \(percent(result.unique, result.total))); case/punctuation folding alone: \(percent(baseline.found, baseline.total))"
            )
        }
        let variants = try #require(normalized["uk_us_variant"]), reverse = try #require(normalized["us_uk_variant"])
        #expect(Double(variants.found) / Double(variants.total) >= 0.95)
        #expect(Double(reverse.found) / Double(reverse.total) >= 0.9)
        for kind in ["esco_skill_alt_label", "esco_occupation_alt_label", "onet_technology", "onet_element", "onet_occupation_title"] {
            let result = try #require(normalized[kind])
            #expect(result.found == result.total, "\(kind): labels must find themselves")
        }
    }

    struct Result {
        var total = 0
        var found = 0
        /// Found, and no concept outside the expected ones has the same key.
        var unique = 0
    }

    private func evaluate(_ taxonomy: TaxonomyLabels, key: (String) -> String) -> [String: Result] {
        var index: [String: Set<String>] = [:]
        for (label, concept) in taxonomy.labels { index[key(label), default: []].insert(concept) }
        var results: [String: Result] = [:]
        for query in Self.queries where query.kind != "crosswalk_code" {
            let owners = index[key(query.text)] ?? []
            results[query.kind, default: Result()].total += 1
            if !owners.isDisjoint(with: query.expected) {
                results[query.kind, default: Result()].found += 1
                if owners.isSubset(of: query.expected) { results[query.kind, default: Result()].unique += 1 }
            }
        }
        return results
    }

    /// Lower case, letters and digits: what matching would be without the normaliser.
    private static func fold(_ text: String) -> String {
        let bytes = text.lowercased().utf8.map { byte -> UInt8 in
            let isAlphanumeric = byte >= 0x80 || (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 122)
            return isAlphanumeric ? byte : 32
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: " ").joined(separator: " ")
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : String(format: "%d/%d = %.1f%%", part, whole, 100 * Double(part) / Double(whole))
    }
}
