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

    /// Takes over what another log found (a CLR member's, a linked document's).
    func absorb(_ other: FindingLog) {
        for p in other.problems { problem(p.code, p.message, at: p.pointer) }
        omittedProblems += other.omittedProblems
        for w in other.warnings { warn(w.code, w.message, at: w.pointer) }
    }

    func absorb(_ rejection: CredentialRejection) {
        for p in rejection.problems { problem(p.code, p.message, at: p.pointer) }
        omittedProblems += rejection.omittedProblemCount
        for w in rejection.warnings { warn(w.code, w.message, at: w.pointer) }
    }

    var rejection: CredentialRejection {
        CredentialRejection(problems: problems, warnings: warnings, omittedProblemCount: omittedProblems)
    }

    /// Throws everything found so far when any of it is a problem.
    func throwIfProblems() throws(CredentialRejection) {
        if hasProblems { throw rejection }
    }
}
