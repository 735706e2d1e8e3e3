import Skills
import Testing

@Suite struct AutocompleteTests {
    @Test(arguments: [
        ("data visualis", "data visual"), ("data visualiz", "data visualiz"), ("programmi", "program"), ("programming", "program"),
        ("colou", "col"), ("colour", "col"), ("project manag", "project manag"), ("managing", "manag"), ("centr", "cent"),
        ("catalogu", "catalog"), ("licenc", "licen"), ("the pyth", "pyth"), ("technologies", "technolog"), ("skills", "skil"), ("programming i", "program"), ("the", ""),
        ("paedia", "pedia"), ("c++", "cplusplus"), ("c#", "csharp"), ("py", "py"), ("data ", "data"), ("Organising ev", "organiz ev"),
    ])
    func cutsTheWordBeingTypedToAStemSafePrefix(typed: String, prefix: String) {
        #expect(SkillText.autocompletePrefix(typed) == prefix)
    }

    /// Whatever a full label normalises to starts with the prefix of any of its beginnings, British or American.
    @Test(arguments: ["data visualisation", "organisational behaviour", "programming in python", "centre management", "colour theory", "analysing data", "managing projects"])
    func everyTypedPrefixLeadsToTheStoredKey(label: String) {
        let stored = SkillText.normalize(label).key
        for length in 3...label.count {
            let typed = String(label.prefix(length))
            guard typed.last != " " else { continue }
            let prefix = SkillText.autocompletePrefix(typed)
            #expect(stored.hasPrefix(prefix), "\(typed) → \(prefix) is not a prefix of \(stored)")
        }
    }
}
