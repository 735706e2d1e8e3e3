public import Foundation
public import Hummingbird

extension AppRequestContext {
    /// A path parameter that must be a UUID; a malformed one is a 404, since no such resource can exist.
    public func uuidParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw Problem.notFound("\(parameters.get(name) ?? "") is not a valid id (expected a UUID)")
        }
        return id
    }
}

extension Request {
    /// A bounded integer query parameter, with a problem naming the parameter when it is out of range.
    public func integerQuery(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = uri.queryParameters.get(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.invalidParameter(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
