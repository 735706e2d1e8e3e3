/// What a key may do. Every key has exactly one role within one organisation.
public enum Role: String, Sendable, CaseIterable, Codable {
    case admin
    /// Curriculum teams of an issuing organisation: their achievements, rubrics and reports.
    case issuer
    /// Search, signals and saved searches.
    case recruiter
    /// Calibration sessions and search.
    case hiringManager = "hiring_manager"
    /// One earner's own record and consent.
    case earner
}

/// The kind of organisation a key belongs to.
public enum OrganizationKind: String, Sendable, CaseIterable, Codable {
    case employer, issuer, platform
}
