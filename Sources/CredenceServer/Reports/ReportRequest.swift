import Foundation
import Hummingbird

/// The output formats of a report.
enum ReportFormat: String, CaseIterable {
    case json, csv, html
}

/// The query of `GET /v1/reports/{name}`: format, filters and period, validated together so one problem lists every
/// parameter at fault.
struct ReportRequest: Sendable {
    static let maxPathway = 20
    static let maxOccupations = 20
    /// Five years: enough for any curriculum cycle, and a bound on what one request scans.
    static let maxPeriodDays = 5 * 366
    static let defaultPeriodDays = 365

    var format: ReportFormat
    var issuer: UUID?
    var achievement: UUID?
    /// Achievements stacked into one pathway (alignment coverage), in the caller's order.
    var pathway: [UUID]
    /// Target occupations by framework code (alignment coverage); when empty, the report picks the closest.
    var occupations: [String]
    /// First and last day of the period (UTC midnights); the period ends at the end of `to`.
    var from: Date
    var to: Date
    /// For CSV: which table of the report (the first when nil).
    var table: String?

    /// The instant just after the period (exclusive upper bound for SQL).
    var end: Date { to.addingTimeInterval(86_400) }

    /// Reads the query; `today` is the UTC midnight of the day the request is served.
    init(_ request: Request, today: Date) throws {
        let query = request.uri.queryParameters
        var errors: [Problem.FieldError] = []
        func field(_ name: String, _ detail: String) { errors.append(.init(pointer: "#/query/\(name)", detail: detail)) }

        let formatText = query.get("format").map { String($0) } ?? ReportFormat.json.rawValue
        if let format = ReportFormat(rawValue: formatText) {
            self.format = format
        } else {
            self.format = .json
            field("format", "must be one of json, csv, html")
        }
        func uuid(_ name: String) -> UUID? {
            guard let text = query.get(name) else { return nil }
            guard let id = UUID(uuidString: String(text)) else {
                field(name, "must be an id (a UUID)")
                return nil
            }
            return id
        }
        issuer = uuid("issuer")
        achievement = uuid("achievement")
        pathway = []
        if let text = query.get("pathway") {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            let ids = parts.compactMap(UUID.init(uuidString:))
            if ids.count != parts.count {
                field("pathway", "must be achievement ids (UUIDs) separated by commas")
            } else if !(1...Self.maxPathway).contains(ids.count) {
                field("pathway", "must list 1 to \(Self.maxPathway) achievements")
            } else if Set(ids).count != ids.count {
                field("pathway", "must not list an achievement twice")
            } else {
                pathway = ids
            }
        }
        occupations = []
        if let text = query.get("occupation") {
            let codes = text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            if !(1...Self.maxOccupations).contains(codes.count) || codes.contains(where: { $0.count > 200 }) {
                field("occupation", "must list 1 to \(Self.maxOccupations) occupation codes (ESCO URIs or O*NET-SOC codes) separated by commas")
            } else {
                occupations = codes
            }
        }
        func day(_ name: String) -> Date? {
            guard let text = query.get(name) else { return nil }
            guard let date = Self.day(String(text)) else {
                field(name, "must be a date as YYYY-MM-DD")
                return nil
            }
            return date
        }
        let to = day("to") ?? today
        let from = day("from") ?? to.addingTimeInterval(-Double(Self.defaultPeriodDays - 1) * 86_400)
        self.from = from
        self.to = to
        if from > to {
            field("from", "must not be after `to`")
        } else if to.timeIntervalSince(from) / 86_400 >= Double(Self.maxPeriodDays) {
            field("from", "the period may span at most \(Self.maxPeriodDays) days")
        }
        table = query.get("table").map { String($0) }
        if let table, table.isEmpty || table.count > 40 { field("table", "must name one of the report's tables") }
        if !errors.isEmpty { throw Problem.invalid(errors) }
    }

    /// "2025-03-01" as that day's UTC midnight; nil unless a real calendar date.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1970...9999).contains(year)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: utcCalendar) else { return nil }
        return utcCalendar.date(from: components)
    }

    /// The UTC midnight starting `date`'s day.
    static func startOfDay(_ date: Date) -> Date {
        utcCalendar.startOfDay(for: date)
    }

    /// `date` as YYYY-MM-DD (UTC).
    static func dayText(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()
}
