import ServiceLifecycle

/// Public verification, the issuer registry and re-verification (issue 5).
struct VerificationFeature {
    let components: AppComponents

    func register(on endpoints: Endpoints) {}

    /// Background services this feature runs (the re-verification job).
    var services: [any Service] { [] }
}
