public import Credentials
import Foundation
public import Verification

/// Parse, verify, store: the one path every credential takes, whether it arrives by `POST /v1/credentials`,
/// an NDJSON import or `credence import`.
public struct IngestService: Sendable {
    let parser: CredentialParser
    let verifier: any CredentialVerifying
    let store: CredentialStore
    /// How many credentials of a batch are verified at once (verification is CPU-bound and may wait on the network).
    let verificationConcurrency: Int

    public init(parser: CredentialParser, verifier: any CredentialVerifying, store: CredentialStore, verificationConcurrency: Int = 4) {
        self.parser = parser
        self.verifier = verifier
        self.store = store
        self.verificationConcurrency = verificationConcurrency
    }

    /// One request body: one credential, or every member of a CLR.
    /// - Throws: `CredentialRejection` when the body is not an acceptable earned badge (nothing is written).
    public func ingest(body: [UInt8], mediaType: String?, context: AuditContext) async throws -> [(ParsedCredential, IngestOutcome, VerificationReport)] {
        let parsed = try await parser.parse(body, mediaType: mediaType)
        let items = await verify(parsed, mediaType: mediaType)
        let outcomes = try await store.ingest(items, context: context)
        return zip(items, outcomes).map { ($0.credential, $1, $0.verification) }
    }

    /// Parses and verifies one body without storing it (`credence verify`, and the first half of imports).
    public func check(body: [UInt8], mediaType: String?) async throws(CredentialRejection) -> [IngestItem] {
        let parsed = try await parser.parse(body, mediaType: mediaType)
        return await verify(parsed, mediaType: mediaType)
    }

    /// Stores items already checked, in one transaction.
    public func store(_ items: [IngestItem], context: AuditContext) async throws -> [IngestOutcome] {
        try await store.ingest(items, context: context)
    }

    func verify(_ credentials: [ParsedCredential], mediaType: String?) async -> [IngestItem] {
        await withTaskGroup(of: (Int, VerificationReport).self) { group in
            var reports = [VerificationReport?](repeating: nil, count: credentials.count)
            var next = 0
            func launch() {
                guard next < credentials.count else { return }
                let index = next
                let credential = credentials[index]
                group.addTask { (index, await verifier.verify(credential)) }
                next += 1
            }
            for _ in 0..<min(verificationConcurrency, credentials.count) { launch() }
            for await (index, report) in group {
                reports[index] = report
                launch()
            }
            return zip(credentials, reports).compactMap { credential, report in
                report.map { IngestItem(credential: credential, verification: $0, mediaType: mediaType) }
            }
        }
    }
}
