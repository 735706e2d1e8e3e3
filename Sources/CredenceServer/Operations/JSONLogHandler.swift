import Foundation
public import Logging
import StrictJSON

/// One JSON object per line on standard error: what log collectors in production expect.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var entry = JSONObject()
        entry["time"] = .string(Date().rfc3339)
        entry["level"] = .string(event.level.rawValue)
        entry["logger"] = .string(label)
        entry["message"] = .string(event.message.description)
        if let error = event.error { entry["error"] = .string(String(describing: error)) }
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() {
            if let value = merged[key] { entry[key] = Self.json(value) }
        }
        var bytes = JSONValue.object(entry).serializedBytes()
        bytes.append(0x0A)
        FileHandle.standardError.write(Data(bytes))
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let s): return .string(s)
        case .stringConvertible(let s): return .string(s.description)
        case .array(let a): return .array(a.map(json))
        case .dictionary(let d): return .object(JSONObject(d.sorted { $0.key < $1.key }.map { ($0.key, json($0.value)) }))
        }
    }
}
