import StrictJSON

/// Reads the envelope of a CLR 2.0 `ClrCredential`: its id, name and issuer, and the credentials it delivers in
/// `credentialSubject.verifiableCredential` (objects or compact JWS strings). The members are read by the caller.
enum ClrReader {
    struct Envelope {
        var id: String
        var name: String?
        var issuerId: String?
        var members: [Node]
    }

    /// The envelope, or `nil` after recording why the CLR cannot be read.
    static func read(_ clr: Node, fields: FieldReader, limits: ParseLimits) -> Envelope? {
        let log = fields.log
        let id = fields.requiredIdentifier(clr, "id", what: "CLR id")
        let issuer = clr["issuer"]
        let issuerId = issuer?.string ?? issuer.flatMap { fields.text($0, "id") }
        guard let subject = fields.object(clr, "credentialSubject", what: "the CLR's credentialSubject") else {
            if !clr.has("credentialSubject") { log.problem(.missingField, "the CLR has no credentialSubject", at: clr.pointer / "credentialSubject") }
            return nil
        }
        let members = fields.list(subject, "verifiableCredential")
        if members.isEmpty {
            log.problem(
                .emptyCLR,
                "the CLR delivers no credentials in credentialSubject.verifiableCredential",
                at: subject.pointer / "verifiableCredential"
            )
        }
        if members.count > limits.maxCredentials {
            log.problem(
                .tooManyCredentials,
                "the CLR delivers \(members.count) credentials; at most \(limits.maxCredentials) are read from one body",
                at: subject.pointer / "verifiableCredential"
            )
        }
        guard let id, !log.hasProblems else { return nil }
        return Envelope(id: id, name: fields.text(clr, "name"), issuerId: issuerId, members: members)
    }
}
