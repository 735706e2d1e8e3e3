import Foundation
public import Hummingbird
import Logging
import StrictJSON

/// The one place where errors become HTTP responses: every error leaves as `application/problem+json`,
/// and 5xx errors are logged in full with the request id, which the response also carries.
public struct ProblemMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let routes: RouteTable

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = problem(for: error, request: request)
            if problem.status.code >= 500 {
                context.logger.error(
                    "request failed",
                    metadata: ["error.type": "\(type(of: error))", "error.detail": "\(String(reflecting: error))"]
                )
            }
            return try problem.response(from: request, context: context)
        }
    }

    func problem(for error: any Error, request: Request) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as HTTPError:
            return problem(for: error, request: request)
        case let error as StoreError:
            switch error {
            case .notFound(let what, let id): return .notFound("no \(what) with id \(id)")
            case .conflict(let message): return .conflict(message)
            case .invalid(let pointer, let message): return .invalid([.init(pointer: pointer.description, detail: message)])
            }
        case let error as JSONParseError:
            return .malformed("the body is not acceptable JSON: \(error.message) at byte \(error.offset)", pointer: error.pointer.description)
        case let error as DecodingError:
            return Self.problem(for: error)
        default:
            return Problem(status: .internalServerError, detail: "an unexpected error occurred; quote the request id when reporting it")
        }
    }

    private func problem(for error: HTTPError, request: Request) -> Problem {
        switch error.status {
        case .notFound:
            let allowed = routes.methods(matching: request.uri.path)
            if !allowed.isEmpty, !allowed.contains(request.method) {
                let list = Set(allowed.map(\.rawValue)).sorted().joined(separator: ", ")
                return Problem(
                    status: .methodNotAllowed,
                    detail: "\(request.method.rawValue) is not supported on \(request.uri.path); use \(list)",
                    headers: [.allow: list]
                )
            }
            return .notFound(error.body ?? "no resource at \(request.uri.path)")
        case .contentTooLarge:
            return Problem(status: .contentTooLarge, detail: error.body ?? "the request body is larger than this endpoint accepts")
        default:
            return Problem(status: error.status, detail: error.body)
        }
    }

    /// Maps a Codable decoding failure to the field it concerns.
    static func problem(for error: DecodingError) -> Problem {
        func pointer(_ path: [any CodingKey]) -> String {
            JSONPointer(tokens: path.map { $0.intValue.map(String.init) ?? $0.stringValue }).description
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid([.init(pointer: pointer(context.codingPath + [key]), detail: "is required", code: "required")])
        case .typeMismatch(let type, let context):
            return .invalid([.init(pointer: pointer(context.codingPath), detail: "must be \(Self.describe(type))", code: "type")])
        case .valueNotFound(let type, let context):
            return .invalid([.init(pointer: pointer(context.codingPath), detail: "must be \(Self.describe(type)), not null", code: "required")])
        case .dataCorrupted(let context):
            return .invalid([.init(pointer: pointer(context.codingPath), detail: context.debugDescription, code: "invalid")])
        @unknown default:
            return .invalid([.init(pointer: "", detail: "the body does not match the expected shape")])
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "a boolean"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : "a valid \(name)"
        }
    }
}
