import Skills
import Testing

@Suite struct CASEPackageImporterTests {
    @Test func readsTheOpenSALTSample() throws {
        let bytes = try Fixtures.bytes(Fixtures.taxonomy.appendingPathComponent("samples/case_cfpackage_sample.json"))
        let framework = try CASEPackageImporter.parse(bytes)
        #expect(framework.format == .casePackage)
        #expect(framework.title == "What Standards Could Be")
        #expect(framework.identifier == "20c5134f-423d-4097-a971-3dd5152bf507")
        #expect(framework.items.count == 16)
        let first = try #require(framework.items.first)
        #expect(first == FrameworkItem(
            id: "edfce0e7-dbbf-40d5-af1a-baccabef85e9", code: "CCSS.Math.Content.6.RP.A",
            label: "Understand ratio concepts and use ratio reasoning to solve problems.", description: nil,
            url: "http://opensalt-staging.opened.com/uri/edfce0e7-dbbf-40d5-af1a-baccabef85e9", type: "Cluster"))
        // 16 isChildOf associations: 2 clusters under the document, 14 items under items.
        #expect(framework.hierarchy.count == 14)
        let byID = Dictionary(uniqueKeysWithValues: framework.items.map { ($0.id, $0.code ?? "") })
        #expect(framework.hierarchy.contains { byID[$0.child] == "CCSS.Math.Content.6.RP.A.1" && byID[$0.parent] == "CCSS.Math.Content.6.RP.A" })
        #expect(framework.hierarchy.contains { byID[$0.child] == "CCSS.Math.Content.6.RP.A.3a" && byID[$0.parent] == "CCSS.Math.Content.6.RP.A.3" })
        #expect(framework.mappings.filter { $0.kind == .exactMatch }.count == 16)
        #expect(framework.mappings.filter { $0.kind == .related }.count == 2)
        #expect(framework.mappings.first?.target == .caseItem(
            identifier: "5b6c487e-04f1-5ba9-9722-d099849b9167", uri: "http://opensalt-staging.opened.com/uri/5b6c487e-04f1-5ba9-9722-d099849b9167"))
        #expect(framework.warnings.map(\.message) == ["2 exemplar association(s) not imported", "3 precedes association(s) not imported"])
        #expect(framework.items.first { $0.code == "CCSS.Math.Content.6.RP.A.1" }?.description?.hasPrefix("For example, ") == true)
    }

    @Test func readsAWrappedPackageAndRecognisesFrameworkTargets() throws {
        let json = """
            {"CFPackage": {
              "CFDocument": {"identifier": "D0C00000-0000-4000-8000-000000000000", "uri": "https://case.example/uri/d", "title": "Data skills"},
              "CFItems": [
                {"identifier": "A0000000-0000-4000-8000-000000000001", "fullStatement": "Create charts and dashboards that explain data.",
                 "abbreviatedStatement": "Data visualisation", "humanCodingScheme": "DS.1", "conceptKeywords": ["charts", "dashboards"]},
                {"identifier": "a0000000-0000-4000-8000-000000000002", "fullStatement": "Tableau"}
              ],
              "CFAssociations": [
                {"associationType": "isChildOf", "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000002"},
                 "destinationNodeURI": {"identifier": "A0000000-0000-4000-8000-000000000001"}},
                {"associationType": "isChildOf", "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"},
                 "destinationNodeURI": {"identifier": "d0c00000-0000-4000-8000-000000000000"}},
                {"associationType": "exactMatchOf", "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"},
                 "destinationNodeURI": "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389"},
                {"associationType": "isRelatedTo", "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000002"},
                 "destinationNodeURI": {"uri": "https://www.onetonline.org/link/summary/15-2051.00", "identifier": "x"}},
                {"associationType": "isChildOf", "originNodeURI": {"identifier": "b0000000-0000-4000-8000-000000000009"},
                 "destinationNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"}}
              ]}}
            """
        let framework = try CASEPackageImporter.parse(Array(json.utf8))
        #expect(framework.identifier == "d0c00000-0000-4000-8000-000000000000")
        #expect(framework.items[0] == FrameworkItem(
            id: "a0000000-0000-4000-8000-000000000001", code: "DS.1", label: "Data visualisation", altLabels: ["charts", "dashboards"],
            description: "Create charts and dashboards that explain data."))
        #expect(framework.hierarchy == [FrameworkEdge(child: "a0000000-0000-4000-8000-000000000002", parent: "a0000000-0000-4000-8000-000000000001")])
        #expect(framework.mappings == [
            FrameworkMapping(item: "a0000000-0000-4000-8000-000000000001", target: .esco(uri: "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389"), kind: .exactMatch),
            FrameworkMapping(item: "a0000000-0000-4000-8000-000000000002", target: .onetOccupation(code: "15-2051.00"), kind: .related),
        ])
        #expect(framework.warnings.map(\.description) == ["/CFPackage/CFAssociations/4: origin b0000000-0000-4000-8000-000000000009 is not an item of this package"])
    }

    @Test func reportsProblemsWithTheirPointers() {
        func problems(_ json: String) -> [String] {
            do {
                _ = try CASEPackageImporter.parse(Array(json.utf8))
                return []
            } catch {
                return error.problems.map(\.description)
            }
        }
        #expect(problems("[1]") == ["/: expected a CFPackage object, found an array"])
        #expect(problems("{\"CFDocument\": {\"title\": \"T\"}, \"CFItems\": []}") == [
            "/CFDocument/identifier: is missing", "/CFItems: expected a non-empty array of CFItems",
        ])
        #expect(problems("""
            {"CFDocument": {"identifier": "d", "title": "T"}, "CFItems": [{"identifier": "i"}, {"identifier": "i", "fullStatement": "x"}, {"identifier": "i", "fullStatement": "y"}, 3],
             "CFAssociations": [{"associationType": "isChildOf", "originNodeURI": {"identifier": "i"}, "destinationNodeURI": {"identifier": "i"}}]}
            """) == [
                "/CFItems/0/fullStatement: is missing", "/CFItems/2/identifier: identifier i repeats an earlier item",
                "/CFItems/3: expected an object, found a number", "/CFAssociations: isChildOf associations of i lead back to it",
            ])
        #expect(problems("{\"CFDocument\": ").first?.hasPrefix("/CFDocument") == true)
    }
}
