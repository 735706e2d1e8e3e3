import Calibration
import StrictJSON

/// Reads a rubric from an achievement definition as `EarnedBadge.json` stores it (`achievements.definition`):
/// each result description with at least two `rubricCriterionLevel`s is a criterion, its levels in ordinal order.
enum RubricDerivation {
    /// The criteria the definition describes; empty when it has no rubric (no description with two or more levels).
    static func criteria(fromDefinition definition: JSONValue) -> [RubricCriterion] {
        var criteria: [RubricCriterion] = []
        var seen = Set<String>()
        for (index, description) in (definition["resultDescription"]?.asList ?? []).enumerated() {
            let levels = (description["rubricCriterionLevel"]?.asList ?? []).enumerated()
                .sorted { (ordinal($0.element) ?? $0.offset, $0.offset) < (ordinal($1.element) ?? $1.offset, $1.offset) }
                .map { level(from: $0.element, position: $0.offset) }
            // One level cannot be disagreed on; a description id seen twice would make results ambiguous.
            guard levels.count >= 2, levels.allSatisfy({ !$0.id.isEmpty }), Set(levels.map(\.id)).count == levels.count,
                let id = description["id"]?.stringValue, !id.isEmpty, seen.insert(id).inserted
            else { continue }
            let alignments =
                (description["alignment"]?.asList ?? [])
                + (description["rubricCriterionLevel"]?.asList ?? []).flatMap {
                    $0["alignment"]?.asList ?? []
                }
            var skills: [String] = []
            for alignment in alignments {
                if let target = alignmentTarget(alignment), !skills.contains(target) { skills.append(target) }
            }
            criteria.append(
                RubricCriterion(
                    id: id,
                    name: description["name"]?.stringValue ?? "Criterion \(index + 1)",
                    description: "",
                    levels: levels,
                    skillAlignmentIDs: skills
                )
            )
        }
        return criteria
    }

    private static func ordinal(_ level: JSONValue) -> Int? {
        level["ordinal"]?.numberValue?.intValue
    }

    private static func level(from value: JSONValue, position: Int) -> RubricLevel {
        let id = value["id"]?.stringValue ?? ""
        let name = value["name"]?.stringValue ?? value["level"]?.stringValue ?? "Level \(position + 1)"
        let points = value["points"]?.stringValue.flatMap { Double($0.trimmingWhitespace()) }
        return RubricLevel(id: id, name: name, descriptor: value["description"]?.stringValue ?? "", points: points)
    }

    /// The concept an alignment names: its URL, else its code, else its name.
    private static func alignmentTarget(_ alignment: JSONValue) -> String? {
        for key in ["targetUrl", "targetCode", "targetName"] {
            if let text = alignment[key]?.stringValue, !text.isEmpty { return text }
        }
        return nil
    }
}
