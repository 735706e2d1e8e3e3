/// A link from an achievement (or a result, result description or rubric level) to a skill, competency or
/// framework item: OB 3.0 `Alignment`, OB 2.0 `AlignmentObject`.
public struct Alignment: Sendable, Hashable {
    public var targetName: String?
    public var targetUrl: String?
    public var targetDescription: String?
    /// Name of the framework, free text.
    public var targetFramework: String?
    /// Code of the item within its framework.
    public var targetCode: String?
    /// `ceasn:Competency`, `CFItem`, `CFRubricCriterionLevel`, `CTDL`, `ext:…`; absent in OB 2.0.
    public var targetType: String?

    public init(
        targetName: String? = nil,
        targetUrl: String? = nil,
        targetDescription: String? = nil,
        targetFramework: String? = nil,
        targetCode: String? = nil,
        targetType: String? = nil
    ) {
        self.targetName = targetName
        self.targetUrl = targetUrl
        self.targetDescription = targetDescription
        self.targetFramework = targetFramework
        self.targetCode = targetCode
        self.targetType = targetType
    }
}

/// An alignment together with the part of the credential that carried it.
public struct PlacedAlignment: Sendable, Hashable {
    public var alignment: Alignment
    public var source: AlignmentSource

    public init(_ alignment: Alignment, source: AlignmentSource) {
        self.alignment = alignment
        self.source = source
    }
}

/// Where an alignment was found.
public enum AlignmentSource: Sendable, Hashable {
    /// `achievement.alignment`.
    case achievement
    /// `achievement.resultDescription[].alignment`, by the description's id (or its position when it has none).
    case resultDescription(descriptionId: String)
    /// `…resultDescription[].rubricCriterionLevel[].alignment`.
    case rubricLevel(descriptionId: String, levelId: String)
    /// `credentialSubject.result[index].alignment`.
    case result(index: Int)

    /// A short stable label for storage: `achievement`, `result_description`, `rubric_level`, `result`.
    public var kind: String {
        switch self {
        case .achievement: return "achievement"
        case .resultDescription: return "result_description"
        case .rubricLevel: return "rubric_level"
        case .result: return "result"
        }
    }
}
