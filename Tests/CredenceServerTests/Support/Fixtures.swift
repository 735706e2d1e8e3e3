import Foundation
import StrictJSON

/// The shared material (`../shared/data`: Open Badges files, taxonomy samples), read in tests only.
enum Fixtures {
    static let sharedData: URL = {
        if let dir = ProcessInfo.processInfo.environment["CREDENCE_SHARED_DIR"] {
            return URL(fileURLWithPath: dir).appendingPathComponent("data")
        }
        return TestDatabase.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }()
    static let openBadges = sharedData.appendingPathComponent("openbadges")

    /// A file of `taxonomy/samples` (CASE packages and the like), by name.
    static func taxonomySample(_ name: String) -> String {
        sharedData.appendingPathComponent("taxonomy/samples/\(name)").path
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: openBadges.appendingPathComponent(path)))
    }

    static func json(_ path: String) throws -> JSONObject {
        guard let object = try JSONParser.parse(try bytes(path), limits: .trusted).objectValue else { throw CocoaError(.fileReadCorruptFile) }
        return object
    }

    static let ob3 = "signed/1edtech-validator/ob30"
}
