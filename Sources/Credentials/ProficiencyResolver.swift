import StrictJSON

/// Places each result on its scale (see `Proficiency`): the achieved rubric level, else the value against the
/// description's allowed values or numeric range. References are resolved across all descriptions, because real
/// credentials (the OB 3.0 spec's own full example among them) point at levels of another description.
struct ProficiencyResolver {
    let log: FindingLog

    /// The results with their proficiency filled in where a scale applies.
    func resolve(_ results: [(result: AchievementResult, node: Node)], descriptions: [ResultDescription]) -> [AchievementResult] {
        var descriptionIndex: [String: Int] = [:]
        var levelIndex: [String: (description: Int, level: Int)] = [:]
        for (d, description) in descriptions.enumerated() {
            if descriptionIndex[description.id] == nil { descriptionIndex[description.id] = d }
            for (l, level) in description.levels.enumerated() where levelIndex[level.id] == nil {
                levelIndex[level.id] = (d, l)
            }
        }
        return results.map { result, node in
            var result = result
            var described: Int?
            if let reference = result.resultDescriptionId {
                described = descriptionIndex[reference]
                if described == nil {
                    log.warn(
                        .danglingReference,
                        "resultDescription \"\(reference)\" names no result description of the achievement",
                        at: node.pointer / "resultDescription"
                    )
                }
            }
            if let reference = result.achievedLevelId {
                if let (d, l) = levelIndex[reference] {
                    if let described, described != d {
                        log.warn(
                            .levelOutsideDescription,
                            "achievedLevel belongs to result description \"\(descriptions[d].id)\", not the one the result names; "
                                + "its own scale is used",
                            at: node.pointer / "achievedLevel"
                        )
                    }
                    result.proficiency = levelProficiency(descriptions[d], level: l)
                } else {
                    log.warn(
                        .danglingReference,
                        "achievedLevel \"\(reference)\" names no rubric level of the achievement",
                        at: node.pointer / "achievedLevel"
                    )
                }
            }
            if result.proficiency == nil, let value = result.value, let described {
                result.proficiency = valueProficiency(value, descriptions[described], at: node.pointer / "value")
            }
            return result
        }
    }

    /// Ordinal position on an ordinal scale of `count` steps, normalised to 0...1; a one-step scale normalises to 1.
    static func normalise(ordinal: Int, count: Int) -> Double {
        count <= 1 ? 1 : Double(ordinal - 1) / Double(count - 1)
    }

    /// Proficiency from an achieved rubric level.
    private func levelProficiency(_ description: ResultDescription, level index: Int) -> Proficiency {
        let level = description.levels[index]
        var proficiency = Proficiency(
            basis: .rubricLevel,
            resultDescriptionId: description.id,
            normalised: Self.normalise(ordinal: level.ordinal, count: description.levels.count)
        )
        proficiency.levelId = level.id
        proficiency.levelName = level.name
        proficiency.levelLabel = level.level
        proficiency.points = level.points
        proficiency.ordinal = level.ordinal
        proficiency.levelCount = description.levels.count
        if let required = description.requiredLevel, let requiredLevel = description.levels.first(where: { $0.id == required }) {
            proficiency.meetsRequirement = level.ordinal >= requiredLevel.ordinal
        }
        return proficiency
    }

    /// Proficiency from a value: its place among the allowed values, or in the numeric range.
    private func valueProficiency(_ value: String, _ description: ResultDescription, at pointer: JSONPointer) -> Proficiency? {
        if !description.allowedValues.isEmpty {
            guard let index = description.allowedValues.firstIndex(of: value) else {
                log.warn(.valueNotAllowed, "value \"\(value)\" is not among the description's allowed values", at: pointer)
                return nil
            }
            var proficiency = Proficiency(
                basis: .allowedValue,
                resultDescriptionId: description.id,
                normalised: Self.normalise(ordinal: index + 1, count: description.allowedValues.count)
            )
            proficiency.levelName = value
            proficiency.ordinal = index + 1
            proficiency.levelCount = description.allowedValues.count
            if let required = description.requiredValue, let requiredIndex = description.allowedValues.firstIndex(of: required) {
                proficiency.meetsRequirement = index >= requiredIndex
            }
            return proficiency
        }
        guard let number = Self.decimal(value) else { return nil }
        let isPercent = description.resultType == "Percent"
        guard let low = description.valueMin.flatMap(Self.decimal) ?? (isPercent ? 0 : nil),
            let high = description.valueMax.flatMap(Self.decimal) ?? (isPercent ? 100 : nil), low <= high
        else { return nil }
        guard (low...high).contains(number) else {
            log.warn(.valueOutOfRange, "value \(value) is outside \(low.formatted)...\(high.formatted)", at: pointer)
            return nil
        }
        var proficiency = Proficiency(
            basis: .valueRange,
            resultDescriptionId: description.id,
            normalised: high == low ? 1 : (number - low) / (high - low)
        )
        proficiency.levelName = value
        if let required = description.requiredValue.flatMap(Self.decimal) { proficiency.meetsRequirement = number >= required }
        return proficiency
    }

    /// A numeric result value ("93", "3.7", " 85 "); `nil` for grades and other text.
    static func decimal(_ text: String) -> Double? {
        guard let value = Double(text.trimmingASCIIWhitespace()), value.isFinite else { return nil }
        return value
    }
}

extension Double {
    /// Whole numbers without a decimal point, for messages.
    fileprivate var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
