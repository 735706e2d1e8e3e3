import Verification

/// One canonicaliser for the whole run, so the pinned contexts are processed once.
enum SharedCanonicalizer {
    static let linkedData: LinkedDataCanonicalizer? = try? LinkedDataCanonicalizer()
}
