/// The hash RDFC-1.0 uses for blank node identification (SHA-256 unless a cryptosuite says otherwise).
public enum CanonicalHashAlgorithm: Sendable, Hashable {
    case sha256
    case sha384
}

/// Settings for RDFC-1.0.
public struct CanonicalizationOptions: Sendable, Hashable {
    public var hashAlgorithm: CanonicalHashAlgorithm
    /// The most Hash N-Degree Quads steps (each invocation and each permutation it tries counts one) before the
    /// dataset is rejected as a poison graph. Real credentials need none or a handful; the W3C suite's hardest
    /// legitimate cases (test044–046) need 3,348, while its 10-node clique (test074) would need billions.
    public var maxWork: Int

    public init(hashAlgorithm: CanonicalHashAlgorithm = .sha256, maxWork: Int = 20_000) {
        self.hashAlgorithm = hashAlgorithm
        self.maxWork = maxWork
    }
}

/// A canonicalized dataset: the canonical N-Quads and the canonical identifier issued for each input blank node.
public struct CanonicalDataset: Sendable, Hashable {
    /// Canonical N-Quads as UTF-8: sorted lines, each ending in `\n`.
    public let bytes: [UInt8]
    /// Input blank node label (without `_:`) → canonical label (`c14n0`, …).
    public let issuedIdentifiers: [String: String]

    public var nQuads: String { String(decoding: bytes, as: UTF8.self) }

    /// The lower-case hex digest of the canonical N-Quads: the document or proof hash of Data Integrity suites.
    public func hexDigest(_ algorithm: CanonicalHashAlgorithm = .sha256) -> String {
        algorithm.hexDigest(of: bytes)
    }
}

extension CanonicalHashAlgorithm {
    /// The lower-case hex digest of `bytes` (for JCS output, which has no dataset around it).
    public func hexDigest(of bytes: [UInt8]) -> String {
        String(decoding: Digest.hex(of: bytes, using: self), as: UTF8.self)
    }
}
