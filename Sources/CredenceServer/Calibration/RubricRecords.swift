import Calibration
import Foundation
import StrictJSON

/// A rubric with the achievement it belongs to.
struct RubricRecord: Sendable {
    var id: UUID
    var achievementID: UUID
    var achievementURI: String
    var achievementName: String
    var issuerName: String?
    var latestVersion: Int
    var createdAt: Date
}

/// One stored rubric version: the library value plus where it came from and the trace of what it answers.
struct StoredRubricVersion: Sendable {
    /// Where a version came from.
    enum Source: String, Sendable {
        /// Derived from the achievement's Open Badges result descriptions.
        case definition
        /// Written by the curriculum team (`POST /v1/rubrics`).
        case authored
        /// Made by `POST /v1/rubrics/{id}/revisions`, answering proposals or feedback.
        case revision
    }

    var id: UUID
    var rubricID: UUID
    var version: RubricVersion
    var source: Source
    var effectiveFrom: Date?
    /// `{"proposals": [...], "feedback": [...]}` as recorded when the version was made.
    var trace: JSONValue
    var createdAt: Date
}

/// Rubric criteria as stored in `rubric_versions.criteria`: the library's own Codable form.
enum RubricCoding {
    static func encode(_ criteria: [RubricCriterion]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(criteria), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [RubricCriterion] {
        try JSONDecoder().decode([RubricCriterion].self, from: Data(text.utf8))
    }
}
