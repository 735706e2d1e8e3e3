/// Combines the results of several proofs on one credential (VC Data Integrity §2.1.2 proof sets and chains).
///
/// The credential is accepted on any one proof of a supported suite that verifies with a key the issuer controls:
/// every proof covers the whole document, so one valid issuer proof shows the content is the issuer's. Proofs of
/// unknown types are listed as skipped; other proofs that fail are kept as warnings when one proof verified.
enum ProofSet {
    static func combine(_ results: [ProofVerification]) -> (checks: [VerificationCheck], accepted: ProofVerification?) {
        let labelled =
            results.count > 1
            ? results.enumerated().map { index, result in
                var copy = result
                copy.checks = result.checks.map { check in
                    var check = check
                    check.detail = "proof \(index + 1) of \(results.count) (\(result.label)): \(check.detail)"
                    return check
                }
                return copy
            } : results
        if let acceptedIndex = labelled.firstIndex(where: { $0.status == .verified }) {
            var checks: [VerificationCheck] = []
            for (index, result) in labelled.enumerated() {
                if index == acceptedIndex || result.status == .unsupported {
                    checks.append(contentsOf: result.checks)
                } else if result.status == .verified {
                    checks.append(.passed(.proof, "proof \(index + 1) of \(labelled.count) (\(result.label)) also verified"))
                } else {
                    let reason = result.checks.first { $0.outcome == .failed }?.detail ?? "it did not verify"
                    checks.append(.warning(.proof, "\(reason); another proof verified"))
                }
            }
            return (checks, results[acceptedIndex])
        }
        if labelled.allSatisfy({ $0.status == .unsupported }) {
            let names = results.map(\.label).joined(separator: ", ")
            return ([.failed(.proof, "no proof of a supported type or suite (found \(names))", effect: .unverifiable)], nil)
        }
        return (labelled.flatMap(\.checks), nil)
    }
}
