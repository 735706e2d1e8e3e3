/// What an alignment's `targetFramework` (or a similar free-text framework name) refers to.
public enum FrameworkName: Sendable, Hashable {
    case esco
    /// ISCO-08 occupation groups, which ESCO publishes as `http://data.europa.eu/esco/isco/C<code>`.
    case isco
    case onet
    /// The US Standard Occupational Classification (BLS), whose detailed codes are O*NET-SOC codes without `.00`.
    case soc
    /// UNSPSC, the commodity codes O*NET files technology skills under.
    case unspsc
    /// 1EdTech CASE, when named as a framework rather than by an item URL.
    case caseNetwork
    /// Any other name, as its normalised key, to be matched against the titles of imported frameworks.
    case other(key: String)

    /// Recognises a framework name in any common spelling: "ESCO", "esco v1.1.1", "O*NET", "ONET", "O-NET",
    /// "O*NET-SOC 2019", "onetonline.org", "ISCO-08", "BLS SOC", "UNSPSC".
    public init(_ name: String) {
        let compact = Self.compact(name)
        if let known = Self.known[compact] ?? Self.known[Self.droppingVersion(compact)] ?? Self.recognizeHost(compact) {
            self = known
        } else {
            self = .other(key: SkillText.normalize(name).key)
        }
    }

    /// Letters and digits only, lower-cased: "O*NET-SOC" → `onetsoc`.
    private static func compact(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }))
    }

    /// "escov111" → "esco", "onet300" → "onet", "isco08" → "isco", "onetsoc2019" → "onetsoc".
    private static func droppingVersion(_ compact: String) -> String {
        var text = Substring(compact)
        let digits = text.reversed().prefix { $0.isNumber }.count
        guard digits > 0 else { return compact }
        text = text.dropLast(digits)
        if text.hasSuffix("v") { text = text.dropLast() }
        return String(text)
    }

    private static func recognizeHost(_ compact: String) -> FrameworkName? {
        if compact.contains("dataeuropaeuesco") || compact.contains("escoeceuropaeu") { return .esco }
        if ["onetonline", "onetcenter", "onetcodeconnector", "mynextmove"].contains(where: compact.contains) { return .onet }
        return nil
    }

    private static let known: [String: FrameworkName] = {
        var table: [String: FrameworkName] = [:]
        for name in [
            "esco", "escoskills", "escoskill", "escooccupations", "escooccupation", "escoclassification", "escoskillspillar",
            "europeanskillscompetencesqualificationsandoccupations", "europeanskillscompetencesqualificationsoccupations",
            "europeanskillscompetenciesqualificationsandoccupations",
        ] { table[name] = .esco }
        for name in [
            "onet", "onetsoc", "onetonline", "onetcontentmodel", "onetdatabase", "onetskills", "onettechnologyskills",
            "onetcenter", "onetonlineorg", "onetcenterorg", "occupationalinformationnetwork",
        ] { table[name] = .onet }
        for name in ["isco", "internationalstandardclassificationofoccupations"] { table[name] = .isco }
        for name in ["soc", "bls", "blssoc", "ussoc", "socbls", "standardoccupationalclassification"] { table[name] = .soc }
        table["unspsc"] = .unspsc
        for name in ["case", "cfitem", "1edtechcase", "imscase", "imsglobalcase", "casenetwork", "competenciesandacademicstandardsexchange"] {
            table[name] = .caseNetwork
        }
        return table
    }()
}
