import Credentials
import Foundation
import Verification

/// Verifies stored credentials again, from the bytes kept at ingest.
///
/// The secured form is rebuilt by parsing the stored document with ingest's own parser rather than kept in a column:
/// one code path turns bytes into what the verifier checks, so the job checks exactly what ingest checked, and the
/// parser's network needs (OB 2.0 badge classes) are served by the document cache that ingest filled.
struct Reverifier: Sendable {
    let parser: CredentialParser
    let verifier: CredentialVerifierService

    /// The credential as its issuer secured it, or `nil` when the stored document can no longer be read.
    func parse(_ stored: StoredCredentialCheck) async -> ParsedCredential? {
        // No media type: a baked image is stored as its baked text, which the parser recognises by sniffing.
        guard let parsed = try? await parser.parse(stored.document, mediaType: nil) else { return nil }
        return parsed.first { $0.badge.id == stored.uri } ?? parsed.first
    }

    /// Status and dates again, keeping the stored proof checks (no signature work); a full verification when there is
    /// no stored report to keep them from.
    func recheck(_ stored: StoredCredentialCheck) async -> RecheckResult {
        guard let parsed = await parse(stored) else {
            return RecheckResult(credential: stored, report: nil, checkedAt: verifier.clock(), alwaysRecord: false)
        }
        return await recheck(stored, parsed: parsed)
    }

    /// `recheck(_:)` for a credential already parsed again.
    func recheck(_ stored: StoredCredentialCheck, parsed: ParsedCredential) async -> RecheckResult {
        let report: VerificationReport
        if let previous = stored.previous {
            report = await verifier.recheck(parsed.secured, previous: previous)
        } else {
            report = await verifier.verify(secured: parsed.secured)
        }
        return RecheckResult(credential: stored, report: report, checkedAt: report.checkedAt, alwaysRecord: false)
    }

    /// Everything again — proof, key, status, dates — with the credential's status lists fetched afresh.
    func verifyAgain(_ stored: StoredCredentialCheck) async -> RecheckResult {
        guard let parsed = await parse(stored) else {
            return RecheckResult(credential: stored, report: nil, checkedAt: verifier.clock(), alwaysRecord: true)
        }
        for entry in parsed.badge.statusEntries {
            if let url = entry.listURL { verifier.invalidateStatusList(url) }
        }
        let report = await verifier.verify(secured: parsed.secured)
        return RecheckResult(credential: stored, report: report, checkedAt: report.checkedAt, alwaysRecord: true)
    }

    /// Rechecks many credentials, `concurrency` at a time (verification is CPU-bound and may wait on status lists).
    func recheck(_ batch: [StoredCredentialCheck], concurrency: Int) async -> [RecheckResult] {
        await withTaskGroup(of: (Int, RecheckResult).self) { group in
            var results = [RecheckResult?](repeating: nil, count: batch.count)
            var next = 0
            func launch() {
                guard next < batch.count else { return }
                let (index, stored) = (next, batch[next])
                group.addTask { (index, await recheck(stored)) }
                next += 1
            }
            for _ in 0..<min(max(1, concurrency), batch.count) { launch() }
            for await (index, result) in group {
                results[index] = result
                launch()
            }
            return results.compactMap { $0 }
        }
    }
}
