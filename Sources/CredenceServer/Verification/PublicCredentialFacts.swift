import StrictJSON

/// What public verification shows of a credential, picked from the stored normalised badge: what was earned, how it
/// was assessed, the evidence and the issuer. Nothing that identifies the earner (subject id, email or other
/// identifiers, hashed or not) is among them.
struct PublicCredentialFacts: Sendable {
    struct Link: Sendable {
        var url: String?
        var name: String?
        var narrative: String?
        var description: String?
        var genre: String?
    }

    struct RubricLevel: Sendable {
        var name: String?
        var label: String?
        var description: String?
        var points: String?
        var achieved: Bool
    }

    struct Result: Sendable {
        /// The result description's name ("Project rubric").
        var name: String?
        var resultType: String?
        var levelName: String?
        var levelLabel: String?
        var ordinal: Int?
        var levelCount: Int?
        var points: String?
        var value: String?
        var status: String?
        var meetsRequirement: Bool?
        /// Every level of the rubric, lowest first, the achieved one marked.
        var rubric: [RubricLevel]
    }

    struct Skill: Sendable {
        var name: String?
        var url: String?
        var framework: String?
        var code: String?
    }

    var credentialName: String?
    var achievementID: String?
    var achievementName: String
    var achievementType: String?
    var description: String?
    var image: String?
    var criteriaURL: String?
    var criteriaNarrative: String?
    var humanCode: String?
    var fieldOfStudy: String?
    var specialization: String?
    var skills: [Skill]
    var issuerID: String
    var issuerName: String?
    var issuerURL: String?
    var issuerEmail: String?
    var issuerImage: String?
    var results: [Result]
    var evidence: [Link]
    var validFrom: String?
    var validUntil: String?
    var awardedDate: String?
    var term: String?
    var activityStart: String?
    var activityEnd: String?
    var creditsEarned: String?
    var role: String?
    var activityNarrative: String?

    init(badge: JSONValue) {
        let achievement = badge["achievement"]
        let issuer = badge["issuer"]
        let activity = badge["activity"]
        credentialName = badge["name"]?.stringValue
        achievementID = achievement?["id"]?.stringValue
        achievementName = achievement?["name"]?.stringValue ?? badge["name"]?.stringValue ?? "Credential"
        achievementType = achievement?["achievementType"]?.stringValue
        description = achievement?["description"]?.stringValue ?? badge["description"]?.stringValue
        image = achievement?["image"]?.stringValue ?? badge["image"]?.stringValue
        criteriaURL = achievement?["criteria"]?["id"]?.stringValue
        criteriaNarrative = achievement?["criteria"]?["narrative"]?.stringValue
        humanCode = achievement?["humanCode"]?.stringValue
        fieldOfStudy = achievement?["fieldOfStudy"]?.stringValue
        specialization = achievement?["specialization"]?.stringValue
        skills = (achievement?["alignment"]?.arrayValue ?? []).map {
            Skill(
                name: $0["targetName"]?.stringValue, url: $0["targetUrl"]?.stringValue, framework: $0["targetFramework"]?.stringValue,
                code: $0["targetCode"]?.stringValue
            )
        }
        issuerID = issuer?["id"]?.stringValue ?? ""
        issuerName = issuer?["name"]?.stringValue
        issuerURL = issuer?["url"]?.stringValue
        issuerEmail = issuer?["email"]?.stringValue
        issuerImage = issuer?["image"]?.stringValue
        let descriptions = achievement?["resultDescription"]?.arrayValue ?? []
        results = (badge["results"]?.arrayValue ?? []).map { Self.result($0, descriptions: descriptions) }
        evidence = (badge["evidence"]?.arrayValue ?? []).map {
            Link(
                url: $0["id"]?.stringValue, name: $0["name"]?.stringValue, narrative: $0["narrative"]?.stringValue,
                description: $0["description"]?.stringValue, genre: $0["genre"]?.stringValue
            )
        }
        validFrom = badge["validFrom"]?.stringValue
        validUntil = badge["validUntil"]?.stringValue
        awardedDate = badge["awardedDate"]?.stringValue
        term = activity?["term"]?.stringValue
        activityStart = activity?["activityStartDate"]?.stringValue
        activityEnd = activity?["activityEndDate"]?.stringValue
        creditsEarned = activity?["creditsEarned"]?.numberValue?.description
        role = activity?["role"]?.stringValue
        activityNarrative = activity?["narrative"]?.stringValue
    }

    /// A result with its place on the scale of the result description it reports.
    private static func result(_ result: JSONValue, descriptions: [JSONValue]) -> Result {
        let proficiency = result["proficiency"]
        let descriptionID = result["resultDescription"]?.stringValue
        let description = descriptions.first { $0["id"]?.stringValue == descriptionID }
        let achievedLevel = result["achievedLevel"]?.stringValue
        let rubric = (description?["rubricCriterionLevel"]?.arrayValue ?? []).map { level in
            RubricLevel(
                name: level["name"]?.stringValue, label: level["level"]?.stringValue, description: level["description"]?.stringValue,
                points: level["points"]?.stringValue, achieved: achievedLevel != nil && level["id"]?.stringValue == achievedLevel
            )
        }
        return Result(
            name: description?["name"]?.stringValue, resultType: description?["resultType"]?.stringValue,
            levelName: proficiency?["levelName"]?.stringValue, levelLabel: proficiency?["level"]?.stringValue,
            ordinal: proficiency?["ordinal"]?.numberValue?.intValue, levelCount: proficiency?["levelCount"]?.numberValue?.intValue,
            points: proficiency?["points"]?.stringValue, value: result["value"]?.stringValue, status: result["status"]?.stringValue,
            meetsRequirement: proficiency?["meetsRequirement"]?.boolValue, rubric: rubric
        )
    }
}
