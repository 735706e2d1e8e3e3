import Skills
import Testing

@Suite struct SkillTextTests {
    @Test(arguments: [
        ("Data Visualisation", "data visualization"),
        ("  DATA\tvisualization!! ", "data visualization"),
        ("Crème brûlée", "creme brule"),
        ("Straße", "strass"),
        ("ﬁbre optics", "fiber optic"),
        ("Managing projects", "manag project"),
        ("management of projects", "management project"),
        ("Python (computer programming)", "python computer program"),
        ("driver’s licence", "driver licens"),
        ("IT support", "it support"),
        ("The", "the"),
        ("web 2.0", "web 2.0"),
        ("日本語 テスト", "日本語 テスト"),
    ])
    func normalizesLabels(text: String, key: String) {
        #expect(SkillText.normalize(text).key == key)
    }

    @Test(arguments: [
        ("C++", "cplusplus"), ("C#", "csharp"), ("F# programming", "fsharp program"), ("C", "c"), ("R", "r"),
        (".NET", "dotnet"), ("ASP.NET Core", "asp dotnet core"), ("Visual Basic .NET", "visual basic dotnet"),
        ("Node.js", "nodejs"), ("CompTIA A+", "comptia aplus"), ("R&D", "rd"), ("Notepad++", "notepadplusplus"),
        ("C/C++", "c cplusplus"), ("TCP/IP", "tcp ip"), ("e-mail marketing", "email market"), ("co-operate", "cooperat"),
        ("front-end development", "front end development"), ("Pandas", "pandas"), ("Ruby on Rails", "rubi rails"),
    ])
    func keepsTechnologyNamesApart(text: String, key: String) {
        #expect(SkillText.normalize(text).key == key)
    }

    @Test func distinguishesLanguagesThatPostgresParsersWouldMerge() {
        let keys = Set(["C", "C++", "C#", "F#", "F"].map { SkillText.normalize($0).key })
        #expect(keys.count == 5)
    }

    @Test(arguments: [
        ("visualisation", "visualization"), ("analyse data", "analyze data"), ("analysing", "analyzing"), ("colour", "color"),
        ("modelling", "modeling"), ("organisation", "organization"), ("organisational behaviour", "organizational behavior"),
        ("programme", "program"), ("programmes", "programs"), ("licence", "license"), ("behaviour", "behavior"),
        ("centre", "center"), ("centred", "centered"), ("defence", "defense"), ("catalogue", "catalog"), ("catalogued", "cataloged"),
        ("labour law", "labor law"), ("travellers", "travelers"), ("labelled", "labeled"), ("counselling", "counseling"),
        ("counsellor", "counselor"), ("paediatric nursing", "pediatric nursing"), ("anaesthesia", "anesthesia"),
        ("haematology", "hematology"), ("oesophagus", "esophagus"), ("leukaemia", "leukemia"), ("orthopaedic", "orthopedic"),
        ("fibreglass", "fiberglass"), ("micrometres", "micrometers"), ("manoeuvre", "maneuver"), ("manoeuvring", "maneuvering"),
        ("jewellery", "jewelry"), ("aluminium", "aluminum"), ("tyres", "tires"), ("mould", "mold"), ("moulding", "molding"),
        ("plough", "plow"), ("grey", "gray"), ("cheque", "check"), ("judgement", "judgment"), ("ageing", "aging"),
        ("enrolment", "enrollment"), ("fulfil", "fulfill"), ("skilful", "skillful"), ("practise", "practice"),
        ("enquiry", "inquiry"), ("sulphur", "sulfur"), ("favourite", "favorite"), ("neighbourhood", "neighborhood"),
        ("discolouration", "discoloration"), ("vapourisation", "vaporization"), ("utilise", "utilize"),
        ("prioritise", "prioritize"), ("recognisable", "recognizable"), ("paralysed", "paralyzed"), ("whilst", "while"),
        ("maths", "math"), ("aeroplane", "airplane"), ("draughtsperson", "draftsperson"), ("sceptical", "skeptical"),
        ("artefacts", "artifacts"), ("speciality", "specialty"), ("theatre", "theater"), ("litres", "liters"),
        ("e-catalogue", "e-catalog"), ("co-organise", "coorganize"),
    ])
    func britishAndAmericanSpellingsMeet(british: String, american: String) {
        #expect(SkillText.normalize(british) == SkillText.normalize(american))
    }

    @Test func keepsInflectionsTogether() {
        for forms in [
            ["manage", "manages", "managed", "managing"], ["skill", "skills"], ["technology", "technologies"],
            ["program", "programs", "programming", "programmed", "programme"], ["analyze", "analyzes", "analyzed", "analyzing", "analyse"],
            ["install", "installing", "installed"], ["process", "processes"], ["company", "companies"],
        ] {
            #expect(Set(forms.map { SkillText.normalize($0).key }).count == 1, "\(forms)")
        }
    }

    @Test func dropsStopWordsButNotMeaningfulShortWords() {
        #expect(SkillText.normalize("the management of a team").tokens == ["management", "team"])
        #expect(SkillText.normalize("IT and us").tokens == ["it", "us"])
        #expect(SkillText.normalize("of the").tokens == ["of", "the"])
    }

    @Test func isEmptyForPunctuation() {
        #expect(SkillText.normalize("").isEmpty)
        #expect(SkillText.normalize(" -–/()… ").isEmpty)
    }

    @Test func keyIsTheTokensJoined() {
        let normalized = SkillText.normalize("Organising large-scale events")
        #expect(normalized.tokens == ["organiz", "larg", "scale", "event"])
        #expect(normalized.key == "organiz larg scale event")
    }
}
