public import Foundation
import StrictJSON

/// Where a page ends: the last result's score and earner, and the instant the first page was ranked at, so every
/// page ranks with the same recency and the order stays stable across pages.
public struct SearchCursor: Sendable, Hashable {
    public var score: Double
    public var earnerID: UUID
    public var rankedAt: Date
    /// The search the first page was logged under; later pages are not logged again.
    public var searchID: UUID

    public var token: String {
        let json: JSONValue = [
            "s": .number(JSONNumber(score) ?? JSONNumber(0)), "e": .string(earnerID.uuidString),
            "t": .number(JSONNumber(rankedAt.timeIntervalSince1970) ?? JSONNumber(0)), "q": .string(searchID.uuidString),
        ]
        return Data(json.serializedBytes()).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public init(score: Double, earnerID: UUID, rankedAt: Date, searchID: UUID) {
        self.score = score
        self.earnerID = earnerID
        self.rankedAt = rankedAt
        self.searchID = searchID
    }

    /// Reads a token; `nil` when it is not one of ours.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard token.utf8.count <= 300, let data = Data(base64Encoded: base64), let json = try? JSONParser.parse(Array(data)),
            let score = json["s"]?.numberValue?.double, let earner = json["e"]?.stringValue.flatMap(UUID.init(uuidString:)),
            let time = json["t"]?.numberValue?.double, let search = json["q"]?.stringValue.flatMap(UUID.init(uuidString:))
        else { return nil }
        self.init(score: score, earnerID: earner, rankedAt: Date(timeIntervalSince1970: time), searchID: search)
    }
}
