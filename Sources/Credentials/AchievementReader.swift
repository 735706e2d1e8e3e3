import StrictJSON

/// Reads an OB 3.0 `Achievement` or OB 2.0 `BadgeClass` with its alignments and result descriptions.
struct AchievementReader {
    let fields: FieldReader

    /// OB 3.0 `achievementType` values (OB3_NOTES §4); anything else must be an `ext:` extension.
    static let achievementTypes: Set<String> = [
        "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree", "Award", "Badge",
        "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification", "CommunityService", "Competency", "Course",
        "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment", "JourneymanCertificate",
        "LearningProgram", "License", "Membership", "ProfessionalDoctorate", "QualityAssuranceCredential", "MasterCertificate",
        "MasterDegree", "MicroCredential", "ResearchDoctorate", "SecondarySchoolDiploma",
    ]

    private var log: FindingLog { fields.log }
    private var isOB3: Bool { fields.version == .v3 }

    /// The achievement, or `nil` after recording why it cannot be read.
    func read(_ node: Node) -> Achievement? {
        let types = fields.checkType(node, expected: isOB3 ? ["Achievement"] : ["BadgeClass"], what: isOB3 ? "achievement" : "badge class")
        let id = isOB3 ? fields.requiredKey(node, "id", what: "achievement id") : fields.requiredIdentifier(node, "id", what: "badge class id")
        let name = fields.requiredText(node, "name", what: isOB3 ? "achievement name" : "badge class name")
        var achievement = Achievement(id: id ?? "", name: name ?? "")
        achievement.types = types
        achievement.raw = node.value
        achievement.description = fields.expectedText(node, "description", what: "achievement description")
        achievement.criteria = criteria(node)
        achievement.achievementType = achievementType(node)
        achievement.version = fields.text(node, "version")
        achievement.tags = tags(node)
        achievement.humanCode = fields.text(node, "humanCode")
        achievement.fieldOfStudy = fields.text(node, "fieldOfStudy")
        achievement.specialization = fields.text(node, "specialization")
        achievement.creator = fields.profile(node, "creator", what: "achievement creator", essential: false)
        achievement.related = related(node)
        achievement.image = fields.image(node, "image")
        achievement.inLanguage = fields.text(node, "inLanguage") ?? fields.text(node, "@language")
        achievement.creditsAvailable = fields.number(node, "creditsAvailable")
        achievement.otherIdentifiers = fields.identifierEntries(node, "otherIdentifier")
        achievement.alignments = alignments(node)
        achievement.resultDescriptions = fields.list(node, "resultDescription").enumerated().compactMap { resultDescription($1, position: $0) }
        guard id != nil, name != nil else { return nil }
        return achievement
    }

    /// `criteria`: a Criteria object, or (OB 2.0, or a deviation in 3.0) the URL of a criteria page.
    private func criteria(_ node: Node) -> Criteria? {
        guard let criteria = node["criteria"] else {
            log.warn(.missingRecommendedField, "achievement criteria are missing", at: node.pointer / "criteria")
            return nil
        }
        if let url = criteria.string {
            // OB 2.0 allows criteria as a URL; OB 3.0 wants a Criteria object.
            if isOB3 { log.warn(.ignoredValue, "criteria is a bare URL; OB 3.0 expects a Criteria object", at: criteria.pointer) }
            return Criteria(id: url, narrative: nil)
        }
        guard criteria.object != nil else {
            log.warn(.ignoredValue, "criteria should be an object, found \(criteria.value.kindName); ignored", at: criteria.pointer)
            return nil
        }
        let result = Criteria(id: fields.text(criteria, "id"), narrative: fields.text(criteria, "narrative"))
        return result.id == nil && result.narrative == nil ? nil : result
    }

    /// `achievementType`, kept even outside the enumeration.
    private func achievementType(_ node: Node) -> String? {
        guard let type = fields.text(node, "achievementType") else { return nil }
        if !Self.achievementTypes.contains(type) && !type.hasPrefix("ext:") {
            log.warn(
                .achievementTypeOutsideEnum,
                "achievementType \"\(type)\" is neither in the OB 3.0 list nor an ext: extension; kept as is",
                at: node.pointer / "achievementType"
            )
        }
        return type
    }

    /// `tag` (OB 3.0) or `tags` (OB 2.0); the other version's name is accepted with a warning.
    private func tags(_ node: Node) -> [String] {
        let (own, other) = isOB3 ? ("tag", "tags") : ("tags", "tag")
        var tags = fields.texts(node, own)
        if node.has(other) {
            log.warn(.obsoleteTermName, "\"\(other)\" is the \(isOB3 ? "OB 2.0" : "OB 3.0") name; read as \"\(own)\"", at: node.pointer / other)
            tags += fields.texts(node, other).filter { !tags.contains($0) }
        }
        return tags
    }

    /// `related`: other versions or languages of the achievement, as objects or bare ids.
    private func related(_ node: Node) -> [RelatedAchievement] {
        fields.list(node, "related").compactMap { entry in
            if let id = entry.string { return RelatedAchievement(id: id) }
            guard entry.object != nil else {
                log.warn(.ignoredValue, "related entry should be an object, found \(entry.value.kindName); skipped", at: entry.pointer)
                return nil
            }
            if isOB3 { fields.checkType(entry, expected: ["Related"], what: "related achievement") }
            guard let id = fields.expectedText(entry, "id", what: "related achievement id") else { return nil }
            return RelatedAchievement(
                id: id,
                inLanguage: fields.text(entry, "inLanguage") ?? fields.text(entry, "@language"),
                version: fields.text(entry, "version")
            )
        }
    }

    /// Alignments of any object (achievement, result description, rubric level, result).
    func alignments(_ node: Node) -> [Alignment] {
        fields.list(node, "alignment").compactMap { entry in
            guard entry.object != nil else {
                log.warn(.ignoredValue, "alignment should be an object, found \(entry.value.kindName); skipped", at: entry.pointer)
                return nil
            }
            if isOB3 { fields.checkType(entry, expected: ["Alignment"], what: "alignment") }
            let alignment = Alignment(
                targetName: fields.expectedText(entry, "targetName", what: "alignment targetName"),
                targetUrl: fields.expectedText(entry, "targetUrl", what: "alignment targetUrl"),
                targetDescription: fields.text(entry, "targetDescription"),
                targetFramework: fields.text(entry, "targetFramework"),
                targetCode: fields.text(entry, "targetCode"),
                targetType: fields.text(entry, "targetType")
            )
            return alignment.targetName == nil && alignment.targetUrl == nil && alignment.targetCode == nil ? nil : alignment
        }
    }

    /// One result description with its rubric levels numbered from 1, low to high.
    private func resultDescription(_ node: Node, position: Int) -> ResultDescription? {
        guard node.object != nil else {
            log.warn(.ignoredValue, "result description should be an object, found \(node.value.kindName); skipped", at: node.pointer)
            return nil
        }
        fields.checkType(node, expected: ["ResultDescription"], what: "result description")
        let id = fields.expectedText(node, "id", what: "result description id (results cannot refer to it)") ?? "#resultDescription/\(position + 1)"
        var description = ResultDescription(id: id)
        description.name = fields.expectedText(node, "name", what: "result description name")
        description.resultType = fields.expectedText(node, "resultType", what: "result description resultType")
        description.allowedValues = fields.texts(node, "allowedValue")
        description.requiredValue = fields.text(node, "requiredValue")
        description.requiredLevel = fields.text(node, "requiredLevel")
        description.valueMin = fields.text(node, "valueMin")
        description.valueMax = fields.text(node, "valueMax")
        description.alignments = alignments(node)
        description.levels = fields.list(node, "rubricCriterionLevel").compactMap { level in
            guard level.object != nil else {
                log.warn(.ignoredValue, "rubric level should be an object, found \(level.value.kindName); skipped", at: level.pointer)
                return nil
            }
            return rubricLevel(level)
        }
        for i in description.levels.indices {
            description.levels[i].ordinal = i + 1
            if description.levels[i].id.isEmpty { description.levels[i].id = "\(id)#level/\(i + 1)" }
        }
        return description
    }

    /// A level with its ordinal left for the caller, which numbers the levels it kept.
    private func rubricLevel(_ node: Node) -> RubricLevel {
        fields.checkType(node, expected: ["RubricCriterionLevel"], what: "rubric criterion level")
        var level = RubricLevel(id: fields.expectedText(node, "id", what: "rubric level id (results cannot refer to it)") ?? "", ordinal: 0)
        level.name = fields.expectedText(node, "name", what: "rubric level name")
        level.level = fields.text(node, "level")
        level.points = fields.text(node, "points")
        level.description = fields.text(node, "description")
        level.alignments = alignments(node)
        return level
    }
}
