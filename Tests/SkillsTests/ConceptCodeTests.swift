import Skills
import Testing

@Suite struct ConceptCodeTests {
    static let skill = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"

    @Test(arguments: [
        "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
        "https://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
        "https://data.europa.eu/esco/skill/CCD0A1D9-AFDA-43D9-B901-96344886E14D/",
        "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d?language=en#top",
        "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d.json",
        " data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d ",
        "https://esco.ec.europa.eu/en/classification/skill?uri=http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill%2Fccd0a1d9-afda-43d9-b901-96344886e14d",
    ])
    func canonicalizesESCOURIs(text: String) {
        #expect(ConceptCode.references(in: text) == [.esco(uri: Self.skill)])
    }

    @Test func recognizesOtherESCOKinds() {
        #expect(ConceptCode.escoURI("http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34/")
            == "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34")
        #expect(ConceptCode.escoURI("https://data.europa.eu/esco/isco/c2511") == "http://data.europa.eu/esco/isco/C2511")
        #expect(ConceptCode.escoURI("http://data.europa.eu/esco/isced-f/0611") == "http://data.europa.eu/esco/isced-f/0611")
        #expect(ConceptCode.escoURI("http://data.europa.eu/esco/skill/not-a-uuid") == nil)
        #expect(ConceptCode.escoURI("http://data.europa.eu/esco/concept-scheme/skills") == nil)
    }

    @Test(arguments: [
        ("15-2051.00", "15-2051.00"), ("15-2051", "15-2051.00"), (" 15-2051.01 ", "15-2051.01"),
        ("https://www.onetonline.org/link/summary/15-2051.00", "15-2051.00"),
        ("https://www.onetonline.org/link/details/15-2051.01", "15-2051.01"),
        ("https://www.mynextmove.org/profile/summary/15-2051.00", "15-2051.00"),
        ("onetonline.org/link/summary/15-2051", "15-2051.00"),
    ])
    func recognizesOnetOccupations(text: String, code: String) {
        #expect(ConceptCode.references(in: text) == [.onetOccupation(code: code)])
    }

    @Test func rejectsCodesThatOnlyContainAnOccupationCode() {
        #expect(ConceptCode.onetSOCCode("115-2051.00") == nil)
        #expect(ConceptCode.onetSOCCode("15-20511") == nil)
        #expect(ConceptCode.references(in: "https://example.org/15-2051.00").isEmpty)
    }

    @Test func recognizesContentModelElements() {
        #expect(ConceptCode.references(in: "2.A.1.a") == [.onetElement(id: "2.A.1.a")])
        #expect(ConceptCode.references(in: "2.c.10") == [.onetElement(id: "2.C.10")])
        #expect(ConceptCode.references(in: "2.A", framework: FrameworkName("O*NET")) == [.onetElement(id: "2.A")])
        #expect(ConceptCode.references(in: "2.A").isEmpty)
        #expect(ConceptCode.references(in: "https://www.onetonline.org/find/descriptor/result/2.A.2.a") == [.onetElement(id: "2.A.2.a")])
        #expect(ConceptCode.onetElementID("9.A.1") == nil)
        #expect(ConceptCode.onetElementID("2.AA.1") == nil)
    }

    @Test func recognizesTechnologyAndCommodityCodes() {
        #expect(ConceptCode.references(in: "tech:microsoft-power-bi") == [.onetTechnology(code: "tech:microsoft-power-bi")])
        #expect(ConceptCode.references(in: "43232306", framework: FrameworkName("O*NET")) == [.onetCommodity(code: "43232306")])
        #expect(ConceptCode.references(in: "43232306", framework: FrameworkName("UNSPSC")) == [.onetCommodity(code: "43232306")])
        #expect(ConceptCode.references(in: "43232306").isEmpty)
    }

    @Test func recognizesCASEItems() {
        let url = "https://caseregistry.imsglobal.org/uri/74f5bb7d-d7cc-11e8-824f-0242ac160002"
        #expect(ConceptCode.references(in: url) == [.caseItem(identifier: "74f5bb7d-d7cc-11e8-824f-0242ac160002", uri: url)])
        let api = "https://case.example.org/ims/case/v1p0/CFItems/74F5BB7D-D7CC-11E8-824F-0242AC160002?x=1"
        #expect(ConceptCode.references(in: api) == [.caseItem(identifier: "74f5bb7d-d7cc-11e8-824f-0242ac160002", uri: api)])
        #expect(ConceptCode.references(in: "74f5bb7d-d7cc-11e8-824f-0242ac160002") == [.caseItem(identifier: "74f5bb7d-d7cc-11e8-824f-0242ac160002", uri: nil)])
    }

    @Test func readsBareIdentifiersWithTheirFramework() {
        let uuid = "00030d09-2b3a-4efd-87cc-c4ea39d27c34"
        #expect(ConceptCode.references(in: uuid, framework: .esco) == [
            .esco(uri: "http://data.europa.eu/esco/skill/" + uuid), .esco(uri: "http://data.europa.eu/esco/occupation/" + uuid),
        ])
        #expect(ConceptCode.references(in: "2511", framework: FrameworkName("ISCO-08")) == [.esco(uri: "http://data.europa.eu/esco/isco/C2511")])
        #expect(ConceptCode.references(in: "2511").isEmpty)
        #expect(ConceptCode.references(in: "project").isEmpty)
    }

    @Test func namesTheSeedFrameworkAndCode() {
        #expect(ConceptReference.esco(uri: Self.skill).framework == .esco)
        #expect(ConceptReference.onetElement(id: "2.A.1.a").framework == .onet)
        #expect(ConceptReference.onetElement(id: "2.A.1.a").code == "2.A.1.a")
        #expect(ConceptReference.caseItem(identifier: nil, uri: "https://x/uri/1").framework == nil)
    }
}

@Suite struct FrameworkNameTests {
    @Test(arguments: ["ESCO", "esco", "ESCO v1.1.1", "ESCO skills", "European Skills, Competences, Qualifications and Occupations", "https://esco.ec.europa.eu"])
    func recognizesESCO(name: String) {
        #expect(FrameworkName(name) == .esco)
    }

    @Test(arguments: ["O*NET", "ONET", "O-NET", "O NET", "onet", "O*NET-SOC", "O*NET-SOC 2019", "O*NET 30.0", "O*NET OnLine", "https://www.onetonline.org", "O*NET Content Model"])
    func recognizesOnet(name: String) {
        #expect(FrameworkName(name) == .onet)
    }

    @Test func recognizesTheOthers() {
        #expect(FrameworkName("ISCO-08") == .isco)
        #expect(FrameworkName("BLS SOC") == .soc)
        #expect(FrameworkName("bls") == .soc)
        #expect(FrameworkName("UNSPSC") == .unspsc)
        #expect(FrameworkName("1EdTech CASE") == .caseNetwork)
        let catalog = "1EdTech University Program and Course Catalog"
        #expect(FrameworkName(catalog) == .other(key: SkillText.normalize(catalog).key))
        #expect(FrameworkName("Escorting guests") == .other(key: SkillText.normalize("escorting guests").key))
    }
}
