/// An artefact in a calibration session: anonymised evidence, with the levels the issuer assigned per criterion.
public struct CalibrationArtefact: Sendable, Hashable, Codable {
    public let id: String
    /// Criterion id → level id the issuer assigned; a criterion may be missing when the credential did not say.
    public let issuerLevels: [String: String]

    public init(id: String, issuerLevels: [String: String]) {
        self.id = id
        self.issuerLevels = issuerLevels
    }
}
