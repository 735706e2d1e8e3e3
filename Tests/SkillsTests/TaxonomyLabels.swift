import Skills

/// Every concept of the seed with its labels, read from the shared taxonomy extracts the seed was copied from.
struct TaxonomyLabels {
    /// (label, concept id) pairs: ESCO preferred and alternative labels, group labels, O*NET titles, element names,
    /// technology names and commodity titles.
    let labels: [(label: String, concept: String)]
    /// Concept ids: ESCO URIs, O*NET-SOC codes, element ids, commodity codes, `tech:` codes.
    let concepts: Set<String>
    /// Technology code → example names that produce it.
    let technologyNames: [String: Set<String>]
    /// O*NET-SOC code → ESCO occupation URIs, for crosswalk rows whose both ends exist.
    let crosswalk: [String: Set<String>]

    static let shared: TaxonomyLabels? = try? TaxonomyLabels()

    init() throws {
        var labels: [(String, String)] = []
        for row in try Fixtures.rows("esco_skills") + Fixtures.rows("esco_occupations") {
            let uri = row["uri", default: ""]
            labels.append((row["preferred_label", default: ""], uri))
            labels += row["alt_labels", default: ""].split(separator: "|").map { (String($0), uri) }
        }
        for row in try Fixtures.rows("esco_skill_groups") + Fixtures.rows("esco_isco_groups") {
            labels.append((row["preferred_label", default: ""], row["uri", default: ""]))
        }
        for row in try Fixtures.rows("onet_occupations") { labels.append((row["title", default: ""], row["onetsoc_code", default: ""])) }
        for row in try Fixtures.rows("onet_skills") { labels.append((row["name", default: ""], row["element_id", default: ""])) }
        var technologyNames: [String: Set<String>] = [:]
        var commodities = Set<String>()
        for row in try Fixtures.rows("onet_technology_skills") {
            let name = row["example", default: ""]
            let code = OnetTechnology.conceptCode(forExample: name)
            if technologyNames[code, default: []].insert(name).inserted { labels.append((name, code)) }
            let commodity = row["commodity_code", default: ""]
            if commodities.insert(commodity).inserted { labels.append((row["commodity_title", default: ""], commodity)) }
        }
        var crosswalk: [String: Set<String>] = [:]
        for row in try Fixtures.rows("crosswalk_esco_onet") where row["esco_uri_in_v1_1_1"] == "Y" && row["onetsoc_code_in_onet_30"] == "Y" {
            crosswalk[row["onetsoc_code", default: ""], default: []].insert(row["esco_occupation_uri", default: ""])
        }
        self.labels = labels
        self.concepts = Set(labels.map(\.1))
        self.technologyNames = technologyNames
        self.crosswalk = crosswalk
    }
}
