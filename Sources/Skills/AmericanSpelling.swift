/// British → American spelling of one lower-case ASCII word, so "visualisation" and "visualization" meet.
///
/// A dictionary of irregular pairs is tried first; then rules for the regular families, each guarded by the
/// words that merely look like them (`exercise`, `promise`, `tour`, `hour` …). The guards were derived by running
/// the rules over the SCOWL word lists (Debian package `scowl`, © Kevin Atkinson, permissive licence) and every
/// word of the ESCO and O*NET seed files, keeping each rule only where the result is the American dictionary form.
enum AmericanSpelling {
    static func convert(_ word: [UInt8]) -> [UInt8] {
        if let american = Tables.pairs[word] { return american }
        var word = word
        if replaceMedicalDigraphs(&word), let american = Tables.pairs[word] { return american }
        applyIseRule(&word)
        applyYseRule(&word)
        applyOurRule(&word)
        if applyReRule(&word) { return word }
        applyDoubleLRule(&word)
        return word
    }

    /// `ae`/`oe` of Greek and Latin medical and scientific words: anaesthesia, paediatric, haematology, oestrogen.
    static func replaceMedicalDigraphs(_ word: inout [UInt8]) -> Bool {
        guard word.count > 3, containsDigraph(word) else { return false }
        var changed = false
        for (british, american) in Tables.digraphPrefixes where word.starts(with: british) {
            word.replaceSubrange(0..<british.count, with: american)
            changed = true
        }
        for (british, american) in Tables.digraphInfixes {
            if let range = firstRange(of: british, in: word) {
                word.replaceSubrange(range, with: american)
                changed = true
            }
        }
        return changed
    }

    /// organise → organize, organisation → organization; not exercise, promise, advertise, otherwise, crises.
    private static func applyIseRule(_ word: inout [UInt8]) {
        guard word.contains(Tables.iseMiddle), let (root, suffix) = split(word, middle: Tables.iseMiddle, suffixes: Tables.iseSuffixes, minimumRoot: 3)
        else { return }
        let stem = Array(word[0..<(root + 2)])
        if Tables.iseExceptions.contains(where: { stem.hasSuffix($0) }) { return }
        if suffix == Tables.pluralSuffix, Tables.isNounEndings.contains(where: { stem.hasSuffix($0) }) { return }
        word[root + 1] = UInt8(ascii: "z")
    }

    /// analyse → analyze, paralysed → paralyzed.
    private static func applyYseRule(_ word: inout [UInt8]) {
        guard word.contains(Tables.yseMiddle), let (root, _) = split(word, middle: Tables.yseMiddle, suffixes: Tables.yseSuffixes, minimumRoot: 2)
        else { return }
        word[root + 1] = UInt8(ascii: "z")
    }

    /// colour → color, behavioural → behavioral, favourite → favorite; not four, hour, tour(ism), pour, contour.
    private static func applyOurRule(_ word: inout [UInt8]) {
        guard word.contains(Tables.ourMiddle), let (root, _) = split(word, middle: Tables.ourMiddle, suffixes: Tables.ourSuffixes, minimumRoot: 1)
        else { return }
        let stem = Array(word[0..<(root + 3)])
        if Tables.ourExceptions.contains(stem) || Tables.ourCompoundHeads.contains(where: { stem.hasSuffix($0) }) { return }
        word.remove(at: root + 1)
    }

    /// centre → center, micrometres → micrometers, fibreglass → fiberglass, manoeuvring → maneuvering.
    private static func applyReRule(_ word: inout [UInt8]) -> Bool {
        // Every British form has `re` or `ri` (centre, centring, fibreglass); most words have neither.
        guard word.contains(Tables.re) || word.contains(Tables.ri) else { return false }
        for (british, american) in Tables.reWordEndings where word.hasSuffix(british) {
            word.replaceSubrange((word.count - british.count)..., with: american)
            return true
        }
        for (british, american) in Tables.reCompoundHeads where word.count > british.count && word.starts(with: british) {
            word.replaceSubrange(0..<british.count, with: american)
            return true
        }
        return false
    }

    /// modelling → modeling, travellers → travelers, labelled → labeled, for the verbs American English does
    /// not double (controlling and patrolling stay).
    private static func applyDoubleLRule(_ word: inout [UInt8]) {
        for (ending, replacement) in Tables.doubleLEndings where word.count > ending.count && word.hasSuffix(ending) {
            let root = Array(word.dropLast(ending.count)) + [UInt8(ascii: "l")]
            if Tables.singleLVerbs.contains(root) {
                word = Array(word.dropLast(ending.count)) + replacement
            }
            return
        }
    }

    /// Where `middle` + one of `suffixes` ends the word after a root of at least `minimumRoot` bytes: the root's
    /// length (so `middle` starts there), and the suffix.
    private static func split(_ word: [UInt8], middle: [UInt8], suffixes: [[UInt8]], minimumRoot: Int) -> (Int, [UInt8])? {
        for suffix in suffixes {
            let tail = middle.count + suffix.count
            guard word.count - tail >= minimumRoot else { continue }
            if word.hasSuffix(suffix) && word[(word.count - tail)..<(word.count - suffix.count)].elementsEqual(middle) {
                return (word.count - tail, suffix)
            }
        }
        return nil
    }

    private static func containsDigraph(_ word: [UInt8]) -> Bool {
        for index in 1..<word.count where word[index] == UInt8(ascii: "e") || word[index] == UInt8(ascii: "h") {
            let previous = word[index - 1]
            if previous == UInt8(ascii: "a") || previous == UInt8(ascii: "o") || previous == UInt8(ascii: "p") { return true }
        }
        return false
    }

    private static func firstRange(of needle: [UInt8], in word: [UInt8]) -> Range<Int>? {
        guard needle.count <= word.count else { return nil }
        for start in 0...(word.count - needle.count) where word[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }

    /// Whether `part` occurs anywhere in the word: the cheap test that lets most words skip a rule.
    func contains(_ part: [UInt8]) -> Bool {
        guard let first = part.first, count >= part.count else { return false }
        for start in 0...(count - part.count) where self[start] == first && self[start..<(start + part.count)].elementsEqual(part) {
            return true
        }
        return false
    }
}
