/// A light English stemmer: Porter's steps 1a–1c (plurals, -ed, -ing, y → i) and 5 (final -e, -ll), without the
/// derivational steps 2–4 that conflate unrelated words (organization → organ, university → univers).
///
/// So "manage", "manages", "managed", "managing" share the stem `manag`, and "programme"/"programming"/"programs"
/// share `program`; stems are keys, not words. Guards keep names intact: words of three letters or fewer, words with
/// digits, a final `s` after `u`, `i` or `s` (status, analysis, process) and a few product names whose final `s`
/// is not a plural (Pandas, Rails, Jenkins, Kubernetes).
enum LightStemmer {
    static func stem(_ word: [UInt8]) -> [UInt8] {
        guard word.count > 3, word.allSatisfy(isLetter), !protectedWords.contains(word) else { return word }
        var w = word
        step1a(&w)
        step1b(&w)
        step1c(&w)
        step5(&w)
        return w
    }

    private static func step1a(_ w: inout [UInt8]) {
        if w.hasSuffix(sses) || w.hasSuffix(ies) {
            w.removeLast(2)
        } else if w.last == s, w.count > 3 {
            let before = w[w.count - 2]
            if before != s && before != UInt8(ascii: "u") && before != UInt8(ascii: "i") { w.removeLast() }
        }
    }

    private static func step1b(_ w: inout [UInt8]) {
        if w.hasSuffix(eed) {
            if measure(w, upTo: w.count - 3) > 0 { w.removeLast() }
            return
        }
        let removed: Int
        if w.hasSuffix(ed), containsVowel(w, upTo: w.count - 2) {
            removed = 2
        } else if w.hasSuffix(ing), containsVowel(w, upTo: w.count - 3) {
            removed = 3
        } else {
            return
        }
        w.removeLast(removed)
        if w.hasSuffix(at) || w.hasSuffix(bl) || w.hasSuffix(iz) {
            w.append(e)
        } else if endsWithDoubleConsonant(w), let last = w.last, last != UInt8(ascii: "l"), last != s, last != UInt8(ascii: "z") {
            w.removeLast()
        } else if measure(w, upTo: w.count) == 1 && endsConsonantVowelConsonant(w) {
            w.append(e)
        }
    }

    private static func step1c(_ w: inout [UInt8]) {
        if w.last == UInt8(ascii: "y"), containsVowel(w, upTo: w.count - 1) {
            w[w.count - 1] = UInt8(ascii: "i")
        }
    }

    private static func step5(_ w: inout [UInt8]) {
        if w.last == e {
            let m = measure(w, upTo: w.count - 1)
            if m > 1 || (m == 1 && !endsConsonantVowelConsonant(Array(w.dropLast()))) { w.removeLast() }
        }
        if w.hasSuffix(ll), measure(w, upTo: w.count) > 1 { w.removeLast() }
    }

    // MARK: Porter's definitions

    private static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        switch w[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
        case UInt8(ascii: "y"): return i == 0 || !isConsonant(w, i - 1)
        default: return true
        }
    }

    /// Porter's m: the number of vowel–consonant sequences in `w[0..<end]`.
    private static func measure(_ w: [UInt8], upTo end: Int) -> Int {
        var i = 0
        var m = 0
        while i < end && isConsonant(w, i) { i += 1 }
        while i < end {
            while i < end && !isConsonant(w, i) { i += 1 }
            guard i < end else { break }
            m += 1
            while i < end && isConsonant(w, i) { i += 1 }
        }
        return m
    }

    private static func containsVowel(_ w: [UInt8], upTo end: Int) -> Bool {
        (0..<max(0, end)).contains { !isConsonant(w, $0) }
    }

    private static func endsWithDoubleConsonant(_ w: [UInt8]) -> Bool {
        w.count >= 2 && w[w.count - 1] == w[w.count - 2] && isConsonant(w, w.count - 1)
    }

    /// Porter's *o: consonant–vowel–consonant at the end, the last not w, x or y (hop → hope, not snow).
    private static func endsConsonantVowelConsonant(_ w: [UInt8]) -> Bool {
        let n = w.count
        guard n >= 3, isConsonant(w, n - 3), !isConsonant(w, n - 2), isConsonant(w, n - 1) else { return false }
        let last = w[n - 1]
        return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "y")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static let s = UInt8(ascii: "s")
    private static let e = UInt8(ascii: "e")
    private static let sses = Array("sses".utf8), ies = Array("ies".utf8), eed = Array("eed".utf8), ed = Array("ed".utf8)
    private static let ing = Array("ing".utf8), at = Array("at".utf8), bl = Array("bl".utf8), iz = Array("iz".utf8)
    private static let ll = Array("ll".utf8)

    private static let protectedWords: Set<[UInt8]> = Set(["pandas", "rails", "jenkins", "kubernetes", "postgres"].map { Array($0.utf8) })
}
