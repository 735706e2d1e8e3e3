import Foundation
import Skills
import StrictJSON

/// A batch of learner events read from NDJSON (one object per line) or CSV (header `learner,kind,module,time`), with
/// every invalid field located (`/lines/N/field`, lines counted from 1 as an editor shows them).
struct LearnerEventBatch: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case enrolled
        case checkIn = "check_in"
        case assignmentReleased = "assignment_released"
        case submission
        case discussionPost = "discussion_post"
        case moduleCompleted = "module_completed"
        case courseCompleted = "course_completed"
    }

    struct Event: Sendable {
        var learner: String
        var kind: Kind
        var module: String
        var at: Date
    }

    /// Per request; the command line imports larger files.
    static let maxEvents = 100_000
    static let maxErrors = 100

    let events: [Event]

    /// Reads the body by its media type; throws a problem listing the invalid fields (at most `maxErrors`).
    init(body: [UInt8], csv: Bool, maxEvents: Int) throws {
        var events: [Event] = []
        var errors: [Problem.FieldError] = []
        let lines: [(line: Int, fields: [String: String])] = csv ? try Self.csvLines(body) : try Self.ndjsonLines(body)
        if lines.count > maxEvents {
            throw Problem.invalid([.init(pointer: "/lines", detail: "a batch holds at most \(maxEvents) events")])
        }
        for (line, fields) in lines {
            let pointer = "/lines/\(line)"
            var valid = true
            func reject(_ field: String, _ detail: String) {
                valid = false
                if errors.count < Self.maxErrors { errors.append(.init(pointer: "\(pointer)/\(field)", detail: detail)) }
            }
            let kind = fields["kind"].flatMap(Kind.init(rawValue:))
            if kind == nil { reject("kind", "must be one of " + Kind.allCases.map(\.rawValue).joined(separator: ", ")) }
            let learner = fields["learner"]?.trimmingWhitespace() ?? ""
            if learner.count > 200 || (learner.isEmpty && kind != .assignmentReleased) {
                reject("learner", "must be the learner's id (1 to 200 characters); only assignment_released may leave it empty")
            }
            let module = fields["module"]?.trimmingWhitespace() ?? ""
            if module.count > 200 { reject("module", "must be at most 200 characters") }
            if module.isEmpty, kind == .assignmentReleased || kind == .submission || kind == .moduleCompleted {
                reject("module", "\(kind?.rawValue ?? "this event") needs the module (or assignment) it concerns")
            }
            let at = fields["time"].flatMap { PageDate.instant($0) }
            if at == nil { reject("time", "must be an RFC 3339 date and time") }
            if valid, let kind, let at { events.append(Event(learner: learner, kind: kind, module: module, at: at)) }
        }
        if !errors.isEmpty { throw Problem.invalid(errors) }
        self.events = events
    }

    private static func ndjsonLines(_ body: [UInt8]) throws -> [(line: Int, fields: [String: String])] {
        var result: [(line: Int, fields: [String: String])] = []
        for (index, slice) in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(slice.last == UInt8(ascii: "\r") ? slice.dropLast() : slice[...])
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard let object = (try? JSONParser.parse(bytes))?.objectValue else {
                throw Problem.malformed("line \(index + 1) is not a JSON object", pointer: "/lines/\(index + 1)")
            }
            var fields: [String: String] = [:]
            for (key, value) in object { if let text = value.stringValue { fields[key] = text } }
            result.append((index + 1, fields))
        }
        return result
    }

    private static func csvLines(_ body: [UInt8]) throws -> [(line: Int, fields: [String: String])] {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(body)
        } catch {
            throw Problem.malformed("the body is not CSV: \(error)", pointer: "/lines")
        }
        guard let header = records.first?.fields.map({ $0.trimmingWhitespace().lowercased() }),
            Set(["learner", "kind", "time"]).isSubset(of: Set(header))
        else {
            throw Problem.malformed("the first row must name the columns learner, kind, module, time", pointer: "/lines/1")
        }
        return records.dropFirst().map { record in
            (record.line, Dictionary(zip(header, record.fields), uniquingKeysWith: { first, _ in first }))
        }
    }
}
