/// Decides whether a resolved key speaks for the credential's issuer: the check that stops anyone from signing a
/// credential with their own key and naming someone else as the issuer.
struct KeyBinding {
    let options: VerificationOptions

    func check(_ key: ResolvedKey, issuerID: String?) -> VerificationCheck {
        guard let issuerID else { return .failed(.keyBinding, "the credential names no issuer, so no key can speak for it") }
        if key.assertion == .notAuthorized {
            return .failed(.keyBinding, "\(key.controller ?? "the controller") does not list \(key.id) as an assertionMethod key")
        }
        switch key.source {
        case .unconfirmed(let methodID):
            guard key.controller == issuerID else {
                return .failed(.keyBinding, "\(methodID) is not under the issuer \(issuerID)")
            }
            let detail =
                "the key comes from the credential itself (\(Self.shortened(methodID))) and \(issuerID) publishes no document "
                + "listing it, so only the credential's own claim ties it to the issuer"
            switch options.unconfirmedKeys {
            case .acceptWithWarning: return .warning(.keyBinding, detail)
            case .reject: return .failed(.keyBinding, detail, effect: .unverifiable)
            }
        case .refuted(let url):
            return .failed(.keyBinding, "the key is not among those the issuer publishes at \(url)")
        case .selfCertifyingDID, .controllerDocument:
            guard let controller = key.controller, controller == issuerID else {
                let detail = "the key's controller \(key.controller ?? "(none)") is not the issuer \(issuerID)"
                return options.requireIssuerKeyBinding ? .failed(.keyBinding, detail) : .warning(.keyBinding, detail)
            }
            let note = key.assertion == .unstated ? " (its document names no assertionMethod keys)" : ""
            return .passed(.keyBinding, "the key is controlled by the issuer \(issuerID)\(note)")
        }
    }

    /// Long Multikey fragments make details unreadable; keep the start and end.
    static func shortened(_ id: String) -> String {
        guard id.count > 72 else { return id }
        return id.prefix(48) + "…" + id.suffix(12)
    }
}
