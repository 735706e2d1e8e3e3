import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Testing

/// A service with an issuer that has awarded a two-criterion rubric badge, and keys of three employers, for
/// calibration tests over HTTP.
struct CalibrationWorld {
    let client: any TestClientProtocol
    let service: TestService
    let signer = TestSigner(issuer: "https://issuer.example/profiles/northwind-test")

    static let achievementURI = "https://issuer.example/achievements/data-analysis-project"
    static let criteria = ["analysis", "communication"].map { "\(achievementURI)#\($0)" }
    static let levelNames = ["Beginning", "Developing", "Proficient", "Exemplary"]

    /// A key's token and id.
    struct Key {
        let token: String
        let id: UUID
        let organization: UUID
    }

    func key(org: String, kind: OrganizationKind, role: Role) async throws -> Key {
        let token = try await service.key(org: org, kind: kind, role: role)
        let prefix = token.split(separator: "_")[1]
        let rows = try await service.database.query(
            "SELECT id, organization_id FROM api_keys WHERE prefix = \(String(prefix))", logger: TestDatabase.logger
        )
        for try await (id, organization) in rows.decode((UUID, UUID).self) { return Key(token: token, id: id, organization: organization) }
        throw CocoaError(.coderValueNotFound)
    }

    /// An OB 3.0 badge with two rubric criteria (analysis, communication; four levels each), the achieved levels,
    /// and evidence unless `evidence` is false. Returns the credential JSON.
    func credential(
        index: Int,
        analysis: Int,
        communication: Int,
        evidence: Bool = true,
        descriptorSuffix: String = "",
        achievement: String = Self.achievementURI,
        rubric: Bool = true,
        validFrom: String = "2025-06-01T00:00:00Z"
    ) -> JSONValue {
        let descriptions: [JSONValue] = zip(Self.criteria, ["Data analysis", "Communication of findings"]).map { id, name in
            [
                "id": .string(id), "type": ["ResultDescription"], "name": .string(name), "resultType": "RubricCriterionLevel",
                "rubricCriterionLevel": .array(
                    Self.levelNames.enumerated().map { position, level in
                        [
                            "id": .string("\(id)-\(position)"), "type": ["RubricCriterionLevel"], "name": .string(level),
                            "description": .string("\(level) work on \(name.lowercased())\(descriptorSuffix)."),
                            "points": .string(String(position + 1)),
                        ]
                    }
                ),
            ]
        }
        var credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": .string("urn:uuid:\(UUID())"),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": .string(signer.issuer), "type": ["Profile"], "name": "Northwind Test Institute"],
            "validFrom": .string(validFrom),
            "name": "Data analysis project",
            "credentialSubject": [
                "id": .string(Self.subject(index)),
                "type": ["AchievementSubject"],
                "achievement": [
                    "id": .string(achievement), "type": ["Achievement"], "name": "Data analysis project",
                    "description": "Analyses a real dataset and reports the findings.",
                    "criteria": ["narrative": "Submit the project; it is assessed on two criteria."],
                    // ESCO "deliver visual presentation of data", in the seeded taxonomy, so search indexes the badge.
                    "alignment": [
                        [
                            "type": ["Alignment"], "targetName": "deliver visual presentation of data", "targetFramework": "ESCO",
                            "targetUrl": "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389",
                        ]
                    ],
                    "resultDescription": .array(descriptions),
                ],
                "result": [
                    [
                        "type": ["Result"], "resultDescription": .string(Self.criteria[0]),
                        "achievedLevel": .string("\(Self.criteria[0])-\(analysis)"),
                    ],
                    [
                        "type": ["Result"], "resultDescription": .string(Self.criteria[1]),
                        "achievedLevel": .string("\(Self.criteria[1])-\(communication)"),
                    ],
                ],
            ],
        ]
        if !rubric {
            credential["credentialSubject"] = [
                "id": .string(Self.subject(index)), "type": ["AchievementSubject"],
                "achievement": [
                    "id": .string(achievement), "type": ["Achievement"], "name": "Data analysis project",
                    "criteria": ["narrative": "Submit the project."],
                ],
            ]
        }
        if evidence {
            credential["evidence"] = [
                [
                    "id": .string("https://portfolio.example/projects/\(index)"), "type": ["Evidence"], "name": .string("Project \(index)"),
                    "narrative": "A cleaned dataset, three charts and a two-page report.", "genre": "Project",
                ]
            ]
        }
        return .object(credential)
    }

    static func subject(_ index: Int) -> String { "did:example:calibration-learner-\(index)" }

    /// Ingests a credential signed by the world's issuer; returns the achievement id.
    @discardableResult
    func ingest(_ credential: JSONValue, issuer: Key) async throws -> UUID {
        let response = try await client.execute(
            uri: "/v1/credentials", method: .post, headers: .bearer(issuer.token, [.contentType: "application/jwt"]),
            body: ByteBuffer(string: try signer.jwt(credential))
        )
        guard let id = try response.json["achievementId"]?.stringValue.flatMap(UUID.init(uuidString:)) else {
            throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: response.text])
        }
        return id
    }

    /// A JSON request; returns status and parsed body (null for an empty body).
    func call(_ method: HTTPRequest.Method, _ uri: String, _ key: Key, _ body: JSONValue? = nil) async throws -> (
        status: HTTPResponse.Status, json: JSONValue
    ) {
        let response = try await client.execute(
            uri: uri, method: method, headers: .bearer(key.token, body == nil ? [:] : .json),
            body: body.map { ByteBuffer(string: $0.serialized()) }
        )
        return (response.status, response.body.readableBytes == 0 ? .null : try response.json)
    }

    static func run(_ body: @escaping @Sendable (CalibrationWorld) async throws -> Void) async throws {
        try await TestApp.run { client, service in try await body(CalibrationWorld(client: client, service: service)) }
    }

    /// The same, on a database loaded with the built-in taxonomy, so alignments resolve and search indexes badges.
    static func runSeeded(_ body: @escaping @Sendable (CalibrationWorld) async throws -> Void) async throws {
        try await TestDatabase.withSeeded { url in
            let routes = RouteTable()
            let app = try await buildApplication(config: TestApp.config(for: url), logger: TestDatabase.logger, routes: routes)
            try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { database in
                try await app.test(.router) { client in
                    try await body(CalibrationWorld(client: client, service: TestService(database: database, routes: routes)))
                }
            }
        }
    }
}

extension JSONValue {
    /// The double at a path of member names, for assertions on figures.
    func double(_ path: String...) -> Double? {
        var current: JSONValue? = self
        for key in path { current = current?[key] }
        return current?.numberValue?.double
    }

    /// The elements of an array member.
    func items(_ key: String) -> [JSONValue] {
        self[key]?.arrayValue ?? []
    }
}

/// Doubles equal to 12 significant digits (the service and the test compute the same IEEE operations).
func nearlyEqual(_ a: Double?, _ b: Double?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= 1e-12 * max(1, abs(a), abs(b))
}
