public import HTTPTypes
public import Hummingbird
public import StrictJSON

/// An RFC 9457 problem: every error response of the JSON API is one of these, as `application/problem+json`.
public struct Problem: Error, HTTPResponseError, Sendable {
    /// One invalid field of a request, located by a JSON pointer (RFC 6901) into the request body,
    /// or `#/query/NAME` / `#/path/NAME` for parameters.
    public struct FieldError: Sendable, Equatable {
        public var pointer: String
        public var detail: String
        public var code: String?

        public init(pointer: String, detail: String, code: String? = nil) {
            self.pointer = pointer
            self.detail = detail
            self.code = code
        }
    }

    public var status: HTTPResponse.Status
    /// A URI reference naming the problem type; `about:blank` when the status says it all.
    public var type: String
    public var title: String
    public var detail: String?
    public var errors: [FieldError]
    public var headers: HTTPFields
    /// Extra members (for example the credential id in a conflict).
    public var extensions: JSONObject

    public init(
        status: HTTPResponse.Status,
        type: String = "about:blank",
        title: String? = nil,
        detail: String? = nil,
        errors: [FieldError] = [],
        headers: HTTPFields = [:],
        extensions: JSONObject = JSONObject()
    ) {
        self.status = status
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.detail = detail
        self.errors = errors
        self.headers = headers
        self.extensions = extensions
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var body = JSONObject()
        body["type"] = .string(type)
        body["title"] = .string(title)
        body["status"] = .number(JSONNumber(status.code))
        if let detail { body["detail"] = .string(detail) }
        body["instance"] = .string(request.uri.path)
        body["requestId"] = .string(context.id)
        if !errors.isEmpty {
            body["errors"] = .array(
                errors.map { e in
                    var item = JSONObject()
                    item["pointer"] = .string(e.pointer)
                    item["detail"] = .string(e.detail)
                    if let code = e.code { item["code"] = .string(code) }
                    return .object(item)
                }
            )
        }
        for (key, value) in extensions where body[key] == nil { body[key] = value }
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: JSONValue.object(body).serializedBytes())))
    }
}

extension Problem {
    public static func unauthorized(_ detail: String) -> Problem {
        Problem(status: .unauthorized, detail: detail, headers: [.wwwAuthenticate: "Bearer realm=\"credence\""])
    }

    public static func forbidden(_ detail: String) -> Problem {
        Problem(status: .forbidden, detail: detail)
    }

    public static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, detail: detail)
    }

    public static func conflict(_ detail: String, extensions: JSONObject = JSONObject()) -> Problem {
        Problem(status: .conflict, type: "/problems/conflict", title: "Conflict with the current state", detail: detail, extensions: extensions)
    }

    /// A syntactically malformed body (not JSON, invalid UTF-8, duplicate keys, too deep).
    public static func malformed(_ detail: String, pointer: String) -> Problem {
        Problem(
            status: .badRequest, type: "/problems/malformed-body", title: "The request body is malformed", detail: detail,
            errors: [FieldError(pointer: pointer, detail: detail)]
        )
    }

    /// Well-formed input that breaks the rules, with every field at fault.
    public static func invalid(_ errors: [FieldError], detail: String? = nil) -> Problem {
        Problem(
            status: .unprocessableContent, type: "/problems/invalid-input", title: "The request is not valid",
            detail: detail ?? errors.map { "\($0.pointer): \($0.detail)" }.joined(separator: "; "), errors: errors
        )
    }

    public static func invalidParameter(_ name: String, in location: String = "query", _ detail: String) -> Problem {
        invalid([FieldError(pointer: "#/\(location)/\(name)", detail: detail)])
    }
}
