import Credentials
import Foundation
import Inflate
import StrictJSON

/// Checks a credential's `credentialStatus` entries: W3C Bitstring Status List v1.0 (§3.2 validate algorithm),
/// StatusList2021 and the 1EdTech Revocation List.
struct StatusChecker: Sendable {
    let documents: DocumentLoader
    let cache: StatusListCache
    let options: VerificationOptions
    let now: Date
    /// Verifies a status list credential's own proof and validity period (not its status, which would recurse).
    let verifyList: @Sendable (SecuredCredential) async -> VerificationReport

    private static let listAccept = "application/vc+ld+json, application/vc+jwt, application/vc, application/ld+json, application/json"

    /// One or more `status` checks per `credentialStatus` entry, in order.
    func checks(for credential: JSONObject) async -> [VerificationCheck] {
        let entries = StatusEntry.entries(of: credential)
        guard !entries.isEmpty else { return [.skipped(.status, "the credential has no credentialStatus")] }
        let fields = CredentialFields(object: credential)
        var checks: [VerificationCheck] = []
        for entry in entries {
            switch entry {
            case .statusList(let entry): checks.append(contentsOf: await check(entry, issuerID: fields.issuerID))
            case .revocationList(let url): checks.append(await RevocationList.check(url: url, credentialID: fields.id, documents: documents))
            case .unsupported(let type): checks.append(.warning(.status, "the status method \(type) is not supported; status not checked"))
            case .malformed(let why): checks.append(.failed(.status, why))
            }
        }
        return checks
    }

    /// Validates a status list entry against its (cached or fetched) list, W3C §3.2 steps 5–9, and reads its bits.
    private func check(_ entry: StatusListEntry, issuerID: String?) async -> [VerificationCheck] {
        let list: StatusListSnapshot
        switch await snapshot(for: entry) {
        case .failure(let failure): return [.failed(.status, failure.detail, effect: .unverifiable)]
        case .success(let found): list = found
        }
        var checks = list.warnings.map { VerificationCheck.warning(.status, $0) }
        if let issuerID, let listIssuer = list.issuerID, listIssuer != issuerID {
            checks.append(.warning(.status, "the status list is issued by \(listIssuer), not by the credential's issuer \(issuerID)"))
        }
        guard list.purposes.contains(entry.purpose) else {
            let detail = "STATUS_VERIFICATION_ERROR: the list's purpose is \(list.purposes.joined(separator: ", ")), not \(entry.purpose)"
            return checks + [.failed(.status, detail, effect: .unverifiable)]
        }
        let minimum = 131_072 / entry.size
        if list.bitCount / entry.size < minimum {
            checks.append(
                .warning(
                    .status,
                    "STATUS_LIST_LENGTH_ERROR: the list has \(list.bitCount / entry.size) entries, fewer than the \(minimum) the specification "
                        + "requires for privacy; used anyway"
                )
            )
        }
        guard let value = list.value(at: entry.index, size: entry.size) else {
            return checks + [.failed(.status, "RANGE_ERROR: index \(entry.index) is outside the status list of \(list.bitCount) bits")]
        }
        let place = "\(entry.purpose) list \(entry.listURL), index \(entry.index)"
        switch (entry.purpose, value) {
        case ("revocation", 0): checks.append(.passed(.status, "not revoked (\(place))"))
        case ("revocation", _): checks.append(.failed(.status, "revoked by the issuer (\(place))", effect: .revoked))
        case ("suspension", 0): checks.append(.passed(.status, "not suspended (\(place))"))
        case ("suspension", _): checks.append(.failed(.status, "suspended by the issuer (\(place))", effect: .suspended))
        default: checks.append(.passed(.status, "status value \(value) (\(place))"))
        }
        return checks
    }

    /// The cached list, or a freshly fetched, verified and decoded one.
    private func snapshot(for entry: StatusListEntry) async -> Result<StatusListSnapshot, StatusListFailure> {
        if let cached = cache.lists.value(for: entry.listURL, at: now) { return cached }
        let result = await fetch(entry)
        let until: Date
        switch result {
        case .success(let list): until = list.refreshAfter
        case .failure: until = now.addingTimeInterval(cache.failureLifetime)
        }
        cache.lists.store(result, for: entry.listURL, until: until, now: now)
        return result
    }

    /// Fetches the list, verifies its proof and validity period, checks its type and decodes its bitstring.
    private func fetch(_ entry: StatusListEntry) async -> Result<StatusListSnapshot, StatusListFailure> {
        let url = entry.listURL
        let document: FetchedDocument
        switch await documents.raw(url, accept: Self.listAccept) {
        case .failure(let failure): return .failure(StatusListFailure(detail: "STATUS_RETRIEVAL_ERROR: \(failure.detail)"))
        case .success(let fetched): document = fetched
        }
        let text = String(decoding: document.body, as: UTF8.self)
        let secured: SecuredCredential
        let credential: JSONObject
        if JWSParts.looksCompact(text), case .success(let parts) = JWSParts.parse(text) {
            let payload = parts.payload["vc"]?.objectValue.flatMap { parts.payload["@context"] == nil ? $0 : nil } ?? parts.payload
            secured = .jwt(compact: text, header: parts.header, payload: parts.payload, credential: .object(payload))
            credential = payload
        } else if case .success(let json) = DocumentLoader.parse(document.body, url: url), let object = json.objectValue {
            secured = .embedded(document: json)
            credential = object
        } else {
            return .failure(StatusListFailure(detail: "STATUS_RETRIEVAL_ERROR: \(url) is neither a JSON credential nor a JWT"))
        }

        let report = await verifyList(secured)
        guard report.outcome == .verified else {
            let reasons = report.checks.filter { $0.outcome == .failed }.map(\.detail).joined(separator: "; ")
            return .failure(StatusListFailure(detail: "STATUS_VERIFICATION_ERROR: the status list \(url) is \(report.outcome.rawValue): \(reasons)"))
        }
        var warnings = report.checks.filter { $0.outcome == .warning }.map { "status list: \($0.detail)" }
        let fields = CredentialFields(object: credential)
        guard fields.types.contains(entry.listType) else {
            return .failure(StatusListFailure(detail: "STATUS_VERIFICATION_ERROR: \(url) is not a \(entry.listType)"))
        }
        if let id = fields.id, id != url, id != document.url {
            warnings.append("the status list credential's id \(id) differs from the URL it is served from")
        }
        guard let subject = credential["credentialSubject"]?.asList.first?.objectValue,
            let encoded = subject["encodedList"]?.stringValue
        else {
            return .failure(StatusListFailure(detail: "MALFORMED_VALUE_ERROR: the status list has no credentialSubject.encodedList"))
        }
        let bits: [UInt8]
        switch decode(encoded) {
        case .failure(let failure): return .failure(failure)
        case .success(let decoded): bits = decoded
        }
        let purposes = (subject["statusPurpose"]?.asList ?? []).compactMap(\.stringValue)
        let validUntil = fields.validUntil.flatMap { ValidityPeriod.date($0.value) }
        let ttl = subject["ttl"]?.numberValue.map { $0.double / 1000 } ?? options.statusListLifetime
        var refresh = now.addingTimeInterval(max(1, ttl))
        if let validUntil, validUntil < refresh { refresh = validUntil }
        return .success(
            StatusListSnapshot(
                url: url,
                credentialType: entry.listType,
                listCredentialID: fields.id,
                issuerID: fields.issuerID,
                purposes: purposes.isEmpty && entry.legacy ? [entry.purpose] : purposes,
                bits: bits,
                validUntil: validUntil,
                fetchedAt: now,
                refreshAfter: refresh,
                warnings: warnings
            )
        )
    }

    /// Multibase base64url (Bitstring Status List) or plain base64 (StatusList2021) of a GZIP stream.
    private func decode(_ encoded: String) -> Result<[UInt8], StatusListFailure> {
        // StatusList2021 lists are unprefixed; base64 of GZIP data always starts "H4sI", so a leading "u" can only be
        // the multibase prefix.
        guard let compressed = Base64.decode(encoded.hasPrefix("u") ? encoded.dropFirst() : Substring(encoded)) else {
            return .failure(StatusListFailure(detail: "MALFORMED_VALUE_ERROR: encodedList is not base64url"))
        }
        do {
            return .success(try Inflate.decompress(gzip: compressed, maxOutput: options.maxStatusListBytes))
        } catch {
            return .failure(StatusListFailure(detail: "MALFORMED_VALUE_ERROR: encodedList is not a usable GZIP stream (\(error))"))
        }
    }
}
