/// A custom framework ready to store, whatever format it came in: its items, their hierarchy and their mappings to
/// other concepts.
public struct FrameworkImport: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case csv
        case casePackage = "case"
    }

    public var format: Format
    /// CASE `CFDocument.title`; CSV imports take their title from the request.
    public var title: String?
    /// CASE `CFDocument.identifier`.
    public var identifier: String?
    /// CASE `CFDocument.uri`.
    public var uri: String?
    public var version: String?
    /// In file order.
    public var items: [FrameworkItem]
    /// Child → parent edges between items (`broader_code`, CASE `isChildOf`).
    public var hierarchy: [FrameworkEdge]
    /// Links from items to other concepts (`maps_to`, CASE `exactMatchOf` / `isRelatedTo`).
    public var mappings: [FrameworkMapping]
    /// What was read but not imported (CASE associations of other types, links to unknown nodes).
    public var warnings: [FrameworkImportError.Problem]

    public init(
        format: Format,
        title: String? = nil,
        identifier: String? = nil,
        uri: String? = nil,
        version: String? = nil,
        items: [FrameworkItem] = [],
        hierarchy: [FrameworkEdge] = [],
        mappings: [FrameworkMapping] = [],
        warnings: [FrameworkImportError.Problem] = []
    ) {
        self.format = format
        self.title = title
        self.identifier = identifier
        self.uri = uri
        self.version = version
        self.items = items
        self.hierarchy = hierarchy
        self.mappings = mappings
        self.warnings = warnings
    }
}

/// One item of an imported framework; stored as a concept of kind `item`.
public struct FrameworkItem: Sendable, Hashable {
    /// Unique within the import: the CSV `code`, or the CASE `identifier` (lower-cased UUID).
    public var id: String
    /// The code people cite: CSV `code`, CASE `humanCodingScheme`.
    public var code: String?
    /// The label shown and matched: CSV `label`, CASE `abbreviatedStatement`, else `fullStatement`.
    public var label: String
    /// Further labels matched as alternatives: CSV `alt_labels`, CASE `conceptKeywords`.
    public var altLabels: [String]
    /// CSV `description`; CASE `fullStatement` when the label is the abbreviated statement, and `notes`.
    public var description: String?
    /// CSV `url`, CASE `uri`.
    public var url: String?
    /// CASE `CFItemType`.
    public var type: String?

    public init(
        id: String, code: String? = nil, label: String, altLabels: [String] = [], description: String? = nil, url: String? = nil,
        type: String? = nil
    ) {
        self.id = id
        self.code = code
        self.label = label
        self.altLabels = altLabels
        self.description = description
        self.url = url
        self.type = type
    }
}

/// `child` is narrower than `parent` (both `FrameworkItem.id`s).
public struct FrameworkEdge: Sendable, Hashable {
    public var child: String
    public var parent: String

    public init(child: String, parent: String) {
        self.child = child
        self.parent = parent
    }
}

/// An item's link to a concept elsewhere.
public struct FrameworkMapping: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The same competency (`maps_to`, CASE `exactMatchOf`): stored as `exact_match`, resolution follows it.
        case exactMatch = "exact_match"
        /// Related, not the same (CASE `isRelatedTo`): stored as `related`.
        case related
    }

    /// `FrameworkItem.id` of the mapped item.
    public var item: String
    public var target: ConceptReference
    public var kind: Kind

    public init(item: String, target: ConceptReference, kind: Kind) {
        self.item = item
        self.target = target
        self.kind = kind
    }
}
