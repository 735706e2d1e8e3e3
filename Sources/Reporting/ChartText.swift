/// Text measurement and wrapping for server-side charts, where no font metrics are available.
enum ChartText {
    /// Average advance of a 13 px sans-serif character; generous, so estimated boxes contain the real text.
    static let characterWidth = 7.4
    /// Line height of wrapped labels.
    static let lineHeight = 16.0

    /// Estimated rendered width of `text`.
    static func width(_ text: String) -> Double {
        Double(text.count) * characterWidth
    }

    /// `text` broken at spaces into lines of at most `limit` characters; a longer word stays whole on its own line.
    static func wrap(_ text: String, limit: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= limit {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
