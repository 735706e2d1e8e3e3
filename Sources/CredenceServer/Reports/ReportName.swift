/// The reports `GET /v1/reports/{name}` answers.
enum ReportName: String, CaseIterable, Sendable {
    case alignment, demand, recognition, calibration, equity, uplift

    static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
