/// Function words that carry no skill: dropped from keys so "management of projects" and "project management"
/// share tokens. Deliberately short: `it` (IT), `us`, `no`, `not`, `all` and single letters (C, R) stay.
enum StopWords {
    static func contains(_ word: [UInt8]) -> Bool {
        words.contains(word)
    }

    /// Whether a word being typed may still become a stop word ("i", "th"), so it cannot narrow a prefix search.
    static func mayBecomeStopWord(_ partial: [UInt8]) -> Bool {
        words.contains { $0.starts(with: partial) }
    }

    private static let words: Set<[UInt8]> = Set(
        [
            "a", "an", "the", "and", "or", "of", "for", "in", "on", "at", "to", "by", "with", "from", "into", "onto", "via",
            "per", "than", "that", "this", "these", "those", "is", "are", "be", "been", "being", "was", "were", "its",
            "their", "his", "her", "your", "our", "my", "etc", "eg", "ie",
        ].map { Array($0.utf8) }
    )
}
