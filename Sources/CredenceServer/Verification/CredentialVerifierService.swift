public import Credentials
public import Foundation
public import Verification

/// Decides whether a parsed credential is genuine. Ingest calls it before storing, outside any transaction,
/// because verification may fetch documents over the network.
public protocol CredentialVerifying: Sendable {
    func verify(_ credential: ParsedCredential) async -> VerificationReport
    /// Status and dates only, keeping the proof checks of `previous` (the re-verification job).
    func recheck(_ credential: SecuredCredential, previous: VerificationReport) async -> VerificationReport
}

/// The Verification library behind the service: one document loader (DID and controller documents, resolved keys),
/// one status list cache and one canonicalizer (with its context cache), shared by every request.
public struct CredentialVerifierService: CredentialVerifying {
    let documents: DocumentLoader
    let statusLists: StatusListCache
    let canonicalizer: LinkedDataCanonicalizer
    let options: VerificationOptions
    let clock: @Sendable () -> Date

    public init(
        fetcher: any DocumentFetcher,
        options: VerificationOptions = VerificationOptions(),
        additionalContexts: URL? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.documents = DocumentLoader(fetcher: fetcher)
        self.statusLists = StatusListCache()
        self.canonicalizer = try LinkedDataCanonicalizer(additionalContexts: additionalContexts)
        self.options = options
        self.clock = clock
    }

    var verifier: CredentialVerifier {
        CredentialVerifier(documents: documents, canonicalizer: canonicalizer, clock: clock, options: options, statusLists: statusLists)
    }

    public func verify(_ credential: ParsedCredential) async -> VerificationReport {
        await verifier.verify(credential.secured)
    }

    public func verify(secured: SecuredCredential) async -> VerificationReport {
        await verifier.verify(secured)
    }

    public func recheck(_ credential: SecuredCredential, previous: VerificationReport) async -> VerificationReport {
        await verifier.recheckStatus(credential, previous: previous)
    }

    /// Forgets a cached status list so the next check fetches it (an admin replaced it, or the job refreshes).
    public func invalidateStatusList(_ url: String) {
        statusLists.invalidate(url)
    }
}
