import PostgresNIO
public import StrictJSON

/// Failures the stores report in domain terms; the HTTP layer maps each to one problem type.
public enum StoreError: Error, Sendable, Equatable {
    case notFound(what: String, id: String)
    /// The request conflicts with the current state (a name already taken, a key already revoked).
    case conflict(String)
    /// A value the database cannot accept, with where it was in the request.
    case invalid(pointer: JSONPointer, message: String)
}

extension Error {
    /// True when PostgreSQL refused the statement with a unique-constraint violation (SQLSTATE 23505).
    var isUniqueViolation: Bool {
        sqlState == "23505"
    }

    /// True when PostgreSQL aborted the transaction to break a deadlock or a serialisation conflict (SQLSTATE 40P01,
    /// 40001): nothing was written, and running the same transaction again can succeed.
    var isTransientConflict: Bool {
        sqlState == "40P01" || sqlState == "40001"
    }

    var sqlState: String? {
        (self as? PSQLError)?.serverInfo?[.sqlState]
    }
}
