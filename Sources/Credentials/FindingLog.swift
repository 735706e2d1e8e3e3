import StrictJSON

/// Problems and warnings gathered while reading one credential, capped so hostile input cannot grow them without bound.
final class FindingLog {
    private let maxFindings: Int
    private(set) var problems: [CredentialProblem] = []
    private(set) var warnings: [CredentialWarning] = []
    private var omittedProblems = 0

    init(maxFindings: Int) {
        self.maxFindings = maxFindings
    }

    var hasProblems: Bool { !problems.isEmpty || omittedProblems > 0 }

    func problem(_ code: ProblemCode, _ message: String, at pointer: JSONPointer) {
        guard problems.count < maxFindings else {
            omittedProblems += 1
            return
        }
        problems.append(CredentialProblem(code, message, at: pointer))
    }

    func warn(_ code: WarningCode, _ message: String, at pointer: JSONPointer) {
        guard warnings.count < maxFindings else { return }
        warnings.append(CredentialWarning(code, message, at: pointer))
    }

    /// A log for one credential that starts with the warnings of the envelope (or CLR) it came in.
    convenience init(inheriting parent: FindingLog, limits: ParseLimits) {
        self.init(maxFindings: limits.maxFindings)
        for warning in parent.warnings { warn(warning.code, warning.message, at: warning.pointer) }
    }

    /// Takes over what a rejection raised below this log found.
    func absorb(_ rejection: CredentialRejection) {
        absorbProblems(of: rejection)
        for w in rejection.warnings where !warnings.contains(w) { warn(w.code, w.message, at: w.pointer) }
    }

    /// Takes over only the problems of a rejection (a CLR member's, whose warnings this log already has).
    func absorbProblems(of rejection: CredentialRejection) {
        for p in rejection.problems { problem(p.code, p.message, at: p.pointer) }
        omittedProblems += rejection.omittedProblemCount
    }

    var rejection: CredentialRejection {
        CredentialRejection(problems: problems, warnings: warnings, omittedProblemCount: omittedProblems)
    }

    /// Throws everything found so far when any of it is a problem.
    func throwIfProblems() throws(CredentialRejection) {
        if hasProblems { throw rejection }
    }
}
