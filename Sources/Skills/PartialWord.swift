/// The word a user is still typing, cut back so that it stays a prefix of the stored key of every word it could
/// become: stems drop endings (`programming` → `program`) and British spellings change letters in the middle
/// (`colour` → `color`), so a raw prefix of either would miss.
enum PartialWord {
    static func stemSafePrefix(_ word: [UInt8]) -> [UInt8] {
        guard word.count > minimumLength else { return word }
        var w = word
        _ = AmericanSpelling.replaceMedicalDigraphs(&w)
        if let cut = britishSpellingCut(w) { w.removeSubrange(cut...) }
        for ending in suffixStarts where w.count - ending.count >= minimumLength && w.hasSuffix(ending) {
            w.removeLast(ending.count)
            break
        }
        if w.count > minimumLength, w[w.count - 1] == w[w.count - 2] { w.removeLast() }
        return w
    }

    /// Where a British spelling may begin (organis…, colou…, centr…, catalogu…, licenc…): the prefix before it is
    /// shared with the American spelling.
    private static func britishSpellingCut(_ w: [UInt8]) -> Int? {
        let n = w.count
        for i in stride(from: 2, to: n - 1, by: 1) where w[i] == UInt8(ascii: "o") && w[i + 1] == UInt8(ascii: "u") {
            let rest = w[(i + 2)...]
            if rest.isEmpty || (rest.first == UInt8(ascii: "r") && isPrefixOfAny(Array(rest.dropFirst()), AmericanSpelling.Tables.ourSuffixes)) {
                return i
            }
        }
        for i in stride(from: minimumLength, to: n - 1, by: 1) where (w[i] == UInt8(ascii: "i") || w[i] == UInt8(ascii: "y")) && w[i + 1] == UInt8(ascii: "s") {
            if isPrefixOfAny(Array(w[(i + 2)...]), AmericanSpelling.Tables.iseSuffixes) { return i }
        }
        if n > 4, w[n - 1] == UInt8(ascii: "r") || (w[n - 1] == UInt8(ascii: "e") && w[n - 2] == UInt8(ascii: "r")) {
            let r = w[n - 1] == UInt8(ascii: "r") ? n - 1 : n - 2
            if [UInt8(ascii: "t"), UInt8(ascii: "b"), UInt8(ascii: "v")].contains(w[r - 1]) { return r }
        }
        if n > 4, w[n - 1] == UInt8(ascii: "u") || w.hasSuffix(Array("ue".utf8)) {
            let u = w[n - 1] == UInt8(ascii: "u") ? n - 1 : n - 2
            if w[u - 1] == UInt8(ascii: "g") { return u }
        }
        if n > 4, w.hasSuffix(Array("enc".utf8)) || w.hasSuffix(Array("ence".utf8)) {
            return w.hasSuffix(Array("enc".utf8)) ? n - 1 : n - 2
        }
        return nil
    }

    private static func isPrefixOfAny(_ rest: [UInt8], _ candidates: [[UInt8]]) -> Bool {
        candidates.contains { $0.starts(with: rest) }
    }

    /// Beginnings of the endings the stemmer removes or rewrites, longest first.
    private static let suffixStarts: [[UInt8]] = ["ing", "ies", "in", "ie", "ed", "es", "i", "e", "s", "y"].map { Array($0.utf8) }

    private static let minimumLength = 3
}
