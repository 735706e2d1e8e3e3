public import HTTPTypes
public import Hummingbird
public import StrictJSON

/// A JSON document built with `StrictJSON` (member order kept, numbers exact) as a response.
public struct JSONResponse: ResponseGenerator {
    public var status: HTTPResponse.Status
    public var headers: HTTPFields
    public var body: JSONValue

    public init(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], _ body: JSONValue) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body.serializedBytes())))
    }
}
