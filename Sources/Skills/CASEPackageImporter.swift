import StrictJSON

/// Reads a 1EdTech CASE 1.0 `CFPackage` (the JSON of `GET …/CFPackages/{id}`, bare or wrapped in `{"CFPackage": …}`).
///
/// Items come from `CFItems` (label: `abbreviatedStatement`, else `fullStatement`; code: `humanCodingScheme`);
/// `isChildOf` associations between items form the hierarchy (an item that is a child of the `CFDocument` is a
/// top-level item); `exactMatchOf` and `isRelatedTo` become mappings, recognised as ESCO or O*NET concepts when the
/// destination is one, else as CASE items. Other association types are counted in `warnings`.
public enum CASEPackageImporter {
    public static func parse(_ bytes: [UInt8]) throws(FrameworkImportError) -> FrameworkImport {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes, limits: limits)
        } catch {
            throw FrameworkImportError([.init(pointer: error.pointer.description, message: error.message)])
        }
        let wrapped = root["CFPackage"] != nil
        let base: JSONPointer = wrapped ? "/CFPackage" : .root
        guard let package = (wrapped ? root["CFPackage"] : root)?.objectValue else {
            throw FrameworkImportError([.init(pointer: base.description, message: "expected a CFPackage object, found \(root.kindName)")])
        }
        var reader = Reader()
        let document = reader.object(package["CFDocument"], at: base / "CFDocument")
        let documentID = document.flatMap { reader.string($0["identifier"], at: base / "CFDocument" / "identifier") }.map(canonicalIdentifier)
        var result = FrameworkImport(
            format: .casePackage,
            title: document.flatMap { reader.string($0["title"], at: base / "CFDocument" / "title") },
            identifier: documentID,
            uri: document?["uri"]?.stringValue,
            version: document?["version"]?.stringValue
        )
        result.items = reader.items(package["CFItems"], at: base / "CFItems")
        let itemIDs = Set(result.items.map(\.id))
        let associations = reader.associations(package["CFAssociations"], at: base / "CFAssociations")
        var skipped: [String: Int] = [:]
        for association in associations {
            guard itemIDs.contains(association.origin) else {
                result.warnings.append(.init(pointer: association.pointer, message: "origin \(association.origin) is not an item of this package"))
                continue
            }
            switch association.type {
            case "isChildOf":
                if itemIDs.contains(association.destination) {
                    result.hierarchy.append(FrameworkEdge(child: association.origin, parent: association.destination))
                } else if association.destination != documentID {
                    result.warnings.append(.init(pointer: association.pointer, message: "parent \(association.destination) is not in this package"))
                }
            case "exactMatchOf", "isRelatedTo":
                let target =
                    ConceptCode.references(in: association.destinationURI ?? "").first { $0.framework != nil }
                    ?? .caseItem(identifier: association.destination, uri: association.destinationURI)
                result.mappings.append(FrameworkMapping(item: association.origin, target: target, kind: association.type == "isRelatedTo" ? .related : .exactMatch))
            default:
                skipped[association.type, default: 0] += 1
            }
        }
        for (type, count) in skipped.sorted(by: { $0.key < $1.key }) {
            result.warnings.append(.init(pointer: (base / "CFAssociations").description, message: "\(count) \(type) association(s) not imported"))
        }
        for id in HierarchyCheck.codesInCycles(result.hierarchy) {
            reader.problems.append(.init(pointer: (base / "CFAssociations").description, message: "isChildOf associations of \(id) lead back to it"))
        }
        guard reader.problems.isEmpty else { throw FrameworkImportError(Array(reader.problems.prefix(FrameworkImportError.reportLimit))) }
        return result
    }

    /// Large frameworks have tens of thousands of items and associations; the request size limit bounds the rest.
    private static let limits = JSONLimits(maxDepth: 32, maxStringBytes: 1 << 20, maxArrayCount: 1_000_000, maxObjectMembers: 1_000)

    /// CASE identifiers are UUIDs; compare them lower-cased.
    static func canonicalIdentifier(_ identifier: String) -> String {
        let lowered = identifier.lowercased()
        return ConceptCode.isUUID(lowered) ? lowered : identifier
    }
}

/// Reads package members, collecting problems instead of stopping at the first.
private struct Reader {
    var problems: [FrameworkImportError.Problem] = []

    struct Association {
        let type: String
        let origin: String
        let destination: String
        let destinationURI: String?
        let pointer: String
    }

    mutating func object(_ value: JSONValue?, at pointer: JSONPointer) -> JSONObject? {
        guard let value else {
            problems.append(.init(pointer: pointer.description, message: "is missing"))
            return nil
        }
        guard let object = value.objectValue else {
            problems.append(.init(pointer: pointer.description, message: "expected an object, found \(value.kindName)"))
            return nil
        }
        return object
    }

    mutating func string(_ value: JSONValue?, at pointer: JSONPointer) -> String? {
        guard let text = value?.stringValue?.trimmingWhitespace(), !text.isEmpty else {
            problems.append(.init(pointer: pointer.description, message: value == nil ? "is missing" : "expected a non-empty string"))
            return nil
        }
        return text
    }

    mutating func items(_ value: JSONValue?, at pointer: JSONPointer) -> [FrameworkItem] {
        guard let list = value?.arrayValue, !list.isEmpty else {
            problems.append(.init(pointer: pointer.description, message: "expected a non-empty array of CFItems"))
            return []
        }
        var items: [FrameworkItem] = []
        var seen = Set<String>()
        for (index, element) in list.enumerated() {
            let at = pointer / index
            guard let item = object(element, at: at),
                let identifier = string(item["identifier"], at: at / "identifier").map(CASEPackageImporter.canonicalIdentifier),
                let fullStatement = string(item["fullStatement"], at: at / "fullStatement")
            else { continue }
            guard seen.insert(identifier).inserted else {
                problems.append(.init(pointer: (at / "identifier").description, message: "identifier \(identifier) repeats an earlier item"))
                continue
            }
            let abbreviated = item["abbreviatedStatement"]?.stringValue?.trimmingWhitespace()
            let label = abbreviated.flatMap { $0.isEmpty ? nil : $0 } ?? fullStatement
            let notes = item["notes"]?.stringValue?.trimmingWhitespace()
            let description = [label == fullStatement ? nil : fullStatement, notes].compactMap { $0 }.filter { !$0.isEmpty }
            items.append(
                FrameworkItem(
                    id: identifier,
                    code: item["humanCodingScheme"]?.stringValue?.trimmingWhitespace(),
                    label: label,
                    altLabels: (item["conceptKeywords"]?.asList ?? []).compactMap { $0.stringValue?.trimmingWhitespace() }.filter { !$0.isEmpty },
                    description: description.isEmpty ? nil : description.joined(separator: "\n\n"),
                    url: item["uri"]?.stringValue,
                    type: item["CFItemType"]?.stringValue ?? item["CFItemTypeURI"]?["title"]?.stringValue
                )
            )
        }
        return items
    }

    mutating func associations(_ value: JSONValue?, at pointer: JSONPointer) -> [Association] {
        guard let value else { return [] }
        guard let list = value.arrayValue else {
            problems.append(.init(pointer: pointer.description, message: "expected an array, found \(value.kindName)"))
            return []
        }
        var associations: [Association] = []
        for (index, element) in list.enumerated() {
            let at = pointer / index
            guard let association = object(element, at: at),
                let type = string(association["associationType"], at: at / "associationType"),
                let origin = node(association["originNodeURI"], at: at / "originNodeURI"),
                let destination = node(association["destinationNodeURI"], at: at / "destinationNodeURI")
            else { continue }
            associations.append(Association(type: type, origin: origin.id, destination: destination.id, destinationURI: destination.uri, pointer: at.description))
        }
        return associations
    }

    /// A `LinkGenURI` (`{title, identifier, uri}`), or a bare URI string as some exporters write it.
    private mutating func node(_ value: JSONValue?, at pointer: JSONPointer) -> (id: String, uri: String?)? {
        if let uri = value?.stringValue {
            return (CASEPackageImporter.canonicalIdentifier(uri.split(separator: "/").last.map(String.init) ?? uri), uri)
        }
        guard let link = object(value, at: pointer) else { return nil }
        let uri = link["uri"]?.stringValue
        guard let identifier = link["identifier"]?.stringValue ?? uri?.split(separator: "/").last.map(String.init) else {
            problems.append(.init(pointer: pointer.description, message: "has neither identifier nor uri"))
            return nil
        }
        return (CASEPackageImporter.canonicalIdentifier(identifier), uri)
    }
}
