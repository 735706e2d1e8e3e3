import Testing

@testable import Skills

@Suite struct AmericanSpellingTests {
    private func american(_ word: String) -> String {
        String(decoding: AmericanSpelling.convert(Array(word.utf8)), as: UTF8.self)
    }

    @Test(arguments: [
        "exercise", "promise", "advertise", "advertising", "otherwise", "streetwise", "expertise", "enterprise", "franchise",
        "compromise", "uncompromising", "surprise", "supervise", "improvise", "improvisation", "precise", "paradise",
        "premises", "crises", "raise", "praise", "noise", "merchandise", "liaise", "apprise", "arthritises",
        "four", "hour", "tour", "tourism", "ecotourism", "pour", "pourer", "contour", "recontouring", "detour", "flour",
        "your", "glamour", "devour", "scour", "acre", "genre", "massacre", "mediocre", "controlling", "installing",
        "patrolling", "rebelled", "analysis", "tennis", "status", "organization", "color", "center", "program",
    ])
    func leavesWordsThatOnlyLookBritishAlone(word: String) {
        #expect(american(word) == word)
    }

    @Test(arguments: [
        ("organise", "organize"), ("organised", "organized"), ("organisers", "organizers"), ("organisational", "organizational"),
        ("recognisably", "recognizably"), ("synthesise", "synthesize"), ("digitise", "digitize"), ("analyser", "analyzer"),
        ("colours", "colors"), ("colourful", "colorful"), ("labourer", "laborer"), ("savoury", "savory"), ("odour", "odor"),
        ("vapour", "vapor"), ("parlour", "parlor"), ("humourless", "humorless"), ("centrepiece", "centerpiece"),
        ("kilometre", "kilometer"), ("calibre", "caliber"), ("modeller", "modeler"), ("signalling", "signaling"),
        ("cancelled", "canceled"), ("tunnelling", "tunneling"), ("hydrodesulphurisation", "hydrodesulfurization"),
        ("urogynaecology", "urogynecology"), ("lymphoedema", "lymphedema"), ("palaeontology", "paleontology"),
        ("dyspnoea", "dyspnea"), ("foetal", "fetal"), ("mollusc", "mollusk"), ("orientated", "oriented"),
    ])
    func convertsBritishSpellings(british: String, american expected: String) {
        #expect(american(british) == expected)
    }

    @Test func leavesGastroesophagealAmerican() {
        #expect(american("gastroesophageal") == "gastroesophageal")
        #expect(american("oesophageal") == "esophageal")
    }
}
