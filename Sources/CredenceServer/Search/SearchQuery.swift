public import Foundation

/// A recruiter's search as the API accepts it: skill terms (text, concept id or framework code), each required or
/// preferred with an optional minimum proficiency, and filters. Bounded so no query can be made expensive at will.
public struct SearchQuery: Sendable, Codable, Hashable {
    public struct Term: Sendable, Codable, Hashable {
        /// What a recruiter typed ("data visualization").
        public var text: String?
        /// A concept id from `GET /v1/skills`.
        public var concept: Int?
        /// A framework code or URI (an ESCO URI, `15-2051.00`, `2.A.1.a`).
        public var code: String?
        /// Required terms filter; preferred ones add to the score. Default: required.
        public var required: Bool?
        /// 0…1: the normalised rubric level at least reached (0.5 is the middle of the scale).
        public var minProficiency: Double?
        /// Whether narrower concepts and crosswalked occupations also match (default true).
        public var expand: Bool?

        public init(text: String? = nil, concept: Int? = nil, code: String? = nil, required: Bool? = nil, minProficiency: Double? = nil, expand: Bool? = nil) {
            self.text = text
            self.concept = concept
            self.code = code
            self.required = required
            self.minProficiency = minProficiency
            self.expand = expand
        }

        var isRequired: Bool { required ?? true }
        /// A short label for the term in explanations and the search log.
        var label: String { text ?? code ?? concept.map { "concept \($0)" } ?? "" }
    }

    public struct Filters: Sendable, Codable, Hashable {
        public var issuers: [UUID]?
        public var frameworks: [String]?
        public var achievementTypes: [String]?
        public var awardedAfter: Date?
        public var awardedBefore: Date?
        /// Also return credentials that could not be verified (never revoked, expired or failed ones). Default false.
        public var includeUnverified: Bool?
        /// `trusted`: only issuers the deployment's registry trusts; `any` (default): trusted and unknown.
        public var issuerTrust: String?

        public init() {}
    }

    public var skills: [Term]
    public var filters: Filters?
    /// Results per page, 1…100 (default 20).
    public var limit: Int?
    public var cursor: String?
    /// At least this many terms must match (default: all required terms, and at least one term).
    public var minMatched: Int?

    public init(skills: [Term], filters: Filters? = nil, limit: Int? = nil, cursor: String? = nil, minMatched: Int? = nil) {
        self.skills = skills
        self.filters = filters
        self.limit = limit
        self.cursor = cursor
        self.minMatched = minMatched
    }

    public static let maxTerms = 10
    public static let maxLimit = 100

    /// Every rule the query breaks, with the JSON pointer of the value at fault.
    public func problems() -> [(pointer: String, message: String)] {
        var problems: [(String, String)] = []
        if skills.isEmpty { problems.append(("/skills", "name at least one skill")) }
        if skills.count > Self.maxTerms { problems.append(("/skills", "at most \(Self.maxTerms) skills per search")) }
        for (index, term) in skills.enumerated() {
            let given = [term.text != nil, term.concept != nil, term.code != nil].filter { $0 }.count
            if given != 1 { problems.append(("/skills/\(index)", "give exactly one of text, concept or code")) }
            if let text = term.text, text.trimmingCharacters(in: .whitespaces).isEmpty || text.utf8.count > 200 {
                problems.append(("/skills/\(index)/text", "must be 1 to 200 bytes"))
            }
            if let code = term.code, code.isEmpty || code.utf8.count > 300 { problems.append(("/skills/\(index)/code", "must be 1 to 300 bytes")) }
            if let p = term.minProficiency, !(0...1).contains(p) { problems.append(("/skills/\(index)/minProficiency", "must be between 0 and 1")) }
        }
        if let limit, !(1...Self.maxLimit).contains(limit) { problems.append(("/limit", "must be from 1 to \(Self.maxLimit)")) }
        if let minMatched, !(1...max(1, skills.count)).contains(minMatched) {
            problems.append(("/minMatched", "must be from 1 to the number of skills"))
        }
        if let filters {
            if (filters.issuers?.count ?? 0) > 100 { problems.append(("/filters/issuers", "at most 100 issuers")) }
            if (filters.frameworks?.count ?? 0) > 20 { problems.append(("/filters/frameworks", "at most 20 frameworks")) }
            if (filters.achievementTypes?.count ?? 0) > 50 { problems.append(("/filters/achievementTypes", "at most 50 types")) }
            if let trust = filters.issuerTrust, !["trusted", "any"].contains(trust) {
                problems.append(("/filters/issuerTrust", "must be trusted or any"))
            }
            if let after = filters.awardedAfter, let before = filters.awardedBefore, after >= before {
                problems.append(("/filters/awardedBefore", "must be later than awardedAfter"))
            }
        }
        return problems
    }
}
