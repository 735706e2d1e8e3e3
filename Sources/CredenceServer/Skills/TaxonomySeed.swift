import Credentials
import Foundation
import Inflate
import Skills

/// The built-in taxonomy read from `seed/taxonomy`: concepts, labels (with their normalised keys) and relations,
/// as rows ready for COPY. Concepts are named by (framework, code) as the Skills library names them.
struct TaxonomySeed {
    struct Concept {
        var framework: String
        var code: String
        var kind: String
        var label: String
        var description: String?
        var skillType: String?
        var reuseLevel: String?
        var hotTechnology = false
    }

    struct Relation {
        var from: (framework: String, code: String)
        var to: (framework: String, code: String)
        var kind: String
        var weight: Double?
        var level: Double?
    }

    var concepts: [Concept] = []
    var alternativeLabels: [(framework: String, code: String, label: String)] = []
    var relations: [Relation] = []
    /// SHA-256 of the MANIFEST: identifies exactly what was loaded.
    let manifestSHA256: String

    enum SeedError: Error, CustomStringConvertible {
        case missing(String)
        case unreadable(String, String)

        var description: String {
            switch self {
            case .missing(let file): return "seed file \(file) is missing (looked in CREDENCE_SEED_DIR/taxonomy)"
            case .unreadable(let file, let why): return "seed file \(file) could not be read: \(why)"
            }
        }
    }

    static func manifestSHA256(in directory: URL) throws -> String {
        let url = directory.appendingPathComponent("MANIFEST")
        guard let data = FileManager.default.contents(atPath: url.path) else { throw SeedError.missing("MANIFEST") }
        return ContentDigest.sha256Hex(data)
    }

    init(directory: URL) throws {
        manifestSHA256 = try Self.manifestSHA256(in: directory)
        func records(_ file: String) throws -> [[String]] {
            let url = directory.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw SeedError.missing(file) }
            do {
                let csv = try Inflate.decompress(gzip: Array(data), maxOutput: 256 << 20)
                return try CSVReader.records(csv).dropFirst().map(\.fields)
            } catch {
                throw SeedError.unreadable(file, "\(error)")
            }
        }
        func text(_ value: String) -> String? { value.isEmpty ? nil : value }
        func alternatives(_ joined: String, _ framework: String, _ code: String) {
            for label in joined.split(separator: "|") where !label.isEmpty {
                alternativeLabels.append((framework, code, String(label)))
            }
        }

        for r in try records("esco_skills.csv.gz") where r.count >= 6 {
            concepts.append(
                Concept(
                    framework: "esco", code: r[0], kind: r[3] == "knowledge" ? "knowledge" : "skill", label: r[1], description: text(r[5]),
                    skillType: text(r[3]), reuseLevel: text(r[4])
                )
            )
            alternatives(r[2], "esco", r[0])
        }
        for r in try records("esco_skill_groups.csv.gz") where r.count >= 4 {
            concepts.append(Concept(framework: "esco", code: r[0], kind: "group", label: r[2], description: text(r[3])))
        }
        for r in try records("esco_isco_groups.csv.gz") where r.count >= 3 {
            concepts.append(Concept(framework: "esco", code: r[1], kind: "group", label: r[2]))
            // ISCO codes nest by prefix: 2654 is in 265, in 26, in 2.
            if r[0].count > 1 {
                relations.append(Relation(from: ("esco", r[1]), to: ("esco", Self.iscoURI(String(r[0].dropLast()))), kind: "broader"))
            }
        }
        for r in try records("esco_occupations.csv.gz") where r.count >= 4 {
            concepts.append(Concept(framework: "esco", code: r[0], kind: "occupation", label: r[2]))
            alternatives(r[3], "esco", r[0])
            if !r[1].isEmpty { relations.append(Relation(from: ("esco", r[0]), to: ("esco", Self.iscoURI(r[1])), kind: "broader")) }
        }
        for r in try records("esco_skill_hierarchy.csv.gz") where r.count >= 4 {
            relations.append(Relation(from: ("esco", r[0]), to: ("esco", r[2]), kind: "broader"))
        }
        for r in try records("esco_skill_relations.csv.gz") where r.count >= 3 {
            relations.append(Relation(from: ("esco", r[0]), to: ("esco", r[1]), kind: "related", weight: r[2] == "essential" ? 1 : 0.5))
        }
        for r in try records("esco_occupation_skills.csv.gz") where r.count >= 3 {
            relations.append(Relation(from: ("esco", r[0]), to: ("esco", r[1]), kind: r[2] == "essential" ? "essential" : "optional"))
        }

        for r in try records("onet_occupations.csv.gz") where r.count >= 3 {
            concepts.append(Concept(framework: "onet", code: r[0], kind: "occupation", label: r[1], description: text(r[2])))
        }
        let elements = try records("onet_skills.csv.gz").filter { $0.count >= 4 }
        let elementIDs = Set(elements.map { $0[0] })
        for r in elements {
            concepts.append(Concept(framework: "onet", code: r[0], kind: r[3] == "Knowledge" ? "knowledge" : "skill", label: r[1], description: text(r[2])))
            let parent = r[0].split(separator: ".").dropLast().joined(separator: ".")
            if elementIDs.contains(parent) { relations.append(Relation(from: ("onet", r[0]), to: ("onet", parent), kind: "broader")) }
        }
        for r in try records("onet_occupation_skills.csv.gz") where r.count >= 4 {
            relations.append(Relation(from: ("onet", r[0]), to: ("onet", r[1]), kind: "rated", weight: Double(r[2]), level: Double(r[3])))
        }
        var commodities = Set<String>()
        var technologies: [String: Int] = [:]
        for r in try records("onet_technology_skills.csv.gz") where r.count >= 6 {
            let tech = OnetTechnology.conceptCode(forExample: r[1])
            if commodities.insert(r[2]).inserted {
                concepts.append(Concept(framework: "onet", code: r[2], kind: "technology", label: r[3]))
            }
            if let index = technologies[tech] {
                if r[4] == "Y" { concepts[index].hotTechnology = true }
            } else {
                technologies[tech] = concepts.count
                concepts.append(Concept(framework: "onet", code: tech, kind: "technology", label: r[1], hotTechnology: r[4] == "Y"))
                relations.append(Relation(from: ("onet", tech), to: ("onet", r[2]), kind: "broader"))
            }
            relations.append(Relation(from: ("onet", r[0]), to: ("onet", tech), kind: "technology", weight: r[5] == "Y" ? 1 : 0.5))
        }
        for r in try records("crosswalk_esco_onet.csv.gz") where r.count >= 6 {
            let confidence = Double(r[5])
            relations.append(Relation(from: ("esco", r[0]), to: ("onet", r[3]), kind: "crosswalk", weight: confidence))
            relations.append(Relation(from: ("onet", r[3]), to: ("esco", r[0]), kind: "crosswalk", weight: confidence))
        }
    }

    static func iscoURI(_ code: String) -> String { "http://data.europa.eu/esco/isco/C\(code)" }
}
