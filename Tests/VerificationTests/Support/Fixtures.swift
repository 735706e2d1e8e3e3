import Foundation
import StrictJSON

/// Reads test data from the shared folder (`../shared` from the project root, or `CREDENCE_SHARED_DIR`).
enum Fixtures {
    static let sharedDirectory: URL = {
        if let override = ProcessInfo.processInfo.environment["CREDENCE_SHARED_DIR"] { return URL(fileURLWithPath: override) }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.deletingLastPathComponent().appendingPathComponent("shared")
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "/work/shared")
    }()

    static let signed = sharedDirectory.appendingPathComponent("data/openbadges/signed")

    static func bytes(_ path: String, in base: URL = signed) throws -> [UInt8] {
        Array(try Data(contentsOf: base.appendingPathComponent(path)))
    }

    static func text(_ path: String, in base: URL = signed) throws -> String {
        String(decoding: try bytes(path, in: base), as: UTF8.self)
    }

    static func json(_ path: String, in base: URL = signed) throws -> JSONValue {
        try JSONParser.parse(try bytes(path, in: base))
    }

    static func object(_ path: String, in base: URL = signed) throws -> JSONObject {
        guard let object = try json(path, in: base).objectValue else { throw FixtureError.notAnObject(path) }
        return object
    }

    /// "Now" for the fixtures' date expectations (signed/README.md).
    static let now = Date(timeIntervalSince1970: 1_795_910_400)  // 2026-11-29T00:00:00Z

    enum FixtureError: Error {
        case notAnObject(String)
    }
}
