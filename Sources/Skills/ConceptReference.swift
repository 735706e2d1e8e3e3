/// A concept named by a code or URI that a framework publishes, in the canonical form the seed stores as
/// `skills.code` under `skills.framework`.
public enum ConceptReference: Sendable, Hashable {
    /// An ESCO skill, occupation, skill group, ISCO group or ISCED-F field: `http://data.europa.eu/esco/skill/<uuid>`.
    case esco(uri: String)
    /// An O*NET-SOC 2019 occupation: `15-2051.00`.
    case onetOccupation(code: String)
    /// An O*NET content-model element (skill, knowledge area …): `2.A.1.a`.
    case onetElement(id: String)
    /// A UNSPSC commodity that O*NET groups technology skills under: `43232306`.
    case onetCommodity(code: String)
    /// A named tool from O*NET Technology Skills: `tech:microsoft-power-bi` (see `OnetTechnology.conceptCode`).
    case onetTechnology(code: String)
    /// An item of an imported CASE framework, by its `identifier` (a UUID, lower-cased) and/or its `uri`.
    case caseItem(identifier: String?, uri: String?)

    /// The `skill_frameworks.id` the concept belongs to; `nil` for CASE items, which live in imported frameworks.
    public var framework: SeedFramework? {
        switch self {
        case .esco: return .esco
        case .onetOccupation, .onetElement, .onetCommodity, .onetTechnology: return .onet
        case .caseItem: return nil
        }
    }

    /// The concept's `skills.code`; for a CASE item its identifier, else its URI.
    public var code: String {
        switch self {
        case .esco(let uri): return uri
        case .onetOccupation(let code), .onetCommodity(let code), .onetTechnology(let code): return code
        case .onetElement(let id): return id
        case .caseItem(let identifier, let uri): return identifier ?? uri ?? ""
        }
    }
}

/// The frameworks the product seeds, by their `skill_frameworks.id`.
public enum SeedFramework: String, Sendable, Hashable, CaseIterable {
    case esco
    case onet
}
