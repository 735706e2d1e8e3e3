import Foundation
public import Hummingbird
import StrictJSON

/// Reading request bodies within their limits, with errors that say what was wrong and where.
extension Request {
    /// The whole body, refusing more than `limit` bytes with 413.
    public func collectBody(upTo limit: Int) async throws -> ByteBuffer {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit {
            throw Problem(status: .contentTooLarge, detail: "the body is \(length) bytes; this endpoint accepts at most \(limit)")
        }
        do {
            return try await body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Problem(status: .contentTooLarge, detail: "the body is larger than the \(limit) bytes this endpoint accepts")
        }
    }

    /// Decodes a JSON body into `T`: strict JSON first (UTF-8, duplicate keys, depth), then the shape of `T`;
    /// then `T`'s own rules when it is `Validatable`.
    public func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int) async throws -> T {
        if let contentType = headers[.contentType], !MediaTypes.isJSON(contentType) {
            throw Problem(status: .unsupportedMediaType, detail: "send the body as application/json, not \(contentType)")
        }
        let buffer = try await collectBody(upTo: limit)
        let bytes = Array(buffer.readableBytesView)
        _ = try JSONParser.parse(bytes, limits: JSONLimits(maxDepth: 32, maxStringBytes: 64 << 10, maxArrayCount: 1_000, maxObjectMembers: 200))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let value = try decoder.decode(T.self, from: Data(bytes))
        if let validatable = value as? any Validatable {
            let errors = validatable.validate()
            if !errors.isEmpty { throw Problem.invalid(errors) }
        }
        return value
    }
}

/// A request body with rules beyond its shape.
public protocol Validatable {
    func validate() -> [Problem.FieldError]
}

enum MediaTypes {
    /// The media type without parameters, lower-cased.
    static func essence(_ contentType: String) -> String {
        contentType.split(separator: ";").first.map { $0.trimmingWhitespace().lowercased() } ?? ""
    }

    static func isJSON(_ contentType: String) -> Bool {
        let type = essence(contentType)
        return type == "application/json" || type.hasSuffix("+json")
    }
}
