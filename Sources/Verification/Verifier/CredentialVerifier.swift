public import Credentials
public import Foundation
import StrictJSON

/// Verifies credentials in every form the service accepts and explains the answer as a list of named checks.
///
/// Pure: documents come through the injected fetcher (via a shared ``DocumentLoader``), the time from the injected clock.
/// Cheap to create per request; the loader and ``StatusListCache`` it holds are the process-wide shared parts.
public struct CredentialVerifier: Sendable {
    let documents: DocumentLoader
    let canonicalizer: any CredentialCanonicalizer
    let clock: @Sendable () -> Date
    let options: VerificationOptions
    let statusLists: StatusListCache

    /// - Parameters:
    ///   - documents: fetches and caches DID documents, controller documents and OB 2.0 documents; share one per process.
    ///   - canonicalizer: RDFC-1.0 and JCS (normally `LinkedDataCanonicalizer()`).
    ///   - clock: the current time; tests pass a fixed date.
    ///   - statusLists: verified status lists; share one per process.
    public init(
        documents: DocumentLoader,
        canonicalizer: any CredentialCanonicalizer,
        clock: @escaping @Sendable () -> Date,
        options: VerificationOptions = VerificationOptions(),
        statusLists: StatusListCache
    ) {
        self.documents = documents
        self.canonicalizer = canonicalizer
        self.clock = clock
        self.options = options
        self.statusLists = statusLists
    }

    /// Verifies proof, key, issuer binding, dates and status.
    public func verify(_ credential: SecuredCredential) async -> VerificationReport {
        await verify(credential, now: clock(), includeStatus: options.checkStatus)
    }

    /// Re-checks what can change after issuance — status and dates — keeping the proof checks of `previous`.
    ///
    /// For the re-verification job: no signature work for W3C credentials. A credential whose proof `failed` stays failed
    /// without fetching anything. OB 2.0 credentials are verified afresh, since their hosted copy or revocation list is
    /// their status.
    public func recheckStatus(_ credential: SecuredCredential, previous: VerificationReport) async -> VerificationReport {
        let now = clock()
        let kept = previous.checks.filter { ![.status, .validFrom, .validUntil].contains($0.name) }
        let proofFailed = VerificationReport.outcome(of: kept) == .failed
        let fresh: [VerificationCheck]
        switch credential {
        case .ob2Hosted, .ob2Signed:
            return await verify(credential, now: now, includeStatus: true)
        case .embedded(let document):
            guard let object = document.objectValue else { return previous }
            fresh = await dateAndStatusChecks(object, jwtPayload: nil, now: now, includeStatus: !proofFailed && options.checkStatus)
        case .jwt(let compact, _, _, _):
            guard case .success(let parts) = JWSParts.parse(compact) else { return previous }
            let credential = JWTVerifier.credential(of: parts.payload)
            // A presentation's checks interleave several credentials' statuses: verify it afresh.
            if CredentialFields(object: credential).types.contains("VerifiablePresentation") {
                return await verify(
                    .jwt(compact: compact, header: parts.header, payload: parts.payload, credential: .object(credential)), now: now,
                    includeStatus: true)
            }
            fresh = await dateAndStatusChecks(credential, jwtPayload: parts.payload, now: now, includeStatus: !proofFailed && options.checkStatus)
        }
        return VerificationReport(
            checks: kept + fresh,
            proofType: previous.proofType,
            keyID: previous.keyID,
            issuerID: previous.issuerID,
            checkedAt: now
        )
    }

    /// Dispatches on the credential's form; status lists are verified through here with `includeStatus` false.
    func verify(_ credential: SecuredCredential, now: Date, includeStatus: Bool) async -> VerificationReport {
        switch credential {
        case .embedded(let document):
            return await verifyEmbedded(document, now: now, includeStatus: includeStatus)
        case .jwt(let compact, _, _, _):
            return await verifyJWT(compact, now: now, includeStatus: includeStatus)
        case .ob2Hosted(let assertion):
            guard let object = assertion.objectValue else { return Self.notAnObject(now) }
            let (proof, issuerID) = await ob2(now).verifyHosted(object)
            let dates = ValidityPeriod(validFrom: nil, validUntil: object["expires"].map { ("expires", $0) }).checks(
                now: now,
                skew: options.clockSkew
            )
            return VerificationReport(checks: proof.checks + dates, proofType: proof.label, keyID: proof.methodID, issuerID: issuerID, checkedAt: now)
        case .ob2Signed(let compact, _, _):
            let parts: JWSParts
            switch JWSParts.parse(compact) {
            case .failure(let check): return VerificationReport(checks: [check.check], checkedAt: now)
            case .success(let found): parts = found
            }
            let (proof, issuerID) = await ob2(now).verifySigned(parts)
            let expires = parts.payload["expires"].map { ("expires", $0) }
            let dates = ValidityPeriod(validFrom: nil, validUntil: expires).checks(now: now, skew: options.clockSkew)
            return VerificationReport(checks: proof.checks + dates, proofType: proof.label, keyID: proof.methodID, issuerID: issuerID, checkedAt: now)
        }
    }

    /// A JSON-LD credential: format, every embedded proof (as a proof set), dates, status.
    private func verifyEmbedded(_ document: JSONValue, now: Date, includeStatus: Bool) async -> VerificationReport {
        guard let object = document.objectValue else { return Self.notAnObject(now) }
        let fields = CredentialFields(object: object)
        var checks = [fields.formatCheck()]
        let proofs = (object["proof"]?.asList ?? []).compactMap(\.objectValue)
        var accepted: ProofVerification?
        if proofs.isEmpty {
            checks.append(.failed(.proof, "the credential has no proof, so nothing shows who issued it", effect: .unverifiable))
        } else {
            let verifier = dataIntegrity(now)
            var results: [ProofVerification] = []
            for proof in proofs {
                results.append(await verifier.verify(proof, allProofs: proofs, document: object, issuerID: fields.issuerID))
            }
            let combined = ProofSet.combine(results)
            checks.append(contentsOf: combined.checks)
            accepted = combined.accepted
        }
        let proofFailed = VerificationReport.outcome(of: checks) == .failed
        checks.append(contentsOf: await dateAndStatusChecks(object, jwtPayload: nil, now: now, includeStatus: includeStatus && !proofFailed))
        return VerificationReport(checks: checks, proofType: accepted?.label, keyID: accepted?.methodID, issuerID: fields.issuerID, checkedAt: now)
    }

    /// A VC-JWT (or a VP-JWT, handed to `verifyPresentation`): format, JOSE proof, dates, status.
    private func verifyJWT(_ compact: String, now: Date, includeStatus: Bool) async -> VerificationReport {
        let parts: JWSParts
        switch JWSParts.parse(compact) {
        case .failure(let check): return VerificationReport(checks: [check.check], checkedAt: now)
        case .success(let found): parts = found
        }
        let credential = JWTVerifier.credential(of: parts.payload)
        let fields = CredentialFields(object: credential)
        if fields.types.contains("VerifiablePresentation") {
            return await verifyPresentation(parts, now: now, includeStatus: includeStatus)
        }
        var checks = [fields.formatCheck()]
        let proof = await JWTVerifier(keys: keys(now), binding: KeyBinding(options: options)).verify(parts, credential: credential)
        checks.append(contentsOf: proof.checks)
        let proofFailed = VerificationReport.outcome(of: checks) == .failed
        checks.append(
            contentsOf: await dateAndStatusChecks(credential, jwtPayload: parts.payload, now: now, includeStatus: includeStatus && !proofFailed)
        )
        let accepted = proof.status == .verified ? proof : nil
        return VerificationReport(checks: checks, proofType: accepted?.label, keyID: accepted?.methodID, issuerID: fields.issuerID, checkedAt: now)
    }

    /// Validity-period checks, then status checks unless `includeStatus` is false (proof failed, or a status list itself).
    func dateAndStatusChecks(_ credential: JSONObject, jwtPayload: JSONObject?, now: Date, includeStatus: Bool) async -> [VerificationCheck] {
        let fields = CredentialFields(object: credential)
        let period = ValidityPeriod(
            validFrom: fields.validFrom,
            validUntil: fields.validUntil,
            notBefore: jwtPayload?["nbf"]?.numberValue.map { Date(timeIntervalSince1970: $0.double) },
            expires: jwtPayload?["exp"]?.numberValue.map { Date(timeIntervalSince1970: $0.double) }
        )
        var checks = period.checks(now: now, skew: options.clockSkew)
        if includeStatus {
            checks.append(contentsOf: await statusChecker(now).checks(for: credential))
        } else if credential["credentialStatus"] != nil {
            checks.append(.skipped(.status, options.checkStatus ? "status not checked because the proof failed" : "status checks are turned off"))
        }
        return checks
    }

    func keys(_ now: Date) -> KeyResolver {
        KeyResolver(documents: documents, now: now)
    }

    private func dataIntegrity(_ now: Date) -> DataIntegrityVerifier {
        DataIntegrityVerifier(canonicalizer: canonicalizer, keys: keys(now), binding: KeyBinding(options: options), now: now)
    }

    private func ob2(_ now: Date) -> OB2Verifier {
        OB2Verifier(documents: documents, now: now)
    }

    private func statusChecker(_ now: Date) -> StatusChecker {
        StatusChecker(documents: documents, cache: statusLists, options: options, now: now) { list in
            await self.verify(list, now: now, includeStatus: false)
        }
    }

    private static func notAnObject(_ now: Date) -> VerificationReport {
        VerificationReport(checks: [.failed(.format, "the credential is not a JSON object")], checkedAt: now)
    }
}
