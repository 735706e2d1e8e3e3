import Credentials
import Foundation
import HTTPTypes
import Logging
import PostgresNIO
import StrictJSON
import Synchronization
import Verification

/// A stored credential as anyone holding its link may see it, with a verdict checked moments ago.
struct PublicVerification: Sendable {
    var id: UUID
    var credentialURI: String
    /// The normalised badge as stored (`EarnedBadge.json`); views pick the public facts from it.
    var badge: JSONValue
    var issuerTrust: IssuerTrust
    /// A newer version of the same credential, when the issuer re-issued it.
    var supersededBy: UUID?
    /// The earner's name, only when the credential itself states one (`credentialSubject.name`).
    var earnerName: String?
    var outcome: VerificationOutcome
    /// The checks behind `outcome`; `nil` only when no report was ever stored and the document cannot be read.
    var report: VerificationReport?
    /// True when status and dates were checked for this request (or within the last minute); false when the stored
    /// result is shown because the document could not be read again.
    var fresh: Bool
}

/// Public verification: the facts of a stored credential and a fresh status and date check, for a hiring manager who
/// opens the link an earner shared.
///
/// The fresh check reuses the verifier's status list cache (each list is fetched at most once per its `ttl`), each
/// credential's answer is reused for a minute, and answers not in that cache are limited per instance, so the public
/// page cannot be used to make us hammer issuers or burn CPU. A fresh verdict that differs from the stored one is
/// written back (with history, audit and search), as the job would write it.
struct PublicVerificationService: Sendable {
    let client: PostgresClient
    let logger: Logger
    let store: VerificationStore
    let reverifier: Reverifier
    let recent: RecentAnswers
    let limiter: RateLimiter

    /// Fresh checks beyond the cache this instance performs per second (burst: 5 s worth).
    static let freshChecksPerSecond = 20.0

    /// - Parameter recent: shared with whatever else writes outcomes, so a change is not hidden behind a cached answer.
    init(client: PostgresClient, logger: Logger, store: VerificationStore, reverifier: Reverifier, recent: RecentAnswers) {
        self.client = client
        self.logger = logger
        self.store = store
        self.reverifier = reverifier
        self.recent = recent
        self.limiter = RateLimiter(ratePerSecond: Self.freshChecksPerSecond, burst: Self.freshChecksPerSecond * 5)
    }

    /// The credential's public view, or `nil` when there is no credential with this id.
    /// - Throws: `Problem` 429 when this instance is answering too many uncached requests.
    func verification(of id: UUID) async throws -> PublicVerification? {
        let now = reverifier.verifier.clock()
        if let answer = recent.answer(for: id, now: now) { return answer }
        if let wait = limiter.take("public-verification") {
            let seconds = max(1, Int(wait.rounded(.up)))
            throw Problem(
                status: .tooManyRequests, detail: "too many verification requests right now; retry in \(seconds) s",
                headers: [.retryAfter: String(seconds)]
            )
        }
        guard let facts = try await facts(of: id), let stored = try await store.check(id) else { return nil }
        var answer = facts
        answer.outcome = stored.outcome
        answer.report = stored.previous
        if let parsed = await reverifier.parse(stored) {
            let result = await reverifier.recheck(stored, parsed: parsed)
            if result.changed {
                try await store.record([result], trigger: .public, context: AuditContext(actor: .system(job: "public verification")))
            }
            answer.earnerName = Self.subjectName(parsed.secured)
            answer.outcome = result.report?.outcome ?? stored.outcome
            answer.report = result.report ?? stored.previous
            answer.fresh = result.report != nil
        }
        recent.remember(answer, for: id, now: now)
        return answer
    }

    /// The stored facts, before any check.
    private func facts(of id: UUID) async throws -> PublicVerification? {
        let rows = try await client.query(
            """
            SELECT c.uri, c.normalized::text, i.trust, c.superseded_by, c.verification
            FROM credentials c JOIN issuers i ON i.id = c.issuer_id WHERE c.id = \(id)
            """,
            logger: logger
        )
        for try await (uri, normalized, trust, supersededBy, outcome) in rows.decode((String, String, String, UUID?, String).self) {
            return PublicVerification(
                id: id, credentialURI: uri, badge: try JSONParser.parse(normalized, limits: .trusted),
                issuerTrust: IssuerTrust(rawValue: trust) ?? .unknown, supersededBy: supersededBy, earnerName: nil,
                outcome: VerificationOutcome(rawValue: outcome) ?? .unverifiable, report: nil, fresh: false
            )
        }
        return nil
    }

    /// `credentialSubject.name` of a W3C credential: a name the issuer put in the signed credential, which the earner
    /// shares with it. OB 2.0 recipients carry no name (only an identity, usually hashed), so none is shown.
    static func subjectName(_ secured: SecuredCredential) -> String? {
        let credential: JSONValue
        switch secured {
        case .embedded(let document): credential = document
        case .jwt(_, _, _, let inner): credential = inner
        case .ob2Hosted, .ob2Signed: return nil
        }
        guard let name = credential["credentialSubject"]?.asList.first?["name"]?.stringValue?.trimmingWhitespace(), !name.isEmpty
        else { return nil }
        return name
    }
}

/// Public answers of the last minute, per credential, so a link opened many times costs one check.
final class RecentAnswers: Sendable {
    private let answers = Mutex<[UUID: (answer: PublicVerification, until: Date)]>([:])
    let lifetime: TimeInterval
    let capacity: Int

    init(lifetime: TimeInterval, capacity: Int) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func answer(for id: UUID, now: Date) -> PublicVerification? {
        answers.withLock { answers in
            guard let entry = answers[id], entry.until > now else { return nil }
            return entry.answer
        }
    }

    func remember(_ answer: PublicVerification, for id: UUID, now: Date) {
        answers.withLock { answers in
            if answers.count >= capacity {
                answers = answers.filter { $0.value.until > now }
                if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
            }
            answers[id] = (answer, now.addingTimeInterval(lifetime))
        }
    }

    /// Drops a credential's answer (it was verified again on demand).
    func forget(_ id: UUID) {
        _ = answers.withLock { $0.removeValue(forKey: id) }
    }
}
