import Skills
import Testing

@Suite struct ResolutionPlanTests {
    private func summary(_ plan: ResolutionPlan) -> [String] {
        plan.lookups.map { planned in
            let what: String
            switch planned.lookup {
            case .reference(let reference): what = "\(reference.framework?.rawValue ?? "case"):\(reference.code)"
            case .frameworkCode(let framework, let code): what = "code:\(framework.map { "\($0)" } ?? "any"):\(code)"
            case .itemURL(let url): what = "url:\(url)"
            case .text(let text, let source): what = "text:\(source.rawValue):\(text.key)"
            }
            return "\(planned.rules.map(\.rawValue).joined(separator: ",")) \(what) \(planned.confidence)"
        }
    }

    @Test func resolvesAnESCOURIBeforeAnythingElse() {
        let plan = ResolutionPlan(
            for: AlignmentTarget(
                targetFramework: "ESCO", targetUrl: "https://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
                targetName: "Python", tags: ["python", "coding"], achievementName: "Python Fundamentals"))
        #expect(summary(plan) == [
            "esco_uri esco:http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d 1.0",
            "text_exact,text_alt_label,text_fulltext,text_trigram text:targetName:python 0.95",
            "text_exact,text_alt_label,text_fulltext,text_trigram text:tag:code 0.855",
            "text_exact,text_alt_label,text_fulltext,text_trigram text:achievementName:python fundamental 0.76",
        ])
    }

    @Test func readsOnetCodesInAnySpelling() {
        let plan = ResolutionPlan(for: AlignmentTarget(targetFramework: "O*NET-SOC", targetCode: "15-2051", targetName: "Data Scientists"))
        #expect(plan.lookups.first?.lookup == .reference(.onetOccupation(code: "15-2051.00")))
        #expect(plan.lookups.first?.rules == [.onetCode])
        #expect(!plan.lookups.contains { if case .frameworkCode = $0.lookup { return true } else { return false } })
    }

    /// The 1EdTech OB 3.0 example aligns to a CASE item by URL, with the item UUID as code.
    @Test func resolvesACASEItemOnce() {
        let url = "https://caseregistry.imsglobal.org/uri/74f5bb7d-d7cc-11e8-824f-0242ac160002"
        let plan = ResolutionPlan(
            for: AlignmentTarget(
                targetType: "CFItem", targetFramework: "Alabama Course of Study: English Language Arts",
                targetCode: "74f5bb7d-d7cc-11e8-824f-0242ac160002", targetUrl: url,
                targetName: "Cite strong and thorough textual evidence"))
        #expect(plan.lookups.map(\.lookup).prefix(4) == [
            .reference(.caseItem(identifier: "74f5bb7d-d7cc-11e8-824f-0242ac160002", uri: url)),
            .reference(.caseItem(identifier: "74f5bb7d-d7cc-11e8-824f-0242ac160002", uri: nil)),
            .frameworkCode(framework: FrameworkName("Alabama Course of Study: English Language Arts"), code: "74f5bb7d-d7cc-11e8-824f-0242ac160002"),
            .itemURL(url),
        ])
        #expect(plan.lookups[0].rules == [.caseItem])
    }

    /// The 1EdTech catalog example: a custom framework's code, its URL and a name.
    @Test func looksUpCustomFrameworkCodesAndURLs() {
        let plan = ResolutionPlan(
            for: AlignmentTarget(
                targetType: "CFItem", targetFramework: "1EdTech University Program and Course Catalog", targetCode: "project",
                targetUrl: "https://1edtech.edu/catalog/degree/project", targetName: "Final Project"))
        #expect(summary(plan) == [
            "framework_code code:other(key: \"1edtech universiti program cours catalog\"):project 0.95",
            "item_url url:https://1edtech.edu/catalog/degree/project 0.95",
            "text_exact,text_alt_label,text_fulltext,text_trigram text:targetName:final project 0.95",
        ])
    }

    @Test func lowersTheConfidenceOfACodeWithoutFramework() {
        let plan = ResolutionPlan(for: AlignmentTarget(targetCode: "DS-101"))
        #expect(plan.lookups.count == 1)
        #expect(plan.lookups[0].lookup == .frameworkCode(framework: nil, code: "DS-101"))
        #expect(abs(plan.lookups[0].confidence - 0.8075) < 1e-9)
    }

    @Test func skipsEmptyAndRepeatedText() {
        let plan = ResolutionPlan(for: AlignmentTarget(targetName: "  ", tags: ["Data Visualisation", "data visualization", "", "—"], achievementName: "Data visualization"))
        #expect(summary(plan) == ["text_exact,text_alt_label,text_fulltext,text_trigram text:tag:data visualization 0.855"])
    }

    @Test func settlesWhenNothingLaterCanDoBetter() {
        let plan = ResolutionPlan(for: AlignmentTarget(targetName: "data analysis", tags: ["statistics"], achievementName: "Analyst badge"))
        #expect(plan.isSettled(after: 0, bestConfidence: 0.8))
        #expect(!plan.isSettled(after: 0, bestConfidence: 0.6))
        #expect(plan.isSettled(after: 1, bestConfidence: 0.74) == false)
        #expect(plan.isSettled(after: 2, bestConfidence: 0.1))
    }

    @Test func selectsTheMostConfidentThenTheEarliest() throws {
        let plan = ResolutionPlan(for: AlignmentTarget(targetName: "x"))
        let chosen = try #require(plan.select([
            ResolutionCandidate(concept: 7, rule: .textTrigram, confidence: 0.4, lookupIndex: 0),
            ResolutionCandidate(concept: 3, rule: .escoURI, confidence: 1, lookupIndex: 1),
            ResolutionCandidate(concept: 5, rule: .onetCode, confidence: 1, lookupIndex: 0),
        ]))
        #expect(chosen.concept == 5)
        #expect(chosen.rule == .onetCode)
        #expect(!chosen.needsReview)
        #expect(plan.select([ResolutionCandidate<Int>]()) == nil)
    }

    @Test func marksLowConfidenceAndTiesForReview() throws {
        let plan = ResolutionPlan(for: AlignmentTarget(targetName: "x"))
        let low = try #require(plan.select([ResolutionCandidate(concept: 1, rule: .textTrigram, confidence: 0.5, lookupIndex: 0)]))
        #expect(low.needsReview)
        let tie = try #require(plan.select([
            ResolutionCandidate(concept: 2, rule: .textAltLabel, confidence: 0.9, lookupIndex: 0),
            ResolutionCandidate(concept: 1, rule: .textAltLabel, confidence: 0.9, lookupIndex: 0),
            ResolutionCandidate(concept: 3, rule: .textFullText, confidence: 0.6, lookupIndex: 0),
        ]))
        #expect(tie.concept == 1)
        #expect(tie.needsReview)
        #expect(tie.rivals == [2])
    }

    @Test func namesEveryRuleAsStored() {
        #expect(ResolutionRule.allCases.map(\.rawValue) == [
            "esco_uri", "onet_code", "case_item", "framework_code", "item_url", "text_exact", "text_alt_label", "text_fulltext", "text_trigram",
            "issuer_correction",
        ])
        #expect(ResolutionRule.allCases.map(\.baseConfidence) == [1, 1, 1, 0.95, 0.95, 0.95, 0.9, 0.75, 0.6, 1])
    }
}
