import Calibration
import Foundation

/// Criteria as a curriculum team writes them in a request (`POST /v1/rubrics`, revisions), checked field by field.
///
/// Ids are optional: a missing criterion id is made from its name, a missing level id from the criterion id and the
/// level's name. Give ids to keep them stable across renames, so diffs follow a level rather than reporting it
/// removed and added; a criterion whose id is a result description id gets the issuer's levels in sessions.
struct CriterionInput: Decodable, Sendable {
    var id: String?
    var name: String
    var description: String?
    var levels: [LevelInput]
    var skillAlignmentIds: [String]?

    /// One level, lowest first in its list.
    struct LevelInput: Decodable, Sendable {
        var id: String?
        var name: String
        var descriptor: String?
        var points: Double?
    }

    /// The criteria, or every field at fault with its pointer (`pointer` locates the array in the body).
    static func criteria(_ inputs: [CriterionInput], at pointer: String) -> (criteria: [RubricCriterion], errors: [Problem.FieldError]) {
        var errors: [Problem.FieldError] = []
        if inputs.isEmpty { errors.append(.init(pointer: pointer, detail: "must list at least one criterion", code: "required")) }
        if inputs.count > 50 { errors.append(.init(pointer: pointer, detail: "must list at most 50 criteria", code: "length")) }
        var criteria: [RubricCriterion] = []
        var criterionIDs = Set<String>()
        for (index, input) in inputs.enumerated() {
            let here = "\(pointer)/\(index)"
            errors += text(input.name, at: "\(here)/name", limit: 200)
            errors += text(input.description ?? "", at: "\(here)/description", limit: 4_000, required: false)
            let id = input.id ?? slug(input.name)
            if id.isEmpty || id.count > 500 {
                errors.append(.init(pointer: "\(here)/id", detail: "must be 1 to 500 characters", code: "length"))
            } else if !criterionIDs.insert(id).inserted {
                errors.append(.init(pointer: "\(here)/id", detail: "repeats the id of an earlier criterion (\(id))", code: "duplicate"))
            }
            if input.levels.count < 2 || input.levels.count > 12 {
                errors.append(.init(pointer: "\(here)/levels", detail: "must list 2 to 12 levels, lowest first", code: "length"))
            }
            var levels: [RubricLevel] = []
            var levelIDs = Set<String>()
            for (position, level) in input.levels.enumerated() {
                let at = "\(here)/levels/\(position)"
                errors += text(level.name, at: "\(at)/name", limit: 200)
                errors += text(level.descriptor ?? "", at: "\(at)/descriptor", limit: 4_000, required: false)
                let levelID = level.id ?? "\(id)/\(slug(level.name))"
                if levelID.isEmpty || levelID.count > 500 {
                    errors.append(.init(pointer: "\(at)/id", detail: "must be 1 to 500 characters", code: "length"))
                } else if !levelIDs.insert(levelID).inserted {
                    errors.append(.init(pointer: "\(at)/id", detail: "repeats the id of an earlier level (\(levelID))", code: "duplicate"))
                }
                if let points = level.points, !points.isFinite || points < 0 {
                    errors.append(.init(pointer: "\(at)/points", detail: "must be a number of at least 0", code: "range"))
                }
                levels.append(RubricLevel(id: levelID, name: level.name, descriptor: level.descriptor ?? "", points: level.points))
            }
            let skills = input.skillAlignmentIds ?? []
            for (position, skill) in skills.enumerated() where skill.isEmpty || skill.count > 500 {
                errors.append(.init(pointer: "\(here)/skillAlignmentIds/\(position)", detail: "must be 1 to 500 characters", code: "length"))
            }
            criteria.append(
                RubricCriterion(id: id, name: input.name, description: input.description ?? "", levels: levels, skillAlignmentIDs: skills)
            )
        }
        return (criteria, errors)
    }

    private static func text(_ value: String, at pointer: String, limit: Int, required: Bool = true) -> [Problem.FieldError] {
        if required, value.trimmingWhitespace().isEmpty { return [.init(pointer: pointer, detail: "must not be empty", code: "required")] }
        if value.count > limit { return [.init(pointer: pointer, detail: "must be at most \(limit) characters", code: "length")] }
        return []
    }

    /// Lower-case letters and digits of a name, words joined by hyphens ("Code quality" → "code-quality").
    static func slug(_ name: String) -> String {
        name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            .joined(separator: "-")
    }
}
