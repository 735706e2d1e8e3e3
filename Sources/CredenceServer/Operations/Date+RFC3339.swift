import Foundation

extension Date {
    /// RFC 3339 with milliseconds in UTC: what PostgreSQL reads as `timestamptz` and what the API writes.
    var rfc3339: String {
        formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
