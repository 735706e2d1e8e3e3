import Testing

@testable import Skills

@Suite struct LightStemmerTests {
    private func stem(_ word: String) -> String {
        String(decoding: LightStemmer.stem(Array(word.utf8)), as: UTF8.self)
    }

    /// Porter's own examples for steps 1 and 5, where this stemmer agrees with Porter.
    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("caress", "caress"), ("cats", "cat"), ("feed", "feed"),
        ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"), ("sing", "sing"),
        ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"), ("tanned", "tan"),
        ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"), ("filing", "file"),
        ("happy", "happi"), ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"), ("controll", "control"), ("roll", "roll"),
    ])
    func followsPorterStepsOneAndFive(word: String, stem expected: String) {
        #expect(stem(word) == expected)
    }

    @Test(arguments: ["bus", "gas", "ios", "aws", "3ds", "html5", "status", "analysis", "campus", "pandas", "rails", "jenkins", "kubernetes"])
    func leavesShortWordsNamesAndLatinEndingsAlone(word: String) {
        #expect(stem(word) == word)
    }

    @Test func doesNotConflateDerivations() {
        #expect(stem("organization") != stem("organ"))
        #expect(stem("university") != stem("universe"))
        #expect(stem("management") != stem("manage"))
    }
}
