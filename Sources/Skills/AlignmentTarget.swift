/// An Open Badges alignment (OB 2.0 `AlignmentObject`, OB 3.0 `Alignment`) as received, with the achievement
/// context that text resolution falls back to.
public struct AlignmentTarget: Sendable, Hashable {
    /// `targetType` (OB 3.0: `CFItem`, `CFRubric`, `ceasn:Competency`, `ext:…`); absent in OB 2.0.
    public var targetType: String?
    public var targetFramework: String?
    public var targetCode: String?
    public var targetUrl: String?
    public var targetName: String?
    /// The achievement's `tag`s.
    public var tags: [String]
    /// The achievement's `name`.
    public var achievementName: String?

    public init(
        targetType: String? = nil,
        targetFramework: String? = nil,
        targetCode: String? = nil,
        targetUrl: String? = nil,
        targetName: String? = nil,
        tags: [String] = [],
        achievementName: String? = nil
    ) {
        self.targetType = targetType
        self.targetFramework = targetFramework
        self.targetCode = targetCode
        self.targetUrl = targetUrl
        self.targetName = targetName
        self.tags = tags
        self.achievementName = achievementName
    }
}
