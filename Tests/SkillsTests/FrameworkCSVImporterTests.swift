import Skills
import Testing

@Suite struct FrameworkCSVImporterTests {
    private func parse(_ text: String) throws(FrameworkImportError) -> FrameworkImport {
        try FrameworkCSVImporter.parse(Array(text.utf8))
    }

    private func problems(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func readsItemsHierarchyAndMappings() throws {
        let framework = try parse(
            "\u{FEFF}Code,Label,alt_labels,description,broader_code,maps_to,url\r\n"
                + "DS,Data science,,\"Working with data, end to end\",,,\r\n"
                + "DS-1,Data visualisation,\"charts | dashboards\",\"Says \"\"what the data show\"\"\nin pictures\",DS,"
                + "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389|tech:tableau|15-2051,https://example.edu/ds-1\r\n"
                + "\r\n"
                + "DS-2,Statistics,,,DS,2.C.4.a,\n")
        #expect(framework.format == .csv)
        #expect(framework.items.map(\.id) == ["DS", "DS-1", "DS-2"])
        #expect(framework.items[0].description == "Working with data, end to end")
        #expect(framework.items[1] == FrameworkItem(
            id: "DS-1", code: "DS-1", label: "Data visualisation", altLabels: ["charts", "dashboards"],
            description: "Says \"what the data show\"\nin pictures", url: "https://example.edu/ds-1"))
        #expect(framework.hierarchy == [FrameworkEdge(child: "DS-1", parent: "DS"), FrameworkEdge(child: "DS-2", parent: "DS")])
        #expect(framework.mappings == [
            FrameworkMapping(item: "DS-1", target: .esco(uri: "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389"), kind: .exactMatch),
            FrameworkMapping(item: "DS-1", target: .onetTechnology(code: "tech:tableau"), kind: .exactMatch),
            FrameworkMapping(item: "DS-1", target: .onetOccupation(code: "15-2051.00"), kind: .exactMatch),
            FrameworkMapping(item: "DS-2", target: .onetElement(id: "2.C.4.a"), kind: .exactMatch),
        ])
    }

    @Test func needsOnlyCodeAndLabel() throws {
        let framework = try parse("label,code\nTeamwork,T1")
        #expect(framework.items == [FrameworkItem(id: "T1", code: "T1", label: "Teamwork")])
    }

    @Test func reportsHeaderProblems() {
        #expect(problems("code,name\nA,B\n") == [
            "line 1: unknown column \"name\"; columns are code, label, alt_labels, description, broader_code, maps_to, url",
            "line 1: the header has no label column",
        ])
        #expect(problems("code,label,code\n") == ["line 1: column code appears twice"])
        #expect(problems("") == ["line 1: the file is empty"])
    }

    @Test func reportsEveryRowProblemWithItsLine() {
        let text = """
            code,label,broader_code,maps_to
            A,Alpha,,
            B,,A,
            A,Again,,
            C,Gamma,Z,
            D,Delta,,not-a-code
            E,Epsilon
            ,Nameless,,
            """
        #expect(problems(text) == [
            "line 3: label of B is empty",
            "line 4: code A already used on line 2",
            "line 5: broader_code Z is not the code of any item",
            "line 6: maps_to entry not-a-code is not an ESCO URI, O*NET code or tech: id",
            "line 7: 2 fields, the header has 4",
            "line 8: code is empty",
        ])
    }

    @Test func rejectsCircularHierarchies() {
        #expect(problems("code,label,broader_code\nA,Alpha,C\nB,Beta,A\nC,Gamma,B\nD,Delta,D\n") == [
            "line 2: broader_code of A leads back to A",
            "line 3: broader_code of B leads back to B",
            "line 4: broader_code of C leads back to C",
            "line 5: broader_code of D leads back to D",
        ])
    }

    @Test func reportsQuotingErrorsWithTheirLine() {
        #expect(problems("code,label\nA,\"Alpha\nB,Beta\n") == ["line 2: a quoted field is not closed"])
        #expect(problems("code,label\nA,Al\"pha\n") == ["line 2: a quote inside an unquoted field; quote the whole field and double the quote"])
        #expect(problems("code,label\n\"A\nA\",\"x\"y\n") == ["line 3: text after the closing quote of a field; double a quote inside a quoted field"])
    }
}
