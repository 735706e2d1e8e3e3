import Foundation

@testable import Skills

/// The shared taxonomy extracts (`../shared/data/taxonomy` from the project root, or `$CREDENCE_SHARED_DIR`) and this
/// test target's resources.
enum Fixtures {
    static let sharedDirectory: URL = {
        if let dir = ProcessInfo.processInfo.environment["CREDENCE_SHARED_DIR"] { return URL(fileURLWithPath: dir) }
        // Tests/SkillsTests/Fixtures.swift → project root → ../shared
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let taxonomy = sharedDirectory.appendingPathComponent("data/taxonomy")

    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")

    static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }

    /// The records of a taxonomy CSV (all parts of a split file, in order) as dictionaries keyed by the header.
    static func rows(_ name: String) throws -> [[String: String]] {
        let files = try FileManager.default.contentsOfDirectory(atPath: taxonomy.path)
            .filter { $0 == name + ".csv" || ($0.hasPrefix(name + "_part") && $0.hasSuffix(".csv")) }
            .sorted()
        var rows: [[String: String]] = []
        for file in files {
            let records = try CSVReader.records(try bytes(taxonomy.appendingPathComponent(file)))
            guard let header = records.first?.fields else { continue }
            for record in records.dropFirst() {
                rows.append(Dictionary(uniqueKeysWithValues: zip(header, record.fields)))
            }
        }
        return rows
    }
}
