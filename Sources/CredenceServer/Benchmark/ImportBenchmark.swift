import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Reporting
import StrictJSON
import Verification

/// The import benchmark: signed VC-JWT badges (EdDSA, a `did:key` issuer, so verification needs no network), posted as
/// NDJSON to `POST /v1/imports` of a running service in requests of `perRequest` lines; each request parses, verifies,
/// stores and indexes its lines before it answers. Credentials per second is lines over wall time.
public struct ImportBenchmark: Sendable {
    public init() {}

    /// `count` NDJSON lines of distinct badges (the demo courses, levels and evidence), reproducible from `seed`.
    public func lines(count: Int, seed: UInt64) throws -> [String] {
        let signer = Ed25519CredentialSigner(seed: "credence-bench-import-issuer")
        var rng = SeededGenerator(seed: seed)
        return try (0..<count).map { index in
            let course = DemoSeed.courses[rng.index(below: DemoSeed.courses.count)]
            let alignments = course.skills.map { skill -> JSONValue in ["type": ["Alignment"], "targetName": .string(skill), "targetType": "ceasn:Competency"] }
            let credential = DemoSeed.credential(
                course: course, alignments: alignments, subject: "did:example:bench-\(seed)-\(index)", learnerIndex: index,
                level: rng.index(below: DemoSeed.levels.count), monthsAgo: rng.index(below: 36), expired: false, issuer: signer.issuerID
            )
            return try signer.jwt(credential)
        }
    }

    /// What a run measured.
    public struct Outcome: Sendable {
        public var requests: LatencyStats
        public var lines: Int
        public var stored: Int
        public var seconds: Double
        public var perSecond: Double { seconds > 0 ? Double(lines) / seconds : 0 }
    }

    /// Posts `lines` in requests of `perRequest` lines, `concurrency` requests in flight.
    public func run(_ lines: [String], baseURL: String, key: String, perRequest: Int, concurrency: Int) async throws -> Outcome {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let bodies = stride(from: 0, to: lines.count, by: perRequest).map { start in
            ByteBuffer(string: lines[start..<min(start + perRequest, lines.count)].joined(separator: "\n") + "\n")
        }
        let start = ContinuousClock.now
        do {
            let results = try await withThrowingTaskGroup(of: [(Double, Int)].self) { group in
                for worker in 0..<concurrency {
                    group.addTask {
                        var local: [(Double, Int)] = []
                        for index in stride(from: worker, to: bodies.count, by: concurrency) {
                            let t0 = ContinuousClock.now
                            let stored = try await post(bodies[index], http: http, baseURL: baseURL, key: key)
                            local.append(((ContinuousClock.now - t0).milliseconds, stored))
                        }
                        return local
                    }
                }
                return try await group.reduce(into: [(Double, Int)]()) { $0 += $1 }
            }
            let seconds = (ContinuousClock.now - start).milliseconds / 1000
            try await http.shutdown()
            return Outcome(
                requests: LatencyStats(latencies: results.map(\.0), seconds: seconds), lines: lines.count,
                stored: results.reduce(0) { $0 + $1.1 }, seconds: seconds
            )
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// One import request, read to its summary line; returns how many lines it stored.
    private func post(_ body: ByteBuffer, http: HTTPClient, baseURL: String, key: String) async throws -> Int {
        var request = HTTPClientRequest(url: baseURL + "/v1/imports")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        request.headers.add(name: "Content-Type", value: "application/x-ndjson")
        request.body = .bytes(body)
        let response = try await http.execute(request, timeout: .minutes(10))
        let answer = try await response.body.collect(upTo: 256 << 20)
        guard response.status == .ok else {
            throw StoreError.conflict("import answered \(response.status.code): \(String(buffer: answer).prefix(500))")
        }
        let last = String(buffer: answer).split(separator: "\n").last.map(String.init) ?? ""
        let summary = (try? JSONParser.parse(last))?["summary"]
        return summary?["stored"]?.numberValue?.intValue ?? 0
    }
}
