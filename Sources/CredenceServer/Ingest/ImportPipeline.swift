import Credentials
public import Foundation
public import StrictJSON
public import Verification

/// A problem reported to a client: a stable code, a sentence, and a JSON pointer into the credential.
public struct ReportedProblem: Sendable, Hashable {
    public var code: String
    public var message: String
    public var pointer: JSONPointer

    public init(code: String, message: String, pointer: JSONPointer) {
        self.code = code
        self.message = message
        self.pointer = pointer
    }

    init(_ problem: CredentialProblem) {
        self.init(code: problem.code.rawValue, message: problem.message, pointer: problem.pointer)
    }
}

/// What happened to one line of an NDJSON import (a CLR line yields one result per member credential).
public struct ImportLineResult: Sendable, Hashable {
    public enum Outcome: String, Sendable {
        case stored, duplicate, conflict, rejected
    }

    public var line: Int
    public var outcome: Outcome
    public var id: UUID?
    public var credentialID: String?
    public var version: Int?
    public var verification: VerificationOutcome?
    /// For rejected and conflicting lines: what was wrong, with JSON pointers into the line's credential.
    public var problems: [ReportedProblem]
}

/// Totals of an import.
public struct ImportSummary: Sendable, Hashable {
    public var lines = 0
    public var stored = 0
    public var duplicates = 0
    public var conflicts = 0
    public var rejected = 0

    mutating func count(_ result: ImportLineResult) {
        switch result.outcome {
        case .stored: stored += 1
        case .duplicate: duplicates += 1
        case .conflict: conflicts += 1
        case .rejected: rejected += 1
        }
    }
}

/// One line of input: its number and bytes, or why it could not be read.
public enum ImportLine: Sendable {
    case line(number: Int, bytes: [UInt8])
    case unreadable(number: Int, problem: ReportedProblem)
}

/// Streams an NDJSON import through parse, verify and store in batches: one transaction per batch, results
/// released in line order and only once their batch is committed. While the next batch is checked, up to `writers`
/// earlier batches are being written, so PostgreSQL and verification keep both busy even for a single import.
/// Memory stays bounded by `writers + 1` batches whatever the input size. A bad line never blocks the good ones.
public struct ImportPipeline: Sendable {
    let ingest: IngestService
    let batchSize: Int
    let writers: Int

    public init(ingest: IngestService, batchSize: Int = 200, writers: Int = 2) {
        self.ingest = ingest
        self.batchSize = batchSize
        self.writers = max(1, writers)
    }

    public func run<Lines: AsyncSequence>(
        _ lines: Lines,
        context: AuditContext,
        emit: ([ImportLineResult]) async throws -> Void
    ) async throws -> ImportSummary where Lines.Element == ImportLine {
        var summary = ImportSummary()
        var pending: [ImportLine] = []
        var writing: [InFlight] = []

        func release(_ write: InFlight) async throws {
            let results: [ImportLineResult]
            do {
                results = try await write.task.value
            } catch {
                // Later batches may already be committed: report them too, so no stored line goes unreported,
                // and leave no write running once the import has ended.
                for later in writing {
                    if let stored = try? await later.task.value {
                        stored.forEach { summary.count($0) }
                        try? await emit(stored)
                    }
                }
                writing.removeAll()
                throw error
            }
            results.forEach { summary.count($0) }
            try await emit(results)
        }

        func flush(_ batch: [ImportLine]) async throws {
            let checked = await check(batch)
            let ids = Set(checked.flatMap(\.credentialIDs))
            // A batch sharing credential ids with one still being written waits for it, so that a credential's
            // versions follow the order of the lines.
            if let last = writing.lastIndex(where: { !$0.credentialIDs.isDisjoint(with: ids) }) {
                for _ in 0...last { try await release(writing.removeFirst()) }
            }
            if writing.count >= writers { try await release(writing.removeFirst()) }
            writing.append(InFlight(task: Task { try await store(checked, context: context) }, credentialIDs: ids))
        }

        do {
            for try await line in lines {
                summary.lines += 1
                pending.append(line)
                if pending.count >= batchSize {
                    try await flush(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            if !pending.isEmpty { try await flush(pending) }
            while !writing.isEmpty { try await release(writing.removeFirst()) }
        } catch {
            // The input or the reader failed: batches already being written still finish before the import ends.
            for write in writing { _ = try? await write.task.value }
            throw error
        }
        return summary
    }

    /// A line after parsing and verification: the items to store, or the problems that rejected it.
    private enum Checked: Sendable {
        case items(line: Int, [IngestItem])
        case rejected(line: Int, [ReportedProblem])

        var credentialIDs: [String] {
            if case .items(_, let items) = self { return items.map(\.credential.badge.id) }
            return []
        }
    }

    /// A batch being written, and the credential ids it holds.
    private struct InFlight {
        var task: Task<[ImportLineResult], any Error>
        var credentialIDs: Set<String>
    }

    private func check(_ lines: [ImportLine]) async -> [Checked] {
        await withTaskGroup(of: (Int, Checked).self) { group in
            for (position, line) in lines.enumerated() {
                group.addTask {
                    switch line {
                    case .unreadable(let number, let problem):
                        return (position, .rejected(line: number, [problem]))
                    case .line(let number, let bytes):
                        let (body, mediaType) = Self.credentialBody(of: bytes)
                        do {
                            return (position, .items(line: number, try await ingest.check(body: body, mediaType: mediaType)))
                        } catch let rejection as CredentialRejection {
                            return (position, .rejected(line: number, rejection.problems.map(ReportedProblem.init)))
                        } catch {
                            return (position, .rejected(line: number, [ReportedProblem(code: "credential.unreadable", message: "\(error)", pointer: .root)]))
                        }
                    }
                }
            }
            var checked = [Checked?](repeating: nil, count: lines.count)
            for await (position, result) in group { checked[position] = result }
            return checked.compactMap { $0 }
        }
    }

    private func store(_ checked: [Checked], context: AuditContext) async throws -> [ImportLineResult] {
        let items = checked.flatMap { entry -> [IngestItem] in
            if case .items(_, let items) = entry { return items }
            return []
        }
        var outcomes = try await ingest.store(items, context: context).makeIterator()
        var results: [ImportLineResult] = []
        for entry in checked {
            switch entry {
            case .rejected(let line, let problems):
                results.append(ImportLineResult(line: line, outcome: .rejected, problems: problems))
            case .items(let line, let items):
                for item in items {
                    guard let outcome = outcomes.next() else { break }
                    results.append(Self.result(line: line, item: item, outcome: outcome))
                }
            }
        }
        return results
    }

    static func result(line: Int, item: IngestItem, outcome: IngestOutcome) -> ImportLineResult {
        switch outcome {
        case .stored(let c), .newVersion(let c, _):
            return ImportLineResult(line: line, outcome: .stored, id: c.id, credentialID: c.credentialURI, version: c.version, verification: c.verification, problems: [])
        case .duplicate(let c):
            return ImportLineResult(line: line, outcome: .duplicate, id: c.id, credentialID: c.credentialURI, version: c.version, verification: c.verification, problems: [])
        case .conflict(let existing, let reason):
            return ImportLineResult(
                line: line, outcome: .conflict, id: existing, credentialID: item.credential.badge.id, verification: nil,
                problems: [ReportedProblem(code: "credential.conflict", message: reason, pointer: JSONPointer.root / "id")]
            )
        }
    }

    /// An NDJSON line holds a credential object, or a compact JWS either bare or as a JSON string.
    static func credentialBody(of line: [UInt8]) -> ([UInt8], String?) {
        guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return (line, nil) }
        switch line[first] {
        case UInt8(ascii: "{"): return (line, "application/json")
        case UInt8(ascii: "\""):
            if let text = try? JSONParser.parse(line).stringValue { return (Array(text.utf8), "application/jwt") }
            return (line, nil)
        default: return (line, "application/jwt")
        }
    }
}
