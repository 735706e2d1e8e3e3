import Foundation

/// Locale-independent number formatting for reports, CSV and chart labels.
///
/// Reports must read the same whatever the server's locale, so this never consults `Locale`.
public enum NumberText {
    /// `value` with exactly `places` decimals ("0.25", "-1.50"); "–" for NaN and infinities.
    public static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(max(0, places))f", value)
        // "-0.00" says a tiny negative rounded away; show it as zero.
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// `value` as a percentage with `places` decimals ("42.5%").
    public static func percent(_ value: Double, places: Int = 1) -> String {
        decimal(value * 100, places: places) + "%"
    }

    /// A p-value as a table cell shows it: three decimals, or "< 0.001".
    public static func pValue(_ value: Double) -> String {
        value < 0.001 ? "< 0.001" : decimal(value, places: 3)
    }

    /// A p-value as a sentence states it: "p = 0.012" or "p < 0.001".
    public static func pStatement(_ value: Double) -> String {
        value < 0.001 ? "p < 0.001" : "p = " + decimal(value, places: 3)
    }
}
