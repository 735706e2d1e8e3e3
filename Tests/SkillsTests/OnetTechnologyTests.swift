import Skills
import Testing

@Suite struct OnetTechnologyTests {
    @Test(arguments: [
        ("Tableau", "tech:tableau"), ("Microsoft Power BI", "tech:microsoft-power-bi"), ("C++", "tech:cplusplus"), ("C#", "tech:csharp"),
        ("Microsoft .NET Framework", "tech:microsoft-dotnet-framework"), ("Microsoft ASP.NET", "tech:microsoft-asp-dotnet"),
        ("Node.js", "tech:nodejs"), ("Wind River Systems C/C++ Compiler Suite", "tech:wind-river-systems-c-cplusplus-compiler-suite"),
        ("A&D Technology iTest", "tech:ad-technology-itest"), ("Amazon Web Services AWS software", "tech:amazon-web-services-aws-software"),
    ])
    func pinsCodesOfExamples(name: String, code: String) {
        #expect(OnetTechnology.conceptCode(forExample: name) == code)
    }

    @Test func givesEveryExampleOfTheSeedItsOwnCode() throws {
        let taxonomy = try #require(TaxonomyLabels.shared)
        #expect(taxonomy.technologyNames.count == 8_775)
        #expect(taxonomy.technologyNames.filter { $0.value.count > 1 }.isEmpty)
    }
}
